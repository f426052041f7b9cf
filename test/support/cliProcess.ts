import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Runs the real CLI entry point in a child process; resolves with stdout, stderr and the exit code,
 * whatever the code. On the bundled corpus (no CORPUS_DIR given) nothing is saved in it
 * (INDEX_PATH=off, unless given). `nodeArgs` go before the entry point (a test's `--import`).
 */
export async function runCliProcess(
  argv: readonly string[],
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = [],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const defaults = env.CORPUS_DIR === undefined ? { INDEX_PATH: 'off' } : {};
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      ['--import', 'tsx', ...nodeArgs, 'src/adapters/cli/main.ts', ...argv],
      { env: { ...process.env, ...defaults, ...env } },
    );
    return { code: 0, signal: null, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
    return { code: failed.code, signal: failed.signal, stdout: failed.stdout, stderr: failed.stderr };
  }
}
