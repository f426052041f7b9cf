import { ALIASES } from '../aliases.ts';
import type { SearchContext } from '../context.ts';
import type { Expander } from './expanders/index.ts';
import { readQuestion } from './read.ts';
import type { Alternative, Group, Interpretation } from './types.ts';
import { referenceOf, topicalWeight } from './weigh.ts';

/**
 * A question as the ranking needs it: read into words, each word expanded by the expanders in
 * order into the ways the corpus may match it, and weighted by how much it names the topic.
 */
export function interpretQuestion(context: SearchContext, question: string, expanders: readonly Expander[]): Interpretation {
  const taken = new Set<string>();
  const groups: Group[] = [];
  const corrections: Array<{ from: string; to: string }> = [];
  const related: Array<{ from: string; to: string }> = [];
  const unknownWords: string[] = [];
  const words = readQuestion(question);
  const questionTerms = new Set(words.map((w) => w.term));
  for (const word of words) {
    if (taken.has(word.term)) continue;
    taken.add(word.term);
    const known = context.knows(word.term);
    const isAlias = ALIASES.has(word.word);
    const alternatives: Alternative[] = [];
    for (const expander of expanders) {
      const found = expander.expand({ word, known, isAlias, found: alternatives, taken, questionTerms }, context);
      alternatives.push(...found);
      if (expander.claims) for (const alternative of found) taken.add(alternative.term);
      if (expander.told === 'correction') corrections.push(...found.map((alternative) => ({ from: word.word, to: alternative.word })));
      if (expander.told === 'related' && !known && found.length > 0) related.push({ from: word.word, to: found.map((alternative) => alternative.word).join(', ') });
    }
    if (alternatives.length === 0) unknownWords.push(word.word);
    groups.push({ word: word.word, weight: topicalWeight(context, word, alternatives, known), alternatives, reference: referenceOf(alternatives) });
  }
  return { groups, corrections, related, unknownWords };
}
