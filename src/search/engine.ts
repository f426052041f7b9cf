import MiniSearch from 'minisearch';
import { dateSpan } from '../corpus/dates.ts';
import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { ALIASES } from './aliases.ts';
import { analyze, capitalisedPhrases, type Term } from './analyzer.ts';
import { englishCount, zipf } from './english.ts';
import { Vocabulary } from './fuzzy.ts';
import { WordNet, type PartOfSpeech, type Relation } from './wordnet.ts';

/** Seen this often in the subtitle corpus, a word is real English, not a typo (the list has a few misspellings once or twice). */
const MIN_ENGLISH_COUNT = 3;

/** Written forms kept per term for telling stand-ins apart: a term rarely has more inflections than this. */
const MAX_FORMS = 8;

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
  /** Share of the question's topical weight that this passage answers, 0..1 (see SEARCH_TUNING). */
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
  /** Words of the question the corpus does not know at all, nor any word related to them. */
  readonly unknownWords: readonly string[];
  /** Words the corpus does not know, read through related words it does ("afraid" -> "fear, fearful"). */
  readonly related?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

/**
 * How the engine reads a question. Each question word becomes a *group*: the word itself when the
 * corpus knows it, else its typo correction or the phrase its initials spell in the articles ("FM"
 * -> Foreign Minister), plus words WordNet relates to it in their common senses that the corpus
 * writes ("afraid" -> "fear", "spokesman" -> "spokesperson"), each weighted below an exact match. A
 * passage scores, per group, its best alternative's BM25 times that alternative's weight (stand-ins
 * never add up), times its coverage, times a proximity boost.
 *
 * Whether to answer at all is a separate question. The *coverage* of a passage is the share of the
 * question's topical weight that it matches. A word's topical weight is how likely it is to name
 * what the question is about, on one scale for words the corpus knows and words it lacks:
 * - everyday words weigh nothing: the ~100 commonest English words (SUBTLEX) fade out;
 * - things weigh more than ways of asking: nouns and names count fully, verbs, adjectives and
 *   adverbs ("afraid", "actually", "crack down") and spans of time ("this weekend") less, because
 *   an article that answers may well word them otherwise;
 * - a word the corpus has everywhere ("Iraq", "US") singles out less (its IDF share).
 * A stand-in counts as far as it implies the word: a synonym much, a broader word ("vote" for
 * "election") little. So a missing topic ("Taiwanese", "falafel", "weather") sinks a question,
 * while a missing helper ("actually", "rethink") only lowers it.
 *
 * The values below were measured with `npm run eval` on both question sets; the off-topic and the
 * answerable questions nearest the line sit at about 0.48 and 0.52 coverage, so minCoverage stays
 * at the natural half.
 */
export const SEARCH_TUNING = {
  /** The best passage must match this share of the question's topical weight, or nothing is shown. */
  minCoverage: 0.5,
  /** Below the best hit's coverage times this, a passage answers too little of the question to show. */
  relativeCoverage: 0.3,
  /** How much more a passage scores when the question's words stand together in it (1 + this, at most). */
  proximityWeight: 1,
  /** A corrected typo counts for less than a word the asker spelled as the corpus does. */
  correctedWeight: 0.8,
  /**
   * What a related word counts for in ranking, against 1 for the word itself: a synonym or the same
   * word in another class (afraid/fear) nearly as much as a typo fix; a near, broader or narrower
   * word (spokesman -> spokesperson, money -> fund) less, as it may not mean what the asker meant.
   */
  relationWeight: { synonym: 0.7, derived: 0.7, similar: 0.5, broader: 0.5, narrower: 0.4 } satisfies Record<Relation, number>,
  /**
   * What a stand-in counts for in coverage, by how far a passage that has it can be said to speak
   * of the question's word: a narrower word implies the word (a missile is a weapon), a broader one
   * does not (a vote need not be an election), a merely similar one hardly.
   */
  impliesWeight: { exact: 1, typo: 0.8, synonym: 0.7, derived: 0.7, narrower: 0.6, broader: 0.25, similar: 0.3 } satisfies Record<Alternative['how'], number>,
  /**
   * Zipf values (log10 occurrences per billion words) between which a word fades from counting 1 to
   * nothing: 6 is once in a thousand words ("people", "make"), 7 once in a hundred ("like", "what").
   */
  everydayZipf: { from: 6, to: 7 },
  /** Weight of the commonest words, above 0 so a question of only such words still has a weight. */
  minTopicality: 0.02,
  /** What a verb, adjective or adverb counts for against a noun (by its tagged uses in WordNet). */
  helperWeight: 0.2,
  /** Zipf value from which a word WordNet lacks is taken for a function word or an irregular form, not a name: 4 is ten in a million words. */
  functionWordZipf: 4,
  /** What a noun naming a span of time (WordNet noun.time: "weekend", "year") counts for. */
  timeWeight: 0.3,
  /** Power of a known word's IDF share (its IDF over the rarest word's) in its weight: 1/2 softens it, so the story's own names still count. */
  ubiquityExponent: 0.5,
  /** Look up related words for words the corpus knows too (tried -> attempted), not only for the ones it lacks. */
  expandKnownWords: true,
  /**
   * Stand-ins kept per question word. Each costs one posting-list scan per query, and a general
   * verb ("change", "make") has dozens of narrower ones that say little: this bounds the work.
   */
  maxStandIns: 12,
  /**
   * Share of the previous paragraph's matches (same article) a paragraph inherits, in score and
   * coverage: enough to lift "the two officials discussed…" after "Iraq's foreign minister… Iran",
   * too little to answer for it. Measured: 0.3 already lets neighbours crowd out better passages.
   */
  contextShare: 0.2,
  /** Candidates re-scored for proximity; the rest keep their first-pass order. */
  rescoreCandidates: 60,
} as const;

interface IndexedDoc {
  readonly id: number;
  readonly terms: string;
}

/** One way a question word can be matched: itself, its typo correction, or a related word. */
interface Alternative {
  readonly term: string;
  readonly weight: number;
  /** The related word as written, for explaining the match. */
  readonly word: string;
  readonly how: 'exact' | 'typo' | Relation;
}

/** One word of the question and the ways it may be matched. */
interface Group {
  readonly word: string;
  /** How much the word says about the question's topic (see SEARCH_TUNING). */
  readonly weight: number;
  readonly alternatives: Alternative[];
  /** The word itself or its typo correction, when the corpus has it: the term whose rarity the group carries. */
  readonly reference: string | null;
}

/** How a passage matches one group: its best alternative's score, and the most any matched alternative implies. */
interface GroupMatch {
  readonly score: number;
  readonly implies: number;
  readonly terms: readonly string[];
}

interface Candidate {
  readonly id: number;
  readonly score: number;
  /** Topical coverage, 0..1. */
  readonly coverage: number;
  /** Matched term -> index of the group it stands for. */
  readonly matched: Map<string, number>;
}

/** The searchable form of one corpus: built once per corpus load, then read-only. */
export class SearchIndex {
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly vocabulary: Vocabulary;
  /** The commonest written form of each term, to show a correction in the asker's words. */
  private readonly surface = new Map<string, string>();
  /** Initials -> the capitalised phrase the corpus mostly writes with them, as search terms ("fm" -> foreign minist). */
  private readonly initials = new Map<string, { terms: string[]; count: number }>();
  /** The written forms of each term (a few), to tell a stand-in from a word the stemmer merely joins to it. */
  private readonly forms = new Map<string, Set<string>>();
  private readonly passageCount: number;
  private readonly wordnet = WordNet.shared();

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
      for (const { term, word } of terms) {
        if (!this.surface.has(term)) this.surface.set(term, word);
        const forms = this.forms.get(term);
        if (!forms) this.forms.set(term, new Set([word]));
        else if (forms.size < MAX_FORMS) forms.add(word);
      }
      return { id, terms: terms.map((t) => t.term).join(' ') };
    });
    this.mini.addAll(docs);
    // Per initials, the phrase most passages spell them with, by a majority vote in one pass
    // (Boyer-Moore): memory grows with the number of distinct initials, not of phrases.
    for (const passage of corpus.passages) {
      for (const { initials, terms } of capitalisedPhrases(passage.text)) {
        const current = this.initials.get(initials);
        if (!current || current.count === 0) this.initials.set(initials, { terms, count: 1 });
        else if (current.terms.join(' ') === terms.join(' ')) current.count++;
        else current.count--;
      }
    }
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

  /**
   * How much a word names the question's topic: 1, fading for everyday words (by how common it is
   * in English), less for a verb, adjective, adverb or span of time (by how WordNet's tagged texts
   * use it; a word WordNet lacks is a name, a number or a typo, and counts fully), and less for a
   * known word the corpus has everywhere.
   */
  private topicalWeight(word: string, following: string | undefined, rated: string, knownTerm: string | null): number {
    const { from, to } = SEARCH_TUNING.everydayZipf;
    const everyday = Math.min(1, Math.max(SEARCH_TUNING.minTopicality, (to - zipf(rated)) / (to - from)));
    let kind = 1;
    if (!ALIASES.has(word)) {
      const phrase = following && this.wordnet.knows(`${word} ${following}`) ? `${word} ${following}` : word;
      const shares = this.wordnet.partOfSpeechShares(phrase);
      if (shares) kind = shares.n * (this.wordnet.isTimeNoun(phrase) ? SEARCH_TUNING.timeWeight : 1) + SEARCH_TUNING.helperWeight * (1 - shares.n);
      // WordNet lists content words only: a common word it lacks is a function word or an
      // irregular form ("else", "whose", "came"), a rare one a name, a number or a typo.
      else if (zipf(rated) >= SEARCH_TUNING.functionWordZipf) kind = SEARCH_TUNING.helperWeight;
    }
    const ubiquity = knownTerm ? (this.idf(this.vocabulary.frequency(knownTerm)) / this.idf(1)) ** SEARCH_TUNING.ubiquityExponent : 1;
    return everyday * kind * ubiquity;
  }

  /** A real English word is not a typo: it is read through related words, never "corrected" into another. */
  private isEnglish(word: string): boolean {
    return englishCount(word) >= MIN_ENGLISH_COUNT || this.wordnet.knows(word);
  }

  /**
   * Corpus terms WordNet relates to a question word (or to the phrase it starts: "crack down"), the
   * best weight per term, closest and then rarest first, at most SEARCH_TUNING.maxStandIns.
   */
  private related(word: string, following: string | undefined, preceding: readonly string[] | undefined, own: string): Alternative[] {
    const found = new Map<string, Alternative>();
    const lookups = following ? [`${word} ${following}`, word] : [word];
    const parts = this.partsOfSpeechAfter(preceding ?? []);
    for (const lookup of lookups) {
      for (const { word: relatedWord, relation } of this.wordnet.related(lookup, lookup === word ? parts : undefined)) {
        const term = singleTerm(relatedWord);
        if (term === null || term === own || !this.vocabulary.has(term)) continue;
        if (!this.writtenAs(term, relatedWord)) continue;
        const weight = SEARCH_TUNING.relationWeight[relation];
        if ((found.get(term)?.weight ?? 0) < weight) found.set(term, { term, weight, word: relatedWord, how: relation });
      }
    }
    return [...found.values()]
      .sort((a, b) => b.weight - a.weight || this.vocabulary.frequency(a.term) - this.vocabulary.frequency(b.term) || (a.term < b.term ? -1 : 1))
      .slice(0, SEARCH_TUNING.maxStandIns);
  }

  /**
   * The parts of speech a word can be after the words before it, read the simplest way: after "the"
   * or "its" a noun or adjective, after "the" and an adjective a noun ("the wrong signal" is no verb
   * "signal"), after "would" or "to" a verb ("would send"). Elsewhere any.
   */
  private partsOfSpeechAfter([previous, beforeThat]: readonly string[]): readonly PartOfSpeech[] | undefined {
    if (previous && BEFORE_NOUN.has(previous)) return ['n', 'a'];
    if (previous && BEFORE_VERB.has(previous)) return ['v'];
    if (previous && beforeThat && BEFORE_NOUN.has(beforeThat) && (this.wordnet.partOfSpeechShares(previous)?.a ?? 0) > 0.5) return ['n'];
    return undefined;
  }

  /**
   * Whether the corpus writes the term as a form of the word: the stemmer joins "indicator" to
   * "indicating" and "condemnable" to "condemned", but the articles' "indicating" is no indicator.
   */
  private writtenAs(term: string, word: string): boolean {
    const lemmas = new Set(this.wordnet.baseForms(word).map((form) => form.lemma));
    lemmas.add(word);
    for (const form of this.forms.get(term) ?? []) {
      if (form === word || this.wordnet.baseForms(form).some((base) => lemmas.has(base.lemma))) return true;
    }
    return false;
  }

  /** The question's word groups, after typo correction and expansion. */
  private interpret(question: string): { groups: Group[]; corrections: SearchResult['corrections']; related: Array<{ from: string; to: string }>; unknownWords: string[] } {
    const seen = new Set<string>();
    const groups: Group[] = [];
    const corrections: Array<{ from: string; to: string }> = [];
    const related: Array<{ from: string; to: string }> = [];
    const unknownWords: string[] = [];
    const analyzed = analyze(question, 'question');
    const questionTerms = new Set(analyzed.map((t) => t.term));
    for (const { term, word, following, preceding, initials } of analyzed) {
      if (seen.has(term)) continue;
      seen.add(term);
      const alternatives: Alternative[] = [];
      const known = this.vocabulary.has(term);
      const isAlias = ALIASES.has(word);
      if (known) alternatives.push({ term, weight: 1, word, how: 'exact' });
      // Initials the articles spell out: "FM" is the "Foreign Minister" of the text.
      const spelled = !known && initials ? this.initials.get(word) : undefined;
      if (spelled && spelled.terms.every((t) => this.vocabulary.has(t))) {
        alternatives.push({ term: spelled.terms.join(' '), weight: SEARCH_TUNING.relationWeight.synonym, word: spelled.terms.join(' '), how: 'synonym' });
      }
      else if (!isAlias && !this.isEnglish(word)) {
        const corrected = this.vocabulary.correct(term);
        if (corrected && !seen.has(corrected)) {
          seen.add(corrected);
          alternatives.push({ term: corrected, weight: SEARCH_TUNING.correctedWeight, word: this.surface.get(corrected) ?? corrected, how: 'typo' });
          corrections.push({ from: word, to: this.surface.get(corrected) ?? corrected });
        }
      }
      // A compound name is often shortened to its last word: "the Washington Post" ... "the Post".
      if (isAlias && word.includes(' ') && term === word.replace(/ /g, '')) {
        const head = analyze(word.slice(word.lastIndexOf(' ') + 1))[0]?.term;
        if (head && this.vocabulary.has(head) && !questionTerms.has(head)) alternatives.push({ term: head, weight: SEARCH_TUNING.relationWeight.synonym, word: head, how: 'synonym' });
      }
      if (!isAlias && (!known || SEARCH_TUNING.expandKnownWords)) {
        const expansions = this.related(word, following, preceding, term).filter((a) => !questionTerms.has(a.term) && !seen.has(a.term));
        alternatives.push(...expansions);
        if (!known && alternatives.length > 0 && expansions.length > 0) related.push({ from: word, to: expansions.map((a) => a.word).join(', ') });
      }
      if (alternatives.length === 0) unknownWords.push(word);
      const reference = alternatives.find((a) => a.how === 'exact' || a.how === 'typo')?.term ?? null;
      // A typo is rated by the word it was read as; a name the frequency list lacks stays as rare as can be.
      const rated = this.isEnglish(word) || reference === null ? word : (this.surface.get(reference) ?? word);
      groups.push({ word, weight: this.topicalWeight(word, following, rated, known ? term : null), alternatives, reference });
    }
    return { groups, corrections, related, unknownWords };
  }

  search(request: SearchRequest): SearchResult {
    const { groups, corrections, related, unknownWords } = this.interpret(request.question);
    const none: SearchResult = { hits: [], more: false, corrections, unknownWords, related };
    if (groups.every((g) => g.alternatives.length === 0)) return none;
    const filter = this.filterFor(request);
    const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);

    // Per group, each passage keeps its best alternative: weight × BM25 of that term alone.
    const matches = new Map<number, Array<GroupMatch | undefined>>();
    const search = filter ? { filter: (result: { id: unknown }) => filter(this.corpus.passages[result.id as number]!) } : {};
    groups.forEach((group, index) => {
      for (const alternative of group.alternatives) {
        // A stand-in is worth no more than the word it stands for: a rare synonym ("personnel" for
        // "forces") carries the word's rarity, never outscoring the word itself.
        // A phrase (spelled-out initials) must be there whole: every one of its terms.
        const phrase = alternative.term.split(' ');
        const results = phrase.length > 1 ? this.mini.search(alternative.term, { ...search, combineWith: 'AND' }) : this.mini.search(alternative.term, search);
        const ownIdf = this.idf(phrase.length > 1 ? results.length : this.vocabulary.frequency(alternative.term));
        const rarity = group.reference === null ? 1 : Math.min(1, this.idf(this.vocabulary.frequency(group.reference)) / ownIdf);
        const implies = SEARCH_TUNING.impliesWeight[alternative.how];
        for (const result of results) {
          const id = result.id as number;
          let perGroup = matches.get(id);
          if (!perGroup) matches.set(id, (perGroup = new Array<GroupMatch | undefined>(groups.length).fill(undefined)));
          const score = (alternative.weight * rarity * result.score) / (phrase.length * phrase.length);
          const current = perGroup[index];
          perGroup[index] = {
            score: Math.max(score, current?.score ?? 0),
            implies: Math.max(implies, current?.implies ?? 0),
            terms: [...(current?.terms ?? []), ...phrase],
          };
        }
      }
    });

    // Rank by BM25 times coverage: a passage that speaks of more of the question comes first.
    const candidates: Candidate[] = [...matches].map(([id, perGroup]) => {
      let score = 0;
      let covered = 0;
      const matched = new Map<string, number>();
      // A paragraph goes on about what the one before it named ("he said", "the two officials"):
      // it inherits a share of that paragraph's matches, never more than its own.
      const context = SEARCH_TUNING.contextShare;
      const previous = id > 0 && this.corpus.passages[id - 1]!.source === this.corpus.passages[id]!.source ? matches.get(id - 1) : undefined;
      perGroup.forEach((match, index) => {
        const before = previous?.[index];
        score += Math.max(match?.score ?? 0, context * (before?.score ?? 0));
        covered += Math.max(match?.implies ?? 0, context * (before?.implies ?? 0)) * groups[index]!.weight;
        if (match) for (const term of match.terms) matched.set(term, index);
      });
      const coverage = covered / totalWeight;
      return { id, score: score * coverage, coverage, matched };
    });
    candidates.sort((a, b) => b.score - a.score || a.id - b.id);
    const top = Math.max(0, ...candidates.map((c) => c.coverage));
    if (top < SEARCH_TUNING.minCoverage) return none;

    const ranked = candidates
      .filter((c) => c.coverage >= top * SEARCH_TUNING.relativeCoverage)
      .map((c, rank) => {
        if (rank >= SEARCH_TUNING.rescoreCandidates) return { ...c, positions: [] as number[] };
        const { boost, positions } = proximity(analyze(this.corpus.passages[c.id]!.text), c.matched);
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
    return { hits, more: folded.length > offset + request.limit, corrections, unknownWords, related };
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

/** Words after which the next word is a noun or adjective (determiners, possessives) or a verb (modals, "to"). */
const BEFORE_NOUN = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'this', 'these', 'those', 'every', 'each', 'any', 'some', 'no']);
const BEFORE_VERB = new Set(['to', 'would', 'will', 'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', 'didn', 'doesn', 'don', 'wouldn', 'couldn', 'won', 'ca']);

const singleTerms = new Map<string, string | null>();

/** The one search term a dictionary word analyzes to, or null for a phrase or a stop word (cached: WordNet's words are finite). */
function singleTerm(word: string): string | null {
  let term = singleTerms.get(word);
  if (term === undefined) {
    const analyzed = word.includes(' ') ? [] : analyze(word);
    term = analyzed.length === 1 ? analyzed[0]!.term : null;
    singleTerms.set(word, term);
  }
  return term;
}

/**
 * 1 + weight × (matched groups − 1) / (width of the narrowest window holding a match of each):
 * the boost is largest when the question's words (or their stand-ins) stand side by side.
 */
function proximity(terms: readonly Term[], matched: ReadonlyMap<string, number>): { boost: number; positions: number[] } {
  const hits = terms.filter((t) => matched.has(t.term));
  const positions = hits.map((t) => t.position);
  const distinct = new Set(matched.values()).size;
  if (distinct < 2) return { boost: 1, positions };
  const counts = new Map<number, number>();
  let covered = 0;
  let narrowest = Infinity;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const group = matched.get(hits[right]!.term)!;
    counts.set(group, (counts.get(group) ?? 0) + 1);
    if (counts.get(group) === 1) covered++;
    while (covered === distinct) {
      narrowest = Math.min(narrowest, hits[right]!.position - hits[left]!.position + 1);
      const leftGroup = matched.get(hits[left]!.term)!;
      counts.set(leftGroup, counts.get(leftGroup)! - 1);
      if (counts.get(leftGroup) === 0) covered--;
      left++;
    }
  }
  return { boost: 1 + (SEARCH_TUNING.proximityWeight * (distinct - 1)) / narrowest, positions };
}
