import { keepLines, looseKey, wordCount, type Stage } from '../draft.ts';

/** A line this long repeated is the page repeating itself; a shorter one ("Read more", a label) is for other stages. */
const MIN_REPEATED_WORDS = 8;
/** Words that identify a paragraph's opening, to find the teasers that cut it short. */
const OPENING_WORDS = 8;
/** Paragraphs compared per opening: a page of lines that all open alike is not worth quadratic time. */
const MAX_SAME_OPENING = 4;

/** Words a reprint may change in one place ("went into" for "entered") and still be the same paragraph. */
const MAX_CHANGED_WORDS = 3;

/** A day or a month: a paragraph that changes one says when, which is news. */
const DATE_WORD =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * The same paragraph with one short run of words changed, none of them a number or a date: a
 * caption restating the text above it, not an update (a new figure or day is news).
 */
function isReworded(key: string, seen: string): boolean {
  const a = key.split(' ');
  const b = seen.split(' ');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const changed = [...a.slice(head, a.length - tail), ...b.slice(head, b.length - tail)];
  return (
    changed.length > 0 &&
    changed.length <= MAX_CHANGED_WORDS &&
    !changed.some((word) => /\d/.test(word) || DATE_WORD.test(word))
  );
}

/**
 * A paragraph the page prints again (a teaser box, a "most read" list, a second copy of the
 * story below the first, a caption restating a paragraph in other words), whole, cut short or
 * with a few words changed, goes; its first printing stays. Compared by loose key (case and
 * punctuation aside).
 */
export const dropRepeats: Stage = (draft) => {
  const byOpening = new Map<string, string[]>();
  return keepLines(draft, (line) => {
    if (line.heading || wordCount(line.text) < MIN_REPEATED_WORDS) return true;
    const key = looseKey(line.text.replace(/(?:…|\.\.\.)$/, ''));
    const opening = key.split(' ', OPENING_WORDS).join(' ');
    const earlier = byOpening.get(opening) ?? [];
    if (earlier.some((seen) => seen.startsWith(key))) return false;
    const reworded = earlier.some((seen) => isReworded(key, seen));
    // A reworded copy is remembered too: the page may print it once more, cut short.
    if (earlier.length < MAX_SAME_OPENING) byOpening.set(opening, [...earlier, key]);
    return !reworded;
  });
};
