import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { findDuplicates } from '../src/corpus/duplicates.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { PASSAGE_ID_PATTERN } from '../src/corpus/ids.ts';
import { LOAD_OPTIONS, SEED_DIR, SEEDS, seedCorpus, withTempDir } from './support/corpus.ts';

async function copySeeds(dir: string): Promise<void> {
  for (const file of [...Object.values(SEEDS), '003_84fe4f099db4658b.meta.json'])
    await copyFile(join(SEED_DIR, file), join(dir, file));
}

describe('loading a corpus folder', () => {
  it('loads the five seeds with no errors', async () => {
    const corpus = await seedCorpus();
    expect(corpus.sources).toHaveLength(5);
    expect(corpus.errors).toEqual([]);
    expect(corpus.passages.every((passage) => PASSAGE_ID_PATTERN.test(passage.id))).toBe(true);
  });

  it('gives every passage the same id on a second load', async () => {
    const first = await loadCorpus(SEED_DIR, LOAD_OPTIONS);
    const second = await loadCorpus(SEED_DIR, LOAD_OPTIONS);
    expect(second.passages.map((passage) => passage.id)).toEqual(first.passages.map((passage) => passage.id));
    expect(new Set(first.passages.map((passage) => passage.id)).size).toBe(first.passages.length);
  });

  it('keeps ids of a titled article when its file is renamed, and changes only the edited paragraph', async () => {
    await withTempDir(async (dir) => {
      await copySeeds(dir);
      const before = await loadCorpus(dir, LOAD_OPTIONS);
      await rename(join(dir, SEEDS.voa), join(dir, 'zz-renamed-voa.txt'));
      const path = join(dir, SEEDS.hill);
      await writeFile(path, (await readFile(path, 'utf8')).replace('he said.', 'he said on Sunday.'));
      const after = await loadCorpus(dir, LOAD_OPTIONS);
      const ids = (corpus: typeof before, match: (file: string) => boolean) =>
        corpus.passages.filter((passage) => match(passage.source.file)).map((passage) => passage.id);
      expect(ids(after, (file) => file === 'zz-renamed-voa.txt')).toEqual(ids(before, (file) => file === SEEDS.voa));
      const hillBefore = ids(before, (file) => file === SEEDS.hill);
      const hillAfter = ids(after, (file) => file === SEEDS.hill);
      expect(hillAfter.filter((id, index) => id !== hillBefore[index])).toHaveLength(1);
    });
  });

  it('folds a paragraph two outlets carry into one group, each naming the other in alsoIn', async () => {
    const corpus = await seedCorpus();
    const republic = corpus.passages.find(
      (passage) => passage.source.file === SEEDS.republic && passage.text.includes('Kataib Hezbollah'),
    )!;
    const untitled = corpus.passages.find(
      (passage) =>
        passage.source.file === SEEDS.untitled &&
        passage.text.startsWith('US Secretary of State Mike Pompeo has sent a letter'),
    )!;
    expect(corpus.duplicateGroup.get(republic.id)).toBe(corpus.duplicateGroup.get(untitled.id));
    expect(corpus.alsoIn.get(republic.id)?.map((source) => source.file)).toEqual([SEEDS.untitled]);
    expect(corpus.alsoIn.get(untitled.id)?.map((source) => source.file)).toEqual([SEEDS.republic]);
    // Paragraphs that only share a theme are not folded.
    const voaStrike = corpus.passages.find(
      (passage) => passage.source.file === SEEDS.voa && passage.text.includes('airstrike'),
    )!;
    expect(corpus.duplicateGroup.has(voaStrike.id)).toBe(false);
  });

  it('finds exactly the wire copies planted in a generated corpus of 20,000 passages, and nothing else', () => {
    // The generator knows which paragraphs it copied from another article of the same story.
    const { corpus } = generateCorpus({ passages: 20_000, seed: 11 });
    const found = findDuplicates(corpus.passages);
    expect(corpus.duplicateGroup.size).toBeGreaterThan(100);
    expect([...found.groupOf.keys()].sort()).toEqual([...corpus.duplicateGroup.keys()].sort());
    const groups = (map: ReadonlyMap<string, string>) =>
      new Set(
        [...new Set(map.values())].map((group) =>
          [...map]
            .filter(([, g]) => g === group)
            .map(([id]) => id)
            .sort()
            .join(' '),
        ),
      );
    expect(groups(found.groupOf)).toEqual(groups(corpus.duplicateGroup));
    // Each copy names the other articles of its group.
    const sourceOf = new Map(corpus.passages.map((passage) => [passage.id, passage.source.id]));
    for (const [id, sources] of found.alsoIn) {
      const others = [...found.groupOf]
        .filter(([other, group]) => group === found.groupOf.get(id) && sourceOf.get(other) !== sourceOf.get(id))
        .map(([other]) => sourceOf.get(other)!);
      expect(sources.map((source) => source.id).sort(), id).toEqual([...new Set(others)].sort());
    }
  });

  it('reports each bad file by name and reason, and loads the rest', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(SEED_DIR, SEEDS.voa), join(dir, SEEDS.voa));
      await writeFile(join(dir, 'empty.txt'), '');
      await writeFile(join(dir, 'blank.txt'), '  \n\n  ');
      await writeFile(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      await writeFile(
        join(dir, 'latin1.txt'),
        Buffer.from('Caf\xe9 in Baghdad was closed by the militias on Sunday night.', 'latin1'),
      );
      await writeFile(join(dir, 'huge.txt'), 'word '.repeat(10_000));
      await writeFile(join(dir, 'photo.pdf'), 'not an article');
      await writeFile(join(dir, 'furniture-only.txt'), 'READ | Some other story\n\nRelated Stories');
      await writeFile(join(dir, 'orphan.meta.json'), '{"outlet": "Nobody"}');
      await mkdir(join(dir, 'unreadable.txt'));
      const corpus = await loadCorpus(dir, { maxArticleBytes: 40_000 });
      expect(corpus.sources.map((source) => source.file)).toEqual([SEEDS.voa]);
      expect(Object.fromEntries(corpus.errors.map((error) => [error.file, error.message]))).toEqual({
        'binary.txt': 'is binary, not text',
        'blank.txt': 'is empty',
        'empty.txt': 'is empty',
        'furniture-only.txt': 'has no article text left after removing page furniture',
        'huge.txt': 'is 49 KB, over the 40 KB limit (MAX_ARTICLE_BYTES)',
        'latin1.txt': 'is not UTF-8 text (save it as UTF-8)',
        'orphan.meta.json': 'is metadata for an article that is not in the corpus',
        'photo.pdf': 'has an unsupported type; articles are .txt, .md, .markdown, .html, .htm',
      });
    });
  });

  it('refuses a second copy of the same article', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(SEED_DIR, SEEDS.voa), join(dir, SEEDS.voa));
      await copyFile(join(SEED_DIR, SEEDS.voa), join(dir, 'voa-copy.txt'));
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.sources).toHaveLength(1);
      expect(corpus.errors).toEqual([
        { file: 'voa-copy.txt', message: `is the same article as ${SEEDS.voa} (same title); it was skipped` },
      ]);
    });
  });

  it('reads Markdown with YAML front matter, and a sidecar overrides what the file says', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'story.md'),
        '---\ntitle: Embassy talks resume\noutlet: Example Wire\ndate: 2020-10-02\nurl: https://example.org/story\nauthor: Jane Q. Reporter\n---\n\n# Embassy talks resume\n\nIraqi and **US** officials met in [Baghdad](https://example.org/b) on Thursday to discuss the embassy.\n\n![a photo](x.jpg)\n',
      );
      let corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.errors).toEqual([]);
      expect(corpus.sources[0]).toMatchObject({
        title: 'Embassy talks resume',
        titleOrigin: 'front-matter',
        outlet: 'Example Wire',
        url: 'https://example.org/story',
        author: 'Jane Q. Reporter',
        date: { value: '2020-10-02', precision: 'day' },
      });
      expect(corpus.passages.map((passage) => passage.text)).toEqual([
        'Iraqi and US officials met in Baghdad on Thursday to discuss the embassy.',
      ]);
      const id = corpus.sources[0]!.id;

      await writeFile(join(dir, 'story.meta.json'), '{"outlet": "Corrected Wire", "date": "2020-10", "author": null}');
      corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.sources[0]).toMatchObject({
        outlet: 'Corrected Wire',
        date: { value: '2020-10', precision: 'month' },
        author: null,
        titleOrigin: 'front-matter',
      });
      expect(corpus.sources[0]!.id).toBe(id);
    });
  });

  it('reports a malformed sidecar and loads its article without it', async () => {
    await withTempDir(async (dir) => {
      await copyFile(join(SEED_DIR, SEEDS.voa), join(dir, SEEDS.voa));
      await writeFile(join(dir, '004_232c69b19052f130.meta.json'), '{"date": "28 Sept"}');
      const corpus = await loadCorpus(dir, LOAD_OPTIONS);
      expect(corpus.sources[0]!.date).toEqual({ value: '2020-09-28', precision: 'day' });
      expect(corpus.errors).toEqual([
        {
          file: '004_232c69b19052f130.meta.json',
          message: 'field "date" must be YYYY, YYYY-MM or YYYY-MM-DD; the article loads without it',
        },
      ]);
    });
  });

  it('reports a folder that does not exist as an operational error naming CORPUS_DIR', async () => {
    await expect(loadCorpus('no/such/folder', LOAD_OPTIONS)).rejects.toThrow(
      /Cannot read the corpus folder "no\/such\/folder" \(ENOENT\)\. Set CORPUS_DIR/,
    );
  });
});
