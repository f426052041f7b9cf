import SearchableMap from 'minisearch/SearchableMap';

/**
 * Typo tolerance for words the corpus does not know: the closest known term by edit distance
 * (with transpositions, so "Baghadd" finds "baghdad"). Known words are never "corrected", and
 * only a word the corpus lacks is looked up at all: fuzzy matching is never applied to every term.
 */

/**
 * Words shorter than this are too easily another real word ("cake" -> "take"); a word of letters no
 * English list knows is a name mistyped from four letters ("texs", "irak"), never a number ("2021").
 */
const MIN_TYPO_LENGTH = 5;
const MIN_NAME_TYPO_LENGTH = 4;

/** Edits a typo of a word this long may have: none under five letters (four for a name), one, two from eight (from seven for a name, whose spelling askers guess). */
export function maxEdits(term: string, name = false): number {
  if (term.length < (name && /^\p{L}+$/u.test(term) ? MIN_NAME_TYPO_LENGTH : MIN_TYPO_LENGTH)) return 0;
  return term.length >= (name ? 7 : 8) ? 2 : 1;
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

/** Plain edit distance (a swap of two letters costs 2), giving up early like `editDistance`. */
function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest known term to a word the corpus lacks, within the typo budget, or null. Ties go to
 * the more frequent term, then to the first listed. A candidate more than one plain edit beyond the
 * budget (two swaps in one word) is no typo of it: the rule the radix tree Dossier first used applied.
 */
export function correctTerm(
  term: string,
  near: (term: string, maxEdits: number) => ReadonlyArray<{ term: string; frequency: number }>,
): string | null {
  const limit = maxEdits(term);
  if (limit === 0) return null;
  let best: { term: string; distance: number; frequency: number } | null = null;
  for (const candidate of near(term, limit)) {
    const distance = editDistance(term, candidate.term, limit);
    if (distance > limit) continue;
    if (distance >= 2 && levenshtein(term, candidate.term, limit + 1) > limit + 1) continue;
    if (!best || distance < best.distance || (distance === best.distance && candidate.frequency > best.frequency))
      best = { term: candidate.term, distance, frequency: candidate.frequency };
  }
  return best?.term ?? null;
}

/**
 * Known terms in a radix tree (MiniSearch's SearchableMap), for the MiniSearch backend: a lookup
 * walks only the branches within reach of the typo. The tree counts a swap as two edits, so it is
 * asked one edit wider and each candidate measured with swaps. The compact index walks its sorted
 * term list instead.
 */
export class RadixVocabulary {
  private readonly tree = new SearchableMap<number>();

  constructor(documentFrequency: ReadonlyMap<string, number>) {
    for (const [term, frequency] of documentFrequency) this.tree.set(term, frequency);
  }

  near(term: string, maxEdits: number): Array<{ term: string; frequency: number }> {
    const found: Array<{ term: string; frequency: number }> = [];
    for (const [candidate, [frequency]] of this.tree.fuzzyGet(term, maxEdits + 1)) {
      if (editDistance(term, candidate, maxEdits) <= maxEdits) found.push({ term: candidate, frequency });
    }
    return found;
  }

  /** Terms that begin with `prefix` and are longer, at most `limit`. */
  starting(prefix: string, limit: number): Array<{ term: string; frequency: number }> {
    const found: Array<{ term: string; frequency: number }> = [];
    for (const [term, frequency] of this.tree.atPrefix(prefix)) {
      if (found.length >= limit) break;
      if (term.length > prefix.length) found.push({ term, frequency });
    }
    return found;
  }
}
