import type { Expander } from './types.ts';

/** Initials the articles spell out: "FM" is the "Foreign Minister" of the text (analyzer.ts gathers the phrases). */
export const spelledOutInitials: Expander = {
  name: 'initials',
  expand({ word, known }, context) {
    if (known || !word.initials) return [];
    const spelled = context.backend.spelledOut(word.word);
    if (!spelled || !spelled.every((term) => context.knows(term))) return [];
    const phrase = spelled.join(' ');
    return [{ term: phrase, weight: context.tuning.relationWeight.synonym, word: phrase, how: 'synonym' }];
  },
};
