import type { Stage } from '../draft.ts';

/** Headings that open the readers' comments: "Comments", "12 Comments", "Comments are closed.", "Leave a Reply". */
const COMMENTS_HEADING =
  /^(?:\d{0,6} ?(?:reader )?comments?|comments are (?:closed|disabled)|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|(?:show|view|see) comments)$/i;
/** A heading is short: a longer line that starts so is text. */
const MAX_HEADING_LENGTH = 40;

/**
 * The readers' comments, from their heading to the end of the page: what readers wrote is not the
 * article. Only below the article's first long paragraph, where a "Comments" link by the byline
 * costs nothing; read before site chrome, which would take the bare heading for a widget.
 */
export const cutComments: Stage = (draft) => {
  const start = draft.lines.findIndex((line) => line.text.split(' ').length > 12);
  if (start < 0) return draft;
  for (let i = start + 1; i < draft.lines.length; i++) {
    const text = draft.lines[i]!.text;
    if (text.length <= MAX_HEADING_LENGTH && COMMENTS_HEADING.test(text.replace(/[:.!]$/, '')))
      return { ...draft, lines: draft.lines.slice(0, i) };
  }
  return draft;
};
