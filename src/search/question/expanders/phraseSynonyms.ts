import { analyze } from '../../analyzer.ts';
import type { Alternative } from '../types.ts';
import type { Expander } from './types.ts';

/** Phrases kept per word: an acronym has one or two spelled-out names. */
const MAX_PHRASES = 3;

/**
 * Synonyms of several words, which the related-words expander (one term each) cannot use: WordNet
 * spells out "CEO" as "chief executive officer" and "FBI" as "Federal Bureau of Investigation".
 * A phrase matches where all its terms are, in the word's common senses only.
 */
export const phraseSynonyms: Expander = {
  name: 'phrase-synonyms',
  expand({ word, found }, context) {
    if (word.kind !== 'word') return [];
    const have = new Set(found.map((alternative) => alternative.term));
    const phrases: Alternative[] = [];
    for (const synonym of context.environment.wordnet.phraseSynonyms(word.word)) {
      if (phrases.length >= MAX_PHRASES) break;
      const terms = analyze(synonym).map((term) => term.term);
      const term = terms.join(' ');
      if (terms.length < 2 || have.has(term) || context.frequency(term) === 0) continue;
      have.add(term);
      phrases.push({ term, weight: context.tuning.relationWeight.synonym, word: synonym, how: 'synonym' });
    }
    return phrases;
  },
};
