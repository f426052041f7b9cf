import type { Passage, Source } from './types.ts';

/** Word n-grams compared between paragraphs; three words is long enough to ignore shared phrases like "the US embassy". */
const SHINGLE_WORDS = 3;
/** Share of the shorter paragraph's shingles found in the longer one for the two to count as the same paragraph. */
const CONTAINMENT_THRESHOLD = 0.8;
/** Shorter paragraphs ("he said.") repeat by chance; they are never folded. */
const MIN_WORDS = 8;
/** A shingle in more paragraphs than this is boilerplate, too common to suggest a copy. */
const MAX_POSTINGS = 50;

function shingles(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return result;
}

export interface DuplicateGroups {
  /** Passage id -> group id (the id of the group's first passage). Passages without a twin are absent. */
  readonly groupOf: ReadonlyMap<string, string>;
  /** Passage id -> the other sources that carry the same paragraph, or nearly. */
  readonly alsoIn: ReadonlyMap<string, readonly Source[]>;
}

/**
 * Finds paragraphs that two or more articles carry identically or nearly (one republishing the
 * other, perhaps with a sentence added), through an inverted index of shingles so the cost stays
 * near-linear in the corpus size.
 */
export function findDuplicates(passages: readonly Passage[]): DuplicateGroups {
  const sets = passages.map((passage) => shingles(passage.text));
  const postings = new Map<string, number[]>();
  sets.forEach((set, index) => {
    for (const shingle of set) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });

  const parent = passages.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));

  sets.forEach((set, index) => {
    if (set.size + SHINGLE_WORDS - 1 < MIN_WORDS) return;
    const shared = new Map<number, number>();
    for (const shingle of set) {
      const list = postings.get(shingle)!;
      if (list.length > MAX_POSTINGS) continue;
      for (const other of list) if (other > index) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) {
      const otherSet = sets[other]!;
      if (passages[other]!.source.id === passages[index]!.source.id) continue;
      if (otherSet.size + SHINGLE_WORDS - 1 < MIN_WORDS) continue;
      if (count / Math.min(set.size, otherSet.size) >= CONTAINMENT_THRESHOLD) parent[root(other)] = root(index);
    }
  });

  const members = new Map<number, number[]>();
  passages.forEach((_, index) => {
    const group = root(index);
    const list = members.get(group);
    if (list) list.push(index);
    else members.set(group, [index]);
  });

  const groupOf = new Map<string, string>();
  const alsoIn = new Map<string, readonly Source[]>();
  for (const [group, indexes] of members) {
    if (indexes.length < 2) continue;
    for (const index of indexes) {
      const passage = passages[index]!;
      groupOf.set(passage.id, passages[group]!.id);
      const others = new Map<string, Source>();
      for (const other of indexes) {
        const source = passages[other]!.source;
        if (source.id !== passage.source.id) others.set(source.id, source);
      }
      alsoIn.set(passage.id, [...others.values()]);
    }
  }
  return { groupOf, alsoIn };
}
