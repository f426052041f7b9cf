/**
 * Passages by id, as a hash table of passage numbers in typed arrays. A Map would hold every id as
 * a string, and a million strings (besides the Map's own tables) are what a full garbage
 * collection of the answering thread must mark; stored passages (storedPassage.ts) keep their ids
 * as bytes, and this table keeps none. A lookup hashes the id asked for and reads the ids of the
 * passages whose hash is the same: usually one.
 */
import type { Steps } from '../steps.ts';
import type { Passage } from './types.ts';

/** Passages put in the table between two steps of `buildSteps`. */
const STEP = 1024;

/** FNV-1a over the id's UTF-16 code units (an id's bytes, for the ASCII ids passages have). */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class PassageIds {
  private constructor(
    private readonly passages: readonly Passage[],
    /** Open addressing with linear probing: passage number + 1, 0 for an empty slot. */
    private readonly slots: Uint32Array,
    /** The hash of each slot's id, so most probes read no id. */
    private readonly hashes: Uint32Array,
    /** Distinct ids. */
    readonly size: number,
  ) {}

  /** The table of `passages`, in steps (steps.ts): a million ids take a while to hash. A repeated id names its last passage, as in a Map. */
  static *buildSteps(passages: readonly Passage[]): Steps<PassageIds> {
    // At most half full: probes stay short.
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(2, passages.length * 2)));
    const slots = new Uint32Array(capacity);
    const hashes = new Uint32Array(capacity);
    const mask = capacity - 1;
    let size = 0;
    for (let n = 0; n < passages.length; n++) {
      if (n % STEP === 0) yield;
      const id = passages[n]!.id;
      const hash = hashOf(id);
      let slot = hash & mask;
      while (slots[slot] !== 0 && !(hashes[slot] === hash && passages[slots[slot]! - 1]!.id === id))
        slot = (slot + 1) & mask;
      if (slots[slot] === 0) size++;
      slots[slot] = n + 1;
      hashes[slot] = hash;
    }
    return new PassageIds(passages, slots, hashes, size);
  }

  get(id: string): Passage | undefined {
    const hash = hashOf(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] !== hash) continue;
      const passage = this.passages[this.slots[slot]! - 1]!;
      if (passage.id === id) return passage;
    }
    return undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}
