/**
 * The library under live refreshes: rebuilds beside the live snapshot and swap in at once; a
 * failed rebuild keeps the old one; reloads asked for together take turns; `changes` comes from
 * file fingerprints; passage ids survive reloads.
 */
import { appendFile, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/app/commands.ts';
import { TEMP_PREFIX } from '../src/corpus/files.ts';
import { diffFingerprints, fingerprint } from '../src/corpus/fingerprint.ts';
import { watchFolder } from '../src/corpus/watch.ts';
import { Library, type Snapshot } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { useTempCorpus, writeGeneratedArticles } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const moderator = { via: 'cli', isModerator: true } as const;

/** A new modification time, same content: the folder lists differently, so a reload rebuilds (and finds no change by content). */
let touches = 0;
function touch(path: string): Promise<void> {
  const at = new Date(Date.UTC(2030, 0, 1, 0, 0, ++touches));
  return utimes(path, at, at);
}

async function ask(library: Library, question: string) {
  const result = await runCommand('ask', { question }, { library, invoker: moderator });
  if (result.kind !== 'ask') throw new Error('not an ask result');
  return result;
}

describe('an atomic swap', () => {
  it('answers every question asked during a rebuild from one complete snapshot, and none fails', {
    timeout: 60_000,
  }, async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const old = library.current;
    await writeGeneratedArticles(dir, 150);

    const seen: Array<{ snapshot: Snapshot; ids: string[] }> = [];
    let finished = false;
    const reload = library.reload().finally(() => (finished = true));
    // Questions in a loop while the rebuild runs, one a millisecond at most like real askers (the
    // rebuild runs in a worker: back to back, this thread would answer a hundred thousand of them).
    while (!finished) {
      const snapshot = library.current;
      const result = await ask(library, 'What did the embassy officials say about the rocket attacks?');
      seen.push({ snapshot, ids: result.search.hits.map((hit) => hit.passage.id) });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const report = await reload;

    expect(report.previous).toBe(old);
    expect(report.snapshot.corpus.sources).toHaveLength(155);
    expect(report.changes.added).toHaveLength(150);
    // Many questions were answered while the rebuild ran, all from the old snapshot until the swap.
    expect(seen.filter((entry) => entry.snapshot === old).length).toBeGreaterThan(5);
    for (const { snapshot, ids } of seen) {
      expect([old, report.snapshot]).toContain(snapshot);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => snapshot.passageById.has(id))).toBe(true);
    }
    // After the swap, the new articles answer.
    expect(library.current).toBe(report.snapshot);
    expect((await ask(library, 'refinery')).search.hits[0]?.passage.source.outlet).toBe('Generated Wire');
  });

  it('tells how far a rebuild has got: 0 of N first, then after every article', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await touch(join(dir, SEEDS.voa)); // something to rebuild for
    const seen: string[] = [];
    await library.reload({ onProgress: ({ done, total }) => seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
  });
});

describe('a failed rebuild', () => {
  // The folder gone: test/rebuild-in-a-worker.test.ts ('keeps the old index answering and says why').
  it('keeps the old snapshot when the folder is replaced by a file', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const old = library.current;
    await rm(dir, { recursive: true });
    await writeFile(dir, 'not a folder');
    await expect(library.reload()).rejects.toThrow(
      /^The reload failed: the corpus folder is not a folder \(ENOTDIR\); the old index was kept\./,
    );
    expect(library.current).toBe(old);
  });

  it('says a change was saved when the rebuild after it fails', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const old = library.current;
    try {
      await expect(library.edit(() => rename(dir, `${dir}-moved`))).rejects.toThrow(
        /^The change was saved in the corpus folder, but the reload failed: the corpus folder is gone \(ENOENT\); the old index was kept\./,
      );
    } finally {
      await rename(`${dir}-moved`, dir);
    }
    expect(library.current).toBe(old);
  });

  // No article left: test/rebuild-in-a-worker.test.ts ('keeps the old index, and the saved one').
});

describe('two reloads at once', () => {
  it('share one rebuild when both are asked for before it starts', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await touch(join(dir, SEEDS.voa));
    let builds = 0;
    const first = library.reload({ onProgress: ({ done }) => void (done === 0 && builds++) });
    const second = library.reload();
    expect(second).toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(builds).toBe(1);
  });

  it('make the second wait for the first, then rebuild again so it sees what changed meanwhile', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await touch(join(dir, SEEDS.voa));
    let started: () => void = () => undefined;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const first = library.reload({ onProgress: ({ done }) => void (done === 0 && started()) });
    await firstStarted; // the first has listed the folder
    expect(library.reloading).toBe(true);
    await writeFile(
      join(dir, 'late.md'),
      '---\ntitle: A late article about the embassy talks\n---\n\nOfficials met again on Friday to discuss the future of the embassy in Baghdad.\n',
    );
    const second = library.reload();
    const third = library.reload();
    expect(third).toBe(second); // requests made while one runs share the next rebuild

    const order: string[] = [];
    const [one, two] = await Promise.all([
      first.then((report) => {
        order.push('first');
        return report;
      }),
      second.then((report) => {
        order.push('second');
        return report;
      }),
    ]);
    expect(order).toEqual(['first', 'second']);
    expect(one.changes.added).toEqual([]);
    expect(two.previous).toBe(one.snapshot);
    expect(two.changes.added).toEqual(['late.md']);
    expect(library.current).toBe(two.snapshot);
  });
});

describe('changes between builds', () => {
  it('lists added, removed and changed files by content, not by a touched mtime', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await writeFile(
      join(dir, 'new.txt'),
      'A new article says the embassy will stay open for now, officials said on Tuesday.\n',
    );
    await rm(join(dir, SEEDS.voa));
    await appendFile(
      join(dir, SEEDS.hill),
      '\nOne more paragraph was added to this article by the outlet later that day.\n',
    );
    await utimes(join(dir, SEEDS.republic), new Date(), new Date('2030-01-01')); // touched, same content
    await writeFile(join(dir, '003_84fe4f099db4658b.meta.json'), '{ "outlet": "The Hill", "date": "2020-09-27" }');

    const report = await library.reload();
    expect(report.changes).toEqual({
      added: ['new.txt'],
      removed: [SEEDS.voa],
      changed: ['003_84fe4f099db4658b.meta.json', SEEDS.hill],
    });
    expect(report.snapshot.files.get('new.txt')).toMatchObject({
      size: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('fingerprints files it refuses too, so fixing one shows as a change', async () => {
    const library = await Library.open(dir, { maxArticleBytes: 40_000 });
    await writeFile(join(dir, 'huge.txt'), 'word '.repeat(10_000));
    await writeFile(join(dir, 'notes.pdf'), 'not an article');
    const first = await library.reload();
    expect(first.changes.added).toEqual(['huge.txt', 'notes.pdf']);
    expect(first.snapshot.files.get('huge.txt')?.hash).toBeNull();
    await writeFile(join(dir, 'huge.txt'), 'A short article now, about the embassy in Baghdad and its staff.\n');
    expect((await library.reload()).changes).toEqual({ added: [], removed: [], changed: ['huge.txt'] });
  });

  it('compares by hash when both builds read the file, else by size and mtime', () => {
    const a = fingerprint({ size: 3, mtimeMs: 1 }, Buffer.from('abc'));
    const touched = fingerprint({ size: 3, mtimeMs: 2 }, Buffer.from('abc'));
    const unread = fingerprint({ size: 3, mtimeMs: 1 }, null);
    expect(diffFingerprints(new Map([['a', a]]), new Map([['a', touched]]))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
    expect(diffFingerprints(new Map([['a', unread]]), new Map([['a', unread]]))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
    expect(diffFingerprints(new Map([['a', unread]]), new Map([['a', a]]))).toEqual({
      added: [],
      removed: [],
      changed: ['a'],
    });
  });
});

describe('the folder watcher', () => {
  it('calls once for a burst of changes, after a quiet spell, and ignores hidden and temporary files', async () => {
    const calls: string[][] = [];
    const watcher = watchFolder(dir, { debounceMs: 100, onChange: (names) => void calls.push([...names].sort()) });
    try {
      await writeFile(join(dir, `${TEMP_PREFIX}123.tmp`), 'half-written');
      await writeFile(join(dir, '.notes.swp'), 'editor');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(calls).toEqual([]);
      await writeFile(join(dir, 'one.md'), 'one');
      await writeFile(join(dir, 'two.md'), 'two');
      await expect.poll(() => calls.length, { timeout: 3000 }).toBe(1);
      expect(calls[0]).toEqual(expect.arrayContaining(['one.md', 'two.md']));
    } finally {
      watcher.close();
    }
    await writeFile(join(dir, 'three.md'), 'three');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(calls).toHaveLength(1);
  });
});

describe('passage ids across reloads', () => {
  it('stay the same when nothing changed, and only the edited paragraph gets a new one', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const before = library.current.corpus.passages.map((passage) => passage.id);
    expect((await library.reload()).snapshot.corpus.passages.map((passage) => passage.id)).toEqual(before);

    const path = join(dir, SEEDS.hill);
    await writeFile(path, (await readFile(path, 'utf8')).replace('he said.', 'he said on Sunday.'));
    const after = (await library.reload()).snapshot.corpus.passages.map((passage) => passage.id);
    expect(after).toHaveLength(before.length);
    expect(after.filter((id, index) => id !== before[index])).toHaveLength(1);
  });
});
