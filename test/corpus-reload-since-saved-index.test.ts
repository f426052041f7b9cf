/**
 * Issue 16, finding 4: `corpus reload` reports the changes since the saved index, not since the
 * load the same process just made; and the index is saved by default (`.dossier.index` in
 * CORPUS_DIR), INDEX_PATH moves it, INDEX_PATH=off turns saving off. Real CLI processes, as a
 * moderator runs them beside the bot.
 */
import { access, appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_FILE, indexPathOf, parseConfig } from '../src/config.ts';
import { corpusReloadSchema } from '../src/contract/schema.ts';
import { SEEDS } from './support/corpus.ts';
import { runCliProcess } from './support/cliProcess.ts';
import { useTempCorpus } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n';

async function reload(env: Record<string, string>) {
  const run = await runCliProcess(['corpus', 'reload', '--json'], { LOG_LEVEL: 'silent', CORPUS_DIR: dir, ...env });
  expect(run.code).toBe(0);
  return corpusReloadSchema.parse(JSON.parse(run.stdout));
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Changes the folder as someone would between two runs: one article added, one changed, one removed. */
async function changeTheFolder(): Promise<void> {
  await writeFile(join(dir, 'packing.md'), ARTICLE);
  await appendFile(
    join(dir, SEEDS.hill),
    '\nOne more paragraph was added to this article by the outlet later that day.\n',
  );
  await rm(join(dir, SEEDS.voa));
}

const CHANGES = { added: ['packing.md'], removed: [SEEDS.voa], changed: [SEEDS.hill] };

describe('cli corpus reload', () => {
  it('reports what changed since the index the last run saved (by default in the corpus folder), then nothing', {
    timeout: 60_000,
  }, async () => {
    expect((await reload({})).changes).toEqual({ added: [], removed: [], changed: [] });
    expect(await exists(join(dir, DEFAULT_INDEX_FILE))).toBe(true);
    await changeTheFolder();
    expect(await reload({})).toMatchObject({ rebuilt: true, sources: 5, changes: CHANGES });
    expect(await reload({})).toMatchObject({ rebuilt: false, changes: { added: [], removed: [], changed: [] } });
  });

  it('saves the index at INDEX_PATH instead, and reports from there', { timeout: 60_000 }, async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'dossier-index-'));
    try {
      const env = { INDEX_PATH: join(elsewhere, 'state', 'dossier.index') };
      await reload(env);
      expect(await readdir(join(elsewhere, 'state'))).toEqual([
        'dossier.index',
        'dossier.index.files.json',
        'dossier.index.minisearch.json',
      ]);
      expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
      await changeTheFolder();
      expect((await reload(env)).changes).toEqual(CHANGES);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('saves nothing with INDEX_PATH=off, and then has nothing to compare with', { timeout: 60_000 }, async () => {
    await reload({ INDEX_PATH: 'off' });
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
    await changeTheFolder();
    expect((await reload({ INDEX_PATH: 'off' })).changes).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('INDEX_PATH', () => {
  it.each([
    [{}, resolve('corpus', '.dossier.index')],
    [{ CORPUS_DIR: '/srv/news' }, '/srv/news/.dossier.index'],
    [{ INDEX_PATH: 'var/dossier.index' }, resolve('var/dossier.index')],
    [{ INDEX_PATH: '/var/lib/dossier/index' }, '/var/lib/dossier/index'],
    [{ INDEX_PATH: 'off' }, null],
    [{ INDEX_PATH: ' OFF ' }, null],
    [{ INDEX_PATH: '' }, resolve('corpus', '.dossier.index')],
  ])('reads %j as %j', (env, expected) => {
    expect(indexPathOf(parseConfig(env))).toBe(expected);
  });
});
