/**
 * Issue 16, finding 3: one rebuild per change. A reload that finds the folder listed as the live
 * index was built from (names, sizes, modification times) rebuilds nothing and says so; so the
 * folder watcher's reload after the bot's own /corpus edit (which rebuilt already) is free. The
 * bot-level check, with the watcher running, is in discord-corpus.test.ts (WATCH_CORPUS).
 */
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/adapters/cli/run.ts';
import { runCommand } from '../src/app/commands.ts';
import { corpusReloadSchema } from '../src/contract/schema.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

/** Counts builds: a build reports progress 0/N before reading the first article. */
function buildCounter(): { onProgress: (progress: { done: number }) => void; readonly count: number } {
  let count = 0;
  return {
    onProgress: ({ done }) => void (done === 0 && count++),
    get count() {
      return count;
    },
  };
}

describe('a reload of a folder that has not changed', () => {
  it('rebuilds nothing after an edit that already rebuilt, and says so', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const voa = library.current.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    const edited = await runCommand(
      'corpus',
      { subcommand: 'meta', source: voa.id, field: 'outlet', value: 'Voice of America' },
      { library, invoker: { via: 'cli', isModerator: true } },
    );
    expect(edited).toMatchObject({
      action: 'meta',
      rebuilt: true,
      changes: { changed: [], added: ['004_232c69b19052f130.meta.json'] },
    });
    const afterEdit = library.current;

    const builds = buildCounter();
    const report = await library.reload({ onProgress: builds.onProgress });
    expect(builds.count).toBe(0);
    expect(report).toMatchObject({ rebuilt: false, changes: { added: [], removed: [], changed: [] } });
    expect(report.snapshot).toBe(afterEdit);
    expect(library.current).toBe(afterEdit);
  });

  it('rebuilds once a file is added or touched, and not again until the folder changes', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const builds = buildCounter();
    await writeFile(
      join(dir, 'late.md'),
      '---\ntitle: A late article about the embassy talks\n---\n\nOfficials met again on Friday to discuss the embassy.\n',
    );
    expect(await library.reload({ onProgress: builds.onProgress })).toMatchObject({
      rebuilt: true,
      changes: { added: ['late.md'] },
    });
    await utimes(join(dir, SEEDS.voa), new Date('2030-01-01'), new Date('2030-01-01'));
    // Touched, same bytes: rebuilt (the listing differs), and no change by content.
    expect(await library.reload({ onProgress: builds.onProgress })).toMatchObject({
      rebuilt: true,
      changes: { added: [], removed: [], changed: [] },
    });
    expect(builds.count).toBe(2);
    expect((await library.reload({ onProgress: builds.onProgress })).rebuilt).toBe(false);
    expect(builds.count).toBe(2);
  });

  it('answers `corpus reload` with "Already up to date" on a terminal, and `rebuilt: false` in JSON', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    const log = memoryLogger().log;
    const text = await runCli(['corpus', 'reload'], { openLibrary: async () => library, log });
    expect(text.stdout).toMatch(
      /^Already up to date\n\nAnswering from\n {2}5 articles, 41 passages, loaded .* UTC\n {2}The folder lists as this index was built from \(names, sizes, times\), so nothing was rebuilt\.\n\nFiles since the last build\n {2}None added, removed or changed\.\n$/,
    );
    const json = await runCli(['corpus', 'reload', '--json'], { openLibrary: async () => library, log });
    expect(corpusReloadSchema.parse(JSON.parse(json.stdout))).toMatchObject({
      rebuilt: false,
      loadedAt: library.current.loadedAt.toISOString(),
    });
  });
});
