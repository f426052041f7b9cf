import type { Corpus } from '../corpus/types.ts';
import { inverseDocumentFrequency, type SearchBackend } from './backend.ts';
import { bitSet, continuationBits, hasBit, setBit } from './bits.ts';
import { LruCache } from './cache.ts';
import type { SearchEnvironment } from './environment.ts';
import { AliasTable } from './knowledge/aliasTable.ts';
import type { Alternative } from './question/types.ts';
import { RankScratch } from './ranking/scratch.ts';

/** Seen this often in the subtitle corpus, a word is real English, not a typo (the list has a few misspellings once or twice). */
const MIN_ENGLISH_COUNT = 3;

/**
 * A paragraph that opens by referring back to the one before: a pronoun or "the two", "both" as
 * its subject, perhaps after a lead-in ("As per reports, the two officials discussed…").
 */
const REFERS_BACK = /^(?:[^.,]{0,30},\s*)?(?:he|she|they|the two|both)\b/i;
/** Only a paragraph's opening is read for it. */
const OPENING = 200;

/** How questions were answered so far (for benchmarks and logs): see `SearchIndex#stats`. */
export interface SearchCounters {
  questions: number;
  cached: number;
  probed: number;
  retried: number;
  fellBack: number;
  reread: number;
}

/**
 * What every stage of answering reads about one index: the corpus, its backend, the environment,
 * and the per-index caches. Built once per index; the stages are functions of it.
 */
export class SearchContext {
  readonly passageCount: number;
  /** Bit i: passage i belongs to the same article as passage i − 1 (a bitset, to stay in cache). */
  readonly continues: Uint32Array;
  /**
   * Whether passage i opens by referring back (see `refersBack`): bit i of `referringRead` says it
   * was read, bit i of `referring` the answer. Read on first use: reading every passage's opening
   * when an index opens made its text from the snapshot's bytes for each, a quarter of a second at
   * 100,000 passages in the thread that answers, and seconds at a million.
   */
  private readonly referringRead: Uint32Array;
  private readonly referring: Uint32Array;
  /** Stand-ins per question word (and its neighbours, which choose the senses): words recur across questions. */
  readonly standIns: LruCache<string, Alternative[]>;
  readonly counters: SearchCounters = { questions: 0, cached: 0, probed: 0, retried: 0, fellBack: 0, reread: 0 };
  readonly scratch = new RankScratch();
  /** Names that stand for one another: the environment's and the corpus's own (its aliases file). */
  readonly aliases: AliasTable;

  constructor(
    readonly corpus: Corpus,
    readonly backend: SearchBackend,
    readonly environment: SearchEnvironment,
  ) {
    if (backend.passageCount !== corpus.passages.length)
      throw new Error(
        `SearchIndex: the backend indexes ${backend.passageCount} passages, the corpus has ${corpus.passages.length}`,
      );
    this.passageCount = corpus.passages.length;
    const { passages } = corpus;
    this.continues =
      backend.continues ?? continuationBits(passages.length, (i) => passages[i]!.source === passages[i - 1]!.source);
    this.referringRead = bitSet(passages.length);
    this.referring = bitSet(passages.length);
    this.standIns = new LruCache(environment.tuning.cachedQuestions * 4);
    this.aliases = corpus.aliases?.length
      ? AliasTable.merged(environment.aliases, corpus.aliases)
      : AliasTable.of(environment.aliases);
  }

  /** Whether passage i continues its article and opens by referring back to passage i − 1 (REFERS_BACK). */
  refersBack(i: number): boolean {
    if (!hasBit(this.referringRead, i)) {
      setBit(this.referringRead, i);
      if (hasBit(this.continues, i) && REFERS_BACK.test(this.corpus.passages[i]!.text.slice(0, OPENING)))
        setBit(this.referring, i);
    }
    return hasBit(this.referring, i);
  }

  get tuning(): SearchEnvironment['tuning'] {
    return this.environment.tuning;
  }

  idf(documentFrequency: number): number {
    return inverseDocumentFrequency(documentFrequency, this.passageCount);
  }

  /** Passages a term occurs in; for a phrase (terms joined by spaces), passages holding all its terms. */
  frequency(term: string): number {
    return term.includes(' ') ? this.backend.phraseFrequency(term.split(' ')) : this.backend.documentFrequency(term);
  }

  knows(term: string): boolean {
    return this.backend.documentFrequency(term) > 0;
  }

  /** The corpus has every one of the terms (somewhere). */
  knowsAll(terms: readonly string[]): boolean {
    return terms.length > 0 && terms.every((term) => this.knows(term));
  }

  /** The commonest written form of a term, to show a correction in the asker's words. */
  surface(term: string): string | undefined {
    return this.backend.writtenForms(term)[0];
  }

  /** A real English word is not a typo: it is read through related words, never "corrected" into another. */
  isEnglish(word: string): boolean {
    return this.environment.english.count(word) >= MIN_ENGLISH_COUNT || this.environment.wordnet.knows(word);
  }
}
