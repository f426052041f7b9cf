/**
 * Source ids are six hex digits of a hash of the article's url (else title, else file stem).
 * Among 100,000 articles some 300 pairs share six digits: those are different articles, not
 * copies, and each gets an id of its own, the same whatever the files are called.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addArticle } from '../src/corpus/edits.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { LOAD_OPTIONS, withTempDir } from './support/corpus.ts';

// Two urls whose hashes share their first six hex digits (a5a1f9); on twelve digits story/1531's
// (a5a1f9a8c168) sorts before story/31's (a5a1f9f1777a), so story/1531 keeps the short id.
const LOWER = 'https://news.example/story/1531';
const HIGHER = 'https://news.example/story/31';

function article(url: string, title: string): string {
  return `---\ntitle: "${title}"\nurl: "${url}"\ndate: "2020-09-28"\n---\n\nThe embassy in Baghdad received a letter about ${title.toLowerCase()}, officials said on Monday.\n`;
}

async function idsByUrl(dir: string): Promise<Record<string, string>> {
  const corpus = await loadCorpus(dir, LOAD_OPTIONS);
  expect(corpus.errors).toEqual([]);
  return Object.fromEntries(corpus.sources.map((source) => [source.url, source.id]));
}

describe('source ids that clash on six digits', () => {
  it('give two different articles two ids, the same whichever file sorts first', async () => {
    const expected = { [LOWER]: 'a5a1f9', [HIGHER]: 'a5a1f9f1777a' };
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.md'), article(LOWER, 'Convoy leaves the Green Zone'));
      await writeFile(join(dir, 'b.md'), article(HIGHER, 'Rockets fall near the airport'));
      expect(await idsByUrl(dir)).toEqual(expected);
    });
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.md'), article(HIGHER, 'Rockets fall near the airport'));
      await writeFile(join(dir, 'b.md'), article(LOWER, 'Convoy leaves the Green Zone'));
      expect(await idsByUrl(dir)).toEqual(expected);
    });
  });

  it('carry the longer id into the passage ids', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.md'), article(LOWER, 'Convoy leaves the Green Zone'));
      await writeFile(join(dir, 'b.md'), article(HIGHER, 'Rockets fall near the airport'));
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      const higher = corpus.passages.find((passage) => passage.source.url === HIGHER)!;
      expect(higher.id).toMatch(/^a5a1f9f1777a-[0-9a-f]{6}$/);
    });
  });

  it('still refuse a second file of the same article, saying why', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.md'), article(LOWER, 'Convoy leaves the Green Zone'));
      await writeFile(join(dir, 'b.md'), article(LOWER, 'Convoy leaves the Green Zone, updated'));
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.sources.map((source) => source.file)).toEqual(['a.md']);
      expect(corpus.errors).toEqual([
        { file: 'b.md', message: 'is the same article as a.md (same url); it was skipped' },
      ]);
    });
  });

  it('let a moderator add an article whose id clashes, naming the id it will keep', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'a.md'), article(LOWER, 'Convoy leaves the Green Zone'));
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      const outcome = await addArticle(
        dir,
        corpus,
        { name: 'b.md', bytes: Buffer.from(article(HIGHER, 'Rockets fall near the airport')) },
        LOAD_OPTIONS,
      );
      expect(outcome.summary).toContain('id a5a1f9f1777a.');
      expect(await idsByUrl(dir)).toEqual({ [LOWER]: 'a5a1f9', [HIGHER]: 'a5a1f9f1777a' });
    });
  });
});
