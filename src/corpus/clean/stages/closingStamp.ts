import { parseDateStamp } from '../../dates.ts';
import type { Stage } from '../draft.ts';

/**
 * "… are restoring their systems. – March 3, 2021": a date the page set after the article's last
 * sentence, on the same line as it (the page's closing date line, run into the paragraph by the
 * scrape). Read only at the end of the page: a date after a dash inside the article is its text.
 */
const CLOSING_STAMP =
  /(?<=[.!?]["'”’)]{0,2})\s[–—-]\s?((?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2},? \d{4})|(?:\d{1,2} \p{Lu}\p{Ll}{2,8},? \d{4}))$/u;

/**
 * The closing date line glued to the last paragraph leaves it, and dates the article when its
 * header did not (a stamp above the text is the publication's; a closing one comes second).
 */
export const extractClosingStamp: Stage = (draft) => {
  const last = draft.lines.at(-1);
  if (!last || last.heading || last.listItem) return draft;
  const stamp = CLOSING_STAMP.exec(last.text);
  const date = stamp ? parseDateStamp(stamp[1]!) : null;
  if (!stamp || !date) return draft;
  const lines = [...draft.lines.slice(0, -1), { ...last, text: last.text.slice(0, stamp.index) }];
  return { lines, meta: draft.meta.date === undefined ? { ...draft.meta, date } : draft.meta };
};
