import { normalizeWord } from '../../analyzer.ts';
import type { SearchContext } from '../../context.ts';
import type { MatchKind } from '../../tuning.ts';
import type { Alternative } from '../types.ts';

/**
 * Other forms of a word (a verb's past, a role's other ending, a spelling across the Atlantic) as
 * alternatives of one kind: only those the corpus writes, each term once, and none whose term is in
 * `seen` (which this fills).
 */
export function writtenForms(
  forms: Iterable<string>,
  seen: Set<string>,
  context: SearchContext,
  how: MatchKind,
  weight: number,
): Alternative[] {
  const alternatives: Alternative[] = [];
  for (const form of forms) {
    const term = normalizeWord(form);
    if (seen.has(term) || !context.knows(term)) continue;
    seen.add(term);
    alternatives.push({ term, weight, word: form, how });
  }
  return alternatives;
}
