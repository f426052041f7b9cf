import { isHeadlineLike, wordCount, type Stage } from '../draft.ts';

/** A subheading is short; a longer line without a full stop is a deck or a caption, still text. */
const MAX_HEADING_WORDS = 12;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "March 3, 2021: Court hears first motions", "Tuesday March 30, 10:04 a.m. ET", "2021-03-03 —": a heading that opens with a date. */
const DATED = new RegExp(
  String.raw`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?(?:${MONTH}\s\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s${MONTH}|\d{4}-\d{2}-\d{2})\b`,
  'i',
);

/** Whether a heading opens with a date: it dates the section under it, and is an event of its own. */
export function isDatedHeading(text: string): boolean {
  return DATED.test(text);
}

/**
 * A line that reads as a heading ("Periodic attacks on US forces") labels the paragraphs below
 * it. A heading that opens with a date ("March 3, 2021: Court hears first motions", a live
 * blog's "Tuesday March 30, 10:04 a.m. ET") labels them too, and stays a passage: the timeline
 * reads its event, and dates the section's "on Wednesday" from it.
 */
export const markHeadings: Stage = (draft) => ({
  ...draft,
  lines: draft.lines.map((line) =>
    !line.listItem && isHeadlineLike(line.text) && wordCount(line.text) <= MAX_HEADING_WORDS
      ? { ...line, heading: true }
      : line,
  ),
});
