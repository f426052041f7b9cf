import { termOfWord } from '../../analyzer.ts';
import type { SearchContext } from '../../context.ts';
import type { Alternative, QuestionWord } from '../types.ts';
import type { Expander } from './types.ts';

/**
 * Initials and the phrase the articles spell them with, either way round (analyzer.ts gathers the
 * phrases): "FM" is the "Foreign Minister" of the text, "BoE" its "Bank of England"; and a name
 * the asker spells out ("Federal Deposit Insurance Corporation") is also the initials the articles
 * go on to use ("FDIC"), as they introduce them once and then write nothing else.
 */
export const spelledOutInitials: Expander = {
  name: 'initials',
  expand({ word, known }, context) {
    if (word.terms.length >= 2) return initialsOfName(word, context);
    if (known || word.initials === undefined) return [];
    const spelled = context.backend.spelledOut(word.initials);
    if (!spelled || !context.knowsAll(spelled)) return [];
    const phrase = spelled.join(' ');
    return [{ term: phrase, weight: context.tuning.relationWeight.synonym, word: phrase, how: 'synonym' }];
  },
};

/** The initials the corpus writes for the name, when its articles spell those initials as this very name. */
function initialsOfName(word: QuestionWord, context: SearchContext): Alternative[] {
  // As the articles' phrases are read: first letters, "of" skipped ("Bank of England" -> "be").
  const initials = word.word
    .split(' ')
    .filter((part) => part !== 'of')
    .map((part) => part[0])
    .join('');
  const spelled = context.backend.spelledOut(initials);
  if (spelled?.join(' ') !== word.term) return [];
  const term = termOfWord(initials.toUpperCase());
  if (term === null || !context.knows(term)) return [];
  return [{ term, weight: context.tuning.aliasWeight, word: initials.toUpperCase(), how: 'alias' }];
}
