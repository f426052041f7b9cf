import { normalizeWord } from '../../analyzer.ts';
import type { Alternative } from '../types.ts';
import type { Expander } from './types.ts';

/**
 * Words news uses alike (knowledge/wordVectors.ts) that the corpus has: "shouting" finds
 * "chanted", "prison" finds "jail", "tugboats" finds "tugs". Weighted by how alike, below WordNet's
 * relations, and never a term another expander found.
 */
export const nearWords: Expander = {
  name: 'near-words',
  expand({ word, questionTerms, taken, found }, context) {
    if (word.kind !== 'word') return [];
    const { tuning, vectors } = { tuning: context.tuning, vectors: context.environment.vectors };
    const alternatives: Alternative[] = [];
    const seen = new Set(found.map((alternative) => alternative.term));
    for (const { word: near, similarity } of vectors.near(word.word, tuning.nearWordSimilarity)) {
      if (alternatives.length >= tuning.maxNearWords) break;
      const term = normalizeWord(near);
      if (term === word.term || seen.has(term) || questionTerms.has(term) || taken.has(term) || !context.knows(term))
        continue;
      seen.add(term);
      alternatives.push({ term, weight: tuning.nearWordWeight * similarity, word: near, how: 'near' });
    }
    return alternatives;
  },
};
