import type { EventEmitter } from 'node:events';
import { loggerFor, openLibrary, warmUp } from '../../app/environment.ts';
import { reportFailure } from '../../app/failure.ts';
import { listenForStop } from '../../app/stopSignals.ts';
import type { Config } from '../../config.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { startBot, type BotOptions } from './bot.ts';

/**
 * `npm start` with DISCORD_TOKEN set: load the corpus, log in, answer until SIGTERM or SIGINT,
 * then finish what is under way and leave. Returns the exit code: 0 after a requested stop,
 * 1 when the bot could not start (a rejected token, Discord unreachable) or lost its connection.
 */
export interface RunBotDeps {
  readonly log?: Logger;
  /** Already loaded; otherwise CORPUS_DIR is loaded. */
  readonly library?: Library;
  /** Where SIGTERM/SIGINT come from (default: the process). */
  readonly signals?: Pick<EventEmitter, 'once' | 'off'>;
  /** Where the one-line failure message goes (default: stderr). */
  readonly stderr?: { write(text: string): unknown };
  /** Build the citation engine and warm the search up before going online, so the first answers are quick (default true). */
  readonly warmUp?: boolean;
  readonly bot?: Pick<BotOptions, 'interactions' | 'readyTimeoutMs' | 'drainTimeoutMs'>;
}

export async function runBot(config: Config, deps: RunBotDeps = {}): Promise<number> {
  const log = deps.log ?? loggerFor(config, 'info');
  const stderr = deps.stderr ?? process.stderr;
  const signals = deps.signals ?? process;
  let bot;
  try {
    const library = deps.library ?? (await openLibrary(config, log));
    if (deps.warmUp !== false) await warmUp(library, log);
    bot = await startBot({ config, library, log, ...deps.bot });
  } catch (error) {
    return reportFailure(error, 'bot_start_failed', 'bot failed', log, stderr);
  }

  const stop = listenForStop(signals);
  const reason = await Promise.race([stop.requested, bot.lost]);
  stop.release();

  if (typeof reason === 'string') log.info({ event: 'stop_requested', signal: reason }, 'stop requested');
  await bot.stop();
  if (typeof reason !== 'string') {
    stderr.write(`dossier: lost the connection to Discord for good (close code ${reason.code}); see the log.\n`);
    return 1;
  }
  return 0;
}
