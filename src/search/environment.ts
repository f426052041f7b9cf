import { EnglishFrequencies } from './english.ts';
import { DEFAULT_TUNING, type SearchTuning } from './tuning.ts';
import { WordNet } from './wordnet.ts';

/**
 * What an index reads a question with besides its own corpus: the tuning, and the general
 * knowledge of English it consults (WordNet, everyday word frequencies). Built once at start-up
 * and handed to every index; tests build their own with other tuning.
 */
export interface SearchEnvironment {
  readonly tuning: SearchTuning;
  readonly wordnet: WordNet;
  readonly english: EnglishFrequencies;
}

/** The product's environment: default tuning and the installed packages' data, shared in the process. */
export function defaultSearchEnvironment(): SearchEnvironment {
  return { tuning: DEFAULT_TUNING, wordnet: WordNet.shared(), english: EnglishFrequencies.shared() };
}

/** The product's environment with other tuning (tests, tuning sweeps). */
export function withTuning(tuning: Partial<SearchTuning>, base: SearchEnvironment = defaultSearchEnvironment()): SearchEnvironment {
  return { ...base, tuning: Object.freeze({ ...base.tuning, ...tuning }) };
}
