import type { Expander } from './types.ts';

/**
 * Other names of the same thing, from the name tables (general knowledge and the corpus's own
 * aliases file): "UK" finds "United Kingdom" and "British", "Brazilian" finds "Brazil".
 */
export const aliasNames: Expander = {
  name: 'aliases',
  claims: true,
  expand({ word }, context) {
    const variants = context.aliases.variantsOf(word.word, word.terms);
    if (!variants) return [];
    return variants
      .filter((variant) => variant.terms.join(' ') !== word.term && context.knowsAll(variant.terms))
      .map((variant) => ({
        term: variant.terms.join(' '),
        weight: context.tuning.aliasWeight,
        word: variant.written,
        how: 'alias' as const,
      }));
  },
};
