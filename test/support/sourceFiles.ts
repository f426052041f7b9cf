import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The project's root folder. */
export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The TypeScript sources at a path of the project (a file, or a folder read through), as paths
 * from the project's root in name order; declaration files (.d.ts) hold no code and are left out.
 */
export function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(join(ROOT, child)).isDirectory()) return sourceFiles(child);
      return child.endsWith('.ts') && !child.endsWith('.d.ts') ? [child] : [];
    });
}
