import type { Expander } from './types.ts';

/** The word itself, or a known phrase as a whole, when the corpus has it. A name is the names expander's to judge. */
export const exactWord: Expander = {
  name: 'exact',
  expand: ({ word, known }) =>
    known && word.kind !== 'name' ? [{ term: word.term, weight: 1, word: word.word, how: 'exact' }] : [],
};
