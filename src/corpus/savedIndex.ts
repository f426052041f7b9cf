import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { CORPUS_TEMP_PATTERN, removeLeftoverTemps, writeFileAtomic } from './files.ts';
import type { FileFingerprint } from './fingerprint.ts';

/**
 * What lives beside the saved index (INDEX_PATH) besides the index itself.
 *
 * The file list (`<index>.files.json`): the fingerprints of the corpus files the saved index was
 * built from. The index carries them too, but it can be read only when it still matches the folder;
 * when it does not, this list is what a reload's "changes since the saved index" are counted from.
 * It is written after the index, and only a report's wording depends on it.
 */

const FILES_SUFFIX = '.files.json';

function filesName(indexPath: string): string {
  return `${basename(indexPath)}${FILES_SUFFIX}`;
}

export async function writeSavedFiles(indexPath: string, files: ReadonlyMap<string, FileFingerprint>): Promise<void> {
  await writeFileAtomic(
    dirname(indexPath),
    filesName(indexPath),
    JSON.stringify({ version: 1, files: Object.fromEntries(files) }),
  );
}

/** The files the saved index was built from, or null when there is no readable list. */
export async function readSavedFiles(indexPath: string): Promise<ReadonlyMap<string, FileFingerprint> | null> {
  try {
    const saved = JSON.parse(await readFile(`${indexPath}${FILES_SUFFIX}`, 'utf8')) as {
      version?: unknown;
      files?: unknown;
    };
    if (saved.version !== 1 || typeof saved.files !== 'object' || saved.files === null) return null;
    return new Map(Object.entries(saved.files as Record<string, FileFingerprint>));
  } catch {
    return null;
  }
}

/**
 * Removes what killed processes left: Dossier's temporary files in the corpus folder and beside the
 * index, and the index's own temporary files (src/search/indexFile.ts writes
 * `.<index name>.<pid>.<hex>.tmp` beside it). Files of processes still running are kept. Returns
 * the names removed.
 */
export async function removeLeftovers(dir: string, indexPath: string | undefined): Promise<string[]> {
  const removed = await removeLeftoverTemps(dir, CORPUS_TEMP_PATTERN);
  if (!indexPath) return removed;
  const indexDir = dirname(indexPath);
  const indexTemps = new RegExp(`^\\.${escapeRegExp(basename(indexPath))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  removed.push(...(await removeLeftoverTemps(indexDir, indexTemps)));
  if (resolve(indexDir) !== resolve(dir)) removed.push(...(await removeLeftoverTemps(indexDir, CORPUS_TEMP_PATTERN)));
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
