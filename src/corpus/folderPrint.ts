import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the folder looks like without reading any article: each visible file's name, size and
 * modification time. Cheap enough to compute at every start-up, so a saved index can be checked
 * against the folder before trusting it.
 */
export async function folderListing(dir: string): Promise<Array<readonly [name: string, size: number, mtimeMs: number]>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  return Promise.all(files.map(async (name) => {
    const stats = await stat(join(dir, name));
    return [name, stats.size, Math.trunc(stats.mtimeMs)] as const;
  }));
}
