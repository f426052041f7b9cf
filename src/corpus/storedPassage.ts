/**
 * Passages whose text and id stay bytes until read. A snapshot's passages (search/indexFile.ts)
 * share one store: the texts and ids as the snapshot holds them, in buffers outside the V8 heap.
 * A passage is then one small object, where a passage with its strings was three: at a million
 * passages, two million objects fewer for every full garbage collection of the thread that answers
 * to mark, and some 300 MB fewer in its heap (see docs/scaling.md, "Reloads off the event loop").
 *
 * A stored passage reads like a plain one everywhere: `id` and `text` are its own enumerable
 * properties (accessors), in a plain passage's key order, so spreading, JSON, structured clones
 * and equality in tests see the same five fields. Each read makes the string anew (a few hundred
 * bytes, well under a microsecond): nothing keeps it, so the heap stays small.
 */
import type { Passage, Source } from './types.ts';

/** The passages' texts and ids as bytes: texts UTF-8, or Latin-1 where `ascii` says so (which decodes faster); ids ASCII. */
export class PassageStore {
  constructor(
    private readonly texts: Buffer,
    private readonly textOffsets: Uint32Array | Float64Array,
    private readonly ascii: Uint8Array,
    private readonly ids: Buffer,
    private readonly idOffsets: Uint32Array | Float64Array,
  ) {}

  text(n: number): string {
    return this.texts.toString(this.ascii[n] ? 'latin1' : 'utf8', this.textOffsets[n], this.textOffsets[n + 1]);
  }

  id(n: number): string {
    return this.ids.toString('latin1', this.idOffsets[n], this.idOffsets[n + 1]);
  }

  /** Whether passage `n` here and passage `m` of `other` have the same text, byte for byte (no string is made). */
  sameText(n: number, other: PassageStore, m: number): boolean {
    return (
      this.texts.compare(
        other.texts,
        other.textOffsets[m],
        other.textOffsets[m + 1],
        this.textOffsets[n],
        this.textOffsets[n + 1],
      ) === 0
    );
  }
}

export class StoredPassage implements Passage {
  declare readonly id: string;
  declare readonly text: string;
  declare readonly paragraph: number;
  declare readonly source: Source;
  declare readonly section: string | null;
  #store: PassageStore;
  #n: number;

  /** Own enumerable accessors, one pair shared by every stored passage (so they share one hidden class too). */
  static readonly #accessors: PropertyDescriptorMap = {
    id: {
      get(this: StoredPassage) {
        return this.#store.id(this.#n);
      },
      enumerable: true,
    },
    text: {
      get(this: StoredPassage) {
        return this.#store.text(this.#n);
      },
      enumerable: true,
    },
  };

  constructor(store: PassageStore, n: number, paragraph: number, source: Source, section: string | null) {
    this.#store = store;
    this.#n = n;
    Object.defineProperties(this, StoredPassage.#accessors);
    // After id and text: a plain passage's key order (JSON prints keys in it).
    this.paragraph = paragraph;
    this.source = source;
    this.section = section;
  }

  /**
   * When `passage` is a stored passage with the same text as passage `n` of `store`, it reads from
   * `store` from now on and the answer is true. What it reads does not change (same bytes; the
   * caller checked the id and the other fields), so readers of the snapshot it belongs to see
   * nothing, and the store it read from before is not kept alive by it. A reload takes the live
   * passages over this way: the same objects (the caches keyed by them stay warm), no new ones.
   */
  static moveTo(passage: Passage, store: PassageStore, n: number): boolean {
    if (!(passage instanceof StoredPassage) || !passage.#store.sameText(passage.#n, store, n)) return false;
    passage.#store = store;
    passage.#n = n;
    return true;
  }
}
