import type { Stage } from '../draft.ts';

/** Headings that start the page's list of other stories; everything from one of them on is not the article. */
const TAIL_HEADING =
  /^(?:related(?: stories| articles| news| coverage| posts| content| reading)?|more coverage|more(?: [\w.]{1,20}){0,3} (?:news|stories)|read more|recommended(?: for you| stories)?|you may also like|you might also like|most (?:read|popular|viewed)|trending(?: now| stories)?|latest news|also on [\w ]{1,40}|in other news|top stories|up next|read next|what to read next|editor['’]s picks|don['’]t miss)$/i;
/** A heading is short: a longer line that starts so is text. */
const MAX_HEADING_LENGTH = 60;

/** The page's list of other stories, from its heading to the end. Only below the first long paragraph, so a "Related" kicker above a headline costs nothing. */
export const cutRelatedTail: Stage = (draft) => {
  const start = draft.lines.findIndex((line) => line.text.split(' ').length > 12);
  for (let i = Math.max(start, 0) + 1; i < draft.lines.length; i++) {
    const text = draft.lines[i]!.text;
    if (text.length <= MAX_HEADING_LENGTH && TAIL_HEADING.test(text.replace(/[:.]$/, '')))
      return { ...draft, lines: draft.lines.slice(0, i) };
  }
  return draft;
};
