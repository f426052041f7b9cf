/**
 * Refiner: dates a vague stretch ("over the weekend", "in recent days") as finely as is true
 * for every day of it: a window inside one month gets that month, inside one year that year,
 * and a window across a new year is dropped. Never a day.
 */
import { addDays, coarsestCover, mondayOf, referenceDay, weekdayOf } from './calendar.ts';
import type { Ymd } from './calendar.ts';
import type { Mention, MentionRefiner, SentenceContext } from './types.ts';

type Window = readonly [Ymd, Ymd];

/** The weekend before the article; when it is itself a weekend day, also the one it is in. */
function lastWeekend(day: Ymd): Window {
  const weekday = weekdayOf(day);
  if (weekday === 6) return [addDays(day, -7), addDays(day, 1)];
  if (weekday === 0) return [addDays(day, -8), day];
  const saturday = addDays(day, -(weekday + 1));
  return [saturday, addDays(saturday, 1)];
}

/** The weekend after the article; when it is itself a weekend day, also the one it is in. */
function nextWeekend(day: Ymd): Window {
  const weekday = weekdayOf(day);
  if (weekday === 6) return [day, addDays(day, 8)];
  if (weekday === 0) return [addDays(day, -1), addDays(day, 7)];
  const saturday = addDays(day, 6 - weekday);
  return [saturday, addDays(saturday, 1)];
}

function windowOf(context: SentenceContext, mention: Mention, day: Ymd): Window {
  const monday = mondayOf(day);
  switch (mention.window!) {
    case 'weekend':
      return context.tenseAt(mention.index, mention.text.length) === 'past' ? lastWeekend(day) : nextWeekend(day);
    case 'last-weekend':
      return lastWeekend(day);
    case 'next-weekend':
      return nextWeekend(day);
    case 'this-weekend':
      return [addDays(monday, 5), addDays(monday, 6)];
    case 'recent-days':
    case 'past-week':
      return [addDays(day, -7), day];
    case 'recent-weeks':
      return [addDays(day, -35), day];
    case 'this-week':
      return [monday, addDays(monday, 6)];
    case 'earlier-this-week':
      return [monday, day];
    case 'later-this-week':
      return [day, addDays(monday, 6)];
    case 'last-week':
      return [addDays(monday, -7), addDays(monday, -1)];
    case 'next-week':
      return [addDays(monday, 7), addDays(monday, 13)];
    case 'weeks-ago': {
      const centre = addDays(day, -7 * (mention.count ?? 1));
      return [addDays(centre, -3), addDays(centre, 3)];
    }
  }
}

export const windowRefiner: MentionRefiner = (context, mentions) =>
  mentions.flatMap((mention) => {
    if (mention.kind !== 'window' || mention.date) return [mention];
    const day = referenceDay(context.reference);
    if (!day) return [];
    const [first, last] = windowOf(context, mention, day);
    const date = coarsestCover(first, last);
    return date && date.precision !== 'day' ? [{ ...mention, date }] : [];
  });
