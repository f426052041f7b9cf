/**
 * `npm run bench`'s reload measurement (bench/reload.ts): the pauses of the answering process while
 * a reload rebuilds, per way of rebuilding and change to the folder. Asserts the plumbing, not speed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../bench/main.ts';
import { formatReloads, parseReloadCases, runReloadBench } from '../bench/reload.ts';
import { UsageError } from '../bench/process.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';

describe('the reload cases', () => {
  it('read where to rebuild and what changes, touch by default', () => {
    expect(parseReloadCases('worker,here:replace')).toEqual([
      { rebuildIn: 'worker', change: 'touch' },
      { rebuildIn: 'here', change: 'replace' },
    ]);
    expect(parseReloadCases('none')).toEqual([]);
    expect(parseBenchArgs(['--reload', 'worker:touch']).reload).toEqual([{ rebuildIn: 'worker', change: 'touch' }]);
    expect(() => parseBenchArgs(['--reload', 'thread'])).toThrow(UsageError);
    expect(parseBenchArgs(['--pathological', 'no']).pathological).toBe(false);
    expect(() => parseBenchArgs(['--pathological', 'maybe'])).toThrow(UsageError);
  });
});

describe('a tiny reload run', () => {
  it('swaps another corpus in, rebuilds in a worker while answering, reports the pauses and the rebuild time, and puts the folder back', {
    timeout: 180_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-bench-reload-'));
    try {
      const runs = await runReloadBench({
        passages: 300,
        seed: 7,
        dir,
        cases: parseReloadCases('worker:replace'),
        idleSeconds: 1,
        questionEveryMs: 50,
      });
      expect(runs.map((run) => [run.rebuildIn, run.change, run.reused])).toEqual([['worker', 'replace', 0]]);
      const [run] = runs;
      expect(run!.rebuildMs).toBeGreaterThan(0);
      expect(run!.phases.savedMs).toBeLessThanOrEqual(run!.rebuildMs);
      expect(run!.answers.count).toBeGreaterThan(0);
      expect(run!.during.ms).toBeGreaterThan(0);
      expect(run!.during.longestPauseMs).toBeGreaterThanOrEqual(0);
      expect(formatReloads(runs)).toMatch(/worker thread\s+all replaced/);
      // The folder and its saved index are as before: the next start reads that index.
      const logger = memoryLogger();
      const library = await Library.open(join(dir, 'corpus'), LOAD_OPTIONS, undefined, {
        indexPath: join(dir, 'index.snapshot'),
        log: logger.log,
      });
      expect(logger.lines().map((line) => line.event)).toContain('index_loaded');
      expect(library.current.corpus.passages.length).toBeGreaterThan(250);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
