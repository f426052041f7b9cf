import { keepLines, type Stage } from '../draft.ts';

/** Headings that open the readers' comments: "Comments", "12 Comments", "Comments are closed.", "Leave a Reply". */
const COMMENTS_HEADING =
  /^(?:\d{0,6} ?(?:reader )?comments?|comments are (?:closed|disabled)|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|(?:show|view|see) comments)$/i;
/** A heading is short: a longer line that starts so is text. */
const MAX_HEADING_LENGTH = 40;

/**
 * The site's rules for comments: "Disclaimer: Comments are moderated. They will not appear
 * immediately …", "We want our comments to be a lively and valuable part of our community …", "Log
 * in here to leave a comment.", "Become a Member to leave a comment.".
 */
const COMMENTS_POLICY =
  /^(?:(?:disclaimer:\s?)?(?:comments are (?:moderated|reviewed|pre-moderated|subject to)\b|we want (?:our|your) comments to be\b)|(?:log in|sign in|register|become an? (?:member|subscriber)|subscribe)(?: here)? to (?:leave|post|read|see|join) (?:a |the )?(?:comments?|conversation|discussion)\b)/i;
const MAX_POLICY_WORDS = 80;

/**
 * The readers' comments, from their heading to the end of the page: what readers wrote is not the
 * article, nor the site's rules for it. Only below the article's first long paragraph, where a
 * "Comments" link by the byline costs nothing; read before site chrome, which would take the bare
 * heading for a widget.
 */
export const cutComments: Stage = (draft) => {
  const start = draft.lines.findIndex((line) => line.text.split(' ').length > 12);
  if (start < 0) return draft;
  const withoutPolicy = keepLines(
    draft,
    ({ text }) => !(COMMENTS_POLICY.test(text) && text.split(' ').length <= MAX_POLICY_WORDS),
  );
  for (let i = start + 1; i < withoutPolicy.lines.length; i++) {
    const text = withoutPolicy.lines[i]!.text;
    if (text.length <= MAX_HEADING_LENGTH && COMMENTS_HEADING.test(text.replace(/[:.!]$/, '')))
      return { ...withoutPolicy, lines: withoutPolicy.lines.slice(0, i) };
  }
  return withoutPolicy;
};
