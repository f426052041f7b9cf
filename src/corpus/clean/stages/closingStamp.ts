import { parseDateStamp } from '../../dates.ts';
import { agencyNamed } from '../credits.ts';
import type { Stage } from '../draft.ts';

/**
 * "… are restoring their systems. – March 3, 2021": a date the page set after the article's last
 * sentence, on the same line as it (the page's closing date line, run into the paragraph by the
 * scrape). Read only at the end of the page: a date after a dash inside the article is its text.
 */
const CLOSING_STAMP =
  /(?<=[.!?]["'”’)]{0,2})\s[–—-]\s?((?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2},? \d{4})|(?:\d{1,2} \p{Lu}\p{Ll}{2,8},? \d{4}))$/u;

/** "… – Bernama": a name after a dash ending the last sentence, which the agency list may know. */
const CLOSING_SIGN_OFF = /(?<=[.!?]["'”’)]{0,2})\s[–—-]{1,2}\s?(\p{Lu}[\p{L} .-]{1,40})$/u;

/**
 * An agency's sign-off glued to the last paragraph leaves it, and credits the agency. A closing date
 * line glued to it leaves it too, and dates the article when its header did not (a stamp above the
 * text is the publication's; a closing one comes second).
 */
export const extractClosingStamp: Stage = (draft) => {
  const last = draft.lines.at(-1);
  if (!last || last.heading || last.listItem) return draft;
  // "… until Wednesday. — Bernama": the agency signing the article off, run into its last sentence.
  const signOff = CLOSING_SIGN_OFF.exec(last.text);
  const agency = signOff ? agencyNamed(signOff[1]!) : null;
  if (signOff && agency) {
    const lines = [...draft.lines.slice(0, -1), { ...last, text: last.text.slice(0, signOff.index) }];
    return { lines, meta: draft.meta.credit === undefined ? { ...draft.meta, credit: agency } : draft.meta };
  }
  const stamp = CLOSING_STAMP.exec(last.text);
  const date = stamp ? parseDateStamp(stamp[1]!) : null;
  if (!stamp || !date) return draft;
  const lines = [...draft.lines.slice(0, -1), { ...last, text: last.text.slice(0, stamp.index) }];
  return { lines, meta: draft.meta.date === undefined ? { ...draft.meta, date } : draft.meta };
};
