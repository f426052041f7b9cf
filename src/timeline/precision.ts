/**
 * Refiner: dates the mentions that carry their own components (absolute ones and those chrono
 * counted from the article's date) at the precision of what is certain, cut further by the
 * words ("two months ago" is a month, never a day). An impossible day is dropped.
 */
import { coarser, isValidDay, partialDate } from './calendar.ts';
import type { DatePrecision } from '../corpus/types.ts';
import type { MentionRefiner } from './types.ts';

export const precisionRefiner: MentionRefiner = (_context, mentions) =>
  mentions.flatMap((mention) => {
    if (mention.date || (mention.kind !== 'absolute' && mention.kind !== 'relative')) return [mention];
    if (mention.year === undefined) return [];
    let precision: DatePrecision = mention.day !== undefined ? 'day' : mention.month !== undefined ? 'month' : 'year';
    if (mention.cap) precision = coarser(precision, mention.cap);
    if (precision === 'day' && !isValidDay(mention.year, mention.month!, mention.day!)) return [];
    return [{ ...mention, date: partialDate(precision, mention.year, mention.month, mention.day) }];
  });
