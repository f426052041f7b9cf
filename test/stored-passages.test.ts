/**
 * Passages whose text and id stay bytes (src/corpus/storedPassage.ts), and the id table that holds
 * no id strings (src/corpus/passageIds.ts): what a snapshot and every build of the library give.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { PassageIds } from '../src/corpus/passageIds.ts';
import { StoredPassage } from '../src/corpus/storedPassage.ts';
import type { Corpus, Passage } from '../src/corpus/types.ts';
import { Library } from '../src/library.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { readIndexFile, writeIndexFile } from '../src/search/indexFile.ts';
import { runSteps } from '../src/steps.ts';
import { LOAD_OPTIONS, withTempDir } from './support/corpus.ts';
import { writeGeneratedArticles } from './support/tempCorpus.ts';

/** A generated corpus with non-ASCII texts and sections, and the same corpus read back from its snapshot. */
async function writtenAndRead(): Promise<{ plain: Corpus; stored: Corpus }> {
  const generated = generateCorpus({ passages: 200, seed: 7 }).corpus;
  const plain: Corpus = {
    ...generated,
    passages: generated.passages.map((passage, i) =>
      i % 5 === 0 ? { ...passage, text: `${passage.text} “Ça va”, dit-il — 東京.`, section: 'Part two' } : passage,
    ),
  };
  return withTempDir(async (dir) => {
    const path = join(dir, 'index.snapshot');
    await writeIndexFile(path, { fingerprint: 'f', corpus: plain, index: SearchIndex.build(plain) });
    const read = await readIndexFile(path, 'f');
    if (!read.ok) throw new Error(read.message);
    return { plain, stored: read.corpus };
  });
}

describe('a stored passage', () => {
  it('reads as the plain passage it was written from: fields, key order, spread, JSON and structured clone', async () => {
    const { plain, stored } = await writtenAndRead();
    expect(stored.passages.every((passage) => passage instanceof StoredPassage)).toBe(true);
    stored.passages.forEach((passage, i) => {
      const original = plain.passages[i]!;
      expect(Object.keys(passage)).toEqual(Object.keys(original));
      expect({ ...passage }).toEqual({ ...original });
      expect(JSON.stringify(passage)).toBe(JSON.stringify(original));
      expect(structuredClone(passage)).toEqual(structuredClone(original));
    });
  });

  it('is the same object after a reload that did not change it, reading the new snapshot’s bytes', async () => {
    await withTempDir(async (dir) => {
      await writeGeneratedArticles(dir, 4);
      const indexPath = join(dir, '.dossier.index');
      const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath });
      const old = library.current;
      expect(old.corpus.passages.every((passage) => passage instanceof StoredPassage)).toBe(true);
      const texts = old.corpus.passages.map((passage) => passage.text);
      await writeGeneratedArticles(dir, 1, 'new');
      const { snapshot } = await library.reload();
      const kept = snapshot.corpus.passages.filter((passage) => old.passageById.get(passage.id) === passage);
      expect(kept).toHaveLength(old.corpus.passages.length);
      // The old snapshot, still answering while the new one was assembled, reads the same texts.
      expect(old.corpus.passages.map((passage) => passage.text)).toEqual(texts);
    });
  });
});

describe('the passage id table', () => {
  const passage = (id: string): Passage => ({
    id,
    text: id,
    paragraph: 1,
    section: null,
    source: {} as Passage['source'],
  });

  it('finds every passage by its id, as a Map would, the last of a repeated id', () => {
    const passages = Array.from({ length: 3000 }, (_, i) => passage(`${(i * 7919).toString(16)}-${i % 97}`));
    passages.push(passage(passages[10]!.id));
    const table = runSteps(PassageIds.buildSteps(passages));
    const map = new Map(passages.map((p) => [p.id, p]));
    expect(table.size).toBe(map.size);
    for (const [id, p] of map) {
      expect(table.get(id)).toBe(p);
      expect(table.has(id)).toBe(true);
    }
    expect(table.get(passages[10]!.id)).toBe(passages.at(-1));
    expect(table.get('missing')).toBeUndefined();
    expect(table.has('')).toBe(false);
  });

  it('holds an empty corpus', () => {
    const table = runSteps(PassageIds.buildSteps([]));
    expect(table.size).toBe(0);
    expect(table.get('a')).toBeUndefined();
  });
});
