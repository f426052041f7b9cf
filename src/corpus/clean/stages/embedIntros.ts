import { endsLikeSentence, keepLines, wordCount, type Line, type Stage } from '../draft.ts';

/** "Here are the official results.", "Here's the video:": a line that only announces what follows. */
const ANNOUNCEMENT = /^here(?:['’]s| is| are)\b/i;
const MAX_ANNOUNCEMENT_WORDS = 8;

/** What follows an announcement is a widget the scrape left out when it is no text: a label ("updated"), or nothing. */
function isWidgetLeft(next: Line | undefined): boolean {
  return next === undefined || (!next.listItem && !next.heading && !endsLikeSentence(next.text));
}

/**
 * The line announcing an embedded widget (results, a video, a chart) that the scrape left out:
 * "Here are the official results." above a stray label. It says nothing without the widget; an
 * announcement followed by the list or the paragraphs it announces stays.
 */
export const dropEmbedIntros: Stage = (draft) =>
  keepLines(
    draft,
    (line, i, lines) =>
      !(
        ANNOUNCEMENT.test(line.text) &&
        wordCount(line.text) <= MAX_ANNOUNCEMENT_WORDS &&
        /[.:]$/.test(line.text) &&
        isWidgetLeft(lines[i + 1])
      ),
  );
