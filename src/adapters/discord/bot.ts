import { DiscordjsErrorCodes, Events, GatewayCloseCodes, RESTEvents } from 'discord.js';
import type { Client, CloseEvent } from 'discord.js';
import type { Config } from '../../config.ts';
import { OperationalError } from '../../errors.ts';
import { writeAudit } from '../../corpus/audit.ts';
import { watchFolder, type FolderWatch } from '../../corpus/watch.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { createClient } from './client.ts';
import { createInteractionHandler, type InteractionHandlerOptions } from './interactions.ts';

/**
 * The bot in-process: log in, answer interactions until stopped, stop cleanly. `runBot` wraps it
 * for the process (signals, exit codes); tests drive it directly against the fake Discord.
 */

export interface BotOptions {
  readonly config: Config;
  readonly library: Library;
  readonly log: Logger;
  /** Overrides for the interaction handler: cooldown, deferral, answer store, citations. */
  readonly interactions?: Partial<Omit<InteractionHandlerOptions, 'library' | 'log'>>;
  /** How long Discord has to accept the login (default 30 s). */
  readonly readyTimeoutMs?: number;
  /** How long `stop()` waits for interactions under way before closing anyway (default 10 s). */
  readonly drainTimeoutMs?: number;
  /** With WATCH_CORPUS: quiet time after a change in the folder before the reload (default 500 ms). */
  readonly watchDebounceMs?: number;
}

export interface Bot {
  readonly client: Client<true>;
  /** Settles when the gateway connection is lost for good (an unrecoverable close code); never rejects. */
  readonly lost: Promise<{ readonly code: number }>;
  /** Stops taking interactions, waits (bounded) for those under way, closes the connection (code 1000). Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

/** The message for a rejected token: says what to do, and never contains the token. */
export const TOKEN_REJECTED =
  'Discord rejected the bot token (DISCORD_TOKEN). Copy the token again from the Developer Portal (Bot → Reset Token) into .env; it is not printed here.';

/** Gateway close codes after which discord.js gives up, and what each means for an operator. */
function closeFailure(code: number): OperationalError {
  switch (code) {
    case GatewayCloseCodes.AuthenticationFailed:
      return new OperationalError('token_rejected', TOKEN_REJECTED);
    case GatewayCloseCodes.DisallowedIntents:
      return new OperationalError(
        'disallowed_intents',
        'Discord refused the gateway intents Dossier asked for (close code 4014).',
      );
    default:
      return new OperationalError(
        'gateway_closed',
        `Discord closed the gateway connection for good (close code ${code}).`,
      );
  }
}

function loginFailure(error: unknown, config: Config): OperationalError {
  if (error instanceof OperationalError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === DiscordjsErrorCodes.TokenInvalid) return new OperationalError('token_rejected', TOKEN_REJECTED);
  if (code === DiscordjsErrorCodes.TokenMissing)
    return new OperationalError('token_missing', 'DISCORD_TOKEN is not set; see .env.example.');
  const reason = error instanceof Error ? error.message : String(error);
  return new OperationalError(
    'discord_unreachable',
    `Could not connect to Discord at ${config.DISCORD_API_URL}: ${reason}`,
    { cause: error },
  );
}

export async function startBot(options: BotOptions): Promise<Bot> {
  const { config, library, log } = options;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new OperationalError('token_missing', 'DISCORD_TOKEN is not set; see .env.example.');

  const client = createClient(config);
  let stopping: Promise<void> | undefined;
  const handler = createInteractionHandler({
    library,
    log,
    preferences: { citeStyle: config.CITE_STYLE },
    moderatorRoleIds: config.MODERATOR_ROLE_IDS ?? [],
    attachmentHosts: config.DISCORD_ATTACHMENT_HOSTS,
    ...options.interactions,
  });
  client.on(Events.InteractionCreate, (interaction) => void handler.handle(interaction));
  client.on(Events.Error, (error) =>
    log.error({ event: 'discord_client_error', reason: error.message }, 'discord.js error'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    log.warn({ event: 'gateway_error', shardId, reason: error.message }, 'gateway error'),
  );
  client.on(Events.Warn, (message) => log.warn({ event: 'discord_warning', reason: message }, 'discord.js warning'));
  // discord.js also reports the close of its own destroy() as "reconnecting": not worth a warning then.
  client.on(
    Events.ShardReconnecting,
    (shardId) => void (stopping ?? log.warn({ event: 'gateway_reconnecting', shardId }, 'reconnecting to the gateway')),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    log.info({ event: 'gateway_resumed', shardId, replayed }, 'gateway resumed'),
  );
  // Rate limits are waited out by discord.js; the log says which route and for how long (never its URL, which may hold a token).
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn(
      {
        event: 'rate_limited',
        route: info.route,
        method: info.method,
        global: info.global,
        retryAfterMs: info.retryAfter,
      },
      'Discord rate limit',
    ),
  );

  let ready = false;
  let failed: (error: OperationalError) => void = () => undefined;
  const startFailed = new Promise<never>((_, reject) => (failed = reject));
  startFailed.catch(() => undefined);
  let markLost: (value: { code: number }) => void = () => undefined;
  const lost = new Promise<{ code: number }>((resolve) => (markLost = resolve));

  // Emitted only for close codes discord.js will not recover from (bad token, disallowed intents, …).
  client.on(Events.ShardDisconnect, (event: CloseEvent, shardId: number) => {
    log.error({ event: 'gateway_lost', shardId, closeCode: event.code }, 'gateway connection closed for good');
    if (!ready) failed(closeFailure(event.code));
    else if (!stopping) markLost({ code: event.code });
  });

  const readyTimeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const becameReady = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new OperationalError(
              'discord_timeout',
              `Discord did not accept the login within ${Math.round(readyTimeoutMs / 1000)} s.`,
            ),
          ),
        readyTimeoutMs,
      );
    });
    await Promise.race([
      client.login(token).then(() => Promise.race([becameReady, startFailed])),
      startFailed,
      timeout,
    ]);
    ready = true;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw loginFailure(error, config);
  } finally {
    clearTimeout(timer);
  }

  const live = client as Client<true>;
  log.info(
    { event: 'bot_ready', user: live.user.tag, userId: live.user.id, guilds: live.guilds.cache.size },
    'Dossier is online',
  );
  let watcher: FolderWatch | null = null;
  try {
    if (config.WATCH_CORPUS) watcher = watchCorpus(library, log, options.watchDebounceMs);
  } catch (error) {
    // The bot still answers; /corpus reload still works.
    log.error(
      { event: 'corpus_watch_failed', reason: error instanceof Error ? error.message : String(error) },
      'cannot watch the corpus folder (WATCH_CORPUS)',
    );
  }

  return {
    client: live,
    lost,
    stop() {
      stopping ??= (async () => {
        log.info({ event: 'bot_stopping', inFlight: handler.inFlight }, 'stopping: finishing interactions under way');
        watcher?.close();
        const { unfinished } = await handler.drain(options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
        if (unfinished > 0) log.warn({ event: 'bot_stop_timeout', unfinished }, 'closing with interactions unfinished');
        await client.destroy();
        log.info({ event: 'bot_stopped' }, 'Dossier is offline');
      })();
      return stopping;
    },
  };
}

/**
 * WATCH_CORPUS: a change in the folder reloads the library once things are quiet. A change the
 * bot's own /corpus edit made was rebuilt by the edit, so the folder then lists as the live index
 * does and the reload rebuilds nothing (see Library.reload): a debug line, not an audit. A reload
 * that changes files is audited as the watcher's.
 */
function watchCorpus(library: Library, log: Logger, debounceMs: number | undefined): FolderWatch {
  log.info({ event: 'corpus_watch_started' }, 'watching the corpus folder for changes');
  return watchFolder(library.dir, {
    ...(debounceMs !== undefined ? { debounceMs } : {}),
    onChange: (names) => {
      const at = new Date();
      const base = { who: 'watcher', via: 'watcher', action: 'reload', target: null, at } as const;
      library.reload().then(
        (report) => {
          const { added, removed, changed } = report.changes;
          const { corpus } = report.snapshot;
          if (!report.rebuilt)
            log.debug(
              { event: 'corpus_watch_reload', names: [...names], rebuilt: false },
              'the folder is as the last build left it; nothing rebuilt',
            );
          else if (added.length + removed.length + changed.length === 0)
            log.debug(
              { event: 'corpus_watch_reload', names: [...names], rebuilt: true, ms: report.ms },
              'reloaded; no file changed',
            );
          else
            writeAudit(log, {
              ...base,
              result: 'ok',
              changes: report.changes,
              sources: corpus.sources.length,
              passages: corpus.passages.length,
              errors: corpus.errors.length,
              ms: report.ms,
            });
        },
        (error: unknown) =>
          writeAudit(log, {
            ...base,
            result: 'failed',
            reason: error instanceof Error ? error.message : String(error),
            err: error,
          }),
      );
    },
    onError: (error) =>
      log.error({ event: 'corpus_watch_failed', reason: error.message }, 'stopped watching the corpus folder'),
  });
}
