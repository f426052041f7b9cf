import { randomBytes } from 'node:crypto';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { OperationalError } from '../errors.ts';
import { STATE_PREFIX, isProcessAlive, tempName } from './files.ts';

/**
 * One change to a corpus folder at a time, across processes (the bot's shards, a CLI run beside
 * the bot, eight CLI adds started at once): a lock file in the folder, hidden. Inside one process
 * the library's own queue orders changes; this orders processes.
 *
 * The lock file appears whole (written aside, then hard-linked into place, which fails if a lock
 * is there) and names its holder: process id, host and a token. A lock whose holder is gone (its
 * process no longer runs on this host, or it is this process's and not one it holds) is stale and
 * taken over; breaking it is itself guarded by a second file, so two waiters never both break
 * one lock and then both take a new one.
 */

export const LOCK_NAME = `${STATE_PREFIX}lock`;
const BREAKER_NAME = `${STATE_PREFIX}lock.break`;

/** How long a change waits for another process's change before giving up (default 10 minutes: a rebuild at a million passages takes minutes). */
const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
const POLL_MIN_MS = 20;
const POLL_MAX_MS = 250;

export interface FolderLockOptions {
  /** Give up after this long (an OperationalError `corpus_busy`); 0 gives up at once. */
  readonly waitMs?: number;
}

interface Holder {
  readonly pid: number;
  /** The worker thread in that process (0: the main thread): a lock from another thread of this process is not ours to judge. */
  readonly thread?: number;
  readonly host: string;
  readonly token: string;
}

/** Tokens of the locks this process holds now: a lock file naming this process with another token is a leftover. */
const held = new Set<string>();

/** Runs `work` holding the folder's lock, waiting for it as long as `waitMs`; the lock is released however `work` ends. */
export async function withFolderLock<T>(
  dir: string,
  work: () => Promise<T>,
  options: FolderLockOptions = {},
): Promise<T> {
  const release = await acquire(dir, options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  try {
    return await work();
  } finally {
    await release();
  }
}

/** Runs `work` holding the lock if it is free now; returns null without running it when another process holds it. */
export async function ifFolderUnlocked<T>(dir: string, work: () => Promise<T>): Promise<{ readonly value: T } | null> {
  try {
    return { value: await withFolderLock(dir, work, { waitMs: 0 }) };
  } catch (error) {
    if (error instanceof OperationalError && error.code === 'corpus_busy') return null;
    throw error;
  }
}

async function acquire(dir: string, waitMs: number): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_NAME);
  const me: Holder = { pid: process.pid, thread: threadId, host: hostname(), token: randomBytes(8).toString('hex') };
  const content = `${JSON.stringify(me)}\n`;
  const deadline = Date.now() + waitMs;
  let poll = POLL_MIN_MS;
  // Counted as held from before the lock file appears, so another task of this process never takes it for a leftover.
  held.add(me.token);
  try {
    for (;;) {
      if (await create(dir, path, content)) {
        return async () => {
          // Only our own lock: if the folder was swapped meanwhile, another's stays where it is.
          if ((await readFile(path, 'utf8').catch(() => null)) === content) await rm(path, { force: true });
          held.delete(me.token);
        };
      }
      await waitOrBreak(dir, path, deadline, waitMs, poll);
      poll = Math.min(POLL_MAX_MS, poll * 2);
    }
  } catch (error) {
    held.delete(me.token);
    throw error;
  }
}

/** The lock is taken: breaks it if its holder is gone, else waits a little (or gives up past the deadline). */
async function waitOrBreak(dir: string, path: string, deadline: number, waitMs: number, poll: number): Promise<void> {
  const seen = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? null : Promise.reject(error),
  );
  if (seen === null) return; // released meanwhile: try again at once
  const holder = parseHolder(seen);
  if (holder === null ? await isOld(path) : isStale(holder)) return breakStale(dir, path, seen);
  if (Date.now() >= deadline) throw busy(holder, waitMs);
  await new Promise((resolve) => setTimeout(resolve, Math.min(poll, Math.max(0, deadline - Date.now()))));
}

/** Puts a complete lock file at `path` unless one is there: written aside, then linked in (a link never replaces a file). */
async function create(dir: string, path: string, content: string): Promise<boolean> {
  const temp = join(dir, tempName());
  try {
    await writeFile(temp, content, { flag: 'wx' });
  } catch (error) {
    // The folder is gone, read-only, or not ours: no change can be made in it.
    throw new OperationalError(
      'lock_failed',
      `Cannot lock the corpus folder for a change (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed.`,
      { cause: error },
    );
  }
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: create it in place (a reader may see it empty for an instant; see isOld).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
      return writeFile(path, content, { flag: 'wx' }).then(
        () => true,
        (failure: NodeJS.ErrnoException) => (failure.code === 'EEXIST' ? false : Promise.reject(failure)),
      );
    throw new OperationalError(
      'lock_failed',
      `Cannot lock the corpus folder for a change (${code ?? (error as Error).message}); nothing was changed.`,
      { cause: error },
    );
  } finally {
    await rm(temp, { force: true });
  }
}

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    return {
      pid: value.pid,
      thread: typeof value.thread === 'number' ? value.thread : 0,
      host: value.host,
      token: value.token,
    };
  } catch {
    return null;
  }
}

/** A holder that cannot be holding the lock any more. One on another host cannot be checked, so it is waited for. */
function isStale(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return holder.thread === threadId && !held.has(holder.token);
  return !isProcessAlive(holder.pid);
}

/** A lock file that does not say who holds it is a leftover once it is a few seconds old (it was being written, or it is not Dossier's). */
async function isOld(path: string): Promise<boolean> {
  const stats = await stat(path).catch(() => null);
  return stats === null || Date.now() - stats.mtimeMs > 5_000;
}

/**
 * Removes the stale lock whose content was `seen`, unless it changed meanwhile. Only the process
 * that creates the breaker file may do it; a breaker left by a process that died is removed, and
 * the caller tries again.
 */
async function breakStale(dir: string, path: string, seen: string): Promise<void> {
  const breaker = join(dir, BREAKER_NAME);
  try {
    await writeFile(breaker, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const breakerPid = Number(await readFile(breaker, 'utf8').catch(() => ''));
    if (!isProcessAlive(breakerPid) && (await isOld(breaker))) await rm(breaker, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MIN_MS));
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => null)) === seen) await rm(path, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

function busy(holder: Holder | null, waitMs: number): OperationalError {
  const who = holder
    ? `another Dossier process (pid ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''})`
    : 'another process';
  const waited = waitMs > 0 ? `; waited ${Math.round(waitMs / 1000)} s` : '';
  return new OperationalError(
    'corpus_busy',
    `The corpus folder is being changed by ${who}${waited}. Try again once it has finished; if no Dossier is running there, delete the file ${LOCK_NAME} in the corpus folder.`,
  );
}
