import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { UploadReader } from '../../commandKit/command.ts';
import { sizeProblem } from '../../corpus/load.ts';
import { InputError } from '../../errors.ts';

/**
 * Files named on a terminal (`corpus add ~/Downloads/story.html`): read from the local disk, where
 * the person typing can read anyway. The name the corpus gets is the file's own name (or `--name`).
 */
export const localFiles: UploadReader = {
  async read(path, { maxBytes }) {
    const name = basename(path);
    let size: number;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) throw new InputError('unreadable_file', `"${path}" is not a file.`);
      size = stats.size;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(
        'unreadable_file',
        `Cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
    const tooLarge = sizeProblem(size, maxBytes);
    if (tooLarge) throw new InputError('too_large', `"${name}" ${tooLarge}.`);
    return { name, bytes: await readFile(path) };
  },
  describe: (path) => path,
};
