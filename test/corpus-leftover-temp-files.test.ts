/**
 * Issue 16, finding 12: temporary files left by a process killed during an add or an index save
 * are removed at the next start (those of a process still running are left alone), and
 * `.gitignore` covers local `.env.*` files (not `.env.example`) and what Dossier writes into a
 * corpus folder. The CLI runs as a real process, killed by test/support/crashAt.ts.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_FILE } from '../src/config.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS } from './support/corpus.ts';
import { runCliProcess } from './support/cliProcess.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus, writeUpload } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n';
const CRASH = ['--import', './test/support/crashAt.ts'];

const hidden = async () => (await readdir(dir)).filter((name) => name.startsWith('.')).sort();

describe('temporary files a killed process left', () => {
  it('of an add are removed at the next start, and the half-done add is undone', { timeout: 60_000 }, async () => {
    const upload = await writeUpload(dir, 'upload.md', ARTICLE);
    const run = await runCliProcess(
      ['corpus', 'add', upload, '--name', 'packing.md', '--outlet', 'Example Wire'],
      { CORPUS_DIR: dir, INDEX_PATH: 'off', DOSSIER_TEST_CRASH: 'rename:packing.md' },
      CRASH,
    );
    expect(run.signal).toBe('SIGKILL');
    // Its temporary file, its journal, and its lock, whose holder is gone.
    expect(await hidden()).toEqual([
      expect.stringMatching(/^\.dossier-\d+-[0-9a-f]+\.tmp$/),
      '.dossier.journal',
      '.dossier.lock',
    ]);
    expect(await readdir(dir)).toContain('packing.meta.json');

    const logger = memoryLogger();
    await Library.open(dir, LOAD_OPTIONS, undefined, { log: logger.log });
    expect(await hidden()).toEqual([]);
    expect(await readdir(dir)).not.toContain('packing.meta.json');
    expect(logger.lines()).toContainEqual(
      expect.objectContaining({
        event: 'temp_files_removed',
        files: [expect.stringMatching(/^\.dossier-\d+-[0-9a-f]+\.tmp$/)],
      }),
    );
  });

  it('of an index save are removed at the next start, which saves the index whole', { timeout: 60_000 }, async () => {
    const run = await runCliProcess(
      ['corpus', 'status'],
      { CORPUS_DIR: dir, DOSSIER_TEST_CRASH: `rename:${DEFAULT_INDEX_FILE}` },
      CRASH,
    );
    expect(run.signal).toBe('SIGKILL');
    // The build saves the snapshot (src/rebuild/build.ts) before MiniSearch's own index is built (src/search/answeringIndex.ts).
    expect(await hidden()).toEqual([expect.stringMatching(/^\.\.dossier\.index\.\d+\.[0-9a-f]+\.tmp$/)]);

    const again = await runCliProcess(['corpus', 'status'], { CORPUS_DIR: dir, LOG_LEVEL: 'silent' });
    expect(again.code).toBe(0);
    expect(await hidden()).toEqual([
      DEFAULT_INDEX_FILE,
      `${DEFAULT_INDEX_FILE}.files.json`,
      `${DEFAULT_INDEX_FILE}.minisearch.json`,
    ]);
  });

  it('are told apart from those of a process still writing, which stay', async () => {
    const writer = execFile(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, `.dossier-${writer.pid}-0123abcd.tmp`), 'half-written by a live process');
      await writeFile(join(dir, '.dossier-0123456789ab.tmp'), 'from an older Dossier, which did not name its process');
      await Library.open(dir, LOAD_OPTIONS);
      expect(await hidden()).toEqual([`.dossier-${writer.pid}-0123abcd.tmp`]);
    } finally {
      writer.kill();
    }
  });
});

describe('.gitignore', () => {
  // Asked of git in a scratch repository holding only this .gitignore: the project's own is not touched.
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'dossier-gitignore-'));
    execFileSync('git', ['init', '--quiet', repo]);
    await copyFile('.gitignore', join(repo, '.gitignore'));
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  it.each([
    ['.env', true],
    ['.env.local', true],
    ['.env.production', true],
    ['.env.example', false],
    ['corpus/.dossier.index', true],
    ['corpus/.dossier.index.files.json', true],
    ['corpus/.dossier.lock', true],
    ['corpus/.dossier.journal', true],
    ['corpus/.dossier-4242-0123abcd.tmp', true],
    ['corpus/..dossier.index.4242.0123abcd.tmp', true],
    ['corpus/004_232c69b19052f130.txt', false],
  ])('ignores %s: %s', (path, ignored) => {
    const checked = (() => {
      try {
        execFileSync('git', ['-C', repo, 'check-ignore', '--quiet', '--no-index', path]);
        return true;
      } catch (error) {
        if ((error as { status?: number }).status === 1) return false;
        throw error;
      }
    })();
    expect(checked).toBe(ignored);
  });
});
