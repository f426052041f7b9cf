import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { articleName, writeArticles } from '../bench/articles.ts';
import { generateCorpus } from '../bench/generate.ts';
import { prepareCorpus } from '../bench/startup.ts';

describe('the start-up benchmark corpus, written as article files', () => {
  const generated = generateCorpus({ passages: 300, seed: 42 });
  let dir: string;
  let loaded: Corpus;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dossier-bench-startup-'));
    await writeArticles(generated, join(dir, 'corpus'));
    loaded = await loadCorpus(join(dir, 'corpus'), { maxArticleBytes: 2 * 1024 * 1024 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one Markdown file per source, flat, in generation order', async () => {
    const names = (await readdir(join(dir, 'corpus'))).sort();
    expect(names).toHaveLength(generated.corpus.sources.length);
    expect(names[0]).toBe(articleName(0));
    expect(names.every((name) => name.endsWith('.md'))).toBe(true);
  });

  it('loads every file, with the metadata generated', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.sources).toHaveLength(generated.corpus.sources.length);
    // Files load in name order, which is generation order.
    loaded.sources.forEach((source, i) => {
      const expected = generated.corpus.sources[i]!;
      expect({
        title: source.title,
        outlet: source.outlet,
        date: source.date,
        url: source.url,
        author: source.author,
      }).toEqual({
        title: expected.title,
        outlet: expected.outlet,
        date: expected.date,
        url: expected.url,
        author: expected.author,
      });
      expect(source.titleOrigin).toBe('front-matter');
    });
    expect(generated.corpus.sources.some((source) => source.date === null)).toBe(true);
    expect(generated.corpus.sources.some((source) => source.author === null)).toBe(true);
  });

  it('keeps the generated paragraphs as they are, in their articles', () => {
    expect(loaded.passages.length).toBeGreaterThanOrEqual(generated.corpus.passages.length - 1);
    expect(loaded.passages.length).toBeLessThanOrEqual(generated.corpus.passages.length);
    const textsOf = (corpus: Corpus) => {
      const bySource = new Map<string, string[]>();
      for (const passage of corpus.passages)
        bySource.set(passage.source.url!, [...(bySource.get(passage.source.url!) ?? []), passage.text]);
      return bySource;
    };
    const [want, got] = [textsOf(generated.corpus), textsOf(loaded)];
    let same = 0;
    for (const [url, texts] of want) same += texts.filter((text, i) => got.get(url)?.[i] === text).length;
    // The cleaner may, very rarely, take a paragraph for page furniture; at most one here.
    expect(same).toBeGreaterThanOrEqual(generated.corpus.passages.length - 1);
  });

  it('writes the folder once: a second run with the same options leaves the files alone', async () => {
    const root = join(dir, 'prepared');
    const options = { passages: 300, seed: 42, questions: 20 };
    const first = await prepareCorpus(root, options);
    expect(first.written).toBe(true);
    expect(first.files).toBe(generated.corpus.sources.length);
    const before = (await stat(join(root, 'corpus', articleName(0)))).mtimeMs;
    const again = await prepareCorpus(root, options);
    expect(again).toMatchObject({ written: false, files: first.files });
    expect((await stat(join(root, 'corpus', articleName(0)))).mtimeMs).toBe(before);
    expect(JSON.parse(await readFile(join(root, 'questions.json'), 'utf8'))).toHaveLength(20);
    // Other options: written afresh, with no file of the old corpus left over.
    const smaller = await prepareCorpus(root, { ...options, passages: 100 });
    expect(smaller.written).toBe(true);
    expect(await readdir(join(root, 'corpus'))).toHaveLength(smaller.files);
  });
});
