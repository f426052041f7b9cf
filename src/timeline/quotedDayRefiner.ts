/**
 * Refiner: a day counted in a quotation ("today", "yesterday") counts from the day the quotation
 * was said, when the sentence dates that outside it: “The committee has decided today to suspend
 * him,” the federation said on Saturday. The article may come out days later; the quotation's
 * "today" is still the Saturday.
 */
import { addDays, dayNumber, partialDate, referenceDay, type Ymd } from './calendar.ts';
import type { Mention, MentionRefiner } from './types.ts';

/** The quotations of a sentence, each from its opening mark to its closing one, in one pass. */
function quotations(sentence: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < sentence.length; i++) {
    const mark = sentence[i];
    if (open < 0 && (mark === '“' || mark === '"')) open = i;
    else if (open >= 0 && (mark === '”' || (mark === '"' && sentence[open] === '"'))) {
      found.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  return found;
}

/** The mention's day, when it names one. */
const dayOf = (mention: Mention): Ymd | null => referenceDay(mention.date ?? null);

export const quotedDayRefiner: MentionRefiner = (context, mentions) => {
  if (!referenceDay(context.reference)) return [...mentions];
  const spans = quotations(context.sentence);
  const inQuotation = (mention: Mention): boolean =>
    spans.some((q) => mention.index > q.start && mention.index < q.end);
  const said = mentions.filter((mention) => !inQuotation(mention) && dayOf(mention));
  if (said.length !== 1) return [...mentions];
  const saidOn = dayOf(said[0]!)!;
  return mentions.map((mention) => {
    if (mention.kind !== 'relative' || !dayOf(mention) || !inQuotation(mention)) return mention;
    const { y, m, d } = addDays(saidOn, dayNumber(mention.date!) - dayNumber(context.reference!));
    return { ...mention, date: partialDate('day', y, m, d) };
  });
};
