/**
 * Loaded with `node --import` into a CLI run that a test means to kill in the middle of a change:
 * when the process is about to rename a file onto, or remove, the file named by DOSSIER_TEST_CRASH
 * (`rename:NAME` or `rm:NAME`, NAME a base name), it kills itself with SIGKILL, as `kill -9` or a
 * power cut would, and the folder stays exactly as it was at that instant.
 */
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

const [operation, name] = (process.env.DOSSIER_TEST_CRASH ?? '').split(/:(.*)/s);

function crashOn(target: unknown): void {
  if (basename(String(target)) === name) process.kill(process.pid, 'SIGKILL');
}

if (operation === 'rename') {
  const rename = fsp.rename;
  fsp.rename = async (from, to) => {
    crashOn(to);
    return rename(from, to);
  };
} else if (operation === 'rm') {
  const rm = fsp.rm;
  fsp.rm = async (path, options) => {
    crashOn(path);
    return rm(path, options);
  };
}
// `import { rename } from 'node:fs/promises'` in the app sees the wrapped functions too.
syncBuiltinESMExports();
