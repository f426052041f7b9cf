import {
  endsLikeSentence,
  isBody,
  isCutShort,
  isTitleCase,
  keepLines,
  mapText,
  wordCount,
  type Line,
  type Stage,
} from '../draft.ts';
import { splitSentences } from '../../../text/sentences.ts';

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
 * "… in an update on social media. Northtown Rescue Teams Relay Data On Survivors' Locations": another
 * story's headline, in title case, run into the end of a paragraph. It goes, the paragraph stays.
 */
function withoutGluedHeadline(text: string): string {
  // Sentences as the text reader splits them: "U.S. Bankruptcy Court" is no sentence of its own.
  const last = splitSentences(text).at(-1);
  if (last === undefined || last.start === 0) return text;
  const at = last.start;
  const tail = last.text;
  return wordCount(tail) >= MIN_HEADLINE_WORDS &&
    isTitleCase(tail) &&
    wordCount(text.slice(0, at)) >= MIN_HEADLINE_WORDS
    ? text.slice(0, at).trimEnd()
    : text;
}

/** "More on the storm:", "Related:", "See also": the label of a list of links to other stories. */
const LINKS_LABEL =
  /^(?:more (?:on|about)\b.{1,60}|related(?: stories| articles| coverage| links)?|see also|also read|read more(?: (?:on|about)\b.{1,60})?|further reading|more coverage)[:.]?$/i;

/**
 * "More on the storm:" and the list under it, each item another story's headline (no sentence
 * ending): a box of links set amid the article, which goes whole. A list of sentences under such
 * a label is the article's own.
 */
function markLinkLists(lines: readonly Line[], rail: Uint8Array): void {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.listItem || !LINKS_LABEL.test(lines[i]!.text)) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]!.listItem && !endsLikeSentence(lines[end]!.text)) end++;
    if (end - i > 1) rail.fill(1, i, end);
  }
}

/**
 * A rail of other stories' headlines set amid the article ("Ken Doe on the draw: Northtown face
 * a task", "The top 25 moments of the year", …): three or more headline-shaped lines in a row
 * between paragraphs of the article. Captions and labels have gone by now, so what is left in a
 * row like that is no part of the story: an article's own subheadings stand one at a time above
 * their paragraphs, and its lists are marked as lists. So does a headline run into the end of a paragraph.
 */
export const dropStoryRails: Stage = (draft) => {
  const { lines } = draft;
  const rail = new Uint8Array(lines.length);
  markLinkLists(lines, rail);
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
  return mapText(
    keepLines(draft, (_line, i) => rail[i] === 0),
    withoutGluedHeadline,
  );
};
