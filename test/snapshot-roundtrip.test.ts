import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../src/corpus/types.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { MiniSearchBackend } from '../src/search/minisearchBackend.ts';
import { corpusFingerprint, readIndexFile, IndexFileWriteError, writeIndexFile } from '../src/search/indexFile.ts';
import { generateCorpus } from '../bench/generate.ts';
import { seedCorpus, withTempDir } from './support/corpus.ts';
import { plain } from './support/comparable.ts';

let corpus: Corpus;
let index: SearchIndex;

beforeAll(async () => {
  corpus = await seedCorpus();
  index = SearchIndex.build(corpus);
});

const QUESTIONS = [
  'How long would it take to close the embassy?',
  'Who is the spokesman for Kadhimi?',
  'Did the IMF come up?',
  'has pompio talked about closing the embasy?',
  'What are Iraqis afraid of if the mission in Baghdad closes?',
  'What is the capital of Australia?',
];

describe('a snapshot read back', () => {
  it('answers every question exactly as the index it was written from', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      const { bytes } = await writeIndexFile(path, {
        fingerprint: 'seed-1',
        corpus,
        index,
        meta: { files: [['a.txt', { size: 1 }]] },
      });
      const read = await readIndexFile(path, 'seed-1');
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.bytes).toBe(bytes);
      expect(read.meta).toEqual({ files: [['a.txt', { size: 1 }]] });
      expect(read.fingerprint).toBe('seed-1');
      for (const question of QUESTIONS) {
        for (const request of [
          { question, limit: 5 },
          { question, limit: 2, offset: 2 },
          { question, limit: 5, from: '2020-09-29' },
        ]) {
          expect(plain(await read.index.search(request)), question).toEqual(plain(await index.search(request)));
        }
      }
    });
  });

  it('restores the corpus: passages, sources, duplicates and load errors', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await writeIndexFile(path, { fingerprint: 'f', corpus, index });
      const read = await readIndexFile(path, 'f');
      if (!read.ok) throw new Error(read.message);
      expect(read.corpus.passages).toEqual(corpus.passages);
      expect(read.corpus.sources).toEqual(corpus.sources);
      expect(new Map(read.corpus.alsoIn)).toEqual(new Map(corpus.alsoIn));
      expect(new Map(read.corpus.duplicateGroup)).toEqual(new Map(corpus.duplicateGroup));
      expect(read.corpus.errors).toEqual(corpus.errors);
      // Passages of one article share one source object, as a loaded corpus's do.
      const [first, second] = read.corpus.passages;
      expect(first!.source).toBe(second!.source);
      expect(read.index.corpus).toBe(read.corpus);
    });
  });

  it('keeps non-ASCII text, sections and more sources than passages name', async () => {
    const generated = generateCorpus({ passages: 300, seed: 5 }).corpus;
    const extraSource = { ...generated.sources[0]!, id: 'ffffff', file: 'unused.txt' };
    const tweaked: Corpus = {
      ...generated,
      sources: [...generated.sources, extraSource],
      passages: generated.passages.map((passage, i) =>
        i % 7 === 0
          ? { ...passage, text: `${passage.text} “Ça va”, dit-il — 東京.`, section: `Part ${i % 3}` }
          : passage,
      ),
    };
    const built = SearchIndex.build(tweaked);
    await withTempDir(async (dir) => {
      const path = join(dir, 'generated.snapshot');
      await writeIndexFile(path, { fingerprint: 'g', corpus: tweaked, index: built });
      const read = await readIndexFile(path, 'g');
      if (!read.ok) throw new Error(read.message);
      expect(read.corpus.passages).toEqual(tweaked.passages);
      expect(read.corpus.sources).toEqual(tweaked.sources);
      const question = 'Ça va Tokyo';
      expect(plain(await read.index.search({ question, limit: 5 }))).toEqual(
        plain(await built.search({ question, limit: 5 })),
      );
    });
  });
});

describe('writing a snapshot', () => {
  it('replaces the previous file whole and leaves no temporary file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await writeIndexFile(path, { fingerprint: 'one', corpus, index });
      await writeIndexFile(path, { fingerprint: 'two', corpus, index });
      expect(await readdir(dir)).toEqual(['index.snapshot']);
      expect((await readIndexFile(path, 'two')).ok).toBe(true);
      expect(await readIndexFile(path, 'one')).toMatchObject({ ok: false, reason: 'stale' });
    });
  });

  it('leaves the previous snapshot untouched when a write fails', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await writeIndexFile(path, { fingerprint: 'good', corpus, index });
      const before = await readFile(path);
      const miniSearch = new SearchIndex(corpus, MiniSearchBackend.build(corpus.passages));
      await expect(writeIndexFile(path, { fingerprint: 'bad', corpus, index: miniSearch })).rejects.toThrow(
        IndexFileWriteError,
      );
      await expect(
        writeIndexFile(join(dir, 'missing-folder', 'index.snapshot'), { fingerprint: 'bad', corpus, index }),
      ).rejects.toThrow(/Could not write the snapshot/);
      expect(await readFile(path)).toEqual(before);
      expect(await readdir(dir)).toEqual(['index.snapshot']);
    });
  });

  it('refuses an index built from another corpus', async () => {
    const other = SearchIndex.build(generateCorpus({ passages: 50, seed: 1 }).corpus);
    await withTempDir(async (dir) => {
      await expect(writeIndexFile(join(dir, 's'), { fingerprint: 'x', corpus, index: other })).rejects.toThrow(
        'The index given was not built from the corpus given.',
      );
    });
  });
});

describe('corpusFingerprint', () => {
  it('ignores the order of keys and map entries, and sees any change of value', () => {
    const a = corpusFingerprint({
      files: new Map([
        ['a.txt', { size: 1, mtimeMs: 2 }],
        ['b.txt', { size: 3, mtimeMs: 4 }],
      ]),
      maxArticleBytes: 10,
    });
    const b = corpusFingerprint({
      maxArticleBytes: 10,
      files: new Map([
        ['b.txt', { mtimeMs: 4, size: 3 }],
        ['a.txt', { mtimeMs: 2, size: 1 }],
      ]),
    });
    const c = corpusFingerprint({
      maxArticleBytes: 10,
      files: new Map([
        ['b.txt', { mtimeMs: 5, size: 3 }],
        ['a.txt', { mtimeMs: 2, size: 1 }],
      ]),
    });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
