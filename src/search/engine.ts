import type { Corpus, Passage, Source } from '../corpus/types.ts';
import { runStepsYielding } from '../steps.ts';
import type { SearchBackend } from './backend.ts';
import { LruCache } from './cache.ts';
import { CompactIndex } from './compact.ts';
import { SearchContext, type SearchCounters } from './context.ts';
import { defaultSearchEnvironment, type SearchEnvironment } from './environment.ts';
import { EXPANDERS } from './question/expanders/index.ts';
import { interpretQuestion } from './question/interpret.ts';
import type { Interpretation } from './question/types.ts';
import { coverageThresholds } from './ranking/abstain.ts';
import { retrieveAndRank } from './ranking/retrieve.ts';

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
  /** Share of the question's topical weight that this passage answers, 0..1 (see SearchTuning). */
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
  /** A word the corpus lacks that only helped to ask: the question was answered without it. */
  readonly ignoredWords?: readonly string[];
}

/**
 * The searchable form of one corpus: built once per corpus load (or read from a snapshot), then
 * read-only. A question goes through the stages in order: read and expanded into word groups and
 * weighted (question/), then retrieved, ranked and answered or abstained from (ranking/). The
 * tuning is the environment's (tuning.ts); where terms are looked up is the backend's business
 * (backend.ts).
 */
export class SearchIndex {
  private readonly context: SearchContext;
  /** What the index reads questions with; the timeline reads dates with the same WordNet. */
  readonly environment: SearchEnvironment;
  private readonly interpretations: LruCache<string, Interpretation>;
  private readonly results: LruCache<string, SearchResult>;
  /**
   * Settles when the question being answered has been: questions are answered one at a time,
   * since the ranking's scratch arrays and an in-process backend's retrieval are reused.
   */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    readonly corpus: Corpus,
    readonly backend: SearchBackend,
    environment: SearchEnvironment = defaultSearchEnvironment(),
  ) {
    this.context = new SearchContext(corpus, backend, environment);
    this.environment = environment;
    this.interpretations = new LruCache(environment.tuning.cachedQuestions);
    this.results = new LruCache(environment.tuning.cachedResults);
  }

  /** The same corpus, read with the same environment, answered from another backend (answeringIndex.ts). */
  withBackend(backend: SearchBackend): SearchIndex {
    return new SearchIndex(this.corpus, backend, this.context.environment);
  }

  /** Indexes a corpus in the compact index: what a snapshot stores (answeringIndex.ts chooses which index answers). */
  static build(corpus: Corpus, environment?: SearchEnvironment): SearchIndex {
    return new SearchIndex(corpus, CompactIndex.build(corpus.passages, corpus.sources), environment);
  }

  /** `build`, giving the event loop a turn every few hundred passages: what a running bot uses. */
  static async buildYielding(corpus: Corpus, environment?: SearchEnvironment): Promise<SearchIndex> {
    return new SearchIndex(
      corpus,
      await runStepsYielding(CompactIndex.buildSteps(corpus.passages, corpus.sources)),
      environment,
    );
  }

  /**
   * Reads what answering needs on first use (the English word frequencies and WordNet's indexes,
   * ~0.5 s and ~30 MB) now, so the first question is as quick as the rest. Once per process.
   */
  static warmUp(environment: SearchEnvironment = defaultSearchEnvironment()): void {
    environment.english.count('the');
    environment.wordnet.preload();
  }

  /**
   * Gets the index ready to answer at full speed: the word lists (`SearchIndex.warmUp`), then a
   * few dozen questions made from the corpus's own paragraphs (common and rare words, a typo, a
   * date range, a second page), so the code every question runs is compiled and the commonest
   * words' WordNet lookups are cached before the first asker comes. Takes about `budgetMs` (less
   * for a small corpus); leaves the counters at zero and nothing in the result cache.
   */
  async warmUp(budgetMs = 1500): Promise<void> {
    SearchIndex.warmUp(this.context.environment);
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
      questions.push({
        question: `What did ${a} say about the ${b} and ${typo}?`,
        limit: 5,
        ...(questions.length % 4 === 1 ? { offset: 5 } : {}),
        ...(date && questions.length % 5 === 2 ? { from: date.slice(0, 7), to: date } : {}),
      });
    }
    for (let round = 0; round < 3 && performance.now() < deadline; round++) {
      for (const question of questions) {
        if (performance.now() >= deadline) break;
        await this.inTurn(question);
      }
    }
    const { counters } = this.context;
    for (const key of Object.keys(counters) as Array<keyof SearchCounters>) counters[key] = 0;
  }

  /** The answer to a request, from the result cache when it was asked lately. */
  search(request: SearchRequest): Promise<SearchResult> {
    const key = JSON.stringify([
      request.question,
      request.limit,
      request.offset ?? 0,
      request.from ?? null,
      request.to ?? null,
      request.sourceId ?? null,
    ]);
    this.context.counters.questions++;
    const cached = this.results.get(key);
    if (cached) {
      this.context.counters.cached++;
      return Promise.resolve(cached);
    }
    return this.inTurn(request).then((result) => {
      this.results.set(key, result);
      return result;
    });
  }

  /** Answers once the questions asked before have been. */
  private inTurn(request: SearchRequest): Promise<SearchResult> {
    const answered = this.turn.then(() => this.answer(request));
    this.turn = answered.catch(() => undefined);
    return answered;
  }

  /**
   * How questions were answered so far: from the cache, with probes (`probed`), of those tried again
   * with fewer (`retried`) and, of all probed, read without probes in the end (`fellBack`), and how
   * many passages were re-read for proximity (for benchmarks and logs).
   */
  get stats(): Readonly<SearchCounters> {
    return { ...this.context.counters };
  }

  private async answer(request: SearchRequest): Promise<SearchResult> {
    let interpretation = this.interpretations.get(request.question);
    if (!interpretation)
      this.interpretations.set(
        request.question,
        (interpretation = interpretQuestion(this.context, request.question, EXPANDERS)),
      );
    const { groups, thresholds, corrections, related, unknownWords, answerKind } = interpretation;
    const none: SearchResult = { hits: [], more: false, corrections, unknownWords, related };
    if (groups.every((g) => g.alternatives.length === 0)) return none;
    // A year no article writes dates the question to another time than the story's ("the 2019
    // World Cup", "the 2011 earthquake"): the story's passages sharing its other words answer another event.
    if (groups.some((g) => YEAR.test(g.word) && g.alternatives.length === 0)) return none;
    const ranked = await retrieveAndRank(this.context, request, groups, thresholds, answerKind);
    if (!('abstained' in ranked)) return { ...ranked, corrections, unknownWords, related };
    // One word the corpus lacks that only helps to ask ("gonna", "actually", a verb it words
    // otherwise) does not sink a question whose topic it covers: asked again without it, and
    // answered when a passage covers nearly all the rest, an answer says which word it did
    // without. A missing topic ("weather", a name) weighs too much to drop.
    const { tuning } = this.context;
    const helpers = groups.filter((group) => group.alternatives.length === 0 && group.weight <= tuning.ignorableWeight);
    if (helpers.length !== 1 || groups.length < 3) return none;
    const rest = groups.filter((group) => group !== helpers[0]);
    const restThresholds = coverageThresholds(
      rest,
      (term) => this.context.frequency(term),
      this.context.passageCount,
      tuning,
    );
    const without = await retrieveAndRank(
      this.context,
      request,
      rest,
      { ...restThresholds, answer: Math.max(restThresholds.answer, tuning.sureCoverage) },
      answerKind,
    );
    return 'abstained' in without
      ? none
      : { ...without, corrections, unknownWords, related, ignoredWords: [helpers[0]!.word] };
  }
}

/** A year as questions write one: "2019". */
const YEAR = /^(?:1[89]|20)\d\d$/;

/** Questions `warmUp` asks, each up to three times. */
const WARM_UP_QUESTIONS = 40;
