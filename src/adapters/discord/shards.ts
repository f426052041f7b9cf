import type { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard, type ShardingManagerOptions } from 'discord.js';
import { reportFailure } from '../../app/failure.ts';
import { listenForStop } from '../../app/stopSignals.ts';
import { loggerFor } from '../../app/environment.ts';
import type { Config } from '../../config.ts';
import { OperationalError } from '../../errors.ts';
import type { Logger } from '../../log.ts';

/**
 * Many servers: with SHARD_COUNT set (a number, or `auto` for Discord's recommendation), `npm
 * start` runs discord.js's ShardingManager instead of the bot. It loads no corpus itself; it
 * starts one process per shard, each running `src/main.ts` as the bot does (same config, same
 * snapshot, its own share of the servers), restarts a shard that dies once running, and stops them
 * all on SIGTERM or SIGINT. A shard that fails before it is ready (a rejected token, a corpus that
 * cannot be read) would fail the same way again, so the manager then stops every shard and exits
 * with one line saying which shard failed. Memory is per shard: each process holds the whole
 * corpus and index (docs/scaling.md gives the figures), so N shards need N times the bot's memory.
 *
 * discord.js tells a shard process who it is through the environment (SHARDING_MANAGER, SHARDS,
 * SHARD_COUNT): the client reads it by itself, and `isShardProcess` keeps a shard from starting
 * a manager of its own.
 */

/** The bot's entry point: what each shard process runs. */
export const SHARD_SCRIPT = fileURLToPath(new URL('../../main.ts', import.meta.url));

/** Discord allows one gateway login per five seconds per bucket; discord.js's default spacing. */
const SPAWN_DELAY_MS = 5_500;
/**
 * How long a shard has to load the corpus, log in and become ready before the manager gives up on
 * it. Shards start one after another, each once the one before is ready, so the first builds and
 * saves the index (saved by default; INDEX_PATH) and the rest read it; that first build takes
 * minutes at a million passages (docs/scaling.md).
 */
const SPAWN_TIMEOUT_MS = 20 * 60_000;

/** Whether this process is a shard a ShardingManager started (discord.js marks it in the environment). */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SHARDING_MANAGER === 'true';
}

/**
 * The arguments of the ShardingManager: the bot's entry point, and Node flags that let a shard
 * run TypeScript as its parent does (tsx's loader; added when the parent runs without it) plus
 * the parent's own (a heap limit set for the bot holds for every shard).
 */
export function shardingOptions(
  config: Config,
  execArgv: readonly string[] = process.execArgv,
): { file: string; options: ShardingManagerOptions } {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new OperationalError('token_missing', 'DISCORD_TOKEN is not set; see .env.example.');
  if (config.SHARD_COUNT === undefined)
    throw new OperationalError('shards_unset', 'SHARD_COUNT is not set: there is nothing to shard.');
  const loadsTsx = execArgv.some((arg) => arg.includes('tsx'));
  return {
    file: SHARD_SCRIPT,
    options: {
      token,
      totalShards: config.SHARD_COUNT,
      mode: 'process',
      respawn: true,
      execArgv: loadsTsx ? [...execArgv] : [...execArgv, '--import', 'tsx'],
    },
  };
}

/**
 * Discord's recommended shard count for the token, asked of DISCORD_API_URL (discord.js's own
 * helper always asks discord.com, which the tests' fake Discord is not).
 */
export async function recommendedShardCount(
  config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>,
  fetchImpl: typeof fetch = fetch,
): Promise<number> {
  let response: Response;
  try {
    response = await fetchImpl(`${config.DISCORD_API_URL}/v10/gateway/bot`, {
      headers: { Authorization: `Bot ${config.DISCORD_TOKEN ?? ''}` },
    });
  } catch (error) {
    throw new OperationalError(
      'discord_unreachable',
      `Could not ask ${config.DISCORD_API_URL} how many shards to run: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (response.status === 401)
    throw new OperationalError(
      'token_rejected',
      'Discord rejected the bot token (DISCORD_TOKEN) when asked how many shards to run.',
    );
  if (!response.ok)
    throw new OperationalError(
      'discord_unreachable',
      `Discord answered ${response.status} when asked how many shards to run; set SHARD_COUNT to a number to skip asking.`,
    );
  const { shards } = (await response.json()) as { shards?: unknown };
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1)
    throw new OperationalError(
      'discord_unreachable',
      'Discord did not say how many shards to run; set SHARD_COUNT to a number.',
    );
  return shards;
}

/**
 * A shard's configuration: the bot's, watching the corpus folder whatever WATCH_CORPUS says. A
 * /corpus change goes to one shard, which writes the files and rebuilds; watching is how every
 * other shard learns of it, so all servers answer from the same articles.
 */
export function shardConfig(config: Config): Config {
  return Object.freeze({ ...config, WATCH_CORPUS: true });
}

/**
 * In a shard process: when the manager goes away (its IPC channel closes) the shard stops as on
 * SIGTERM, rather than run on unsupervised; and a message to a manager already gone (discord.js
 * reports readiness and disconnects over IPC) is dropped instead of crashing the process.
 */
export function guardShardProcess(target: NodeJS.Process = process): void {
  // Emitted, not sent: a stop already under way (the manager's SIGTERM) goes on undisturbed.
  target.once('disconnect', () => void target.emit('SIGTERM', 'SIGTERM'));
  target.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_IPC_CHANNEL_CLOSED') return;
    throw error;
  });
  // The channel to the manager must not keep the process alive once the bot has stopped.
  target.channel?.unref();
}

/** What `runShards` needs from a ShardingManager (the real one, or a stand-in in tests). */
export interface ShardManagerLike extends Pick<EventEmitter, 'on'> {
  readonly shards: ReadonlyMap<
    number,
    Pick<Shard, 'kill'> & {
      readonly process?:
        | (Pick<EventEmitter, 'once'> & { exitCode: number | null; kill(signal?: NodeJS.Signals): boolean })
        | null;
    }
  >;
  spawn(options: { amount: number; delay: number; timeout: number }): Promise<unknown>;
  /** Whether a shard that dies is started again (read by discord.js each time one dies). */
  respawn?: boolean;
}

/** discord.js's errors for a shard that did not become ready, by code. */
const NOT_READY: Record<string, string> = {
  ShardingReadyDied: 'its process exited before it was ready',
  ShardingReadyTimeout: `it was not ready within ${SPAWN_TIMEOUT_MS / 60_000} minutes`,
  ShardingReadyDisconnected: 'it disconnected from the manager before it was ready',
};

/** A shard that failed before it was ready, as one line for the operator; other errors as they are. */
function shardFailure(error: unknown, shardId: number | null): unknown {
  const why = NOT_READY[String((error as { code?: unknown } | null)?.code)];
  if (!why) return error;
  const shard = shardId === null ? 'A shard' : `Shard ${shardId}`;
  return new OperationalError(
    'shard_failed',
    `${shard} failed to start: ${why} (its own message is above, and its log says why). All shards were stopped.`,
    { cause: error },
  );
}

/** How long stopping shards may take: each finishes the interactions under way (runBot drains for up to 10 s). */
const STOP_TIMEOUT_MS = 15_000;

export interface RunShardsDeps {
  readonly log?: Logger;
  /** Builds the manager (default: discord.js's ShardingManager). */
  readonly createManager?: (file: string, options: ShardingManagerOptions) => ShardManagerLike;
  /** Resolves SHARD_COUNT=auto (default: asks DISCORD_API_URL). */
  readonly shardCount?: (config: Config) => Promise<number>;
  readonly signals?: Pick<EventEmitter, 'once' | 'off'>;
  readonly stderr?: { write(text: string): unknown };
}

/**
 * `npm start` with DISCORD_TOKEN and SHARD_COUNT set: spawns the shards and supervises them until
 * SIGTERM or SIGINT, then stops them. Returns the exit code: 0 after a requested stop, 1 when the
 * shards could not be started.
 */
export async function runShards(config: Config, deps: RunShardsDeps = {}): Promise<number> {
  const log = deps.log ?? loggerFor(config, 'info');
  const stderr = deps.stderr ?? process.stderr;
  const signals = deps.signals ?? process;
  let manager: ShardManagerLike | undefined;
  let stopping = false;
  let spawning: number | null = null;
  // A shard restarted after a death that fails before it is ready reports here (discord.js emits `error` on it).
  let fail: (error: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  // Listen before spawning: a stop asked for while shards are starting stops them once started.
  const stop = listenForStop(signals);
  try {
    const { file, options } = shardingOptions(config);
    const amount =
      options.totalShards === 'auto'
        ? await (deps.shardCount ?? ((c: Config) => recommendedShardCount(c)))(config)
        : (options.totalShards as number);
    // No restarts until every shard is ready: one that fails while starting stops them all instead.
    manager = (deps.createManager ?? ((f, o) => new ShardingManager(f, o)))(file, {
      ...options,
      totalShards: amount,
      respawn: false,
    });
    manager.on('shardCreate', (shard: Shard) => {
      spawning = shard.id;
      log.info({ event: 'shard_started', shardId: shard.id, of: amount }, 'shard started');
      shard.on(
        'death',
        () =>
          void (
            stopping ||
            log.warn(
              { event: 'shard_died', shardId: shard.id },
              manager?.respawn ? 'shard process exited; restarting it' : 'shard process exited',
            )
          ),
      );
      shard.on('ready', () => log.info({ event: 'shard_ready', shardId: shard.id }, 'shard ready'));
      shard.on('error', (error: unknown) => fail(shardFailure(error, shard.id)));
    });
    log.info({ event: 'shards_spawning', shards: amount, script: file }, 'starting shards');
    await Promise.race([manager.spawn({ amount, delay: SPAWN_DELAY_MS, timeout: SPAWN_TIMEOUT_MS }), failed]);
    manager.respawn = true;
  } catch (error) {
    stop.release();
    stopping = true;
    if (manager) await stopShards(manager, log);
    return reportFailure(shardFailure(error, spawning), 'shards_failed', 'shards failed', log, stderr);
  }
  const outcome = await Promise.race([
    stop.requested.then((signal) => ({ signal })),
    failed.catch((error: unknown) => ({ error })),
  ]);
  stop.release();
  stopping = true;
  if ('error' in outcome) {
    await stopShards(manager, log);
    return reportFailure(outcome.error, 'shards_failed', 'shards failed', log, stderr);
  }
  log.info({ event: 'stop_requested', signal: outcome.signal }, 'stopping shards');
  await stopShards(manager, log);
  return 0;
}

/** Stops every shard (discord.js's kill sends SIGTERM, and kills without a restart) and waits for them, bounded. */
async function stopShards(manager: ShardManagerLike, log: Logger): Promise<void> {
  manager.respawn = false;
  // Each shard stops as the bot does, finishing the interactions under way.
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    // A shard whose process already exited has nothing to kill (discord.js's kill would throw on it).
    if (child === null) return Promise.resolve();
    const exited =
      child && child.exitCode === null
        ? new Promise<void>((resolve) => child.once('exit', () => resolve()))
        : Promise.resolve();
    shard.kill();
    return exited;
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    Promise.all(exits).then(() => false),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS))),
  ]);
  clearTimeout(timer);
  if (timedOut) log.warn({ event: 'shards_stop_timeout', ms: STOP_TIMEOUT_MS }, 'some shards did not stop in time');
}
