import { stem } from 'porter2';
import { ALIASES, IRREGULAR_FORMS, LONGEST_ALIAS_WORDS } from './aliases.ts';
import { QUANTITY_AFTER_HOW, QUESTION_FILLERS, STOP_WORDS } from './stopwords.ts';

/** A search term and the position of the word it came from (for proximity). */
export interface Term {
  readonly term: string;
  /** Index of the word it came from, counting every word (stop words too), so distances are true. */
  readonly position: number;
  /** The word (or alias phrase) as written, lower-cased: for telling a user what was corrected. */
  readonly word: string;
  /** The next word as written, stop word or not, for phrases a dictionary lists ("crack down", "sign off"). */
  readonly following?: string;
  /** The two words before, nearest first, as written, stop words or not: "the" before a word says it is no verb, "would" that it is one. */
  readonly preceding?: readonly string[];
  /** Written in capitals, two to five letters: perhaps initials ("FM" for "Foreign Minister"). */
  readonly initials?: boolean;
}

/** A word as written, with its offsets in the original text, lower-cased. */
interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The country "US" written in capitals, as opposed to the pronoun "us". */
  readonly countryUS: boolean;
  /** Written in capitals, two to five letters: likely initials ("FM", "IMF"). */
  readonly initials: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;

function words(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.normalize('NFC').matchAll(WORD)) {
    let raw = match[0];
    const start = match.index;
    // "U.S." and "U.S" are one word; other trailing periods end a sentence.
    if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
    // Possessives and contractions lose their ending ("wouldn't" -> "would", "they're" -> "they");
    // an apostrophe inside a word goes ("Shi'ite" -> "shiite").
    const lower = raw.toLowerCase().replace(/n[’']t$/, '').replace(/[’'](?:s|re|ve|ll|d|m)$/, '').replace(/[’']/g, '');
    const compact = lower.replace(/\./g, '');
    // The Arabic article in names: "al-Kadhimi" is "Kadhimi" (the hyphen split it off already).
    if (compact === 'al' && text[start + raw.length] === '-') continue;
    // Thousands separators: "5,200" is one number.
    const previous = result.at(-1);
    if (/^\d{3}$/.test(compact) && previous && /^\d{1,3}$/.test(previous.text) && text.slice(previous.end, start) === ',') {
      result[result.length - 1] = { ...previous, text: previous.text + compact, end: start + raw.length };
      continue;
    }
    result.push({ text: compact, start, end: start + raw.length, countryUS: /^U\.?S\.?$/.test(raw) || raw === 'USA', initials: /^(?:\p{Lu}\.?){2,5}$/u.test(raw) });
  }
  return result;
}

function normalizeWord(word: string): string {
  const base = IRREGULAR_FORMS.get(word);
  if (base) return base;
  return /^\d+$/.test(word) ? word : stem(word);
}

export type AnalysisMode = 'passage' | 'question';

/**
 * Text to search terms: words, entity aliases, stop words dropped, stems. Passages and questions
 * go through the same steps, so a term means the same on both sides; questions also lose the
 * words that frame them ("tell me", "how many"), and a lower-case "us" in a question is read as
 * the country, because that is how people type it.
 */
export function analyze(text: string, mode: AnalysisMode = 'passage'): Term[] {
  const list = words(text);
  const terms: Term[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if (mode === 'question' && word.text === 'how' && QUANTITY_AFTER_HOW.has(list[i + 1]?.text ?? '')) {
      i++;
      continue;
    }
    let matched = 0;
    for (let length = Math.min(LONGEST_ALIAS_WORDS, list.length - i); length >= 1 && matched === 0; length--) {
      const phrase = list.slice(i, i + length).map((w) => w.text).join(' ');
      const canonical = ALIASES.get(phrase);
      if (canonical === undefined) continue;
      if (phrase === 'us' && !word.countryUS && mode === 'passage') continue;
      terms.push({ term: canonical, position: i, word: phrase, following: list[i + length]?.text ?? '', preceding: list.slice(Math.max(0, i - 2), i).map((w) => w.text).reverse() });
      matched = length;
    }
    if (matched > 0) {
      i += matched - 1;
      continue;
    }
    if (STOP_WORDS.has(word.text) || (mode === 'question' && QUESTION_FILLERS.has(word.text))) continue;
    const term = normalizeWord(word.text);
    if (term.length > 0) terms.push({ term, position: i, word: word.text, following: list[i + 1]?.text ?? '', preceding: list.slice(Math.max(0, i - 2), i).map((w) => w.text).reverse(), initials: word.initials });
  }
  return terms;
}

/**
 * Runs of two to four capitalised words ("Foreign Minister", "International Monetary Fund"), each
 * with its initials ("fm", "imf") and its search terms, so initials a question uses can be read as
 * the phrase an article spells out. An "of" inside a name is skipped.
 */
export function capitalisedPhrases(text: string): Array<{ initials: string; terms: string[] }> {
  const found: Array<{ initials: string; terms: string[] }> = [];
  const list = words(text);
  let run: Word[] = [];
  const flush = (): void => {
    for (let start = 0; start < run.length; start++) {
      for (let end = start + 2; end <= Math.min(run.length, start + 4); end++) {
        const span = run.slice(start, end);
        found.push({ initials: span.map((w) => w.text[0]).join(''), terms: span.map((w) => normalizeWord(w.text)) });
      }
    }
    run = [];
  };
  for (const word of list) {
    const raw = text.slice(word.start, word.end);
    if (/^\p{Lu}\p{Ll}/u.test(raw) && !STOP_WORDS.has(word.text)) run.push(word);
    else if (run.length > 0 && word.text === 'of') continue;
    else flush();
  }
  flush();
  return found;
}

/** Offsets of the words of `text`, for highlighting: word index -> [start, end). */
export function wordOffsets(text: string): Array<readonly [number, number]> {
  return words(text).map((word) => [word.start, word.end] as const);
}
