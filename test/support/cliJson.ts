/**
 * The one-shot CLI with `--json`, in this process, on a corpus folder opened afresh as each CLI
 * run opens it: its exit code, what it printed, and the contract's error when it failed.
 */
import type { z } from 'zod';
import { runCli } from '../../src/adapters/cli/run.ts';
import { errorSchema } from '../../src/contract/schema.ts';
import { Library } from '../../src/library.ts';
import { LOAD_OPTIONS } from './corpus.ts';
import { memoryLogger } from './logger.ts';

export interface CliJsonRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly error: z.infer<typeof errorSchema>['error'] | null;
}

export async function cliJson(dir: string, argv: readonly string[]): Promise<CliJsonRun> {
  const library = await Library.open(dir, LOAD_OPTIONS);
  const { exitCode, stdout } = await runCli([...argv, '--json'], {
    openLibrary: async () => library,
    log: memoryLogger().log,
  });
  return { exitCode, stdout, error: exitCode === 0 ? null : errorSchema.parse(JSON.parse(stdout)).error };
}
