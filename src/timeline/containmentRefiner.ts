/**
 * Refiner: one sentence, one date per event. Mentions left without a date go; a date said
 * twice is kept once; a coarse date that holds a finer one from the same sentence goes
 * ("officials Sunday ... in recent days" is dated by the Sunday, "in January this year" by
 * January).
 */
import { strictlyContains } from './calendar.ts';
import type { Mention, MentionRefiner } from './types.ts';

export const containmentRefiner: MentionRefiner = (_context, mentions) => {
  const dated = mentions.filter(
    (mention): mention is Mention & { date: NonNullable<Mention['date']> } => mention.date !== undefined,
  );
  return dated.filter(
    (mention, i) =>
      !dated.some(
        (other, j) =>
          j < i && other.date.value === mention.date.value && other.date.precision === mention.date.precision,
      ) && !dated.some((other) => other !== mention && strictlyContains(mention.date, other.date)),
  );
};
