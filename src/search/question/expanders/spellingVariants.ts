import type { SearchContext } from '../../context.ts';
import { maxEdits } from '../../fuzzy.ts';
import type { Expander } from './types.ts';

/** A name this short has too many neighbours to call any of them a variant. */
const MIN_NAME_LENGTH = 5;

/**
 * The corpus's other spellings of a name: written forms within the typo budget, neither of them
 * an ordinary English word (WordNet knows "Baghdad" only as a name, "trial" and "trail" as
 * words), in the alphabet's order so every backend gives the same list.
 */
export function variantSpellings(
  context: SearchContext,
  written: string,
  term: string,
): Array<{ term: string; form: string }> {
  const { wordnet } = context.environment;
  if (written.length < MIN_NAME_LENGTH || wordnet.isCommonWord(written)) return [];
  const seen = new Set([term]);
  const candidates = context.backend
    .formsNear(written, maxEdits(written))
    .sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  return candidates.flatMap((candidate) => {
    if (seen.has(candidate.term) || wordnet.isCommonWord(candidate.form)) return [];
    seen.add(candidate.term);
    return [{ term: candidate.term, form: candidate.form }];
  });
}

/**
 * Spelling variants of a name, learned from the corpus: the articles write one person or place
 * several ways ("Qasem" and "Qassem", "Kadhimi" and "Kadhemi"), and a question using one should
 * find the others. (Names of several words get theirs from the names expander.)
 */
export const spellingVariants: Expander = {
  name: 'spelling-variants',
  claims: true,
  expand({ word, known }, context) {
    if (word.kind !== 'word' || !known) return [];
    return variantSpellings(context, word.word, word.term).map(({ term, form }) => ({
      term,
      weight: context.tuning.aliasWeight,
      word: form,
      how: 'alias' as const,
    }));
  },
};
