import type { Expander } from './types.ts';

/** The word itself, when the corpus has it. */
export const exactWord: Expander = {
  name: 'exact',
  expand: ({ word, known }) => (known ? [{ term: word.term, weight: 1, word: word.word, how: 'exact' }] : []),
};
