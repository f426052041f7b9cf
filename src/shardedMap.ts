/**
 * A map from strings split into shards by a hash of the key. A Map grows by rehashing every entry
 * at once: the step from half a million entries to a million takes over 100 ms in one go. Shards
 * grow a sixty-fourth at a time, so a large table filled in slices (while the bot answers) never
 * pauses it long (the sources' ids; passages have a table of their own, corpus/passageIds.ts). A read costs one hash of the key more. Iterates shard by shard,
 * not in insertion order.
 */
export class ShardedMap<V> implements ReadonlyMap<string, V> {
  private readonly shards: Array<Map<string, V>>;
  private readonly mask: number;

  /** `shards`: a power of two. */
  constructor(shards = 64) {
    this.shards = Array.from({ length: shards }, () => new Map<string, V>());
    this.mask = shards - 1;
  }

  /** The key's shard: FNV-1a over its UTF-16 code units. */
  private shardOf(key: string): Map<string, V> {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    return this.shards[(hash >>> 0) & this.mask]!;
  }

  set(key: string, value: V): this {
    this.shardOf(key).set(key, value);
    return this;
  }

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  has(key: string): boolean {
    return this.shardOf(key).has(key);
  }

  get size(): number {
    let size = 0;
    for (const shard of this.shards) size += shard.size;
    return size;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const shard of this.shards) for (const [key, value] of shard) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, V]> {
    return this.merged().entries();
  }

  keys(): MapIterator<string> {
    return this.merged().keys();
  }

  values(): MapIterator<V> {
    return this.merged().values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /** Every entry in one Map, for iteration (rare: lookups are what the table is for). */
  private merged(): Map<string, V> {
    const all = new Map<string, V>();
    for (const shard of this.shards) for (const [key, value] of shard) all.set(key, value);
    return all;
  }
}
