import SearchableMap from 'minisearch/SearchableMap';

/**
 * Typo tolerance for words the corpus does not know: the closest known term by edit distance
 * (with transpositions, so "Baghadd" finds "baghdad"). Known words are never "corrected".
 */

/** Words shorter than this are too easily another real word ("cake" -> "take"). */
const MIN_TYPO_LENGTH = 5;

export function maxEdits(term: string): number {
  if (term.length < MIN_TYPO_LENGTH) return 0;
  return term.length >= 8 ? 2 : 1;
}

/** Optimal string alignment distance, giving up early (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Known terms in a radix tree, so a lookup walks only the branches within reach of the typo
 * instead of comparing against every term: per-query cost grows with the word, not the corpus.
 */
export class Vocabulary {
  private readonly tree = new SearchableMap<number>();

  constructor(private readonly documentFrequency: ReadonlyMap<string, number>) {
    for (const [term, frequency] of documentFrequency) this.tree.set(term, frequency);
  }

  has(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** The closest known term within the typo budget; ties go to the more frequent term. */
  correct(term: string): string | null {
    const limit = maxEdits(term);
    if (limit === 0) return null;
    let best: { term: string; distance: number; frequency: number } | null = null;
    // The tree measures plain edit distance, where a swap of two letters costs 2: ask one wider, then measure with swaps.
    for (const [candidate, [frequency]] of this.tree.fuzzyGet(term, limit + 1)) {
      const distance = editDistance(term, candidate, limit);
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) best = { term: candidate, distance, frequency };
    }
    return best?.term ?? null;
  }
}
