import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../errors.ts';

/**
 * Writing into the corpus folder safely: names that stay inside it, and files that appear whole or
 * not at all (written to a temporary file in the same folder, then renamed over the target, which
 * the file system does atomically). Temporary files are hidden, so neither the loader nor the
 * folder watcher ever takes one for an article.
 */

/** Every temporary file Dossier writes starts with this (hidden: the loader skips names starting with "."). */
export const TEMP_PREFIX = '.dossier-';

export function isTempName(name: string): boolean {
  return basename(name).startsWith(TEMP_PREFIX);
}

/** Longest file name accepted; file systems allow 255 bytes, and a sidecar name adds ".meta.json". */
const MAX_NAME_LENGTH = 200;

/**
 * A name for a file directly inside the corpus folder, or an InputError saying why it is not one:
 * no folders ("/", "\"), no "..", no absolute paths, no hidden names, no control characters.
 */
export function checkFileName(name: string, dir: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new InputError('bad_name', 'The file name is empty; give a name like story.txt.');
  if (/[/\\]/.test(trimmed) || trimmed === '..' || /^[A-Za-z]:/.test(trimmed)) {
    throw new InputError('bad_name', `"${trimmed}" is not a plain file name: a name may not contain folders ("/", "\\"), "..", or a drive, so nothing is written outside the corpus folder.`);
  }
  if (trimmed.startsWith('.')) throw new InputError('bad_name', `"${trimmed}" starts with ".", which makes it a hidden file; choose a name that does not.`);
  if (/[\u0000-\u001f\u007f<>:"|?*]/.test(trimmed)) throw new InputError('bad_name', `"${trimmed}" has characters a file name should not have (control characters or < > : " | ? *).`);
  if (trimmed.length > MAX_NAME_LENGTH) throw new InputError('bad_name', `The file name is ${trimmed.length} characters; the limit is ${MAX_NAME_LENGTH}.`);
  // The last fence: whatever the rules above missed, the file must land directly in `dir`.
  if (resolve(dir, trimmed) !== join(resolve(dir), trimmed)) throw new InputError('bad_name', `"${trimmed}" would be written outside the corpus folder.`);
  return trimmed;
}

/** Writes `data` to `dir/name` whole or not at all: a temporary file in the same folder, flushed, then renamed over the target. */
export async function writeFileAtomic(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.tmp`);
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
