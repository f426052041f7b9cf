import { agencyNamed } from '../credits.ts';
import type { Stage } from '../draft.ts';

/**
 * A dateline opening the first paragraph: the place in capitals, perhaps a region and a day, and
 * the agency in brackets, then a dash: "BAGHDAD (Reuters) - ", "ADANA, Turkey (AP) — ",
 * "WASHINGTON, May 18 (Xinhua) -- ", "KIRIKHAN, Turkey, (Reuters) – ", "Feb. 7 (UPI) — ",
 * "SANTA CLARA — ", "LONDON: ". A place in ordinary case counts only with an agency after it.
 */
const DATELINE =
  /^(?<place>\p{Lu}[\p{L}.'’-]{0,25}(?: \p{Lu}[\p{L}.'’-]{0,25}){0,3})?(?:,\s?(?<region>\p{Lu}[\p{L}.'’-]{0,20}(?: \p{Lu}[\p{L}.'’-]{0,20})?))?(?:,?\s?(?<day>\p{Lu}\p{Ll}{2,8}\.? \d{1,2}))?,?\s?(?:\((?<credit>[^()]{2,40})\))?\s?(?<separator>[-–—]{1,2}|:)\s(?=[\p{Lu}\d"“‘'])/u;
/** "(CNN) The …": a network or agency credited in brackets before the first word. */
const BRACKETED_CREDIT = /^\((?<credit>\p{Lu}[\p{L}\d .&'’/-]{1,30})\)\s(?=[\p{Lu}\d"“‘'])/u;

/** A dateline opening the first paragraph moves to metadata (place, agency); the paragraph starts at its first word. */
export const extractDateline: Stage = (draft) => {
  const index = draft.lines.findIndex((line) => !line.heading && !line.listItem && line.text.split(' ').length > 12);
  const first = draft.lines[index];
  if (!first) return draft;
  const match = DATELINE.exec(first.text) ?? BRACKETED_CREDIT.exec(first.text);
  if (!match) return draft;
  const { place, credit, day, separator } = match.groups as Record<string, string | undefined>;
  const inCapitals = place !== undefined && place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  // An ordinary-case opening before a dash ("Officials said — ") is no dateline, nor a day alone without its agency.
  if (!inCapitals && !credit) return draft;
  if (separator === ':' && !inCapitals) return draft;
  if (place === undefined && day === undefined && !credit) return draft;
  const lines = draft.lines.map((line, i) => (i === index ? { ...line, text: first.text.slice(match[0].length) } : line));
  const agency = credit ? (agencyNamed(credit) ?? credit.trim()) : undefined;
  return {
    lines,
    meta: { ...draft.meta, ...(place && inCapitals ? { dateline: place } : {}), ...(agency && draft.meta.credit === undefined ? { credit: agency } : {}) },
  };
};
