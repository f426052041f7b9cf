/**
 * Bounds a timeline by a date range. A month or year event overlaps the range when any of its
 * days is inside: "2020-09" is in a range from 2020-09-28.
 */
import { InputError } from '../errors.ts';
import { dateSpan, overlapsRange, parseIsoDate } from '../corpus/dates.ts';
import type { TimelineEvent } from './types.ts';

export interface DateRange {
  /** First day, 'YYYY-MM-DD' (or 'YYYY-MM' / 'YYYY', meaning its first day). */
  readonly from?: string;
  /** Last day, 'YYYY-MM-DD' (or 'YYYY-MM' / 'YYYY', meaning its last day). */
  readonly to?: string;
}

function bound(name: 'from' | 'to', value: string): { first: string; last: string } {
  const date = parseIsoDate(value);
  if (!date)
    throw new InputError(
      'bad_date',
      `timeline: "${name}" must be a date written YYYY-MM-DD, like 2020-09-28, not "${value}".`,
    );
  return dateSpan(date);
}

export function filterEvents(events: readonly TimelineEvent[], range: DateRange): TimelineEvent[] {
  const from = range.from === undefined ? undefined : bound('from', range.from).first;
  const to = range.to === undefined ? undefined : bound('to', range.to).last;
  if (from !== undefined && to !== undefined && from > to) {
    throw new InputError('bad_date', `timeline: "from" (${range.from}) is after "to" (${range.to}).`);
  }
  return events.filter((event) => overlapsRange({ value: event.date, precision: event.precision }, from, to));
}
