/**
 * Calendar arithmetic for the timeline, all in UTC on plain year/month/day triples, so no
 * local timezone can move a date by one. Nothing here reads the clock.
 */
import { dateSpan } from '../corpus/dates.ts';
import type { DatePrecision, PartialDate } from '../corpus/types.ts';

/** A calendar day. Months are 1-12, days 1-31. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };

/** True when `have` is at least as fine as `need` (day > month > year). */
export function isAtLeast(have: DatePrecision, need: DatePrecision): boolean {
  return PRECISION_RANK[have] >= PRECISION_RANK[need];
}

/** The coarser of two precisions. */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Builds the partial date of the given precision from the parts it needs. */
export function partialDate(precision: DatePrecision, y: number, m = 1, d = 1): PartialDate {
  if (precision === 'year') return { value: pad(y, 4), precision };
  if (precision === 'month') return { value: `${pad(y, 4)}-${pad(m)}`, precision };
  return { value: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, precision };
}

/** True when the day exists in the calendar (no 31 April). */
export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The parts of a partial date; month and day are absent when the precision does not reach them. */
export function partsOf(date: PartialDate): { y: number; m?: number; d?: number } {
  const [y, m, d] = date.value.split('-').map(Number) as [number, number?, number?];
  if (date.precision === 'year') return { y };
  if (date.precision === 'month') return { y, m: m! };
  return { y, m: m!, d: d! };
}

/** Days since 1970-01-01 of a date's first day: how far apart two dates are. */
export function dayNumber(date: PartialDate): number {
  const { y, m = 1, d = 1 } = partsOf(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** True when `outer` covers every day of `inner` and is strictly coarser. */
export function strictlyContains(outer: PartialDate, inner: PartialDate): boolean {
  if (!isAtLeast(inner.precision, outer.precision) || inner.precision === outer.precision) return false;
  const a = dateSpan(outer);
  const b = dateSpan(inner);
  return a.first <= b.first && b.last <= a.last;
}

function toUtcNoon(day: Ymd): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d, 12));
}

function fromUtc(date: Date): Ymd {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: Ymd, days: number): Ymd {
  const date = toUtcNoon(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** 0 = Sunday ... 6 = Saturday, as chrono and Date count them. */
export function weekdayOf(day: Ymd): number {
  return toUtcNoon(day).getUTCDay();
}

/** The Monday of the (Monday-first) week holding `day`. */
export function mondayOf(day: Ymd): Ymd {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/**
 * The finest date that is true for every day of a window: the month when the window lies in
 * one month, the year when it lies in one year, else null (nothing true to say).
 */
export function coarsestCover(first: Ymd, last: Ymd): PartialDate | null {
  if (first.y !== last.y) return null;
  if (first.m !== last.m) return partialDate('year', first.y);
  if (first.d !== last.d) return partialDate('month', first.y, first.m);
  return partialDate('day', first.y, first.m, first.d);
}

/**
 * The instant handed to chrono for a reference date: noon UTC of the day, or of a day inside
 * the month or year when that is all we know (callers never trust components finer than the
 * reference's precision).
 */
export function referenceInstant(reference: PartialDate): Date {
  const { y, m, d } = partsOf(reference);
  return toUtcNoon({ y, m: m ?? 7, d: d ?? (m === undefined ? 1 : 15) });
}

/** The reference as a day, when it is known to the day. */
export function referenceDay(reference: PartialDate | null): Ymd | null {
  if (reference?.precision !== 'day') return null;
  const { y, m, d } = partsOf(reference);
  return { y, m: m!, d: d! };
}
