import { agencyNamed } from '../credits.ts';
import type { Stage } from '../draft.ts';
import { monthDay, stampDate } from './stamps.ts';

/**
 * A dateline opening the first paragraph: the place in capitals, perhaps a region and a day, and
 * the agency in brackets, then a dash: "BAGHDAD (Reuters) - ", "NORTHTOWN, Exampleland (AP) — ",
 * "WASHINGTON, May 18 (Xinhua) -- ", "EASTVALE, Exampleland, (Reuters) – ", "Feb. 7 (UPI) — ",
 * "NORTHTOWN — (AP) — " (a dash before the brackets too), "SANTA CLARA — ", "LONDON: ", "Northtown,
 * Sep 8 (EFE).- ", "Northtown, August 27: ". A place in ordinary case counts only with its day or an agency after it.
 */
const DATELINE =
  /^(?<place>\p{Lu}[\p{L}.'’-]{0,25}(?: \p{Lu}[\p{L}.'’-]{0,25}){0,3})?(?:,\s?(?<region>\p{Lu}[\p{L}.'’-]{0,20}(?: \p{Lu}[\p{L}.'’-]{0,20})?))?(?:,?\s?(?<day>\p{Lu}\p{Ll}{2,8}\.? \d{1,2}))?,?\s?(?:[-–—]{1,2}\s?(?=\())?(?:\((?<credit>[^()]{2,60})\))?\s?(?<separator>[-–—]{1,2}|\.[-–—]|:|(?<=\)))\s(?=[\p{Lu}\d"“‘'])/u;
/** "Northtown (Example News) —", "NORTHTOWN, Ex. (AP) --": a dateline the page set on a line of its own. */
const DATELINE_ALONE =
  /^\p{Lu}[\p{L}.'’-]{0,25}(?: \p{Lu}[\p{L}.'’-]{0,25}){0,3}(?:, \p{Lu}[\p{L}.'’-]{0,20})? \([^()]{2,60}\) ?[-–—]{1,2}$/u;
/** A dateline on a line of its own, which the title stage leaves for this one. */
export function isDatelineAlone(text: string): boolean {
  return DATELINE_ALONE.test(text);
}
/** " - 13th July, 2021": what a dateline's brackets give after their credits (the day). */
const AFTER_CREDITS = /\s[-–—]\s/;
/** "(CNN) The …": a network or agency credited in brackets before the first word. */
const BRACKETED_CREDIT = /^\((?<credit>\p{Lu}[\p{L}\d .&'’/-]{1,30})\)\s(?=[\p{Lu}\d"“‘'])/u;

/** "Tuesday, August 22, 2023 – ": the page's date line run into the first paragraph, a dash between. */
const DATED_OPENING =
  /^((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2},? \d{4}|\d{1,2} \p{Lu}\p{Ll}{2,8},? \d{4})) [-–—]{1,2} (?=[\p{Lu}\d"“‘'])/u;

/**
 * A dateline opening the first paragraph moves to metadata (place, agency); the paragraph starts at
 * its first word. So does a date line run into it ("Tuesday, August 22, 2023 – "), the article's
 * date where the page gave none before.
 */
export const extractDateline: Stage = (page) => {
  const index0 = page.lines.findIndex((line) => !line.heading && !line.listItem && line.text.split(' ').length > 12);
  if (index0 < 0) return page;
  // "Northtown (Example News) —" on a line of its own, the paragraph on the next: read as one.
  const above = page.lines[index0 - 1];
  const alone = above !== undefined && !above.listItem && isDatelineAlone(above.text);
  let draft = page;
  if (alone)
    draft = {
      ...page,
      lines: page.lines.flatMap((line, i) =>
        i === index0 - 1 ? [] : i === index0 ? [{ ...line, text: `${above.text} ${line.text}` }] : [line],
      ),
    };
  const index = alone ? index0 - 1 : index0;
  const opening = DATED_OPENING.exec(draft.lines[index]!.text);
  const stamped = opening ? stampDate(opening[1]!) : null;
  if (opening && stamped)
    draft = {
      lines: draft.lines.map((line, i) => (i === index ? { ...line, text: line.text.slice(opening[0].length) } : line)),
      meta: draft.meta.date === undefined ? { ...draft.meta, date: stamped } : draft.meta,
    };
  const first = draft.lines[index]!;
  const match = DATELINE.exec(first.text) ?? BRACKETED_CREDIT.exec(first.text);
  if (!match) return draft;
  const groups = match.groups as Record<string, string | undefined>;
  const { day, separator } = groups;
  let { place, credit } = groups;
  const withoutOpening = () =>
    draft.lines.map((line, i) => (i === index ? { ...line, text: first.text.slice(match[0].length) } : line));
  // "By Jane Doe (September 22, 2021, 4:53 PM EDT) -- …": a byline and the page's stamp in brackets, no dateline.
  // Brackets naming a source besides a day ("Example News / Sputnik - 13th July, 2021") are credits, read below.
  const bracketedStamp = credit === undefined || /\s[/–—-]\s/.test(credit) ? null : stampDate(credit);
  if (bracketedStamp) {
    const author = place === undefined ? undefined : /^By (.+)$/.exec(place)?.[1];
    return {
      lines: withoutOpening(),
      meta: {
        ...draft.meta,
        ...(draft.meta.date === undefined ? { date: bracketedStamp } : {}),
        ...(author && draft.meta.author === undefined ? { author } : {}),
      },
    };
  }
  // "(Brasilia) The President…": a place in brackets, not a credit; "(CNN)", "(dpa/GNA)" are credits.
  if (
    place === undefined &&
    credit !== undefined &&
    !agencyNamed(credit) &&
    !credit.includes('/') &&
    credit !== credit.toUpperCase()
  ) {
    place = credit.toUpperCase() === credit ? credit : undefined;
    credit = undefined;
    if (place === undefined && day === undefined) return { lines: withoutOpening(), meta: draft.meta };
  }
  // "CAIRO (Example News / Sputnik - 13th July, 2021) The …": brackets naming an agency need no dash after them.
  const credits = (credit ?? '')
    .split(AFTER_CREDITS)[0]!
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const agencyAt = credits.findIndex((part) => agencyNamed(part) !== null);
  if (separator === '' && agencyAt < 0) return draft;
  const inCapitals = place !== undefined && place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  // An ordinary-case opening before a dash ("Officials said — ") is no dateline, nor a day alone without
  // its agency; a place in ordinary case with its day is ("Northtown, August 27: ").
  const placeAndDay = place !== undefined && day !== undefined;
  if (!inCapitals && !credit && !placeAndDay) return draft;
  if (separator === ':' && !inCapitals && !placeAndDay) return draft;
  if (place === undefined && day === undefined && !credit) return draft;
  const lines = withoutOpening();
  // "dpa/GNA": the agency first, the one that passed it on after; "Example News / Sputnik": the
  // publisher, then its agency. A name no agency list knows ("NORTHTOWN (KEXA 5) —") is the
  // publisher crediting itself, as a station or a site does; several such names ("KEXA/KEXB",
  // "KEXA/Example News") are stations sharing a report, which a sister site prints: none of
  // them is said to be the page's publisher.
  const agency = credit ? (agencyNamed(credits[agencyAt] ?? '') ?? agencyNamed(credit) ?? undefined) : undefined;
  const ownCredit = credit && !agency && credits.length <= 1 ? credit.trim() : undefined;
  const outlet = agencyAt > 0 ? credits[agencyAt - 1] : ownCredit;
  const datelineDay = day === undefined ? undefined : monthDay(day);
  return {
    lines,
    meta: {
      ...draft.meta,
      ...(place && inCapitals ? { dateline: place } : {}),
      ...(agency && draft.meta.credit === undefined ? { credit: agency } : {}),
      // A station's own credit names it where the page only invited to its network ("Watch Example News").
      ...(outlet && (draft.meta.outlet === undefined || (draft.meta.outletInvited && ownCredit))
        ? { outlet, outletInvited: false }
        : {}),
      ...(datelineDay && draft.meta.datelineDay === undefined ? { datelineDay } : {}),
    },
  };
};
