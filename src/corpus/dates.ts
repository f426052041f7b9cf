import * as chrono from 'chrono-node';
import { splitSentences } from '../text/sentences.ts';
import type { PartialDate } from './types.ts';

/** Dates are read against a fixed day, never the clock: only what the text itself states is kept (certainDate). */
const FIXED_REFERENCE: chrono.ParsingReference = { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 'UTC' };

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Reads a date written as YYYY, YYYY-MM or YYYY-MM-DD, checking that the calendar day exists. */
export function parseIsoDate(value: string): PartialDate | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return { value: year!, precision: 'year' };
  if (Number(month) < 1 || Number(month) > 12) return null;
  if (day === undefined) return { value: `${year}-${month}`, precision: 'month' };
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day)) return null;
  return { value: `${year}-${month}-${day}`, precision: 'day' };
}

/**
 * A publication stamp: a line that is a full date and little else ("September 29, 2020",
 * "September 28, 2020 03:35 AM", "Wed, 09/23/2020 - 06:13 PM"). Returns the date, or null for
 * ordinary text that merely mentions a date. Only components chrono is certain of are kept,
 * so a stamp without a year never becomes a dated article.
 */
export function parseDateStamp(line: string): PartialDate | null {
  const text = line.trim();
  if (text.length === 0 || text.length > 60) return null;
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const [result] = chrono.strict.parse(text, FIXED_REFERENCE);
  if (!result) return null;
  const leftover = (text.slice(0, result.index) + text.slice(result.index + result.text.length)).replace(
    /[\s,|–—-]+/g,
    '',
  );
  if (leftover.length > 2) return null;
  return certainDate(result.start);
}

const WRITTEN_YEAR = /\b\d{4}\b/;
/** A sentence that speaks of what is to come ("will", "is scheduled for", "next"): its dates may lie after the article. */
const FUTURE_CUE =
  /\b(?:will|would|shall|to be|scheduled|expected|plans?|planned|set to|due|next|upcoming|aims?|intends?|targets?)\b/i;

/**
 * The full dates (day, month and year all written) that sentences about the past mention in the
 * text ("made a soft landing on August 23, 2023"): an article that reports them is dated after them.
 */
export function pastDatesMentioned(text: string): string[] {
  const days: string[] = [];
  // Only sentences that write a year are parsed: most of a corpus writes none.
  if (!WRITTEN_YEAR.test(text)) return days;
  for (const sentence of splitSentences(text)) {
    if (!WRITTEN_YEAR.test(sentence.text) || FUTURE_CUE.test(sentence.text)) continue;
    for (const result of chrono.strict.parse(sentence.text, FIXED_REFERENCE)) {
      // Written out, year and all: chrono is also "certain" of the year in "six days after".
      const date = WRITTEN_YEAR.test(result.text) ? certainDate(result.start) : null;
      if (date?.precision === 'day') days.push(date.value);
    }
  }
  return days;
}

function certainDate(component: chrono.ParsedComponents): PartialDate | null {
  if (!component.isCertain('year')) return null;
  const year = String(component.get('year')).padStart(4, '0');
  if (!component.isCertain('month')) return { value: year, precision: 'year' };
  const month = String(component.get('month')).padStart(2, '0');
  if (!component.isCertain('day')) return { value: `${year}-${month}`, precision: 'month' };
  return { value: `${year}-${month}-${String(component.get('day')).padStart(2, '0')}`, precision: 'day' };
}

/** The first and last calendar day a partial date covers, as YYYY-MM-DD strings (comparable as text). */
export function dateSpan(date: PartialDate): { first: string; last: string } {
  if (date.precision === 'day') return { first: date.value, last: date.value };
  if (date.precision === 'month') {
    const [year, month] = date.value.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { first: `${date.value}-01`, last: `${date.value}-${String(lastDay).padStart(2, '0')}` };
  }
  return { first: `${date.value}-01-01`, last: `${date.value}-12-31` };
}

/**
 * Whether any day of `date` lies within the inclusive bounds (YYYY-MM-DD; either may be absent):
 * a month or year overlaps a range that holds any of its days.
 */
export function overlapsRange(date: PartialDate, from: string | undefined, to: string | undefined): boolean {
  const span = dateSpan(date);
  return (from === undefined || span.last >= from) && (to === undefined || span.first <= to);
}
