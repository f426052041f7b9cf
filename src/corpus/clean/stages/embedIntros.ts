import { endsLikeSentence, keepLines, wordCount, type Line, type Stage } from '../draft.ts';

/** "Here are the official results.", "Here's the video:": a line that only announces what follows. */
const ANNOUNCEMENT = /^here(?:['’]s| is| are)\b/i;
const MAX_ANNOUNCEMENT_WORDS = 8;

/**
 * What the page shows where an embed was blocked: "To view this content, you'll need to update your
 * privacy settings.", "Please click here to do so.", "This video is not available."
 */
const BLOCKED_EMBED =
  /^(?:to (?:view|see|watch) this (?:content|video|post|tweet|media|embed)\b.{0,80}\b(?:privacy|cookies?|consent|settings|preferences|javascript)\b|(?:please )?click here to (?:do so|manage|enable|change)\b|this (?:content|video|embed|media) (?:is not available|cannot be (?:displayed|shown)|is blocked)\b|(?:please )?enable javascript\b)/i;
const MAX_BLOCKED_WORDS = 25;

/** What follows an announcement is a widget the scrape left out when it is no text: a label ("updated"), or nothing. */
function isWidgetLeft(next: Line | undefined): boolean {
  return next === undefined || (!next.listItem && !next.heading && !endsLikeSentence(next.text));
}

/**
 * The line announcing an embedded widget (results, a video, a chart) that the scrape left out:
 * "Here are the official results." above a stray label. It says nothing without the widget; an
 * announcement followed by the list or the paragraphs it announces stays. So do the page's
 * notices where an embed was blocked ("To view this content, you'll need to update your privacy settings.").
 */
export const dropEmbedIntros: Stage = (draft) =>
  keepLines(
    draft,
    (line, i, lines) =>
      !(
        (ANNOUNCEMENT.test(line.text) &&
          wordCount(line.text) <= MAX_ANNOUNCEMENT_WORDS &&
          /[.:]$/.test(line.text) &&
          isWidgetLeft(lines[i + 1])) ||
        (BLOCKED_EMBED.test(line.text) && wordCount(line.text) <= MAX_BLOCKED_WORDS)
      ),
  );
