/**
 * Refiner: where two mentions overlap, keep one. The window and year parsers know phrases
 * chrono misreads ("over the weekend" is not "Saturday"), so they win; otherwise the longer
 * mention wins, then the earlier.
 */
import type { Mention, MentionRefiner } from './types.ts';

const PRIORITY: Record<Mention['origin'], number> = { window: 2, year: 1, chrono: 0 };

const overlaps = (a: Mention, b: Mention): boolean =>
  a.index < b.index + b.text.length && b.index < a.index + a.text.length;

export const overlapRefiner: MentionRefiner = (_context, mentions) => {
  const ranked = [...mentions].sort(
    (a, b) => PRIORITY[b.origin] - PRIORITY[a.origin] || b.text.length - a.text.length || a.index - b.index,
  );
  const kept: Mention[] = [];
  for (const mention of ranked) if (!kept.some((other) => overlaps(mention, other))) kept.push(mention);
  return kept.sort((a, b) => a.index - b.index);
};
