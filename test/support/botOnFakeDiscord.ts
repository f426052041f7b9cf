/**
 * The real bot (discord.js) logged in to a fake Discord, for the tests that talk to it. Called at
 * a test file's top level, `botOnFakeDiscord()` stops whatever a test started once it ends (the
 * bot, then its fake: see `stopBotThenFake`); `start` gives each test its own fake and bot.
 */
import { afterEach } from 'vitest';
import { startBot, type Bot, type BotOptions } from '../../src/adapters/discord/bot.ts';
import { parseConfig } from '../../src/config.ts';
import type { Library } from '../../src/library.ts';
import {
  chatInputInteraction,
  startFakeDiscord,
  stopBotThenFake,
  type ChatInputSpec,
  type FakeDiscord,
  type FakeInteractionPayload,
} from './fakeDiscord.ts';
import { captureLog, type CapturedLog } from './logCapture.ts';

export interface BotStart {
  readonly library: Library;
  /** Settings beside the token, the fake's API address and CORPUS_DIR=corpus (which they may replace). */
  readonly env?: Readonly<Record<string, string>>;
  readonly interactions?: BotOptions['interactions'];
  /** Cooldowns as the commands declare them; by default they are off, so a test may ask twice in a row. */
  readonly declaredCooldowns?: boolean;
  readonly watchDebounceMs?: number;
}

export interface StartedBot {
  readonly fake: FakeDiscord;
  readonly bot: Bot;
  /** What the bot logged. */
  readonly logs: CapturedLog;
}

export function botOnFakeDiscord(): { start(options: BotStart): Promise<StartedBot> } {
  let fake: FakeDiscord | undefined;
  let bot: Bot | undefined;
  afterEach(async () => {
    await stopBotThenFake(bot, fake);
    bot = undefined;
    fake = undefined;
  });
  return {
    async start({ library, env = {}, interactions = {}, declaredCooldowns = false, watchDebounceMs }) {
      fake = await startFakeDiscord();
      const logs = captureLog();
      const config = parseConfig({
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: fake.apiUrl,
        CORPUS_DIR: 'corpus',
        ...env,
      });
      bot = await startBot({
        config,
        library,
        log: logs.log,
        interactions: declaredCooldowns ? interactions : { cooldownMs: 0, ...interactions },
        ...(watchDebounceMs !== undefined ? { watchDebounceMs } : {}),
      });
      return { fake, bot, logs };
    },
  };
}

/** A slash command as a member sends it. */
export function sendCommand(fake: FakeDiscord, spec: ChatInputSpec): FakeInteractionPayload {
  return fake.dispatchInteraction(chatInputInteraction(fake.ids, spec));
}
