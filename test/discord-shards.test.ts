import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DiscordjsErrorCodes, ShardingManager, type ShardingManagerOptions } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isShardProcess,
  recommendedShardCount,
  runShards,
  SHARD_SCRIPT,
  shardConfig,
  shardingOptions,
  type ShardManagerLike,
} from '../src/adapters/discord/shards.ts';
import { parseConfig } from '../src/config.ts';
import { startFakeDiscord, type FakeDiscord } from './support/fakeDiscord.ts';
import { memoryLogger } from './support/logger.ts';

const silentLogger = () => memoryLogger().log;

describe('SHARD_COUNT', () => {
  it.each([
    ['4', 4],
    ['auto', 'auto'],
    [' AUTO ', 'auto'],
    ['1', 1],
  ])('reads %j as %j', (value, expected) => {
    expect(parseConfig({ SHARD_COUNT: value }).SHARD_COUNT).toBe(expected);
  });

  it('is unset by default (one process)', () => {
    expect(parseConfig({}).SHARD_COUNT).toBeUndefined();
    expect(parseConfig({ SHARD_COUNT: '' }).SHARD_COUNT).toBeUndefined();
  });

  it.each(['0', '-2', '1.5', 'many', '100000'])('refuses %j, naming the variable', (value) => {
    expect(() => parseConfig({ SHARD_COUNT: value })).toThrow(
      'Invalid configuration: SHARD_COUNT: must be a whole number from 1, or auto. See .env.example.',
    );
  });
});

describe('the sharding manager', () => {
  const config = parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: '3' });

  it('runs the bot entry point, src/main.ts, in each shard', () => {
    expect(SHARD_SCRIPT).toBe(fileURLToPath(new URL('../src/main.ts', import.meta.url)));
    const { file, options } = shardingOptions(config, ['--max-old-space-size=4096']);
    expect(file).toBe(SHARD_SCRIPT);
    expect(options).toEqual({
      token: 'fake-token',
      totalShards: 3,
      mode: 'process',
      respawn: true,
      execArgv: ['--max-old-space-size=4096', '--import', 'tsx'],
    });
  });

  it('keeps the parent’s tsx loader rather than adding a second', () => {
    const loader = [
      '--require',
      '/x/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///x/node_modules/tsx/dist/loader.mjs',
    ];
    expect(shardingOptions(config, loader).options.execArgv).toEqual(loader);
  });

  it('passes auto on, and needs a token', () => {
    expect(shardingOptions(parseConfig({ DISCORD_TOKEN: 't', SHARD_COUNT: 'auto' }), []).options.totalShards).toBe(
      'auto',
    );
    expect(() => shardingOptions(parseConfig({ SHARD_COUNT: '2' }), [])).toThrow(
      'DISCORD_TOKEN is not set; see .env.example.',
    );
  });

  it('makes every shard watch the corpus folder, so a change made through one reaches them all', () => {
    const shard = shardConfig(parseConfig({ DISCORD_TOKEN: 't', WATCH_CORPUS: 'false' }));
    expect(shard.WATCH_CORPUS).toBe(true);
    expect(shard.DISCORD_TOKEN).toBe('t');
    expect(Object.isFrozen(shard)).toBe(true);
  });

  it('knows a shard process by the environment discord.js gives it', () => {
    expect(isShardProcess({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' })).toBe(true);
    expect(isShardProcess({ SHARD_COUNT: '2' })).toBe(false);
  });
});

/** A stand-in manager: records what it was built and asked with. */
function fakeManager(): {
  created: Array<{ file: string; options: ShardingManagerOptions }>;
  spawned: unknown[];
  killed: number[];
  create: (file: string, options: ShardingManagerOptions) => ShardManagerLike;
} {
  const created: Array<{ file: string; options: ShardingManagerOptions }> = [];
  const spawned: unknown[] = [];
  const killed: number[] = [];
  return {
    created,
    spawned,
    killed,
    create: (file, options) => {
      created.push({ file, options });
      const emitter = new EventEmitter();
      const shards = new Map<number, { kill: () => void }>();
      return Object.assign(emitter, {
        shards,
        spawn: async (spawnOptions: { amount: number }) => {
          spawned.push(spawnOptions);
          for (let id = 0; id < spawnOptions.amount; id++) {
            shards.set(id, { kill: () => void killed.push(id) });
            const shard = Object.assign(new EventEmitter(), { id });
            emitter.emit('shardCreate', shard);
          }
          return shards;
        },
      });
    },
  };
}

describe('runShards', () => {
  it('spawns the shards, then stops them all on SIGTERM', async () => {
    const manager = fakeManager();
    const signals = new EventEmitter();
    const running = runShards(parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: '2' }), {
      log: silentLogger(),
      createManager: manager.create,
      signals,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(manager.created).toHaveLength(1);
    expect(manager.created[0]!.file).toBe(SHARD_SCRIPT);
    expect(manager.created[0]!.options.totalShards).toBe(2);
    expect(manager.spawned).toEqual([{ amount: 2, delay: 5500, timeout: 20 * 60_000 }]);
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
    expect(manager.killed).toEqual([0, 1]);
  });

  it('asks how many shards to run for auto', async () => {
    const manager = fakeManager();
    const signals = new EventEmitter();
    const running = runShards(parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: 'auto' }), {
      log: silentLogger(),
      createManager: manager.create,
      signals,
      shardCount: async () => 4,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(manager.created[0]!.options.totalShards).toBe(4);
    signals.emit('SIGINT', 'SIGINT');
    expect(await running).toBe(0);
  });

  it('says why it could not start, with exit code 1', async () => {
    let written = '';
    const code = await runShards(parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: 'auto' }), {
      log: silentLogger(),
      createManager: fakeManager().create,
      shardCount: async () => {
        throw new Error('boom');
      },
      stderr: { write: (text: string) => (written += text) },
    });
    expect(code).toBe(1);
    expect(written).toBe('dossier: Something went wrong inside Dossier; the details are in its log.\n');
  });
});

/** discord.js's error for a shard whose process exited before it was ready (its constructor is not public). */
function notReady(id: number): Error {
  return Object.assign(new Error(`Shard ${id}'s process exited before its Client became ready.`), {
    code: DiscordjsErrorCodes.ShardingReadyDied,
  });
}

/**
 * A stand-in manager whose shard `failAt` does not become ready (discord.js rejects the spawn with
 * ShardingReadyDied); the shards before it did. Records kills and the respawn setting.
 */
function failingManager(failAt: number | null) {
  const killed: number[] = [];
  const shards = new Map<number, EventEmitter & { id: number; kill: () => void }>();
  let manager: (EventEmitter & ShardManagerLike) | undefined;
  const respawnAtCreation: Array<boolean | undefined> = [];
  const create = (_file: string, options: ShardingManagerOptions): ShardManagerLike => {
    respawnAtCreation.push(options.respawn);
    const emitter = new EventEmitter();
    manager = Object.assign(emitter, {
      shards,
      respawn: options.respawn ?? true,
      spawn: async ({ amount }: { amount: number }) => {
        for (let id = 0; id < amount; id++) {
          const shard = Object.assign(new EventEmitter(), { id, kill: () => void killed.push(id) });
          shards.set(id, shard);
          emitter.emit('shardCreate', shard);
          if (id === failAt) throw notReady(id);
          shard.emit('ready');
        }
        return shards;
      },
    });
    return manager;
  };
  return {
    create,
    killed,
    shards,
    respawnAtCreation,
    get manager() {
      return manager!;
    },
  };
}

describe('a shard that fails before it is ready', () => {
  it('stops the manager: every shard stopped, one line saying which failed, exit 1, no restart', async () => {
    const fake = failingManager(1);
    let written = '';
    const code = await runShards(parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: '3' }), {
      log: silentLogger(),
      createManager: fake.create,
      signals: new EventEmitter(),
      stderr: { write: (text: string) => (written += text) },
    });
    expect(code).toBe(1);
    expect(written).toBe(
      'dossier: Shard 1 failed to start: its process exited before it was ready (its own message is above, and its log says why). All shards were stopped.\n',
    );
    expect(fake.respawnAtCreation).toEqual([false]); // no restarts while starting
    expect(fake.manager.respawn).toBe(false);
    expect(fake.killed.sort()).toEqual([0, 1]);
  });

  it('stops the manager too when a shard restarted after a death fails before it is ready again', async () => {
    const fake = failingManager(null);
    let written = '';
    const running = runShards(parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: '2' }), {
      log: silentLogger(),
      createManager: fake.create,
      signals: new EventEmitter(),
      stderr: { write: (text: string) => (written += text) },
    });
    await expect.poll(() => fake.manager?.respawn).toBe(true); // every shard ready: deaths are restarted from now on
    // discord.js reports a restart that failed as an `error` event on the shard.
    fake.shards.get(1)!.emit('error', notReady(1));
    expect(await running).toBe(1);
    expect(written).toBe(
      'dossier: Shard 1 failed to start: its process exited before it was ready (its own message is above, and its log says why). All shards were stopped.\n',
    );
    expect(fake.killed.sort()).toEqual([0, 1]);
  });
});

describe('recommendedShardCount', () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });

  afterAll(async () => {
    await fake.close();
  });

  it('asks DISCORD_API_URL, not discord.com', async () => {
    expect(await recommendedShardCount({ DISCORD_API_URL: fake.apiUrl, DISCORD_TOKEN: 'fake-token' })).toBe(1);
  });

  it('explains an unreachable Discord', async () => {
    await expect(
      recommendedShardCount({ DISCORD_API_URL: 'http://127.0.0.1:9/api', DISCORD_TOKEN: 'fake-token' }),
    ).rejects.toThrow(/^Could not ask http:\/\/127\.0\.0\.1:9\/api how many shards to run/);
  });
});

describe('one real shard against the fake Discord', () => {
  let fake: FakeDiscord;
  const saved = {
    DISCORD_API_URL: process.env.DISCORD_API_URL,
    LOG_LEVEL: process.env.LOG_LEVEL,
    INDEX_PATH: process.env.INDEX_PATH,
  };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // A shard process inherits this environment (discord.js adds its own SHARDS, SHARD_COUNT, token).
    process.env.DISCORD_API_URL = fake.apiUrl;
    process.env.LOG_LEVEL = 'silent';
    // The shard runs on the bundled corpus: nothing is saved into it.
    process.env.INDEX_PATH = 'off';
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await fake.close();
  });

  it('stops with one line and exit 1 when the shard fails before it is ready (here, a rejected token), leaving no shard running', {
    timeout: 90_000,
  }, async () => {
    const picky = await startFakeDiscord({ token: 'the-right-token' });
    // The shard reads DISCORD_API_URL from the environment it inherits.
    process.env.DISCORD_API_URL = picky.apiUrl;
    let created: ShardingManager | undefined;
    let written = '';
    try {
      const config = parseConfig({ DISCORD_TOKEN: 'a-wrong-token', SHARD_COUNT: '1', DISCORD_API_URL: picky.apiUrl });
      const code = await runShards(config, {
        log: silentLogger(),
        signals: new EventEmitter(),
        stderr: { write: (text: string) => (written += text) },
        createManager: (file, options) => (created = new ShardingManager(file, { ...options, silent: true })),
      });
      expect(code).toBe(1);
      expect(written).toBe(
        'dossier: Shard 0 failed to start: its process exited before it was ready (its own message is above, and its log says why). All shards were stopped.\n',
      );
      expect([...created!.shards.values()].map((shard) => shard.process)).toEqual([null]);
    } finally {
      process.env.DISCORD_API_URL = fake.apiUrl;
      await picky.close();
    }
  });

  it('starts src/main.ts as shard 0 of 1, which logs in as that shard, and stops it on SIGTERM', {
    timeout: 90_000,
  }, async () => {
    const signals = new EventEmitter();
    const config = parseConfig({ DISCORD_TOKEN: 'fake-token', SHARD_COUNT: '1', DISCORD_API_URL: fake.apiUrl });
    const running = runShards(config, { log: silentLogger(), signals });
    await fake.waitForReady({ timeoutMs: 60_000 });
    expect(fake.identifies[0]).toMatchObject({ shard: [0, 1] });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await running).toBe(0);
    // The shard closed its connection and exited (it may exit before the close handshake ends: 1006).
    expect([1000, 1006]).toContain(await fake.waitForClose({ timeoutMs: 20_000 }));
  });
});
