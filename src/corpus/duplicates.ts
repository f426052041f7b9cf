import { runSteps, type Steps } from '../steps.ts';
import type { Passage, Source } from './types.ts';

/** Word n-grams compared between paragraphs; three words is long enough to ignore shared phrases like "the US embassy". */
const SHINGLE_WORDS = 3;
/** Share of the shorter paragraph's shingles found in the longer one for the two to count as the same paragraph. */
const CONTAINMENT_THRESHOLD = 0.8;
/** Passages read between two turns of the event loop when run yielding (src/steps.ts). */
const STEP_PASSAGES = 2_000;
/** Shorter paragraphs ("he said.") repeat by chance; they are never folded. */
const MIN_WORDS = 8;
/** A shingle in more paragraphs than this is boilerplate, too common to suggest a copy. */
const MAX_POSTINGS = 50;

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
 *
 * Shingles are 32-bit hashes in typed arrays, not strings in sets: a million paragraphs have some
 * fifty million shingles, which as strings took ten gigabytes and as hashes take a few hundred
 * megabytes. Two different shingles may share a hash; a false match would need most of a
 * paragraph's shingles to collide at once, which does not happen.
 */
export function findDuplicates(passages: readonly Passage[]): DuplicateGroups {
  return runSteps(duplicateSteps(passages));
}

/** `findDuplicates` in slices of STEP_PASSAGES passages (see src/steps.ts). */
export function* duplicateSteps(passages: readonly Passage[]): Steps<DuplicateGroups> {
  const { hashes, start } = yield* shingleHashes(passages);
  const size = (index: number): number => start[index + 1]! - start[index]!;
  const postings = yield* invert(hashes, start);

  const parent = passages.map((_, index) => index);
  const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index]!)));

  // Shingles shared with each later passage, counted in an array: a Map here cost seconds per 100,000 passages.
  const shared = new Uint16Array(passages.length);
  const touched: number[] = [];
  const { runFrom, sorted, passageAt } = postings;
  for (let index = 0; index < passages.length; index++) {
    if (index > 0 && index % STEP_PASSAGES === 0) yield;
    if (size(index) + SHINGLE_WORDS - 1 < MIN_WORDS) continue;
    for (let entry = start[index]!; entry < start[index + 1]!; entry++) {
      // Most shingles are in one passage only, or in too many: no run to read.
      if (runFrom[entry] === NO_RUN) continue;
      const from = runFrom[entry]!;
      const hash = sorted[from]!;
      for (let k = from; k < sorted.length && sorted[k] === hash; k++) {
        const other = passageAt[k]!;
        if (other <= index) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other]!++;
      }
    }
    for (const other of touched) {
      const count = shared[other]!;
      shared[other] = 0;
      if (passages[other]!.source.id === passages[index]!.source.id) continue;
      if (size(other) + SHINGLE_WORDS - 1 < MIN_WORDS) continue;
      if (count / Math.min(size(index), size(other)) >= CONTAINMENT_THRESHOLD) parent[root(other)] = root(index);
    }
    touched.length = 0;
  }

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

/** Each passage's distinct shingle hashes, ascending: passage i's are `hashes[start[i]]` to `hashes[start[i + 1]]`. */
function* shingleHashes(passages: readonly Passage[]): Steps<{ hashes: Uint32Array; start: Uint32Array }> {
  const start = new Uint32Array(passages.length + 1);
  let hashes = new Uint32Array(Math.max(1024, passages.length * 48));
  let length = 0;
  for (let index = 0; index < passages.length; index++) {
    if (index > 0 && index % STEP_PASSAGES === 0) yield;
    const passage = passages[index]!;
    const words = passage.text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ')
      .map(wordHash);
    const own = new Uint32Array(Math.max(0, words.length - SHINGLE_WORDS + 1));
    for (let i = 0; i < own.length; i++) own[i] = shingleHash(words[i]!, words[i + 1]!, words[i + 2]!);
    own.sort();
    if (length + own.length > hashes.length) {
      const grown = new Uint32Array(Math.max(hashes.length * 2, length + own.length));
      grown.set(hashes.subarray(0, length));
      hashes = grown;
    }
    for (let i = 0; i < own.length; i++) if (i === 0 || own[i] !== own[i - 1]) hashes[length++] = own[i]!;
    start[index + 1] = length;
  }
  return { hashes: hashes.slice(0, length), start };
}

/** FNV-1a over the word's UTF-16 code units. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Three word hashes mixed into one (order matters: "a b c" is not "c b a"). */
function shingleHash(a: number, b: number, c: number): number {
  let hash = Math.imul(a, 0xcc9e2d51) ^ Math.imul(b ^ (b >>> 15), 0x1b873593);
  hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995) ^ c;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** `runFrom` of a shingle whose run is not worth reading: in one passage only, or boilerplate. */
const NO_RUN = 0xffffffff;

/**
 * Shingle hash -> the passages that have it, as typed arrays read mostly in order (random lookups
 * into fifty million entries would wait on memory): every (hash, entry) pair sorted by hash with a
 * stable radix sort, so each hash's run lists its passages in passage order; then, per entry (in
 * passage order), where its hash's run starts in `sorted`/`passageAt`, or NO_RUN when the run has
 * one passage or more than MAX_POSTINGS. Consumes `hashes`.
 */
function* invert(
  hashes: Uint32Array,
  start: Uint32Array,
): Steps<{ sorted: Uint32Array; passageAt: Uint32Array; runFrom: Uint32Array }> {
  let keys: Uint32Array = hashes;
  let entries: Uint32Array = new Uint32Array(keys.length);
  for (let entry = 0; entry < entries.length; entry++) entries[entry] = entry;
  {
    let keysOut: Uint32Array = new Uint32Array(keys.length);
    let entriesOut: Uint32Array = new Uint32Array(keys.length);
    for (const shift of [0, 16]) {
      const counts = new Uint32Array(65537);
      for (let i = 0; i < keys.length; i++) counts[((keys[i]! >>> shift) & 0xffff) + 1]!++;
      for (let bucket = 1; bucket < counts.length; bucket++) counts[bucket]! += counts[bucket - 1]!;
      for (let i = 0; i < keys.length; i++) {
        const at = counts[(keys[i]! >>> shift) & 0xffff]!++;
        keysOut[at] = keys[i]!;
        entriesOut[at] = entries[i]!;
      }
      [keys, keysOut] = [keysOut, keys];
      [entries, entriesOut] = [entriesOut, entries];
      yield;
    }
  }
  const runFrom = new Uint32Array(keys.length).fill(NO_RUN);
  for (let from = 0; from < keys.length; ) {
    let to = from + 1;
    while (to < keys.length && keys[to] === keys[from]) to++;
    if (to - from > 1 && to - from <= MAX_POSTINGS) for (let k = from; k < to; k++) runFrom[entries[k]!] = from;
    from = to;
  }
  yield;
  // Entries become their passages, in place.
  const passageOf = new Uint32Array(keys.length);
  for (let passage = 0; passage + 1 < start.length; passage++)
    passageOf.fill(passage, start[passage]!, start[passage + 1]!);
  for (let k = 0; k < entries.length; k++) entries[k] = passageOf[entries[k]!]!;
  return { sorted: keys, passageAt: entries, runFrom };
}
