import { analyze } from './analyzer.ts';
import { EnglishFrequencies } from './english.ts';
import { NEWS_ABBREVIATIONS } from './knowledge/abbreviations.ts';
import { countryNames } from './knowledge/countries.ts';
import { WordVectors } from './knowledge/wordVectors.ts';
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
  /** Which everyday words news uses alike (GloVe vectors). */
  readonly vectors: WordVectors;
  /** Names that stand for one another in any story: every country's names and demonyms, news abbreviations and titles. */
  readonly aliases: ReadonlyArray<readonly string[]>;
}

/** Seen this often in the subtitle corpus, a short code is an everyday word, not an abbreviation. */
const EVERYDAY_COUNT = 300;

let shared: SearchEnvironment | undefined;

/** The product's environment: default tuning and the installed packages' data, read once in the process. */
export function defaultSearchEnvironment(): SearchEnvironment {
  if (!shared) {
    const english = EnglishFrequencies.shared();
    // A code the analyzer reads as itself and English uses every day ("CD", "IT") is that word; "US" in capitals the analyzer reads as the country.
    const everyday = (code: string): boolean =>
      english.count(code) >= EVERYDAY_COUNT && analyze(code.toUpperCase())[0]?.term === code;
    shared = {
      tuning: DEFAULT_TUNING,
      wordnet: WordNet.shared(),
      english,
      vectors: WordVectors.shared(),
      aliases: [...countryNames(everyday), ...NEWS_ABBREVIATIONS],
    };
  }
  return shared;
}

/** The product's environment with other tuning (tests, tuning sweeps). */
export function withTuning(
  tuning: Partial<SearchTuning>,
  base: SearchEnvironment = defaultSearchEnvironment(),
): SearchEnvironment {
  return { ...base, tuning: Object.freeze({ ...base.tuning, ...tuning }) };
}
