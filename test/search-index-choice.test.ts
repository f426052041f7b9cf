import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../src/library.ts';
import type { SearchIndex } from '../src/search/engine.ts';
import { chooseIndex, MINISEARCH_MAX_PASSAGES } from '../src/search/indexChoice.ts';
import { miniSearchPathOf, readMiniSearchFile, writeMiniSearchFile } from '../src/search/miniSearchFile.ts';
import { MiniSearchBackend } from '../src/search/minisearchBackend.ts';
import { LOAD_OPTIONS, SEEDS, seedCorpus } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus } from './support/tempCorpus.ts';
import { plain } from './support/comparable.ts';

const QUESTIONS = [
  'How long would closing the embassy take?',
  'Who was killed near Bagdad airport?',
  'embasy pompio',
  'What did the Fed say about interest rates?',
];

async function answers(index: SearchIndex): Promise<unknown[]> {
  const all = [];
  for (const question of QUESTIONS)
    all.push(
      plain(await index.search({ question, limit: 5 })),
      plain(await index.search({ question, limit: 5, from: '2020-09-29', to: '2020-09-30' })),
    );
  return all;
}

describe('which index answers', () => {
  it('is MiniSearch up to MINISEARCH_MAX_PASSAGES passages and the compact index above, unless SEARCH_INDEX forces one', () => {
    expect(chooseIndex(MINISEARCH_MAX_PASSAGES, 'auto')).toBe('minisearch');
    expect(chooseIndex(MINISEARCH_MAX_PASSAGES + 1, 'auto')).toBe('compact');
    expect(chooseIndex(MINISEARCH_MAX_PASSAGES + 1, 'minisearch')).toBe('minisearch');
    expect(chooseIndex(10, 'compact')).toBe('compact');
  });
});

describe("MiniSearch's own saved index", () => {
  let dir: string;
  useTempCorpus((made) => (dir = made));

  async function open(indexPath: string, index?: 'minisearch' | 'compact') {
    const logger = memoryLogger();
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, {
      indexPath,
      log: logger.log,
      ...(index ? { index } : {}),
    });
    return { library, events: logger.lines().map((line) => line.event) };
  }

  it('answers the bundled corpus, saved on the first start and loaded on the next, as the compact index does', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    const first = await open(indexPath);
    expect(first.events).toEqual([
      'index_not_used',
      'index_saved',
      'minisearch_not_used',
      'minisearch_built',
      'minisearch_saved',
    ]);
    expect(first.library.current.index.backend.name).toBe('minisearch');
    expect((await stat(miniSearchPathOf(indexPath))).size).toBeGreaterThan(10_000);

    const second = await open(indexPath);
    expect(second.events).toEqual(['index_loaded', 'minisearch_loaded']);
    const { index, compact } = second.library.current;
    expect(index.backend.name).toBe('minisearch');
    expect(compact.backend.name).toBe('compact');
    expect(await answers(index)).toEqual(await answers(compact));
    expect(await answers(index)).toEqual(await answers(first.library.current.index));
  });

  it('is built again when the passages changed, and not written when the compact index is forced', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    await open(indexPath);
    const before = await readFile(miniSearchPathOf(indexPath), 'utf8');
    // A word of one of its paragraphs changed.
    const paragraph = (await seedCorpus()).passages
      .find((passage) => passage.source.file === SEEDS.voa)!
      .text.slice(0, 40);
    const article = join(dir, SEEDS.voa);
    const text = await readFile(article, 'utf8');
    expect(text).toContain(paragraph);
    await writeFile(article, text.replace(paragraph, paragraph.replace(/\p{L}+/u, 'Meanwhile')));
    const changed = await open(indexPath);
    expect(changed.events).toEqual([
      'index_not_used',
      'index_saved',
      'minisearch_not_used',
      'minisearch_built',
      'minisearch_saved',
    ]);
    expect(await readFile(miniSearchPathOf(indexPath), 'utf8')).not.toBe(before);

    const forced = await open(join(dir, '.other', 'dossier.index'), 'compact');
    expect(forced.library.current.index.backend.name).toBe('compact');
    await expect(stat(miniSearchPathOf(join(dir, '.other', 'dossier.index')))).rejects.toThrow('ENOENT');
  });
});

describe('reading a saved MiniSearch index', () => {
  it('refuses one of other passages, a damaged one and a missing one, each with its reason', async () => {
    const corpus = await seedCorpus();
    const path = join(tmpdir(), `dossier-minisearch-${process.pid}.json`);
    await writeMiniSearchFile(path, MiniSearchBackend.build(corpus.passages), corpus.passages);
    const read = await readMiniSearchFile(path, corpus.passages);
    expect(read.ok).toBe(true);

    const fewer = corpus.passages.slice(1);
    expect(await readMiniSearchFile(path, fewer)).toMatchObject({ ok: false, reason: 'stale' });
    const edited = corpus.passages.map((passage, i) =>
      i === 3 ? { ...passage, text: `${passage.text} More.` } : passage,
    );
    expect(await readMiniSearchFile(path, edited)).toMatchObject({ ok: false, reason: 'stale' });

    const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...json, index: { ...(json.index as object), documentCount: 'many' } }));
    expect(await readMiniSearchFile(path, corpus.passages)).toMatchObject({ ok: false, reason: 'corrupt' });
    await writeFile(path, '{"format": "dossier-minisearch", "versi');
    expect(await readMiniSearchFile(path, corpus.passages)).toMatchObject({
      ok: false,
      reason: 'corrupt',
      message: expect.stringContaining('it is not JSON'),
    });
    await rm(path);
    expect(await readMiniSearchFile(path, corpus.passages)).toMatchObject({ ok: false, reason: 'missing' });
  });
});
