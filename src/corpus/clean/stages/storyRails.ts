import { endsLikeSentence, isBody, isCutShort, keepLines, wordCount, type Line, type Stage } from '../draft.ts';

/** Other stories' headlines come three or more in a row. */
const MIN_RAIL_LINES = 3;
/** A headline of another story has a few words at least; fewer is a heading or a label. */
const MIN_HEADLINE_WORDS = 6;
const MAX_HEADLINE_WORDS = 25;

/** A line shaped as another story's headline: a short line of several words, no sentence ending, not cut short. */
function isHeadlineShaped(line: Line): boolean {
  const words = wordCount(line.text);
  return (
    !line.listItem &&
    words >= MIN_HEADLINE_WORDS &&
    words <= MAX_HEADLINE_WORDS &&
    !endsLikeSentence(line.text) &&
    !line.text.endsWith(':') &&
    !isCutShort(line.text)
  );
}

/**
 * A rail of other stories' headlines set amid the article ("Ken Doe on the draw: Northtown face
 * a task", "The top 25 moments of the year", …): three or more headline-shaped lines in a row
 * between paragraphs of the article. Captions and labels have gone by now, so what is left in a
 * row like that is no part of the story: an article's own subheadings stand one at a time above
 * their paragraphs, and its lists are marked as lists.
 */
export const dropStoryRails: Stage = (draft) => {
  const { lines } = draft;
  const rail = new Uint8Array(lines.length);
  const firstBody = lines.findIndex(isBody);
  let start = -1;
  const close = (end: number): void => {
    // Only amid the article: a paragraph before the run and one after it.
    const amid = firstBody >= 0 && start > firstBody && end < lines.length && isBody(lines[end]!);
    if (start >= 0 && end - start >= MIN_RAIL_LINES && amid) rail.fill(1, start, end);
    start = -1;
  };
  for (let i = 0; i < lines.length; i++) {
    if (isHeadlineShaped(lines[i]!)) {
      if (start < 0) start = i;
    } else close(i);
  }
  close(lines.length);
  return keepLines(draft, (_line, i) => rail[i] === 0);
};
