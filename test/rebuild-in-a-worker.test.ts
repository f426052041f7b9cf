/**
 * Issue 16, finding 2: reloads rebuild in a worker thread. Reading, cleaning, indexing and saving
 * happen there; the thread that answers keeps answering from the live index, assembles the result
 * in short slices, and swaps. A build that fails there keeps the old index and says why.
 */
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationalError } from '../src/errors.ts';
import { Library } from '../src/library.ts';
import { buildFromFolder, savedContents } from '../src/rebuild/build.ts';
import { handOver, takeOver } from '../src/rebuild/handover.ts';
import { buildInWorker } from '../src/rebuild/inWorker.ts';
import { packIndexFile, unpackIndexFile, writeIndexFile } from '../src/search/indexFile.ts';
import type { CompactIndex } from '../src/search/compact.ts';
import { runSteps } from '../src/steps.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus, writeGeneratedArticles } from './support/tempCorpus.ts';
import { answersOf } from './support/answers.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

/** Worker threads started while a test runs (Node emits `worker` on the process for each). */
let started: Worker[] = [];
const onWorker = (worker: Worker) => void started.push(worker);
beforeEach(() => {
  started = [];
  process.on('worker', onWorker);
});
afterEach(() => void process.off('worker', onWorker));

const QUESTIONS = [
  'What did the embassy officials say about the rocket attacks?',
  'Who threatened to close the embassy in Baghdad?',
  'refinery convoy near the border',
  'How long would closing the embassy take?',
];

const answers = (library: Library) => answersOf(library, QUESTIONS);

describe('a reload in a worker thread', () => {
  it('keeps this thread answering from the old index meanwhile, saves the index, and answers the same after', {
    timeout: 120_000,
  }, async () => {
    await writeGeneratedArticles(dir, 400);
    const indexPath = join(dir, '.dossier.index');
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath });
    const old = library.current;
    expect(old.corpus.passages.length).toBeGreaterThan(3000);
    const before = await answers(library);
    expect(before.flat().length).toBeGreaterThan(0);
    expect(started).toHaveLength(0); // start-up builds in this thread: nothing answers yet

    await utimes(join(dir, SEEDS.voa), new Date('2030-01-01'), new Date('2030-01-01')); // same bytes, new listing: a full rebuild
    const progress: string[] = [];
    let reloading = true;
    let answered = 0;
    const reload = library
      .reload({ onProgress: ({ done, total }) => void progress.push(`${done}/${total}`) })
      .finally(() => (reloading = false));
    const asking = (async () => {
      while (reloading) {
        expect(library.current).toBe(old); // the old index answers until the swap
        await answers(library);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const report = await reload;
    await asking;

    expect(started).toHaveLength(1);
    // How long this thread pauses meanwhile is for the benchmark (bench/reload.ts), not a test.
    expect(answered).toBeGreaterThan(3);
    expect(report.rebuilt).toBe(true);
    expect(report.changes).toEqual({ added: [], removed: [], changed: [] });
    expect(library.current).toBe(report.snapshot);
    expect(report.snapshot.corpus.passages.map((passage) => passage.id)).toEqual(
      old.corpus.passages.map((passage) => passage.id),
    );
    expect(await answers(library)).toEqual(before);
    // Progress came across from the worker: 0 of N first, then after every article, in order.
    const total = old.corpus.sources.length;
    expect(progress).toEqual(Array.from({ length: total + 1 }, (_, done) => `${done}/${total}`));

    // The worker saved the index: the next start reads it rather than the articles.
    const logger = memoryLogger();
    const next = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath, log: logger.log });
    expect(logger.lines().map((line) => line.event)).toContain('index_loaded');
    expect(await answers(next)).toEqual(before);
  });

  it('reports progress from the worker, and the index it built answers the new articles', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await writeGeneratedArticles(dir, 3);
    const seen: string[] = [];
    const report = await library.reload({ onProgress: ({ done, total }) => void seen.push(`${done}/${total}`) });
    expect(seen).toEqual(['0/8', '1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']);
    expect(report.changes.added).toEqual(['gen-0000.md', 'gen-0001.md', 'gen-0002.md']);
    expect(report.snapshot.passageById.size).toBe(report.snapshot.corpus.passages.length);
    expect(report.snapshot.sourceById.size).toBe(8);
  });
});

// This thread compares each passage of the result with the live one of the same id, whether the
// worker saved the index or not.
describe.each([
  ['with a saved index', true],
  ['without a saved index', false],
])('what the new index takes over from the live one, %s', (_, saved) => {
  const persist = () => (saved ? { indexPath: join(dir, '.dossier.index') } : {});

  it('the passages and sources that did not change are the live objects; the edited paragraph is new', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, persist());
    const old = library.current;
    const path = join(dir, SEEDS.hill);
    await writeFile(path, (await readFile(path, 'utf8')).replace('he said.', 'he said on Sunday.'));
    const { snapshot } = await library.reload();
    const fresh = snapshot.corpus.passages.filter((passage) => old.passageById.get(passage.id) !== passage);
    expect(fresh.map((passage) => [passage.source.file, passage.text.includes('he said on Sunday.')])).toEqual([
      [SEEDS.hill, true],
    ]);
    expect(snapshot.corpus.sources.every((source, i) => source === old.corpus.sources[i])).toBe(true);
    expect(snapshot.passageById.get(fresh[0]!.id)).toBe(fresh[0]);
  });

  it('a source whose metadata changed is new, and so are its passages; the others are kept', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, persist());
    const old = library.current;
    await writeFile(join(dir, SEEDS.voa.replace('.txt', '.meta.json')), '{ "outlet": "Voice of America" }');
    const { snapshot } = await library.reload();
    const voa = snapshot.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    expect(voa.outlet).toBe('Voice of America');
    expect(old.corpus.sources).not.toContain(voa);
    expect(snapshot.corpus.sources.filter((source) => old.corpus.sources.includes(source))).toHaveLength(4);
    for (const passage of snapshot.corpus.passages) {
      const kept = old.passageById.get(passage.id) === passage;
      expect(kept, passage.id).toBe(passage.source !== voa);
      expect(passage.source).toBe(snapshot.sourceById.get(passage.source.id));
    }
  });
});

describe('a build that fails in the worker', () => {
  it('keeps the old index answering and says why: the folder is gone', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const old = library.current;
    const before = await answers(library);
    await rename(dir, `${dir}-moved`);
    try {
      const failure = await library.reload().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OperationalError);
      expect((failure as OperationalError).code).toBe('reload_failed');
      expect((failure as Error).message).toBe(
        `The reload failed: the corpus folder is gone (ENOENT); the old index was kept. Still answering from the 5 articles loaded at ${old.loadedAt.toISOString()}.`,
      );
      expect(library.current).toBe(old);
      expect(library.reloading).toBe(false);
      expect(await answers(library)).toEqual(before);
    } finally {
      await rename(`${dir}-moved`, dir);
    }
    // Once the folder is back, the next reload works.
    expect((await library.reload()).changes).toEqual({ added: [], removed: [], changed: [] });
  });

  it('keeps the old index, and the saved one, when the folder has no article left', async () => {
    const indexPath = join(dir, '.dossier.index');
    const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath });
    const old = library.current;
    const saved = await readFile(indexPath);
    for (const file of Object.values(SEEDS)) await rm(join(dir, file));
    await expect(library.reload()).rejects.toThrow(
      /^The reload found no article in the corpus folder .*so the old index was kept\. Still answering from the 5 articles/,
    );
    expect(library.current).toBe(old);
    // Refused in the worker before it saved anything.
    expect((await readFile(indexPath)).equals(saved)).toBe(true);
  });

  it('rejects with the reason when the worker itself dies (out of memory), rather than hang', async () => {
    const request = { dir, load: LOAD_OPTIONS, listing: null };
    const failure = await buildInWorker(
      request,
      {},
      { resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } },
    ).catch((error: unknown) => error);
    expect((failure as NodeJS.ErrnoException).code).toBe('ERR_WORKER_OUT_OF_MEMORY');
    // The next build starts a fresh worker and succeeds.
    expect((await buildInWorker(request)).corpus.sources).toHaveLength(5);
  });
});

describe('a packed snapshot (what the worker hands over)', () => {
  it('unpacks, after a transfer, to the corpus and index built, and writes the bytes writeIndexFile writes', async () => {
    await writeGeneratedArticles(dir, 20);
    const request = { dir, load: LOAD_OPTIONS, listing: 'listing' };
    const built = await buildFromFolder(request);
    const contents = await savedContents(request, built);
    const now = () => new Date('2026-01-01T00:00:00Z');
    const image = packIndexFile(contents, { now });
    await writeIndexFile(join(dir, '.streamed'), contents, { now });
    await image.write(join(dir, '.packed'));
    expect((await readFile(join(dir, '.packed'))).equals(await readFile(join(dir, '.streamed')))).toBe(true);

    const original = built.backend.data;
    const postings = [
      original.postingStart.slice(),
      original.postingDocs.slice(),
      original.postingCounts.slice(),
      original.termScoreMax.slice(),
      original.passageSource.slice(),
    ];
    const derived = structuredClone(image.packed.derived);
    const handover = handOver(image.packed);
    expect(image.packed.sections.postingDocs!.byteLength).toBe(0); // moved, not copied
    // What the index derives, the written forms' trie included, comes moved too: never built again here.
    expect(image.packed.derived.forms.termOf.byteLength).toBe(0);
    const moved = runSteps(takeOver(structuredClone(handover, { transfer: [handover.port] })));
    const { corpus, index } = runSteps(unpackIndexFile(moved));
    expect(corpus.passages).toEqual(built.corpus.passages);
    expect(corpus.sources).toEqual(built.corpus.sources);
    expect(corpus.alsoIn).toEqual(built.corpus.alsoIn);
    expect(corpus.duplicateGroup).toEqual(built.corpus.duplicateGroup);
    expect(corpus.errors).toEqual(built.corpus.errors);
    expect((await stat(join(dir, '.packed'))).size).toBeGreaterThan(10_000);
    const data = (index.backend as CompactIndex).data;
    expect([data.postingStart, data.postingDocs, data.postingCounts, data.termScoreMax, data.passageSource]).toEqual(
      postings,
    );
    expect(data.terms).toEqual(original.terms);
    expect(data.forms).toEqual(original.forms);
    expect(data.averageLength).toBe(original.averageLength);
    expect(data.initials).toEqual(original.initials);
    expect((index.backend as CompactIndex).derived).toEqual(derived);
    expect(derived.forms.termOf.length).toBeGreaterThan(data.terms.length);
  });

  it('takes terms from a live vocabulary that differs (terms gone, added, longer, accented; forms changed) and still gives exactly the terms built', async () => {
    await writeGeneratedArticles(dir, 20);
    const request = { dir, load: LOAD_OPTIONS, listing: 'listing' };
    const built = await buildFromFolder(request);
    const { terms, forms } = built.backend.data;
    const live = terms.flatMap((term, i) => {
      // Only live: the term with a letter more, plain or accented (its UTF-8 a prefix's bytes and more).
      const extra = i % 3 === 0 ? [[`${term}é`, 'é'] as const, [`${term}a`, 'a'] as const] : [];
      if (i % 2 === 0) return extra; // gone from the live index
      const form = i % 5 === 0 ? `${forms[i]}x` : forms[i]!; // written otherwise
      return [[term, form] as const, ...extra];
    });
    live.sort(([a], [b]) => (a < b ? -1 : 1));
    const vocabulary = { terms: live.map(([term]) => term), forms: live.map(([, form]) => form) };
    const image = packIndexFile(await savedContents(request, built));
    const reuse = { passage: () => undefined, source: () => undefined, vocabulary };
    const data = (runSteps(unpackIndexFile(image.packed, reuse)).index.backend as CompactIndex).data;
    expect(data.terms).toEqual(terms);
    expect(data.forms).toEqual(forms);
  });
});
