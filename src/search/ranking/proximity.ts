import type { Term } from '../analyzer.ts';

/**
 * 1 + weight × (matched groups − 1) / (width of the narrowest window holding a match of each):
 * the boost is largest when the question's words (or their stand-ins) stand side by side.
 */
export function proximity(
  terms: readonly Term[],
  matched: ReadonlyMap<string, number>,
  weight: number,
): { boost: number; positions: number[] } {
  const hits = terms.filter((t) => matched.has(t.term));
  const positions = hits.map((t) => t.position);
  const distinct = new Set(matched.values()).size;
  if (distinct < 2) return { boost: 1, positions };
  const counts = new Map<number, number>();
  let covered = 0;
  let narrowest = Infinity;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const group = matched.get(hits[right]!.term)!;
    counts.set(group, (counts.get(group) ?? 0) + 1);
    if (counts.get(group) === 1) covered++;
    while (covered === distinct) {
      narrowest = Math.min(narrowest, hits[right]!.position - hits[left]!.position + 1);
      const leftGroup = matched.get(hits[left]!.term)!;
      counts.set(leftGroup, counts.get(leftGroup)! - 1);
      if (counts.get(leftGroup) === 0) covered--;
      left++;
    }
  }
  return { boost: 1 + (weight * (distinct - 1)) / narrowest, positions };
}
