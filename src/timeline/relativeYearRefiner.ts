/**
 * Refiner: a month or day followed by "this year", "last year" or "next year" takes its year
 * from that phrase ("in January this year" is January of the article's year, whatever the
 * tense), and the phrase stops being a mention of its own.
 */
import { partsOf } from './calendar.ts';
import type { Mention, MentionRefiner } from './types.ts';

const YEAR_SUFFIX = /^,?\s*(?:of\s+)?(this|last|next)\s+year\b/i;
const OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };

export const relativeYearRefiner: MentionRefiner = (context, mentions) => {
  if (!context.reference) return [...mentions];
  const referenceYear = partsOf(context.reference).y;
  const absorbed = new Set<Mention>();
  const result = mentions.map((mention): Mention => {
    if (mention.kind !== 'yearless') return mention;
    const end = mention.index + mention.text.length;
    const suffix = YEAR_SUFFIX.exec(context.sentence.slice(end));
    if (!suffix) return mention;
    const suffixEnd = end + suffix[0].length;
    for (const other of mentions)
      if (other !== mention && other.index >= end && other.index < suffixEnd) absorbed.add(other);
    return {
      ...mention,
      text: context.sentence.slice(mention.index, suffixEnd),
      kind: 'relative',
      year: referenceYear + OFFSET[suffix[1]!.toLowerCase()]!,
      needs: 'year',
    };
  });
  return result.filter((mention) => !absorbed.has(mention));
};
