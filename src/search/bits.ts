/**
 * Sets of passage numbers as bits in a Uint32Array: a million passages in 125 KB, so the sets the
 * index consults per posting (rows present, neighbours wanted, where an article continues) stay in cache.
 */

export function bitSet(size: number): Uint32Array {
  return new Uint32Array((size + 31) >>> 5);
}

export function hasBit(bits: Uint32Array, i: number): boolean {
  return ((bits[i >>> 5]! >>> (i & 31)) & 1) === 1;
}

export function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5]! |= 1 << (i & 31);
}

/** Bit i set when passage i belongs to the same article as passage i − 1 (the ranking reads a passage with the one before). */
export function continuationBits(count: number, sameAsPrevious: (i: number) => boolean): Uint32Array {
  const bits = bitSet(count);
  for (let i = 1; i < count; i++) if (sameAsPrevious(i)) setBit(bits, i);
  return bits;
}

/** The first passage of passage i's article, by the continuation bits: its lede (i itself when it opens the article). */
export function articleStart(continues: Uint32Array, i: number): number {
  let first = i;
  while (first > 0 && hasBit(continues, first)) first--;
  return first;
}
