import { endsLikeSentence, isBody, wordCount, type Line, type Stage } from '../draft.ts';

/** Headings that start the page's list of other stories ("Northtown Top Stories" too); everything from one of them on is not the article. */
const TAIL_HEADING =
  /^(?:related(?: stories| articles| news| coverage| posts| content| reading)?|more coverage|more(?: [\w.]{1,20}){0,3} (?:news|stories)|read more|recommended(?: for you| stories)?|you may also like|you might also like|most (?:read|popular|viewed)|trending(?: now| stories)?|latest news|also on [\w ]{1,40}|in other news|(?:[\w.'’&-]+ ){0,3}top stories|up next|read next|what to read next|editor['’]s picks|don['’]t miss)$/i;
/** A paragraph of the story has this many words; a deck under another story's headline has fewer. */
const MIN_PARAGRAPH_WORDS = 15;
/** A heading is short: a longer line that starts so is text. */
const MAX_HEADING_LENGTH = 60;

/** The page's list of other stories, from its heading to the end. Only below the first long paragraph, so a "Related" kicker above a headline costs nothing. */
export const cutRelatedTail: Stage = (draft) => {
  const { lines } = draft;
  const start = lines.findIndex((line) => line.text.split(' ').length > 12);
  const boxes: Array<readonly [number, number]> = [];
  for (let i = Math.max(start, 0) + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.length > MAX_HEADING_LENGTH || !TAIL_HEADING.test(text.replace(/[:.]$/, ''))) continue;
    // "RELATED COVERAGE" and a link or two set amid the story, whose paragraphs go on under them to
    // the end: the box goes, not the rest. A list of other stories runs to the end in headlines (and their decks).
    let end = i + 1;
    while (end < lines.length && isHeadlineShaped(lines[end]!.text)) end++;
    const rest = lines.slice(end);
    if (end > i + 1 && storyGoesOn(rest)) {
      boxes.push([i, end]);
      i = end - 1;
      continue;
    }
    return { ...draft, lines: withoutBoxes(lines.slice(0, i)) };
  }
  return boxes.length === 0 ? draft : { ...draft, lines: withoutBoxes(lines) };

  function withoutBoxes(kept: readonly Line[]): Line[] {
    return kept.filter((_line, index) => !boxes.some(([from, to]) => index >= from && index < to));
  }
};

/**
 * Whether the lines under a box of links are the story going on. A list of other stories is
 * headlines, each with a deck or a stamp at most under it; the story is a paragraph right under
 * the box (longer than a one-sentence deck), more text or a list after that paragraph rather than
 * the next headline, and at least as many paragraphs (or list items) as headline-shaped lines.
 */
function storyGoesOn(rest: readonly Line[]): boolean {
  if (rest[0] === undefined || !isBody(rest[0]) || wordCount(rest[0].text) < MIN_PARAGRAPH_WORDS) return false;
  // Another story's summary is followed by the next story's headline; a paragraph by text, a list or its lead.
  const second = rest[1];
  const isText = (line: Line | undefined): boolean => line !== undefined && (isBody(line) || line.listItem === true);
  if (second !== undefined && !isText(second) && !(second.text.endsWith(':') && isText(rest[2]))) return false;
  const headlines = rest.filter((line) => !line.listItem && isHeadlineShaped(line.text)).length;
  const text = rest.filter((line) => isBody(line) || (line.listItem && !isHeadlineShaped(line.text))).length;
  return text >= headlines;
}

/** A headline of another story: a few words at least, no sentence ending. */
function isHeadlineShaped(text: string): boolean {
  return wordCount(text) >= 4 && !endsLikeSentence(text);
}
