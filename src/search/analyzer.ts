import { stem } from 'porter2';
import { DATE_AFTER_WHAT, QUANTITY_AFTER_HOW, QUESTION_FILLERS, STOP_WORDS } from './stopwords.ts';

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
  /** Written in capitals, two to five letters (an "o" for "of" allowed): likely initials ("FM", "IMF", "BoE"). */
  readonly initials: boolean;
  /** Starts with a capital letter. */
  readonly capitalised: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;
const ACRONYM_WITH_PERIODS = /^(?:\p{L}\.)+$/u;
const INITIALS = /^(?:\p{Lu}\.?|o(?=\p{Lu})){2,6}$/u;
/** Characters that are no letter yet hide inside words: zero-width spaces and joiners, soft hyphens, byte-order marks. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const THREE_DIGITS = /^\d{3}$/;
const ONE_TO_THREE_DIGITS = /^\d{1,3}$/;

/**
 * The words of a text. This runs on every word of every passage when an index is built, so the
 * rarer rules (apostrophes, periods, thousands, initials) are only tried on words that could need them.
 */
function words(input: string): Word[] {
  const result: Word[] = [];
  const text = input.normalize('NFC');
  for (const match of text.matchAll(WORD)) {
    let raw = match[0];
    const start = match.index;
    const hasPeriod = raw.includes('.');
    // "U.S." and "U.S" are one word; other trailing periods end a sentence.
    if (hasPeriod && raw.endsWith('.') && !ACRONYM_WITH_PERIODS.test(raw)) raw = raw.slice(0, -1);
    // Possessives and contractions lose their ending ("wouldn't" -> "would", "they're" -> "they");
    // an apostrophe inside a word goes ("Shi'ite" -> "shiite").
    let lower = raw.toLowerCase();
    if (lower.includes("'") || lower.includes('’'))
      lower = lower
        .replace(/n[’']t$/, '')
        .replace(/[’'](?:s|re|ve|ll|d|m)$/, '')
        .replace(/[’']/g, '');
    const compact = hasPeriod ? lower.replace(/\./g, '') : lower;
    // The Arabic article in names: "al-Kadhimi" is "Kadhimi" (the hyphen split it off already).
    if (compact === 'al' && text[start + raw.length] === '-') continue;
    // Thousands separators: "5,200" is one number.
    const previous = result.at(-1);
    if (
      compact.length === 3 &&
      previous &&
      THREE_DIGITS.test(compact) &&
      ONE_TO_THREE_DIGITS.test(previous.text) &&
      text.slice(previous.end, start) === ','
    ) {
      result[result.length - 1] = { ...previous, text: previous.text + compact, end: start + raw.length };
      continue;
    }
    // Both patterns below start with a capital: most words are spared the regular expressions.
    const first = raw.charCodeAt(0);
    const capitalised = ((first >= 65 && first <= 90) || first > 127) && /^\p{Lu}/u.test(raw);
    const short = capitalised && raw.length <= 10;
    result.push({
      text: compact,
      start,
      end: start + raw.length,
      countryUS: short && (/^U\.?S\.?$/.test(raw) || raw === 'USA'),
      initials: short && INITIALS.test(raw),
      capitalised,
    });
  }
  return result;
}

/** Stems of words seen, since every text repeats the same few thousand words (porter2 is pure, so this changes nothing). */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

export function normalizeWord(word: string): string {
  let term = stems.get(word);
  if (term === undefined) {
    term = /^\d+$/.test(word) ? word : stem(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, term);
  }
  return term;
}

/** The words before position i, nearest first, at most two. */
function precedingWords(list: readonly Word[], i: number): string[] {
  if (i >= 2) return [list[i - 1]!.text, list[i - 2]!.text];
  return i === 1 ? [list[0]!.text] : [];
}

export type AnalysisMode = 'passage' | 'question';

/**
 * Text to search terms: words, stop words dropped, stems. Passages and questions go through the
 * same steps, so a term means the same on both sides; questions also lose the words that frame
 * them ("tell me", "how many"). "US" and "U.S." in capitals are the country (term "usa"), never
 * the pronoun; a lower-case "us" in a question is the country too, because that is how people type it.
 */
export function analyze(text: string, mode: AnalysisMode = 'passage'): Term[] {
  const normalized = mode === 'question' ? normalizeQuestion(text) : text;
  return termsOf(words(normalized), mode, true, mode === 'question' && typedInCase(normalized));
}

/** A question with small letters in it: its capitals mean something (a shouted question's do not). */
function typedInCase(question: string): boolean {
  return /\p{Ll}/u.test(question);
}

/**
 * A question as typed, read as cleaned articles are: compatibility forms as the letters they show
 * (fullwidth "ＵＳ" is "US", "ﬁ" is "fi"), and no zero-width characters or soft hyphens inside words.
 */
function normalizeQuestion(question: string): string {
  return question.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * What indexing needs of a passage, reading its words once: its terms (with position and written
 * form only) and its capitalised phrases. The terms are those `analyze(text)` gives.
 */
export function analyzeForIndex(text: string): {
  terms: Term[];
  phrases: Array<{ initials: string; terms: string[] }>;
} {
  const list = words(text);
  return { terms: termsOf(list, 'passage', false), phrases: phrasesOf(text, list) };
}

/** One word of a question as written, and the term it searches for (null for a stop word or a framing word). */
export interface QuestionToken {
  /** Lower case, without periods or apostrophe endings ("U.S." -> "us", "Iraq's" -> "iraq"). */
  readonly word: string;
  readonly term: string | null;
  /** Index of the word in the question, counting every word. */
  readonly position: number;
  readonly capitalised: boolean;
  /** The capitals of a word written as initials, lower-cased ("BoE" -> "be", "U.S." -> "us"), else undefined. */
  readonly initials?: string;
}

/**
 * The term a word searches for, or null when it searches for nothing (stop words, and framing
 * words in questions). With `acronyms`, initials that spell a stop word ("what did the WHO say",
 * "IT") are the initials, for the expanders to spell out.
 */
function termOf(word: Word, next: Word | undefined, mode: AnalysisMode, acronyms = false): string | null {
  if (word.countryUS || (mode === 'question' && word.text === 'us')) return US;
  if (acronyms && word.initials && STOP_WORDS.has(word.text)) return word.text;
  if (STOP_WORDS.has(word.text) || (mode === 'question' && QUESTION_FILLERS.has(word.text))) return null;
  if (mode === 'question' && word.text === 'how' && next && QUANTITY_AFTER_HOW.has(next.text)) return null;
  const term = normalizeWord(word.text);
  return term.length > 0 ? term : null;
}

/**
 * Whether the word, with the one before it, asks for a kind of answer rather than naming the
 * topic: "how many", "how long" (a quantity), "what year", "which day" (a date).
 */
function asksForKind(list: readonly Word[], i: number): boolean {
  const before = i > 0 ? list[i - 1]!.text : '';
  const word = list[i]!.text;
  return (
    (before === 'how' && QUANTITY_AFTER_HOW.has(word)) ||
    ((before === 'what' || before === 'which') && DATE_AFTER_WHAT.has(word))
  );
}

/** The term of the country "US" in capitals. */
const US = 'usa';

/** Every word of a question, with the term it searches for: question reading groups them into phrases and names. */
export function questionTokens(question: string): QuestionToken[] {
  const text = normalizeQuestion(question);
  const list = words(text);
  const acronyms = typedInCase(text);
  const tokens: QuestionToken[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    const quantity = asksForKind(list, i);
    const initials = word.initials
      ? text
          .slice(word.start, word.end)
          .replace(/[^\p{Lu}]/gu, '')
          .toLowerCase()
      : undefined;
    tokens.push({
      word: word.text,
      term: quantity ? null : termOf(word, list[i + 1], 'question', acronyms),
      position: i,
      capitalised: word.capitalised,
      ...(initials ? { initials } : {}),
    });
  }
  return tokens;
}

/** The terms of a list of words; `context` adds each term's neighbouring words (questions need them, indexing does not). */
function termsOf(list: readonly Word[], mode: AnalysisMode, context: boolean, acronyms = false): Term[] {
  const terms: Term[] = [];
  for (let i = 0; i < list.length; i++) {
    const word = list[i]!;
    if (mode === 'question' && asksForKind(list, i)) continue;
    const term = termOf(word, list[i + 1], mode, acronyms);
    if (term === null) continue;
    terms.push(
      context
        ? {
            term,
            position: i,
            word: word.text,
            following: list[i + 1]?.text ?? '',
            preceding: precedingWords(list, i),
            initials: word.initials,
          }
        : { term, position: i, word: word.text },
    );
  }
  return terms;
}

/**
 * The one term a single lower-case word analyzes to as passage text (null for a stop word):
 * `analyze(word)` without the tokenizer, for the many dictionary words stand-in lookups test.
 * Anything but plain letters goes through `analyze`.
 */
export function termOfWord(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) {
    const analyzed = analyze(word);
    return analyzed.length === 1 ? analyzed[0]!.term : null;
  }
  // The country "US" is written in capitals; a lower-case "us" is the pronoun, a stop word.
  if (STOP_WORDS.has(word)) return null;
  const term = normalizeWord(word);
  return term.length > 0 ? term : null;
}

/**
 * Runs of two to four capitalised words ("Foreign Minister", "International Monetary Fund"), each
 * with its initials ("fm", "imf") and its search terms, so initials a question uses can be read as
 * the phrase an article spells out. An "of" inside a name is skipped; initials inside a name give
 * all their letters ("NVA Wales" -> "nvaw", "XBC World Service" -> "xbcws").
 */
export function capitalisedPhrases(text: string): Array<{ initials: string; terms: string[] }> {
  return phrasesOf(text, words(text));
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Two to five capitals: initials, which a name may hold ("NVA Wales"). */
const ACRONYM = /^\p{Lu}{2,5}$/u;

function phrasesOf(text: string, list: readonly Word[]): Array<{ initials: string; terms: string[] }> {
  const found: Array<{ initials: string; terms: string[] }> = [];
  let run: Array<Word & { acronym?: boolean }> = [];
  const flush = (): void => {
    for (let start = 0; start < run.length; start++) {
      for (let end = start + 2; end <= Math.min(run.length, start + 4); end++) {
        const span = run.slice(start, end);
        found.push({
          initials: span.map((w) => (w.acronym ? w.text : w.text[0])).join(''),
          terms: span.map((w) => normalizeWord(w.text)),
        });
      }
    }
    run = [];
  };
  for (const word of list) {
    const first = text.charCodeAt(word.start);
    // Only a word starting with a capital (ASCII, or any letter beyond it) can match CAPITALISED.
    const upper = (first >= 65 && first <= 90) || first > 127;
    const written = upper ? text.slice(word.start, word.end) : '';
    const acronym = upper && ACRONYM.test(written);
    if (upper && (acronym || CAPITALISED.test(written)) && !STOP_WORDS.has(word.text))
      run.push(acronym ? { ...word, acronym } : word);
    else if (run.length > 0 && word.text === 'of') continue;
    else if (run.length > 0) flush();
  }
  flush();
  return found;
}

/** A text's words as questions are matched against phrases: lower case, one space between ("U.S. of A." -> "us of a"). */
export function wordKey(text: string): string {
  return words(text)
    .map((word) => word.text)
    .join(' ');
}

/** Offsets of the words of `text`, for highlighting: word index -> [start, end). */
export function wordOffsets(text: string): Array<readonly [number, number]> {
  return words(text).map((word) => [word.start, word.end] as const);
}
