import { isHeadlineLike, wordCount, type Stage } from '../draft.ts';

/** A subheading is short; a longer line without a full stop is a deck or a caption, still text. */
const MAX_HEADING_WORDS = 12;

/** A line that reads as a heading ("Periodic attacks on US forces") labels the paragraphs below it. */
export const markHeadings: Stage = (draft) => ({
  ...draft,
  lines: draft.lines.map((line) => (!line.listItem && isHeadlineLike(line.text) && wordCount(line.text) <= MAX_HEADING_WORDS ? { ...line, heading: true } : line)),
});
