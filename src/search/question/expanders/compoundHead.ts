import { analyze } from '../../analyzer.ts';
import type { Expander } from './types.ts';

/** A compound name is often shortened to its last word: "the Washington Post" ... "the Post". */
export const compoundHead: Expander = {
  name: 'compound-head',
  expand({ word, isAlias, questionTerms }, context) {
    if (!isAlias || !word.word.includes(' ') || word.term !== word.word.replace(/ /g, '')) return [];
    const head = analyze(word.word.slice(word.word.lastIndexOf(' ') + 1))[0]?.term;
    if (!head || !context.knows(head) || questionTerms.has(head)) return [];
    return [{ term: head, weight: context.tuning.relationWeight.synonym, word: head, how: 'synonym' }];
  },
};
