import type { EventEmitter } from 'node:events';
import { describeFailure } from '../../app/failure.ts';
import { loggerFor, openLibrary } from '../../app/environment.ts';
import { warmUpCitations } from '../../cite/index.ts';
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

const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export async function runBot(config: Config, deps: RunBotDeps = {}): Promise<number> {
  const log = deps.log ?? loggerFor(config, 'info');
  const stderr = deps.stderr ?? process.stderr;
  const signals = deps.signals ?? process;
  const fail = (error: unknown, event: string): number => {
    const failure = describeFailure(error);
    if (failure.unexpected) log.error({ event, err: error }, 'bot failed');
    else log.error({ event, code: failure.code, reason: failure.message }, 'bot failed');
    stderr.write(`dossier: ${failure.message}\n`);
    return 1;
  };

  let library: Library;
  try {
    library = deps.library ?? (await openLibrary(config, log));
    if (deps.warmUp !== false) {
      let started = performance.now();
      warmUpCitations();
      log.info({ event: 'citations_ready', ms: Math.round(performance.now() - started) }, 'citation engine ready');
      // The first askers get the speed of the rest: word lists read, hot code compiled.
      started = performance.now();
      library.current.index.warmUp();
      log.info({ event: 'search_ready', ms: Math.round(performance.now() - started) }, 'search warmed up');
    }
  } catch (error) {
    return fail(error, 'bot_start_failed');
  }

  let bot;
  try {
    bot = await startBot({ config, library, log, ...deps.bot });
  } catch (error) {
    return fail(error, 'bot_start_failed');
  }

  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  for (const signal of STOP_SIGNALS) signals.once(signal, onSignal);
  const reason = await Promise.race([requested, bot.lost]);
  for (const signal of STOP_SIGNALS) signals.off(signal, onSignal);

  if (typeof reason === 'string') log.info({ event: 'stop_requested', signal: reason }, 'stop requested');
  await bot.stop();
  if (typeof reason !== 'string') {
    stderr.write(`dossier: lost the connection to Discord for good (close code ${reason.code}); see the log.\n`);
    return 1;
  }
  return 0;
}
