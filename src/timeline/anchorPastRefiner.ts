/**
 * Refiner: gives a year to "in January" / "on January 8" and a day to "on Saturday", counted
 * from the article's date in the direction of the clause's tense. chrono resolves these to the
 * nearest or the next occurrence; a report of the past means the latest one on or before the
 * article's date ("on Saturday" in Monday's paper is two days earlier), a sentence about the
 * future ("will", "is expected to", "next") the first one on or after it. "last Friday" is
 * the latest Friday before the article; "next Friday" is read two ways by writers, so it is
 * dated only as finely as both readings allow (the month, when they share one).
 */
import {
  addDays,
  coarsestCover,
  isValidDay,
  partialDate,
  partsOf,
  referenceDay,
  weekdayOf,
  type Ymd,
} from './calendar.ts';
import type { Mention, MentionRefiner, SentenceContext, Tense } from './types.ts';

/**
 * A day this far after the article's date, in a sentence about the past, is still read in the
 * article's year: the article's stamp is often its first version, and a story of one month
 * reports its later days ("opening statements came on March 29" in a page stamped March 10).
 */
const PAST_TOLERANCE_DAYS = 31;

/** Year of a yearless month (and day) in the given direction, or null when the reference cannot tell. */
function anchorYear(context: SentenceContext, mention: Mention, tense: Tense): number | null {
  const reference = partsOf(context.reference!);
  const month = mention.month!;
  if (reference.m === undefined) return null;
  // "Tuesday March 30": the year near the article in which March 30 is a Tuesday.
  if (mention.weekday !== undefined && mention.day !== undefined && reference.d !== undefined)
    return yearOfWeekday(reference as Ymd, month, mention.day, mention.weekday);
  let order = Math.sign(month - reference.m);
  if (order === 0 && mention.day !== undefined) {
    if (reference.d === undefined) return null; // "September 28" in an article of some day in September
    order = Math.sign(mention.day - reference.d);
  }
  if (tense === 'past') {
    if (order <= 0) return reference.y;
    const ahead =
      mention.day !== undefined && reference.d !== undefined && isValidDay(reference.y, month, mention.day)
        ? daysBetween(reference as Ymd, { y: reference.y, m: month, d: mention.day })
        : Infinity;
    return ahead <= PAST_TOLERANCE_DAYS ? reference.y : reference.y - 1;
  }
  return order >= 0 ? reference.y : reference.y + 1;
}

function daysBetween(from: Ymd, to: Ymd): number {
  return (Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / 86_400_000;
}

/** Of the article's year and the years either side, the one nearest the article in which the day falls on the weekday; null when none. */
function yearOfWeekday(reference: Ymd, month: number, day: number, weekday: number): number | null {
  const years = [reference.y, reference.y - 1, reference.y + 1].filter(
    (y) => isValidDay(y, month, day) && weekdayOf({ y, m: month, d: day }) === weekday,
  );
  years.sort(
    (a, b) =>
      Math.abs(daysBetween(reference, { y: a, m: month, d: day })) -
      Math.abs(daysBetween(reference, { y: b, m: month, d: day })),
  );
  return years[0] ?? null;
}

function anchorYearless(context: SentenceContext, mention: Mention): Mention | null {
  const year = anchorYear(context, mention, context.tenseAt(mention.index, mention.text.length));
  if (year === null) return null;
  if (mention.day === undefined) return { ...mention, year, date: partialDate('month', year, mention.month) };
  if (!isValidDay(year, mention.month!, mention.day)) return null;
  return { ...mention, year, date: partialDate('day', year, mention.month, mention.day) };
}

function anchorWeekday(context: SentenceContext, mention: Mention): Mention | null {
  const reference = referenceDay(context.reference);
  if (!reference || mention.weekday === undefined) return null;
  const gap = (mention.weekday - weekdayOf(reference) + 7) % 7;
  const before = addDays(reference, gap === 0 ? 0 : gap - 7); // latest on or before the article
  const after = addDays(reference, gap); // first on or after it
  const upcoming = gap === 0 ? addDays(reference, 7) : after; // first after it
  if (mention.modifier === 'last') {
    const day = gap === 0 ? addDays(reference, -7) : before;
    return { ...mention, date: partialDate('day', day.y, day.m, day.d) };
  }
  if (mention.modifier === 'next') {
    // "next Friday" is the coming Friday to some writers, the one after it to others.
    const date = coarsestCover(upcoming, addDays(upcoming, 7));
    return date ? { ...mention, date } : null;
  }
  if (mention.modifier === 'coming')
    return { ...mention, date: partialDate('day', upcoming.y, upcoming.m, upcoming.d) };
  const day = context.tenseAt(mention.index, mention.text.length) === 'past' ? before : after;
  return { ...mention, date: partialDate('day', day.y, day.m, day.d) };
}

export const anchorPastRefiner: MentionRefiner = (context, mentions) =>
  mentions.flatMap((mention) => {
    if (mention.date || !context.reference) return [mention];
    if (mention.kind === 'yearless') return anchorYearless(context, mention) ?? [];
    if (mention.kind === 'weekday') return anchorWeekday(context, mention) ?? [];
    return [mention];
  });
