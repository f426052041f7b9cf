import { createHash, randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';

/**
 * Files in the corpus folder, safely: names that stay inside it and mean one thing, files that
 * appear whole or not at all (written to a temporary file in the same folder, then renamed over the
 * target, which the file system does atomically), and reads that open regular files only. Temporary
 * files are hidden, so neither the loader nor the folder watcher ever takes one for an article.
 */

/** Every temporary file Dossier writes starts with this (hidden: the loader skips names starting with "."). */
export const TEMP_PREFIX = '.dossier-';

/** Dossier's own files in a corpus folder (the saved index, the edit lock, the journal) start with this; hidden too. */
export const STATE_PREFIX = '.dossier.';

/** What file systems allow for one name; a sidecar's name (".meta.json") must fit too. */
export const MAX_NAME_BYTES = 255;

/**
 * Characters a file name may not hold, besides the ones Windows reserves (< > : " | ? *): control
 * characters (C0, DEL, C1), bidirectional overrides, embeddings, isolates and marks (they make a
 * name read otherwise than it sorts and compares), and zero-width characters and the soft hyphen
 * (two names that look the same would be two files).
 */
const INVISIBLE_CHARACTERS =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;
const RESERVED_CHARACTERS = /[<>:"|?*]/;

/** The form every name is compared and written in, so "café" typed on a Mac and on Windows is one name. */
export function normalName(name: string): string {
  return name.normalize('NFC');
}

/** A file name without its extension: "story" for "story.txt". */
export function stemOf(name: string): string {
  return name.replace(/\.[^./\\]+$/, '');
}

/**
 * A name for a new file directly inside the corpus folder, in NFC, or an InputError saying why it is
 * not one: a plain name (see `checkPlainName`) with no control, bidirectional or zero-width
 * characters, of at most 255 bytes in UTF-8.
 */
export function checkFileName(name: string, dir: string): string {
  const trimmed = checkPlainName(normalName(name.trim()), dir);
  const invisible = trimmed.match(INVISIBLE_CHARACTERS);
  if (invisible || RESERVED_CHARACTERS.test(trimmed)) {
    // Invisible characters are shown as code points: echoed raw, they would hide or reorder the message.
    const shown = trimmed.replace(
      INVISIBLE_CHARACTERS,
      (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
    throw new InputError(
      'bad_name',
      `"${shown}" has characters a file name should not have (control, bidirectional or zero-width characters, or < > : " | ? *).`,
    );
  }
  const bytes = Buffer.byteLength(trimmed);
  if (bytes > MAX_NAME_BYTES)
    throw new InputError(
      'bad_name',
      `The file name is ${bytes} bytes in UTF-8 (an accented letter takes 2); the limit is ${MAX_NAME_BYTES} bytes. Choose a shorter name.`,
    );
  return trimmed;
}

/**
 * A name that can only mean a file directly inside `dir` (one already there may be named as it is):
 * no folders ("/", "\"), no "..", no drive, not hidden; else an InputError.
 */
export function checkPlainName(name: string, dir: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InputError('bad_name', 'The file name is empty; give a name like story.txt.');
  if (/[/\\]/.test(trimmed) || trimmed === '..' || /^[A-Za-z]:/.test(trimmed)) {
    throw new InputError(
      'bad_name',
      `"${trimmed}" is not a plain file name: a name may not contain folders ("/", "\\"), "..", or a drive, so nothing is written outside the corpus folder.`,
    );
  }
  if (trimmed.startsWith('.'))
    throw new InputError(
      'bad_name',
      `"${trimmed}" starts with ".", which makes it a hidden file; choose a name that does not.`,
    );
  // The last fence: whatever the rules above missed, the file must land directly in `dir`.
  if (resolve(dir, trimmed) !== join(resolve(dir), trimmed))
    throw new InputError('bad_name', `"${trimmed}" would be written outside the corpus folder.`);
  return trimmed;
}

/** A fresh temporary name in Dossier's pattern, carrying this process's id so a later start can tell a leftover from a write under way. */
export function tempName(): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** Writes `data` to `dir/name` whole or not at all: a temporary file in the same folder, flushed, then renamed over the target. */
export async function writeFileAtomic(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dir, tempName());
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, join(dir, name));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether a process with this id runs on this machine (one of another user counts: it exists). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Dossier's temporary files in a corpus folder: `.dossier-<pid>-<hex>.tmp` (and, from older versions, `.dossier-<hex>.tmp`). */
export const CORPUS_TEMP_PATTERN = /^\.dossier-(?:(\d+)-)?[0-9a-f]+\.tmp$/;

/**
 * Removes the temporary files a killed process left in `dir`: names matching `pattern` whose first
 * group, the writer's process id, is not a live process (a name without one is a leftover too).
 * Files of a process still writing are left alone. Returns the names removed; never throws.
 */
export async function removeLeftoverTemps(dir: string, pattern: RegExp = CORPUS_TEMP_PATTERN): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = match[1] === undefined ? null : Number(match[1]);
    if (pid !== null && (pid === process.pid || isProcessAlive(pid))) continue;
    try {
      await rm(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Someone else's file we may not remove: it stays, harmlessly hidden.
    }
  }
  return removed;
}

/** Why an entry that is not a regular file is not read, after its name. */
const NOT_REGULAR = {
  link: 'is a symbolic link; Dossier reads only regular files in the corpus folder (a link may point anywhere), so copy the file itself there',
  fifo: 'is a named pipe (FIFO), not a file; remove it from the corpus folder',
  socket: 'is a socket, not a file; remove it from the corpus folder',
  device: 'is a device, not a file; remove it from the corpus folder',
  other: 'is not a regular file; remove it from the corpus folder',
} as const;

/** What a directory entry that is not a regular file is, in words, or null for a regular file or a folder. */
export function notRegularReason(
  entry: Pick<
    Stats,
    'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice' | 'isFile' | 'isDirectory'
  >,
): string | null {
  if (entry.isFile() || entry.isDirectory()) return null;
  if (entry.isSymbolicLink()) return NOT_REGULAR.link;
  if (entry.isFIFO()) return NOT_REGULAR.fifo;
  if (entry.isSocket()) return NOT_REGULAR.socket;
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return NOT_REGULAR.device;
  return NOT_REGULAR.other;
}

export type RegularRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly stats: Stats }
  | {
      readonly ok: false;
      /** missing: no such file; not_regular: a link, FIFO, device…; too_large: over `maxBytes` (unread); unreadable: any other error. */
      readonly problem: 'missing' | 'not_regular' | 'too_large' | 'unreadable';
      /** A few words, after the file's name: "is a symbolic link; …", "cannot be read (EACCES)". */
      readonly reason: string;
      /** The file's own status, when it could be taken (for fingerprints). */
      readonly stats: Stats | null;
    };

/**
 * Reads `path` only if it is a regular file: never through a symbolic link (O_NOFOLLOW), and never
 * a named pipe or device, which is opened without blocking and refused from its status before any
 * read (a FIFO would otherwise hang the read, and with it every later change). A file over
 * `maxBytes` is refused unread; `tooLarge` words why.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  tooLarge: (size: number) => string,
): Promise<RegularRead> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: 'missing', reason: 'is not in the corpus folder', stats: null };
    // O_NOFOLLOW on a link gives ELOOP (EMLINK on some systems); a socket cannot be opened at all (ENXIO).
    if (code === 'ELOOP' || code === 'EMLINK')
      return { ok: false, problem: 'not_regular', reason: NOT_REGULAR.link, stats: null };
    if (code === 'ENXIO') return { ok: false, problem: 'not_regular', reason: NOT_REGULAR.socket, stats: null };
    return {
      ok: false,
      problem: 'unreadable',
      reason: `cannot be read (${code ?? (error as Error).message})`,
      stats: null,
    };
  }
  try {
    const stats = await handle.stat();
    const notRegular = stats.isFile() ? null : (notRegularReason(stats) ?? 'is a folder, not a file');
    if (notRegular) return { ok: false, problem: 'not_regular', reason: notRegular, stats };
    if (stats.size > maxBytes) return { ok: false, problem: 'too_large', reason: tooLarge(stats.size), stats };
    try {
      return { ok: true, bytes: await handle.readFile(), stats };
    } catch (error) {
      return {
        ok: false,
        problem: 'unreadable',
        reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        stats,
      };
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}
