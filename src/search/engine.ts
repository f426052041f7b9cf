import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { runStepsYielding } from '../steps.ts';
import { ALIASES } from './aliases.ts';
import { analyze, termOfWord, type Term } from './analyzer.ts';
import { inverseDocumentFrequency, type PassageFilter, type QueryAlternative, type Retrieval, type SearchBackend } from './backend.ts';
import { LruCache } from './cache.ts';
import { continuationBits, hasBit } from './bits.ts';
import { CompactIndex } from './compact.ts';
import { englishCount, zipf } from './english.ts';
import { correctTerm } from './fuzzy.ts';
import { CLOSENESS, WordNet, type PartOfSpeech, type Relation } from './wordnet.ts';

/** Seen this often in the subtitle corpus, a word is real English, not a typo (the list has a few misspellings once or twice). */
const MIN_ENGLISH_COUNT = 3;

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
  /** Questions whose reading (corrections, stand-ins, weights) is kept: a question asked again, or paged with "More", skips it. */
  cachedQuestions: 1024,
  /** Whole results kept, by question, filters and page: asking again costs a lookup. */
  cachedResults: 256,
  /**
   * A word in at least this many passages (and this share of them) may be read as a probe: scored
   * only in passages the question's rarer words find (see planProbes). Exact either way; this
   * only decides when it is worth trying.
   */
  minProbeFrequency: 64,
  minProbeShare: 0.001,
  /**
   * The most a passage with probe words only may cover. Below relativeCoverage × minCoverage it
   * could never be shown, so no check is needed; up to minCoverage it may, and `rank` checks it.
   */
  probeCoverage: 0.5,
  /** A word whose score bound passes this share of the question's strongest word's is not read as a probe. */
  probeScoreShare: 0.8,
} as const;

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

/** A question read: its word groups and what the reading tells the asker. */
interface Interpretation {
  readonly groups: Group[];
  readonly corrections: SearchResult['corrections'];
  readonly related: Array<{ from: string; to: string }>;
  readonly unknownWords: string[];
}

/** The most a passage matching probe alternatives only (backend.ts) can reach: coverage, and first-pass score. */
interface ProbeReach {
  readonly coverage: number;
  readonly score: number;
}

/** A passage in the final ranking: its retrieval row, passage number, final score and coverage. */
interface Ranked {
  readonly row: number;
  readonly doc: number;
  readonly score: number;
  readonly coverage: number;
}

/**
 * The searchable form of one corpus: built once per corpus load (or read from a snapshot), then
 * read-only. Ranking lives here; where the terms are looked up is the backend's business (backend.ts).
 */
export class SearchIndex {
  private readonly passageCount: number;
  private readonly wordnet = WordNet.shared();
  private readonly interpretations = new LruCache<string, Interpretation>(SEARCH_TUNING.cachedQuestions);
  private readonly results = new LruCache<string, SearchResult>(SEARCH_TUNING.cachedResults);
  /** Stand-ins per question word (and its neighbours, which choose the senses): words recur across questions. */
  private readonly standIns = new LruCache<string, Alternative[]>(SEARCH_TUNING.cachedQuestions * 4);
  /** Bit i: passage i belongs to the same article as passage i − 1 (a bitset, to stay in cache). */
  private readonly continues: Uint32Array;
  // Per-question scratch, reused (questions are answered one at a time, synchronously).
  private rankScores = new Float64Array(0);
  private coverages = new Float64Array(0);
  private candidates = new Uint8Array(0);
  private eligibleRows = new Int32Array(0);
  private readonly counters = { questions: 0, cached: 0, probed: 0, retried: 0, fellBack: 0, reread: 0 };

  constructor(
    readonly corpus: Corpus,
    readonly backend: SearchBackend,
  ) {
    if (backend.passageCount !== corpus.passages.length) throw new Error(`SearchIndex: the backend indexes ${backend.passageCount} passages, the corpus has ${corpus.passages.length}`);
    this.passageCount = corpus.passages.length;
    const { passages } = corpus;
    this.continues = continuationBits(passages.length, (i) => passages[i]!.source === passages[i - 1]!.source);
  }

  /** Scratch arrays for `count` rows. */
  private scratch(count: number): { rankScore: Float64Array; coverageOf: Float64Array; candidate: Uint8Array } {
    if (this.rankScores.length < count) {
      const size = Math.max(count, this.rankScores.length * 2, 1024);
      this.rankScores = new Float64Array(size);
      this.coverages = new Float64Array(size);
      this.candidates = new Uint8Array(size);
      this.eligibleRows = new Int32Array(size);
    }
    return { rankScore: this.rankScores, coverageOf: this.coverages, candidate: this.candidates };
  }

  /** Indexes a corpus with the default backend, the compact index. */
  static build(corpus: Corpus): SearchIndex {
    return new SearchIndex(corpus, CompactIndex.build(corpus.passages, corpus.sources));
  }

  /** `build`, giving the event loop a turn every few hundred passages: what a running bot uses. */
  static async buildYielding(corpus: Corpus): Promise<SearchIndex> {
    return new SearchIndex(corpus, await runStepsYielding(CompactIndex.buildSteps(corpus.passages, corpus.sources)));
  }

  /**
   * Reads what answering needs on first use (the English word frequencies and WordNet's indexes,
   * ~0.5 s and ~30 MB) now, so the first question is as quick as the rest. Once per process.
   */
  static warmUp(): void {
    englishCount('the');
    WordNet.shared().preload();
  }

  /**
   * Gets the index ready to answer at full speed: the word lists (`SearchIndex.warmUp`), then a
   * few dozen questions made from the corpus's own paragraphs (common and rare words, a typo, a
   * date range, a second page), so the code every question runs is compiled and the commonest
   * words' WordNet lookups are cached before the first asker comes. Takes about `budgetMs` (less
   * for a small corpus); leaves the counters at zero and nothing in the result cache.
   */
  warmUp(budgetMs = 1500): void {
    SearchIndex.warmUp();
    const passages = this.corpus.passages;
    if (passages.length === 0) return;
    const deadline = performance.now() + budgetMs;
    const questions: SearchRequest[] = [];
    const step = Math.max(1, Math.floor(passages.length / WARM_UP_QUESTIONS));
    for (let i = 0; i < passages.length && questions.length < WARM_UP_QUESTIONS; i += step) {
      const passage = passages[i]!;
      const words = passage.text.match(/\p{L}{4,}/gu) ?? [];
      if (words.length < 3) continue;
      const [a, b, c] = [words[0]!, words[Math.floor(words.length / 2)]!, words[words.length - 1]!];
      // A typo in every third question: two letters swapped.
      const typo = questions.length % 3 === 0 && c.length > 6 ? `${c.slice(0, 2)}${c[3]}${c[2]}${c.slice(4)}` : c;
      const date = passage.source.date?.value;
      questions.push({ question: `What did ${a} say about the ${b} and ${typo}?`, limit: 5, ...(questions.length % 4 === 1 ? { offset: 5 } : {}), ...(date && questions.length % 5 === 2 ? { from: date.slice(0, 7), to: date } : {}) });
    }
    for (let round = 0; round < 3 && performance.now() < deadline; round++) {
      for (const question of questions) {
        if (performance.now() >= deadline) break;
        this.answer(question);
      }
    }
    for (const key of Object.keys(this.counters) as Array<keyof typeof this.counters>) this.counters[key] = 0;
  }

  private idf(documentFrequency: number): number {
    return inverseDocumentFrequency(documentFrequency, this.passageCount);
  }

  private frequency(term: string): number {
    return this.backend.documentFrequency(term);
  }

  private knows(term: string): boolean {
    return this.backend.documentFrequency(term) > 0;
  }

  /** The commonest written form of a term, to show a correction in the asker's words. */
  private surface(term: string): string | undefined {
    return this.backend.writtenForms(term)[0];
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
    const ubiquity = knownTerm ? (this.idf(this.frequency(knownTerm)) / this.idf(1)) ** SEARCH_TUNING.ubiquityExponent : 1;
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
    const key = `${word}|${following ?? ''}|${(preceding ?? []).slice(0, 2).join(' ')}|${own}`;
    let alternatives = this.standIns.get(key);
    if (!alternatives) this.standIns.set(key, (alternatives = this.findRelated(word, following, preceding, own)));
    return alternatives;
  }

  /**
   * The stand-ins, found lazily: WordNet reaches hundreds of words from a common one ("city" ->
   * every city), but only the best SEARCH_TUNING.maxStandIns count, and their order (weight, then
   * rarity) needs no costly check. So terms are taken best-first by the most their paths could
   * weigh, and only those are checked (common sense, written form) until enough hold. The result
   * is the list `wordnet.related` would give through the same filters, sorted and cut, including
   * which word and relation stand for each term (the first met, among equals, as that would).
   */
  private findRelated(word: string, following: string | undefined, preceding: readonly string[] | undefined, own: string): Alternative[] {
    const lookups = following ? [`${word} ${following}`, word] : [word];
    const parts = this.partsOfSpeechAfter(preceding ?? []);
    interface Path {
      readonly relation: Relation;
      readonly pos: PartOfSpeech;
      readonly offset: number;
      readonly index: number;
    }
    interface Reached {
      readonly lookup: number;
      readonly word: string;
      readonly paths: Path[];
    }
    const byTerm = new Map<string, Map<string, Reached>>();
    lookups.forEach((lookup, lookupIndex) => {
      this.wordnet.paths(lookup, lookup === word ? parts : undefined).forEach(({ word: relatedWord, relation, pos, offset }, index) => {
        const term = singleTerm(relatedWord);
        if (term === null || term === own || !this.knows(term)) return;
        let words = byTerm.get(term);
        if (!words) byTerm.set(term, (words = new Map()));
        const key = `${lookupIndex}|${relatedWord}`;
        let reached = words.get(key);
        if (!reached) words.set(key, (reached = { lookup: lookupIndex, word: relatedWord, paths: [] }));
        reached.paths.push({ relation, pos, offset, index });
      });
    });

    /** What `related` makes of a word: its closest relation through a common sense, and when it first got one. */
    const settle = (reached: Reached): { relation: Relation; first: number } | null => {
      let best: Relation | null = null;
      let first = -1;
      for (const path of reached.paths) {
        if (best !== null && CLOSENESS.indexOf(best) <= CLOSENESS.indexOf(path.relation)) continue;
        if (!this.wordnet.isCommonSense(reached.word, path.pos, path.offset)) continue;
        if (best === null) first = path.index;
        best = path.relation;
      }
      return best === null ? null : { relation: best, first };
    };
    interface Entry {
      readonly term: string;
      readonly frequency: number;
      weight: number;
      exact: Alternative | null;
    }
    const entries: Entry[] = [...byTerm].map(([term, words]) => {
      let weight = 0;
      for (const reached of words.values()) for (const path of reached.paths) weight = Math.max(weight, SEARCH_TUNING.relationWeight[path.relation]);
      return { term, frequency: this.frequency(term), weight, exact: null };
    });
    const before = (a: Entry, b: Entry): number => b.weight - a.weight || a.frequency - b.frequency || (a.term < b.term ? -1 : 1);
    const chosen: Alternative[] = [];
    // Best last, so taking the next is a pop.
    entries.sort((a, b) => before(b, a));
    while (chosen.length < SEARCH_TUNING.maxStandIns && entries.length > 0) {
      const entry = entries.pop()!;
      if (entry.exact) {
        chosen.push(entry.exact);
        continue;
      }
      // The weight this term really gets: its best word that holds, the first met among equals.
      let exact: { alternative: Alternative; lookup: number; first: number } | null = null;
      for (const reached of byTerm.get(entry.term)!.values()) {
        const settled = settle(reached);
        if (!settled || !this.writtenAs(entry.term, reached.word)) continue;
        const weight = SEARCH_TUNING.relationWeight[settled.relation];
        const earlier = exact !== null && (reached.lookup < exact.lookup || (reached.lookup === exact.lookup && settled.first < exact.first));
        if (!exact || weight > exact.alternative.weight || (weight === exact.alternative.weight && earlier)) {
          exact = { alternative: { term: entry.term, weight, word: reached.word, how: settled.relation }, lookup: reached.lookup, first: settled.first };
        }
      }
      if (!exact) continue;
      entry.weight = exact.alternative.weight;
      entry.exact = exact.alternative;
      // Back in line at its real weight (never ahead of where it was: searched from the end).
      let at = entries.length;
      while (at > 0 && before(entries[at - 1]!, entry) < 0) at--;
      entries.splice(at, 0, entry);
    }
    return chosen;
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
    for (const form of this.backend.writtenForms(term)) {
      if (form === word || this.wordnet.baseForms(form).some((base) => lemmas.has(base.lemma))) return true;
    }
    return false;
  }

  /** The question's word groups, after typo correction and expansion (cached by question). */
  private interpret(question: string): Interpretation {
    let interpretation = this.interpretations.get(question);
    if (!interpretation) this.interpretations.set(question, (interpretation = this.read(question)));
    return interpretation;
  }

  private read(question: string): Interpretation {
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
      const known = this.knows(term);
      const isAlias = ALIASES.has(word);
      if (known) alternatives.push({ term, weight: 1, word, how: 'exact' });
      // Initials the articles spell out: "FM" is the "Foreign Minister" of the text.
      const spelled = !known && initials ? this.backend.spelledOut(word) : undefined;
      if (spelled && spelled.every((t) => this.knows(t))) {
        alternatives.push({ term: spelled.join(' '), weight: SEARCH_TUNING.relationWeight.synonym, word: spelled.join(' '), how: 'synonym' });
      }
      else if (!isAlias && !this.isEnglish(word)) {
        const corrected = correctTerm(term, (t, limit) => this.backend.termsNear(t, limit));
        if (corrected && !seen.has(corrected)) {
          seen.add(corrected);
          alternatives.push({ term: corrected, weight: SEARCH_TUNING.correctedWeight, word: this.surface(corrected) ?? corrected, how: 'typo' });
          corrections.push({ from: word, to: this.surface(corrected) ?? corrected });
        }
      }
      // A compound name is often shortened to its last word: "the Washington Post" ... "the Post".
      if (isAlias && word.includes(' ') && term === word.replace(/ /g, '')) {
        const head = analyze(word.slice(word.lastIndexOf(' ') + 1))[0]?.term;
        if (head && this.knows(head) && !questionTerms.has(head)) alternatives.push({ term: head, weight: SEARCH_TUNING.relationWeight.synonym, word: head, how: 'synonym' });
      }
      if (!isAlias && (!known || SEARCH_TUNING.expandKnownWords)) {
        const expansions = this.related(word, following, preceding, term).filter((a) => !questionTerms.has(a.term) && !seen.has(a.term));
        alternatives.push(...expansions);
        if (!known && alternatives.length > 0 && expansions.length > 0) related.push({ from: word, to: expansions.map((a) => a.word).join(', ') });
      }
      if (alternatives.length === 0) unknownWords.push(word);
      const reference = alternatives.find((a) => a.how === 'exact' || a.how === 'typo')?.term ?? null;
      // A typo is rated by the word it was read as; a name the frequency list lacks stays as rare as can be.
      const rated = this.isEnglish(word) || reference === null ? word : (this.surface(reference) ?? word);
      groups.push({ word, weight: this.topicalWeight(word, following, rated, known ? term : null), alternatives, reference });
    }
    return { groups, corrections, related, unknownWords };
  }

  search(request: SearchRequest): SearchResult {
    const key = JSON.stringify([request.question, request.limit, request.offset ?? 0, request.from ?? null, request.to ?? null, request.sourceId ?? null]);
    this.counters.questions++;
    let result = this.results.get(key);
    if (result) this.counters.cached++;
    else this.results.set(key, (result = this.answer(request)));
    return result;
  }

  /**
   * How questions were answered so far: from the cache, with probes (`probed`), of those tried again
   * with fewer (`retried`) and, of all probed, read without probes in the end (`fellBack`), and how
   * many passages were re-read for proximity (for benchmarks and logs).
   */
  get stats(): Readonly<{ questions: number; cached: number; probed: number; retried: number; fellBack: number; reread: number }> {
    return { ...this.counters };
  }

  private answer(request: SearchRequest): SearchResult {
    const { groups, corrections, related, unknownWords } = this.interpret(request.question);
    const none: SearchResult = { hits: [], more: false, corrections, unknownWords, related };
    if (groups.every((g) => g.alternatives.length === 0)) return none;
    const filter: PassageFilter | null = request.from || request.to || request.sourceId ? { from: request.from ?? null, to: request.to ?? null, sourceId: request.sourceId ?? null } : null;

    // Per group, each passage keeps its best alternative: weight × BM25 of that term alone.
    // A stand-in is worth no more than the word it stands for: a rare synonym ("personnel" for
    // "forces") carries the word's rarity, never outscoring the word itself. A phrase (spelled-out
    // initials) must be there whole: every one of its terms.
    const frequencies: number[][] = [];
    const query = groups.map((group) => {
      const groupFrequencies: number[] = [];
      frequencies.push(groupFrequencies);
      return group.alternatives.map((alternative): QueryAlternative => {
        const phrase = alternative.term.split(' ');
        const frequency = phrase.length > 1 ? this.backend.phraseFrequency(phrase, filter) : this.frequency(alternative.term);
        groupFrequencies.push(frequency);
        const rarity = group.reference === null ? 1 : Math.min(1, this.idf(this.frequency(group.reference)) / this.idf(frequency));
        return { terms: phrase, weight: phrase.length > 1 ? (alternative.weight * rarity) / (phrase.length * phrase.length) : alternative.weight * rarity };
      });
    });
    // With probes first; if a probe-only passage might still reach the page, once more with
    // fewer probes; else without. Each try after the first goes on from the one before
    // (`extend`): a probe read whole now was scored where it mattered already.
    let plan = this.planProbes(groups, query, frequencies, { coverage: SEARCH_TUNING.probeCoverage, score: Number.POSITIVE_INFINITY, scoreShare: SEARCH_TUNING.probeScoreShare, only: null });
    let retrieved = false;
    const retrieve = (alternatives: QueryAlternative[][]): Retrieval => {
      // Neighbours matter only with probes, and to go on from a try that had them.
      const next = { groups: alternatives, filter, withNeighbours: retrieved || alternatives.some((list) => list.some((alternative) => alternative.probe)) };
      const retrieval = retrieved && this.backend.extend ? this.backend.extend(next) : this.backend.retrieve(next);
      retrieved = true;
      return retrieval;
    };
    if (plan) this.counters.probed++;
    for (let attempt = 0; plan; attempt++) {
      const answered = this.rank(request, groups, retrieve(plan.query), plan.reach, none);
      if ('hits' in answered) return answered;
      if (attempt > 0) {
        this.counters.fellBack++;
        break;
      }
      this.counters.retried++;
      // The second plan keeps only probes of the first, and either keeps probe-only passages
      // under the coverage bar the first try found (then it cannot fail) or under the score it
      // reached; whichever skips more.
      const only = plan.query.map((alternatives) => alternatives.map((alternative) => alternative.probe === true));
      const safe = this.planProbes(groups, query, frequencies, { coverage: SEARCH_TUNING.relativeCoverage * answered.top, score: Number.POSITIVE_INFINITY, scoreShare: 1, only });
      const scored = this.planProbes(groups, query, frequencies, { coverage: SEARCH_TUNING.probeCoverage, score: answered.reached, scoreShare: 1, only });
      plan = !scored || (safe && safe.saved >= scored.saved) ? safe : scored;
      if (!plan) this.counters.fellBack++;
    }
    const answered = this.rank(request, groups, retrieve(query.map((alternatives) => [...alternatives])), null, none);
    return 'hits' in answered ? answered : none;
  }

  /**
   * Which alternatives to read as probes (backend.ts): the commonest words of the question, as
   * long as a passage that has only probe words cannot reach SEARCH_TUNING.probeCoverage. Such a
   * passage right after a primary one is ranked exactly (the backend gives neighbours rows); any
   * other takes its context from probe words too, so it covers and scores at most what the probes
   * can give (`reach`). `rank` checks that it could not be shown, else the question is answered
   * again with fewer probes or none. `limits`: the coverage and the score a probe-only passage must
   * stay under, the share of the strongest word's score bound a probe may have, and which
   * alternatives may be probes at all (a second plan keeps to the first's). Null when probing
   * cannot pay.
   */
  private planProbes(
    groups: readonly Group[],
    query: ReadonlyArray<readonly QueryAlternative[]>,
    frequencies: readonly number[][],
    limits: { readonly coverage: number; readonly score: number; readonly scoreShare: number; readonly only: ReadonlyArray<readonly boolean[]> | null },
  ): { query: QueryAlternative[][]; reach: ProbeReach; saved: number } | null {
    const { coverage: coverageBelow, score: below } = limits;
    const minimum = Math.max(SEARCH_TUNING.minProbeFrequency, this.passageCount * SEARCH_TUNING.minProbeShare);
    const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
    const common: Array<{ group: number; index: number; frequency: number }> = [];
    frequencies.forEach((list, group) => list.forEach((frequency, index) => frequency >= minimum && common.push({ group, index, frequency })));
    if (common.length === 0) return null;
    const bound = query.map((alternatives) =>
      alternatives.map((alternative) => alternative.weight * (alternative.terms.length > 1 ? new Set(alternative.terms).size * alternative.terms.reduce((sum, term) => sum + this.backend.scoreBound(term), 0) : this.backend.scoreBound(alternative.terms[0]!))),
    );
    if (bound.some((list) => list.some((value) => !Number.isFinite(value)))) return null;
    const implies = groups.map((group) => group.alternatives.map((alternative) => SEARCH_TUNING.impliesWeight[alternative.how]));
    const probe = groups.map((group) => group.alternatives.map(() => false));
    // A word that can score near the question's best is no probe: a passage with it alone may rank.
    const strongest = Math.max(...bound.flat());
    const candidates = common.filter(({ group, index }) => bound[group]![index]! <= limits.scoreShare * strongest && (limits.only?.[group]![index] ?? true));
    /** What a passage with probe words only, after one with probe words only, can reach at most: coverage and score. */
    const reach = (): ProbeReach => {
      let covered = 0;
      let score = 0;
      groups.forEach((group, g) => {
        const probed = (values: readonly number[]) => Math.max(0, ...values.filter((_, a) => probe[g]![a]));
        // Its own match or the inherited share of the previous passage's (context < 1): either is a probe's at most.
        covered += probed(implies[g]!) * group.weight;
        score += probed(bound[g]!);
      });
      const coverage = covered / totalWeight;
      return { coverage, score: score * coverage };
    };
    // The coverage a probe-only passage can reach is, per group, the most its probes imply: so in
    // a group, once a probe implying x is taken, every common alternative implying no more than x
    // comes free. Choose per group that level (or none) to skip the most postings within the
    // budget: a small knapsack, on coverage counted in thousandths, rounded up to stay a bound.
    const budget = Math.ceil(coverageBelow * 1000) - 1;
    let best: Array<{ saved: number; levels: number[] } | undefined> = [{ saved: 0, levels: [] }];
    groups.forEach((group, g) => {
      const options = [...new Set(candidates.filter((c) => c.group === g).map((c) => implies[g]![c.index]!))].map((level) => ({
        level,
        cost: Math.ceil(((level * group.weight) / totalWeight) * 1000),
        saved: candidates.filter((c) => c.group === g && implies[g]![c.index]! <= level).reduce((sum, c) => sum + c.frequency, 0),
      }));
      const next: typeof best = [];
      best.forEach((state, used) => {
        if (!state) return;
        const keep = (at: number, candidate: { saved: number; levels: number[] }) => {
          if (at <= budget && (next[at]?.saved ?? -1) < candidate.saved) next[at] = candidate;
        };
        keep(used, { saved: state.saved, levels: [...state.levels, -1] });
        for (const option of options) keep(used + option.cost, { saved: state.saved + option.saved, levels: [...state.levels, option.level] });
      });
      best = next;
    });
    const chosen = best.reduce<{ saved: number; levels: number[] } | undefined>((a, b) => (b && (!a || b.saved > a.saved) ? b : a), undefined)!;
    for (const { group, index } of candidates) if (implies[group]![index]! <= chosen.levels[group]!) probe[group]![index] = true;
    // A second plan must also keep a probe-only passage's score under `below`: give up the probes
    // that can score most until it does.
    for (const { group, index } of [...candidates].sort((a, b) => bound[b.group]![b.index]! - bound[a.group]![a.index]!)) {
      if (reach().score < below) break;
      probe[group]![index] = false;
    }
    if (reach().coverage >= coverageBelow || reach().score >= below) return null;
    if (!probe.some((list) => list.includes(true))) return null;
    const saved = common.reduce((sum, { group, index, frequency }) => sum + (probe[group]![index] ? frequency : 0), 0);
    return { query: query.map((alternatives, g) => alternatives.map((alternative, a) => ({ ...alternative, probe: probe[g]![a]! }))), reach: reach(), saved };
  }

  /**
   * The ranking proper, over what the backend retrieved. With probes (`probes` says what a
   * passage with probe words only could reach), only primary rows are candidates, and the answer
   * stands only if no probe-only passage could be shown: it covers too little to be eligible, or
   * scores below the first pass's best `take` candidates. Otherwise it says the score the
   * `take`-th candidate reached, for a second plan.
   */
  private rank(request: SearchRequest, groups: readonly Group[], retrieval: Retrieval, probes: ProbeReach | null, none: SearchResult): SearchResult | { readonly reached: number; readonly top: number } {
    const { count, docs, scores, matched, primary, previousRow } = retrieval;
    const width = groups.length;
    const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
    // What each alternative implies, flat: group g's alternative a at g × 32 + a.
    const implies = new Float64Array(width * 32);
    groups.forEach((group, g) => group.alternatives.forEach((alternative, a) => (implies[g * 32 + a] = SEARCH_TUNING.impliesWeight[alternative.how])));
    const weights = Float64Array.from(groups, (group) => group.weight);
    /** The most any matched alternative of the group implies (0 when none matched; one bit set is the usual case). */
    const impliedBy = (group: number, mask: number): number => {
      if (mask === 0) return 0;
      if ((mask & (mask - 1)) === 0) return implies[group * 32 + 31 - Math.clz32(mask)]!;
      let best = 0;
      for (let bits = mask; bits !== 0; bits &= bits - 1) {
        const value = implies[group * 32 + 31 - Math.clz32(bits & -bits)]!;
        if (value > best) best = value;
      }
      return best;
    };

    // Rank by BM25 times coverage: a passage that speaks of more of the question comes first.
    // A paragraph goes on about what the one before it named ("he said", "the two officials"):
    // it inherits a share of that paragraph's matches, never more than its own.
    const context = SEARCH_TUNING.contextShare;
    const passages = this.corpus.passages;
    const continues = this.continues;
    const { rankScore, coverageOf, candidate } = this.scratch(count);
    let top = 0;
    // With probes, a row is a candidate when its passage matched a non-probe alternative, or
    // matched a probe right after such a passage (whose row it reads); other rows are context.
    for (let row = 0; row < count; row++) {
      candidate[row] = 0;
      // A neighbour's row that matched nothing is context only (most are): skip it before any lookup.
      if (primary[row] === 0 && !matchedAny(matched, row, width)) continue;
      const doc = docs[row]!;
      const previous = previousRow ? previousRow[row]! : hasBit(continues, doc) ? retrieval.rowOf(doc - 1) : -1;
      if (primary[row] === 0 && !(previous >= 0 && primary[previous] === 1)) continue;
      candidate[row] = 1;
      let score = 0;
      let covered = 0;
      const base = row * width;
      if (previous < 0) {
        for (let group = 0; group < width; group++) {
          score += scores[base + group]!;
          covered += impliedBy(group, matched[base + group]!) * weights[group]!;
        }
      } else {
        const before = previous * width;
        for (let group = 0; group < width; group++) {
          score += Math.max(scores[base + group]!, context * scores[before + group]!);
          covered += Math.max(impliedBy(group, matched[base + group]!), context * impliedBy(group, matched[before + group]!)) * weights[group]!;
        }
      }
      const coverage = covered / totalWeight;
      rankScore[row] = score * coverage;
      coverageOf[row] = coverage;
      if (coverage > top) top = coverage;
    }
    if (top < SEARCH_TUNING.minCoverage) return none;

    // Only the best candidates are ranked in full: the first `rescoreCandidates` get a proximity
    // boost (which only raises a score), so the final order's first k passages are always the
    // first pass's best k (k ≥ rescoreCandidates). Take enough for the page after folding
    // duplicates, and more only when folding left too few.
    const threshold = top * SEARCH_TUNING.relativeCoverage;
    let eligibleCount = 0;
    for (let row = 0; row < count; row++) if (candidate[row] === 1 && coverageOf[row]! >= threshold) this.eligibleRows[eligibleCount++] = row;
    const eligible = this.eligibleRows.subarray(0, eligibleCount);
    // A probe-only passage without a row covers less than minCoverage (planProbes), so `top` is exact; it may still be eligible.
    const probeOnlyEligible = probes !== null && probes.coverage >= threshold;
    const offset = request.offset ?? 0;
    const wanted = offset + request.limit + 1;
    const boosted = new Map<number, { boost: number; positions: number[] }>();
    const boostOf = (row: number): { boost: number; positions: number[] } => {
      let proximityOf = boosted.get(row);
      if (!proximityOf) this.counters.reread++;
      if (!proximityOf) boosted.set(row, (proximityOf = proximity(analyze(passages[docs[row]!]!.text), this.matchedTerms(groups, matched, row, width))));
      return proximityOf;
    };
    /** Groups the passage matched itself: the proximity boost is below 1 + weight × (n − 1) / n, and exactly 1 under two. */
    const groupsMatched = (row: number): number => {
      let n = 0;
      for (let group = 0; group < width; group++) if (matched[row * width + group] !== 0) n++;
      return n;
    };
    const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || a.doc - b.doc;
    for (let take = Math.max(SEARCH_TUNING.rescoreCandidates, wanted); ; take *= 2) {
      const best = bestRows(eligible, take, rankScore, docs);
      // A passage with probe words only would rank after all of these only if it scores less than the last.
      if (probeOnlyEligible && (best.length < take || rankScore[best[take - 1]!]! <= probes.score)) return { reached: best.length < take ? Number.NEGATIVE_INFINITY : rankScore[best[take - 1]!]!, top };

      // The first `rescoreCandidates` get their proximity boost, but the passages are re-read only
      // while the boost could matter: a candidate whose score times its largest possible boost
      // stays below the last passage the page needs cannot reach the page, and is left as it is.
      const known: Ranked[] = [];
      const pending: Array<{ row: number; rank: number; bound: number }> = [];
      best.forEach((row, rank) => {
        const doc = docs[row]!;
        const score = rankScore[row]!;
        const entry = { row, doc, score, coverage: coverageOf[row]! };
        if (rank >= SEARCH_TUNING.rescoreCandidates) known.push(entry);
        else if (boosted.has(row)) known.push({ ...entry, score: score * boosted.get(row)!.boost });
        else {
          const n = groupsMatched(row);
          if (n < 2) known.push(entry);
          else pending.push({ row, rank, bound: score * (1 + (SEARCH_TUNING.proximityWeight * (n - 1)) / n) });
        }
      });
      let folded: Ranked[];
      for (;;) {
        known.sort(byScore);
        folded = this.fold(known);
        // The score of the last passage the page needs (with folding), if the known ones reach it.
        const needed = folded.length >= wanted ? folded[wanted - 1]!.score : Number.NEGATIVE_INFINITY;
        const reread = pending.filter((p) => p.bound >= needed);
        if (reread.length === 0) break;
        for (const p of reread) {
          known.push({ row: p.row, doc: docs[p.row]!, score: rankScore[p.row]! * boostOf(p.row).boost, coverage: coverageOf[p.row]! });
          pending.splice(pending.indexOf(p), 1);
        }
      }
      if (folded.length < wanted && best.length < eligible.length) continue;

      const rankOf = new Map(best.map((row, rank) => [row, rank]));
      const hits = folded.slice(offset, offset + request.limit).map((c): Hit => {
        const passage = passages[c.doc]!;
        const positions = rankOf.get(c.row)! < SEARCH_TUNING.rescoreCandidates ? boostOf(c.row).positions : [];
        return { passage, score: Math.round(c.score * 1000) / 1000, alsoIn: this.corpus.alsoIn.get(passage.id) ?? [], coverage: c.coverage, matchedPositions: positions };
      });
      return { hits, more: folded.length > offset + request.limit, corrections: none.corrections, unknownWords: none.unknownWords, related: none.related };
    }
  }

  /** Near-identical paragraphs from several outlets are one result: the best-ranked stands for its group. */
  private fold(ranked: readonly Ranked[]): Ranked[] {
    const shownGroups = new Set<string>();
    return ranked.filter((c) => {
      const group = this.corpus.duplicateGroup.get(this.corpus.passages[c.doc]!.id);
      if (group === undefined) return true;
      if (shownGroups.has(group)) return false;
      shownGroups.add(group);
      return true;
    });
  }

  /** Matched term -> index of the group it stands for, for one retrieved passage. */
  private matchedTerms(groups: readonly Group[], matched: Uint32Array, row: number, width: number): Map<string, number> {
    const terms = new Map<string, number>();
    groups.forEach((group, index) => {
      for (let bits = matched[row * width + index]!; bits !== 0; bits &= bits - 1) {
        for (const term of group.alternatives[31 - Math.clz32(bits & -bits)]!.term.split(' ')) terms.set(term, index);
      }
    });
    return terms;
  }
}

function matchedAny(matched: Uint32Array, row: number, width: number): boolean {
  for (let cell = row * width; cell < (row + 1) * width; cell++) if (matched[cell] !== 0) return true;
  return false;
}

/**
 * The `take` best rows by score (then passage number), best first: a bounded heap over the
 * eligible rows, so a question matching half a million passages does not sort them all.
 */
function bestRows(eligible: Int32Array, take: number, score: Float64Array, docs: Int32Array): number[] {
  const before = (a: number, b: number): boolean => score[a]! > score[b]! || (score[a] === score[b] && docs[a]! < docs[b]!);
  if (eligible.length <= take) return Array.from(eligible).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  // A min-heap of the best so far: its root is the worst of them.
  const heap: number[] = [];
  const down = (from: number): void => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const row of eligible) {
    if (heap.length < take) {
      heap.push(row);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (before(row, heap[0]!)) {
      heap[0] = row;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

/** Questions `warmUp` asks, each up to three times. */
const WARM_UP_QUESTIONS = 40;

/** Words after which the next word is a noun or adjective (determiners, possessives) or a verb (modals, "to"). */
const BEFORE_NOUN = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'this', 'these', 'those', 'every', 'each', 'any', 'some', 'no']);
const BEFORE_VERB = new Set(['to', 'would', 'will', 'could', 'can', 'should', 'might', 'may', 'must', 'did', 'does', 'do', 'didn', 'doesn', 'don', 'wouldn', 'couldn', 'won', 'ca']);

const singleTerms = new Map<string, string | null>();

/** The one search term a dictionary word analyzes to, or null for a phrase or a stop word (cached: WordNet's words are finite). */
function singleTerm(word: string): string | null {
  let term = singleTerms.get(word);
  if (term === undefined) {
    term = word.includes(' ') ? null : termOfWord(word);
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
