import type { Expander } from './types.ts';

/** Initials the articles spell out: "FM" is the "Foreign Minister" of the text, "BoE" its "Bank of England" (analyzer.ts gathers the phrases). */
export const spelledOutInitials: Expander = {
  name: 'initials',
  expand({ word, known }, context) {
    if (known || word.initials === undefined) return [];
    const spelled = context.backend.spelledOut(word.initials);
    if (!spelled || !context.knowsAll(spelled)) return [];
    const phrase = spelled.join(' ');
    return [{ term: phrase, weight: context.tuning.relationWeight.synonym, word: phrase, how: 'synonym' }];
  },
};
