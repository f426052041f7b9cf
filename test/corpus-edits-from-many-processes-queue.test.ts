/**
 * Issue 16, finding 8: edits from several processes queue on a lock file in the corpus folder, so
 * the duplicate check of each sees the others' changes: eight CLI adds of one text under eight
 * names, started together, add it once (they used to add it four times). A lock whose holder is
 * gone is taken over; one held by a live process is waited for, then refused with a clear message.
 */
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusEditSchema, errorSchema } from '../src/contract/schema.ts';
import { LOCK_NAME, withFolderLock } from '../src/corpus/lock.ts';
import { OperationalError } from '../src/errors.ts';
import { runCliProcess } from './support/cliProcess.ts';
import { useTempCorpus, writeUpload } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n\nA State Department spokesman declined to comment.\n';

/** The id of a process that has exited (so no process runs under it, short of reuse). */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('edits from several processes', () => {
  it('queue: eight parallel adds of one text under eight names add it once, and the seven others are refused as duplicates', {
    timeout: 120_000,
  }, async () => {
    const upload = await writeUpload(dir, 'upload.md', ARTICLE);
    const env = { CORPUS_DIR: dir, LOG_LEVEL: 'silent' };
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runCliProcess(['corpus', 'add', upload, '--name', `packing-${i}.md`, '--json'], env),
      ),
    );

    const accepted = runs.filter((run) => run.code === 0);
    expect(accepted).toHaveLength(1);
    expect(corpusEditSchema.parse(JSON.parse(accepted[0]!.stdout)).sources).toBe(6);
    for (const run of runs.filter((candidate) => candidate.code !== 0)) {
      expect(run.code).toBe(2);
      expect(errorSchema.parse(JSON.parse(run.stdout)).error).toMatchObject({
        code: 'duplicate',
        message: expect.stringMatching(
          /^"packing-\d\.md" is the same article as “Embassy staff begin to pack” \(packing-\d\.md, id [0-9a-f]{6}; same title\)/,
        ),
      });
    }
    const files = await readdir(dir);
    expect(files.filter((name) => name.startsWith('packing-'))).toHaveLength(1);
    expect(files).not.toContain(LOCK_NAME);
  });

  it('take over a lock whose holder is gone', { timeout: 30_000 }, async () => {
    await writeFile(
      join(dir, LOCK_NAME),
      JSON.stringify({ pid: await deadPid(), host: hostname(), token: 'left-by-a-crash' }),
    );
    const upload = await writeUpload(dir, 'upload.md', ARTICLE);
    const run = await runCliProcess(['corpus', 'add', upload, '--json'], { CORPUS_DIR: dir, LOG_LEVEL: 'silent' });
    expect(run.code).toBe(0);
    expect(await readdir(dir)).not.toContain(LOCK_NAME);
  });

  it('wait for a live holder, in order', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = withFolderLock(dir, async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first out');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withFolderLock(dir, async () => void order.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(['first in']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('give up on a live holder after the wait, saying who holds the lock and what to do', async () => {
    // This test process is alive; a lock naming it with a token it holds would be ours, so a child's pid is used.
    const child = execFile(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, LOCK_NAME), JSON.stringify({ pid: child.pid, host: hostname(), token: 'busy' }));
      const failure = await withFolderLock(dir, async () => 'ran', { waitMs: 0 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OperationalError);
      expect(failure).toMatchObject({
        code: 'corpus_busy',
        message: `The corpus folder is being changed by another Dossier process (pid ${child.pid}). Try again once it has finished; if no Dossier is running there, delete the file .dossier.lock in the corpus folder.`,
      });
    } finally {
      child.kill();
    }
  });
});
