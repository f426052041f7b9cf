/**
 * Issue 16, finding 9: edits open regular files only, never through a symbolic link (O_NOFOLLOW)
 * and never a FIFO (opened without blocking and refused from its status), so a sidecar linked to
 * a system file is not echoed to a moderator and a FIFO sidecar cannot hang `corpus meta`. The
 * loader lists links and FIFOs as not loaded, each with its reason (they used to be skipped silently).
 */
import { execFileSync } from 'node:child_process';
import { readdir, readFile, rm, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/adapters/cli/run.ts';
import { errorSchema } from '../src/contract/schema.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEED_DIR, SEEDS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { folderState, useTempCorpus } from './support/tempCorpus.ts';
import { cliJson } from './support/cliJson.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const VOA_SIDECAR = '004_232c69b19052f130.meta.json';
const LINK =
  'is a symbolic link; Dossier reads only regular files in the corpus folder (a link may point anywhere), so copy the file itself there';
const FIFO = 'is a named pipe (FIFO), not a file; remove it from the corpus folder';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

async function cli(argv: string[]) {
  const { exitCode, error } = await cliJson(dir, argv);
  return { exitCode, error };
}

describe('corpus meta on a sidecar that is not a regular file', () => {
  it('refuses a sidecar linked to a system file without reading it (exit 2), and leaves the link alone', async () => {
    await symlink('/etc/passwd', join(dir, VOA_SIDECAR));
    const before = await folderState(dir);
    const { exitCode, error } = await cli(['corpus', 'meta', SEEDS.voa, 'outlet', 'VOA']);
    expect(exitCode).toBe(2);
    expect(error).toEqual({ code: 'bad_sidecar', message: `${VOA_SIDECAR} ${LINK}; fix or remove it first.` });
    expect(JSON.stringify(error)).not.toContain('root');
    expect(await folderState(dir)).toEqual(before);
  });

  it('refuses a FIFO sidecar at once instead of waiting for a writer that never comes', async () => {
    mkfifo(join(dir, VOA_SIDECAR));
    expect(await cli(['corpus', 'meta', SEEDS.voa, 'outlet', 'VOA'])).toEqual({
      exitCode: 2,
      error: { code: 'bad_sidecar', message: `${VOA_SIDECAR} ${FIFO}; fix or remove it first.` },
    });
    // And the next edit is not blocked behind it.
    expect((await cli(['corpus', 'meta', SEEDS.hill, 'outlet', 'The Hill (corrected)'])).exitCode).toBe(0);
  });

  it('does not edit an article that became a link after it was loaded: the edit sees the folder as it is', async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await rm(join(dir, SEEDS.voa));
    await symlink(resolve(SEED_DIR, SEEDS.voa), join(dir, SEEDS.voa));
    const { exitCode, stdout } = await runCli(['corpus', 'meta', SEEDS.voa, 'outlet', 'VOA', '--json'], {
      openLibrary: async () => library,
      log: memoryLogger().log,
    });
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(JSON.parse(stdout)).error).toEqual({
      code: 'unknown_source',
      message: `${SEEDS.voa} is not loaded (it ${LINK}); fix the file in the folder, or /corpus remove it.`,
    });
    expect(await readdir(dir)).not.toContain(VOA_SIDECAR);
  });
});

describe('the loader', () => {
  it('lists links and FIFOs as not loaded, each with its reason, and loads the rest', async () => {
    await symlink(resolve(SEED_DIR, SEEDS.voa), join(dir, 'linked-article.txt'));
    await symlink('/etc/passwd', join(dir, '000_9a5ceb7abccd8c58.meta.json'));
    mkfifo(join(dir, 'pipe.txt'));
    const corpus = await loadCorpus(dir, LOAD_OPTIONS);
    expect(corpus.sources).toHaveLength(5);
    expect(corpus.errors).toEqual([
      { file: '000_9a5ceb7abccd8c58.meta.json', message: LINK },
      { file: 'linked-article.txt', message: LINK },
      { file: 'pipe.txt', message: FIFO },
    ]);
    expect(await readFile(join(dir, SEEDS.voa), 'utf8')).toContain('Baghdad');
  });
});
