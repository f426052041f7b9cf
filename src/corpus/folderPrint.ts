import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What the folder looks like without reading any article: each visible entry's name, size and
 * modification time (links and FIFOs too, by their own status: the loader lists them as refused).
 * Cheap enough to compute at every start-up and every reload, so a saved index can be checked
 * against the folder before trusting it, and a reload that would find nothing new is skipped.
 */
export async function folderListing(
  dir: string,
): Promise<Array<readonly [name: string, size: number, mtimeMs: number]>> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => !entry.name.startsWith('.') && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const listed = await Promise.all(
    names.map(async (name) => {
      // Gone between the listing and its status: left out, as the loader will leave it out.
      const stats = await lstat(join(dir, name)).catch((error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? null : Promise.reject(error),
      );
      return stats === null ? null : ([name, stats.size, Math.trunc(stats.mtimeMs)] as const);
    }),
  );
  return listed.filter((entry) => entry !== null);
}
