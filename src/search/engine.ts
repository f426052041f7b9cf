import MiniSearch from 'minisearch';
import { dateSpan } from '../corpus/dates.ts';
import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { analyze, type Term } from './analyzer.ts';
import { Vocabulary } from './fuzzy.ts';

export interface SearchRequest {
  readonly question: string;
  readonly limit: number;
  /** Results to skip, for "more" pages of the same question. */
  readonly offset?: number;
  /** Inclusive bounds on the article's date, YYYY-MM-DD. Undated articles are left out when either is set. */
  readonly from?: string | null;
  readonly to?: string | null;
  readonly sourceId?: string | null;
}

export interface Hit {
  readonly passage: Passage;
  readonly score: number;
  readonly alsoIn: readonly Source[];
  /** Share of the question's weight that this passage answers, 0..1. */
  readonly coverage: number;
  /** Positions (0-based word indexes in the passage) of the matched words, for highlighting. */
  readonly matchedPositions: readonly number[];
}

export interface SearchResult {
  readonly hits: readonly Hit[];
  /** Whether more results follow the last one returned. */
  readonly more: boolean;
  /** Words the corpus does not know, read as the closest word it does ("embasy" -> "embassy"). */
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Words of the question the corpus does not know at all. */
  readonly unknownWords: readonly string[];
}

/**
 * Tuning, measured with `npm run eval` on both question sets. A passage must answer at least
 * MIN_COVERAGE of the question's weight (terms weighted by rarity, unknown words counting as the
 * rarest) or the question is not answered: a shared common word is not an answer.
 */
export const SEARCH_TUNING = {
  minCoverage: 0.5,
  /** Below the best hit's coverage times this, a passage answers too little of the question to show. */
  relativeCoverage: 0.6,
  /** How much more a passage scores when the question's words stand together in it (1 + this, at most). */
  proximityWeight: 0.6,
  /** A corrected typo counts for less than a word the asker spelled as the corpus does. */
  correctedWeight: 0.8,
  /** Candidates re-scored for proximity; the rest keep their first-pass order. */
  rescoreCandidates: 60,
} as const;

interface IndexedDoc {
  readonly id: number;
  readonly terms: string;
}

interface QueryTerm {
  readonly term: string;
  readonly weight: number;
}

/** The searchable form of one corpus: built once per corpus load, then read-only. */
export class SearchIndex {
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly vocabulary: Vocabulary;
  /** The commonest written form of each term, to show a correction in the asker's words. */
  private readonly surface = new Map<string, string>();
  private readonly passageCount: number;

  private constructor(readonly corpus: Corpus) {
    this.mini = new MiniSearch<IndexedDoc>({
      fields: ['terms'],
      tokenize: (text) => (text === '' ? [] : text.split(' ')),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
    });
    const frequency = new Map<string, number>();
    const docs = corpus.passages.map((passage, id): IndexedDoc => {
      const terms = analyze(passage.text);
      for (const term of new Set(terms.map((t) => t.term))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      for (const { term, word } of terms) if (!this.surface.has(term)) this.surface.set(term, word);
      return { id, terms: terms.map((t) => t.term).join(' ') };
    });
    this.mini.addAll(docs);
    this.vocabulary = new Vocabulary(frequency);
    this.passageCount = corpus.passages.length;
  }

  static build(corpus: Corpus): SearchIndex {
    return new SearchIndex(corpus);
  }

  private idf(documentFrequency: number): number {
    const n = this.passageCount;
    return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  /** The question's terms with their weights, after typo correction; unknown words only add weight to miss. */
  private interpret(question: string): { terms: QueryTerm[]; missingWeight: number; corrections: SearchResult['corrections']; unknownWords: string[] } {
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    const corrections: Array<{ from: string; to: string }> = [];
    const unknownWords: string[] = [];
    let missingWeight = 0;
    const rarest = this.idf(1);
    for (const { term, word } of analyze(question, 'question')) {
      if (seen.has(term)) continue;
      seen.add(term);
      if (this.vocabulary.has(term)) {
        terms.push({ term, weight: this.idf(this.vocabulary.frequency(term)) });
        continue;
      }
      const corrected = this.vocabulary.correct(term);
      if (corrected && !seen.has(corrected)) {
        seen.add(corrected);
        terms.push({ term: corrected, weight: this.idf(this.vocabulary.frequency(corrected)) * SEARCH_TUNING.correctedWeight });
        corrections.push({ from: word, to: this.surface.get(corrected) ?? corrected });
      } else if (!corrected) {
        missingWeight += rarest;
        unknownWords.push(word);
      }
    }
    return { terms, missingWeight, corrections, unknownWords };
  }

  search(request: SearchRequest): SearchResult {
    const { terms, missingWeight, corrections, unknownWords } = this.interpret(request.question);
    const none: SearchResult = { hits: [], more: false, corrections, unknownWords };
    if (terms.length === 0) return none;
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0) + missingWeight;
    const weightOf = new Map(terms.map((t) => [t.term, t.weight]));
    const filter = this.filterFor(request);

    const candidates = this.mini
      .search(terms.map((t) => t.term).join(' '), { combineWith: 'OR', ...(filter ? { filter: (result) => filter(this.corpus.passages[result.id as number]!) } : {}) })
      .map((result) => {
        const coverage = result.queryTerms.reduce((sum, term) => sum + (weightOf.get(term) ?? 0), 0) / totalWeight;
        return { id: result.id as number, matched: result.queryTerms, coverage, score: result.score * coverage * coverage };
      })
      .sort((a, b) => b.score - a.score);
    const best = Math.max(0, ...candidates.map((c) => c.coverage));
    if (best < SEARCH_TUNING.minCoverage) return none;

    const ranked = candidates
      .filter((c) => c.coverage >= best * SEARCH_TUNING.relativeCoverage)
      .map((c, rank) => {
        if (rank >= SEARCH_TUNING.rescoreCandidates) return { ...c, positions: [] as number[] };
        const { boost, positions } = proximity(analyze(this.corpus.passages[c.id]!.text), new Set(c.matched));
        return { ...c, score: c.score * boost, positions };
      })
      .sort((a, b) => b.score - a.score || a.id - b.id);

    // Near-identical paragraphs from several outlets are one result: the best-ranked stands for its group.
    const shownGroups = new Set<string>();
    const folded = ranked.filter((c) => {
      const group = this.corpus.duplicateGroup.get(this.corpus.passages[c.id]!.id);
      if (group === undefined) return true;
      if (shownGroups.has(group)) return false;
      shownGroups.add(group);
      return true;
    });

    const offset = request.offset ?? 0;
    const hits = folded.slice(offset, offset + request.limit).map((c): Hit => {
      const passage = this.corpus.passages[c.id]!;
      return { passage, score: Math.round(c.score * 1000) / 1000, alsoIn: this.corpus.alsoIn.get(passage.id) ?? [], coverage: c.coverage, matchedPositions: c.positions };
    });
    return { hits, more: folded.length > offset + request.limit, corrections, unknownWords };
  }

  private filterFor(request: SearchRequest): ((passage: Passage) => boolean) | null {
    const { from, to, sourceId } = request;
    if (!from && !to && !sourceId) return null;
    return (passage) => {
      if (sourceId && passage.source.id !== sourceId) return false;
      if (!from && !to) return true;
      if (!passage.source.date) return false;
      const span = dateSpan(passage.source.date);
      return (!from || span.last >= from) && (!to || span.first <= to);
    };
  }
}

/**
 * 1 + weight × (matched terms − 1) / (width of the narrowest window holding each of them once):
 * the boost is largest when the question's words stand side by side in the passage.
 */
function proximity(terms: readonly Term[], matched: ReadonlySet<string>): { boost: number; positions: number[] } {
  const hits = terms.filter((t) => matched.has(t.term));
  const positions = hits.map((t) => t.position);
  const distinct = matched.size;
  if (distinct < 2) return { boost: 1, positions };
  const counts = new Map<string, number>();
  let covered = 0;
  let narrowest = Infinity;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const term = hits[right]!.term;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (counts.get(term) === 1) covered++;
    while (covered === distinct) {
      narrowest = Math.min(narrowest, hits[right]!.position - hits[left]!.position + 1);
      const leftTerm = hits[left]!.term;
      counts.set(leftTerm, counts.get(leftTerm)! - 1);
      if (counts.get(leftTerm) === 0) covered--;
      left++;
    }
  }
  return { boost: 1 + (SEARCH_TUNING.proximityWeight * (distinct - 1)) / narrowest, positions };
}
