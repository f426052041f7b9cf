import type { Expander } from './types.ts';

/** "10k", "250K": thousands as people type them. */
const THOUSANDS = /^(\d{1,3})k$/;

/**
 * An amount typed short: "10k" is the 10,000 articles write out (indexed as "10000"). Added only
 * where the corpus writes that number.
 */
export const shortAmounts: Expander = {
  name: 'short amounts',
  claims: true,
  expand({ word }, context) {
    if (word.kind !== 'word') return [];
    const thousands = THOUSANDS.exec(word.word);
    if (!thousands) return [];
    const term = String(Number(thousands[1]) * 1000);
    return context.knows(term) ? [{ term, weight: context.tuning.aliasWeight, word: term, how: 'alias' as const }] : [];
  },
};
