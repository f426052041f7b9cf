/** The id tables of a snapshot: a Map in shards, so filling a million ids never rehashes them all at once. */
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../src/shardedMap.ts';

describe('a sharded map', () => {
  it('reads as a Map of the same entries', () => {
    const map = new ShardedMap<number>(8);
    const plain = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const key = `${(i * 7919).toString(16)}-${i}`;
      map.set(key, i);
      plain.set(key, i);
    }
    map.set('0-0', -1);
    plain.set('0-0', -1);
    expect(map.size).toBe(plain.size);
    for (const [key, value] of plain) {
      expect(map.get(key)).toBe(value);
      expect(map.has(key)).toBe(true);
    }
    expect(map.get('missing')).toBeUndefined();
    expect(map.has('missing')).toBe(false);
    expect(new Map(map)).toEqual(plain);
    expect([...map.keys()].sort()).toEqual([...plain.keys()].sort());
    expect([...map.values()].sort((a, b) => a - b)).toEqual([...plain.values()].sort((a, b) => a - b));
    let seen = 0;
    map.forEach((value, key, self) => {
      expect(plain.get(key)).toBe(value);
      expect(self).toBe(map);
      seen++;
    });
    expect(seen).toBe(plain.size);
  });
});
