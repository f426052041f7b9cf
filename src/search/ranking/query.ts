import type { PassageFilter, QueryAlternative } from '../backend.ts';
import type { SearchContext } from '../context.ts';
import type { Group } from '../question/types.ts';

/**
 * The question's groups as the backend reads them. Per group, each passage keeps its best
 * alternative: weight × BM25 of that term alone. A stand-in is worth no more than the word it
 * stands for: a rare synonym ("personnel" for "forces") carries the word's rarity, never
 * outscoring the word itself. A phrase (spelled-out initials) must be there whole: every one of
 * its terms. Also each alternative's document frequency, for planning probes.
 */
export async function buildQuery(
  context: SearchContext,
  groups: readonly Group[],
  filter: PassageFilter | null,
): Promise<{ query: QueryAlternative[][]; frequencies: number[][] }> {
  // A phrase's frequency under the filter is the retriever's to count; a term's is the vocabulary's.
  const phraseCounts = new Map<string, number>();
  for (const group of groups) {
    for (const { term } of group.alternatives)
      if (term.includes(' ') && !phraseCounts.has(term))
        phraseCounts.set(term, await context.backend.phraseCount(term.split(' '), filter));
  }
  const frequencies: number[][] = [];
  const query = groups.map((group) => {
    const groupFrequencies: number[] = [];
    frequencies.push(groupFrequencies);
    return group.alternatives.map((alternative): QueryAlternative => {
      const phrase = alternative.term.split(' ');
      const frequency = phrase.length > 1 ? phraseCounts.get(alternative.term)! : context.frequency(alternative.term);
      groupFrequencies.push(frequency);
      const rarity =
        group.reference === null
          ? 1
          : Math.min(1, context.idf(context.frequency(group.reference)) / context.idf(frequency));
      return {
        terms: phrase,
        weight:
          phrase.length > 1
            ? (alternative.weight * rarity) / (phrase.length * phrase.length)
            : alternative.weight * rarity,
      };
    });
  });
  return { query, frequencies };
}
