/**
 * Refiner: drops mentions the article's own date cannot resolve. An article without a date
 * contributes only dates it states in full; one dated only to the month cannot say which
 * Saturday "on Saturday" was.
 */
import { isAtLeast } from './calendar.ts';
import type { MentionRefiner } from './types.ts';

export const referenceRefiner: MentionRefiner = (context, mentions) =>
  mentions.filter(
    (mention) =>
      mention.needs === null || (context.reference !== null && isAtLeast(context.reference.precision, mention.needs)),
  );
