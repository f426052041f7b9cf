/**
 * A small least-recently-used cache on a Map (whose order is insertion order: a hit is moved to
 * the end, the first key is the oldest). The index it serves is immutable, so nothing is ever stale.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    if (this.capacity > 0) this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
