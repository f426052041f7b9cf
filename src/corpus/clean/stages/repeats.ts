import { keepLines, looseKey, wordCount, type Stage } from '../draft.ts';

/** A line this long repeated is the page repeating itself; a shorter one ("Read more", a label) is for other stages. */
const MIN_REPEATED_WORDS = 8;
/** Words that identify a paragraph's opening, to find the teasers that cut it short. */
const OPENING_WORDS = 8;
/** Paragraphs compared per opening: a page of lines that all open alike is not worth quadratic time. */
const MAX_SAME_OPENING = 4;

/**
 * A paragraph the page prints again (a teaser box, a "most read" list, a second copy of the
 * story below the first), whole or cut short, goes; its first printing stays. Compared by loose
 * key (case and punctuation aside).
 */
export const dropRepeats: Stage = (draft) => {
  const byOpening = new Map<string, string[]>();
  return keepLines(draft, (line) => {
    if (line.heading || wordCount(line.text) < MIN_REPEATED_WORDS) return true;
    const key = looseKey(line.text.replace(/(?:…|\.\.\.)$/, ''));
    const opening = key.split(' ', OPENING_WORDS).join(' ');
    const earlier = byOpening.get(opening) ?? [];
    if (earlier.some((seen) => seen.startsWith(key))) return false;
    if (earlier.length < MAX_SAME_OPENING) byOpening.set(opening, [...earlier, key]);
    return true;
  });
};
