import { correctTerm } from '../../fuzzy.ts';
import type { Expander } from './types.ts';

/**
 * A word the corpus lacks, that is no English word and no initials it spells out, read as the
 * closest word the corpus has ("embasy" -> "embassy").
 */
export const typoCorrection: Expander = {
  name: 'typo',
  told: 'correction',
  claims: true,
  expand({ word, known, isAlias, found, taken }, context) {
    if (known || isAlias || found.length > 0 || context.isEnglish(word.word)) return [];
    const corrected = correctTerm(word.term, (term, limit) => context.backend.termsNear(term, limit));
    if (!corrected || taken.has(corrected)) return [];
    return [{ term: corrected, weight: context.tuning.correctedWeight, word: context.surface(corrected) ?? corrected, how: 'typo' }];
  },
};
