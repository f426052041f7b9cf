import { describeFailure } from '../failure.ts';
import type { Logger } from '../log.ts';

/**
 * A process that could not start or run (the bot, the shard manager): the log line, with the
 * whole error when it was unexpected, and the one line the operator sees on stderr. Returns the exit code.
 */
export function reportFailure(
  error: unknown,
  event: string,
  what: string,
  log: Logger,
  stderr: { write(text: string): unknown },
): 1 {
  const failure = describeFailure(error);
  if (failure.unexpected) log.error({ event, err: error }, what);
  else log.error({ event, code: failure.code, reason: failure.message }, what);
  stderr.write(`dossier: ${failure.message}\n`);
  return 1;
}
