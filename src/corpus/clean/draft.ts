import { EnglishFrequencies } from '../../search/english.ts';
import type { PartialDate } from '../types.ts';

/** What the cleaning stages learn about the article from its own text. */
export interface TextMeta {
  readonly title?: string;
  readonly author?: string;
  /** The publisher, where the page names itself: a masthead, a copyright line, a promo, a bio. */
  readonly outlet?: string;
  /**
   * The outlet was read from an invitation to more of it ("Watch Example News"), which a station's
   * page prints for its network: a dateline crediting the station itself says more (dateline.ts).
   */
  readonly outletInvited?: boolean;
  readonly date?: PartialDate;
  /** A news agency the page credits for the text ("Reuters", "AP"), apart from the publisher. */
  readonly credit?: string;
  /** The place a dateline opens the story with ("BAGHDAD"). */
  readonly dateline?: string;
  /** The day a dateline gives without its year ("WASHINGTON, May 18 (Xinhua) --"): the corpus's other articles tell the year. */
  readonly datelineDay?: { readonly month: number; readonly day: number };
}

/**
 * One line of the page as a reader sees it: a paragraph, a heading, a list item, or furniture not
 * yet recognised. Scraped pages put a paragraph on each line, with or without blank lines
 * between; hard-wrapped text is joined back into paragraphs before the stages run (segment.ts).
 */
export interface Line {
  readonly text: string;
  /** A section heading: labels the paragraphs below it, is not a passage itself. */
  readonly heading?: boolean;
  /** An item of a bulleted or numbered list: article content, however short. */
  readonly listItem?: boolean;
}

/** The article between stages: its lines, and the metadata found so far. */
export interface Draft {
  readonly lines: readonly Line[];
  readonly meta: TextMeta;
}

/** One cleaning step. Stages are pure and run in a fixed order (see pipeline.ts). */
export type Stage = (draft: Draft) => Draft;

/** Keeps the lines `keep` accepts; it sees each line with its index and all the lines. */
export function keepLines(draft: Draft, keep: (line: Line, index: number, lines: readonly Line[]) => boolean): Draft {
  const lines = draft.lines.filter((line, index, all) => keep(line, index, all));
  return lines.length === draft.lines.length ? draft : { ...draft, lines };
}

/** Rewrites each line's text; a line left blank goes. */
export function mapText(draft: Draft, map: (text: string) => string): Draft {
  const lines = draft.lines
    .map((line) => ({ ...line, text: map(line.text).trim() }))
    .filter((line) => line.text !== '');
  return { ...draft, lines };
}

/**
 * The space-separated words that have a letter or a digit. Read a character at a time, without a
 * match per word: every stage asks it of every line, and a line may be 100 KB long.
 */
export function wordCount(text: string): number {
  let words = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) counted = false;
      else if (!counted && ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122))) {
        words++;
        counted = true;
      }
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char.length === 2) i++;
    if (SPACE.test(char)) counted = false;
    else if (!counted && WORD_CHARACTER.test(char)) {
      words++;
      counted = true;
    }
  }
  return words;
}

const SPACE = /^\s$/u;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** The symbols a list item is marked with, as a character class (segment.ts reads a list number as a marker too). */
export const BULLET_SYMBOLS = String.raw`[•·▪▫‣◦●○■□➢➤►▶✓✔*\-–—]`;
/** A list item's symbol and the space after it: the rest is the item's text (a number stays: it says something). */
export const BULLET_SYMBOL = new RegExp(String.raw`^${BULLET_SYMBOLS}\s+`);

/** Ends like a sentence: terminal punctuation, possibly inside a closing quote or bracket. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]{0,3}$/.test(text.trimEnd());
}

/** A person's name as pages print it in bylines and credits: two to four capitalised words ("Jane Q. Doe"). */
export const PERSON_NAME = String.raw`\p{Lu}[\p{L}.'’-]{0,25}(?: \p{Lu}[\p{L}.'’-]{0,25}){1,3}`;

/** Words a line cannot end with unless it was cut off mid-sentence (a colon ends a label: "What we know:"). */
const DANGLING = /(?:[,;–—-]|\b(?:a|an|and|at|by|for|from|of|or|the|to|with))$/i;
/** The last word of a line, in lower case: where a line cut off mid-word ends ("… filed its lawsuit thre"). */
const LAST_LOWER_WORD = /\s(\p{Ll}{2,20})$/u;

/**
 * A line the page (or the scrape) cut off mid-sentence ("… at the canal's southern entrance,",
 * "… the metro in") or in the middle of its last word, a fragment of an ordinary word and none
 * itself ("… filed its lawsuit thre"): text, never a headline or a heading.
 */
export function isCutShort(text: string): boolean {
  if (DANGLING.test(text)) return true;
  const last = LAST_LOWER_WORD.exec(text)?.[1];
  return last !== undefined && EnglishFrequencies.shared().isCutOff(last);
}

/**
 * A headline, kicker or subheading: a short line with no sentence ending.
 * ("US Threatens to Close Embassy in Baghdad", "Periodic attacks on US forces", "USA")
 */
export function isHeadlineLike(text: string): boolean {
  const words = wordCount(text);
  return words >= 1 && words <= 25 && (!endsLikeSentence(text) || closesAbbreviation(text));
}

/** "U.S. v. Jane Doe, et al.", "Example Holdings Inc.": a short line whose last period closes an abbreviation, not a sentence. */
const ABBREVIATED_END = /\b(?:et al|Inc|Corp|Co|Ltd|Jr|Sr|Bros)\.$/;
const MAX_ABBREVIATED_HEADLINE_WORDS = 12;

export function closesAbbreviation(text: string): boolean {
  return wordCount(text) <= MAX_ABBREVIATED_HEADLINE_WORDS && ABBREVIATED_END.test(text);
}

/** Words this long, of which a headline in title case capitalises nearly all (a quotation mark before one is not its first letter). */
const TITLE_CASE_WORD = /\p{L}[\p{L}'’-]{3,}/gu;
/** Prepositions that some styles of title case leave in lower case ("Mother and Son from a Northtown Family"). */
const LOWER_CASE_PREPOSITION = /^(?:from|with|into|onto|over|upon)$/;
const MIN_TITLE_CASE_WORDS = 4;
const TITLE_CASE_SHARE = 0.9;

/** "Rescue Teams Relay Data On Survivors": a headline's title case, nearly every longer word capitalised, which no paragraph writes. */
export function isTitleCase(text: string): boolean {
  const words = (text.match(TITLE_CASE_WORD) ?? []).filter((word) => !LOWER_CASE_PREPOSITION.test(word));
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return words.length >= MIN_TITLE_CASE_WORDS && capitalised >= TITLE_CASE_SHARE * words.length;
}

/** A paragraph of the article: a sentence ending and enough words to be more than a caption label. */
export function isBody(line: Line): boolean {
  return !line.heading && !line.listItem && endsLikeSentence(line.text) && wordCount(line.text) >= 8;
}

/** Where the article's text starts: the first body paragraph (the lines before are the page's header). */
export function firstBodyIndex(lines: readonly Line[]): number {
  const index = lines.findIndex(isBody);
  return index < 0 ? lines.length : index;
}

/** Text compared loosely: case, punctuation and spacing ignored ("U.S." equals "US"). */
export function looseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
