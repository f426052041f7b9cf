/**
 * The Discord adapter end to end: the REAL discord.js client of the bot, built from
 * src/adapters/discord, against the fake Discord in ./support/fakeDiscord.ts. Each test sends
 * interactions the way Discord would and asserts on what the bot sends back.
 */
import { EventEmitter } from 'node:events';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Events, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { parseCommandWords, splitWords } from '../src/commandKit/commandLine.ts';
import { bibliography } from '../src/cite/index.ts';
import { CATALOG } from '../src/app/commands.ts';
import { parseConfig, type Config } from '../src/config.ts';
import type { Library } from '../src/library.ts';
import { seedLibrary } from './support/corpus.ts';
import { startBot, type Bot } from '../src/adapters/discord/bot.ts';
import { deployCommands, runDeploy } from '../src/adapters/discord/deploy.ts';
import type { InteractionHandlerOptions } from '../src/adapters/discord/interactions.ts';
import { runBot } from '../src/adapters/discord/runBot.ts';
import { slashCommands } from '../src/adapters/discord/slashCommands.ts';
import {
  autocompleteInteraction,
  chatInputInteraction,
  rateLimitedReply,
  serverErrorReply,
  startFakeDiscord,
} from './support/fakeDiscord.ts';
import type { FakeDiscord, FakeInteractionPayload } from './support/fakeDiscord.ts';
import { botOnFakeDiscord, sendCommand } from './support/botOnFakeDiscord.ts';
import { captureLog, type CapturedLog } from './support/logCapture.ts';

const TOKEN = 'test-token';
const EMBASSY_QUESTION = 'How long would closing the embassy take?';

interface MessageData {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponentWithCustomId>>;
  allowed_mentions?: { parse?: string[] };
  choices?: Array<{ name: string; value: string }>;
}
interface CallbackBody {
  type: number;
  data?: MessageData;
}

let library: Library;
const discord = botOnFakeDiscord();
/** The bot `startAll` started (the harness stops it), and what it logged. */
let bot: Bot | undefined;
let logs: CapturedLog;
/** A fake Discord a test started for clients of its own (runBot, deploy). */
let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

beforeAll(async () => {
  library = await seedLibrary();
});

function testConfig(f: FakeDiscord, extra: Record<string, string> = {}): Config {
  return parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: f.apiUrl, CORPUS_DIR: 'corpus', ...extra });
}

/** A fake Discord and the bot logged in to it; the /ask cooldown is off unless a test sets it. */
async function startAll(
  interactions: Partial<Omit<InteractionHandlerOptions, 'library' | 'log'>> = {},
  lib: Library = library,
): Promise<FakeDiscord> {
  const started = await discord.start({ library: lib, interactions });
  ({ bot, logs } = started);
  return started.fake;
}

async function callbackOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<CallbackBody> {
  return (await f.waitForCallback(payload.id, { timeoutMs: 5000 })).body as CallbackBody;
}

/** The finished answer: the callback's message, or the edit that follows a deferral. */
async function answerOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<{ type: number; data: MessageData }> {
  const body = await callbackOf(f, payload);
  if (
    body.type !== InteractionResponseType.DeferredChannelMessageWithSource &&
    body.type !== InteractionResponseType.DeferredMessageUpdate
  ) {
    return { type: body.type, data: body.data ?? {} };
  }
  const edit = await f.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), {
    timeoutMs: 10_000,
  });
  return { type: body.type, data: { ...(edit.body as MessageData), flags: body.data?.flags ?? 0 } };
}

function buttonsOf(data: MessageData): APIButtonComponentWithCustomId[] {
  return (data.components ?? []).flatMap((row) => row.components);
}

const isEphemeral = (data: MessageData) => ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

describe('the bot against a fake Discord', () => {
  it('answers /ask publicly with the sentence that answers it first, a pager, the full passages and the citation menu', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION } });

    const { type, data } = await answerOf(f, payload);

    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(false);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(EMBASSY_QUESTION);
    const [quote, source] = embed.description!.split('\n');
    expect(quote).toMatch(/^> \*\*.*90 days.*\*\*$/);
    const passageId = /`([0-9a-f]+-[0-9a-f]+)`$/.exec(source!)![1]!;
    expect(library.current.passageById.get(passageId)!.text).toContain('90 days');
    expect(embed.footer!.text).toMatch(/^Page 1 of \d+$/);
    const labels = (data.components ?? []).flatMap((row) =>
      row.components.map((c) => c.label ?? (c as { placeholder?: string }).placeholder),
    );
    expect(labels).toEqual(['Cite a passage…', 'Next ▶', 'Full passages']);
    expect(buttonsOf(data).find((b) => b.label === 'Next ▶')?.custom_id).toMatch(/^page:[\w-]{8}:4$/);
    expect(f.unexpectedRequests).toEqual([]);
    await expect
      .poll(() => logs.events('interaction').find((l) => l.interactionId === payload.id))
      .toMatchObject({ kind: 'command', command: 'ask', outcome: 'answered' });
  });

  it('answers a question nothing answers with a friendly reply and a hint', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'ask', options: { question: 'zebra giraffe' } });

    const { data } = await answerOf(f, payload);

    expect(isEphemeral(data)).toBe(true);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('No passage answers that');
    expect(embed.description).toContain('Try other words');
    expect(embed.description).toContain('/sources');
    expect(embed.fields).toBeUndefined();
    expect(buttonsOf(data)).toEqual([]);
  });

  it('lists /sources with their ids, and /help with every command', async () => {
    const f = await startAll();
    const sources = sendCommand(f, { commandName: 'sources' });
    const help = sendCommand(f, { commandName: 'help' });

    const sourcesEmbed = (await answerOf(f, sources)).data.embeds![0]!;
    const helpEmbed = (await answerOf(f, help)).data.embeds![0]!;

    const ids = library.current.corpus.sources.map((source) => source.id);
    expect(sourcesEmbed.title).toBe(`${ids.length} articles`);
    expect(sourcesEmbed.fields!.map((field) => field.value.match(/^id (\w+)/)?.[1])).toEqual(ids);
    // The asker is a plain member: moderator commands are not listed.
    // Before `npm run deploy` Discord knows no command ids: the commands are named plainly.
    const lines = helpEmbed.description!.split('\n\n')[1]!.split('\n');
    expect(lines.map((line) => /^\*\*(\/\w+)\*\* — /.exec(line)?.[1])).toEqual(
      CATALOG.filter((definition) => !definition.moderatorOnly).map((definition) => `/${definition.name}`),
    );
    expect(lines[0]).toContain('Example: /ask');
  });

  it('answers privately (flag 64) when the asker sets hide', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION, hide: true } });

    const { data } = await answerOf(f, payload);

    expect(data.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(data.embeds![0]!.description).toContain('90 days');
    expect(buttonsOf(data).some((b) => b.label === 'Post to channel')).toBe(true);
  });

  it('completes the source option with at most 25 choices whose values are source ids', async () => {
    const f = await startAll();
    const everything = f.dispatchInteraction(
      autocompleteInteraction(f.ids, {
        commandName: 'ask',
        options: { question: 'embassy' },
        focused: { name: 'source', value: '' },
      }),
    );
    const narrowed = f.dispatchInteraction(
      autocompleteInteraction(f.ids, { commandName: 'ask', focused: { name: 'source', value: 'shutdown' } }),
    );

    const all = await callbackOf(f, everything);
    const some = await callbackOf(f, narrowed);

    expect(all.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = all.data!.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(library.current.sourceById.has(choice.value)).toBe(true);
    }
    expect(some.data!.choices!.length).toBeGreaterThan(0);
    expect(some.data!.choices!.length).toBeLessThan(choices.length);
    expect(some.data!.choices!.every((choice) => /shutdown/i.test(choice.name))).toBe(true);
  });

  it('never lets a question or an option mention anyone, and shows their markdown literally', async () => {
    const f = await startAll();
    const question = 'Pompeo Baghdad embassy closing 90 days militias Kadhimi Iraq @everyone <@&123> **now** _really_';
    const asked = sendCommand(f, { commandName: 'ask', options: { question } });
    const badSource = sendCommand(f, {
      commandName: 'ask',
      options: { question: EMBASSY_QUESTION, source: '@everyone <@&123> **x**' },
    });

    const answer = (await answerOf(f, asked)).data;
    const refusal = (await answerOf(f, badSource)).data;

    for (const data of [answer, refusal]) {
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expect(JSON.stringify(data)).not.toMatch(/@everyone|<@&123>/);
    }
    // Whether or not the engine answers this question, wherever it is echoed it is inert.
    const title = answer.embeds![0]!.title!;
    if (title !== 'No passage answers that') {
      expect(title).toContain('@\u200beveryone <@&\u200b123>');
      expect(title).toContain('\\*\\*now\\*\\* \\_really\\_');
    }
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toContain('No source "@\u200beveryone <@&\u200b123> \\*\\*x\\*\\*"');
  });

  it('answers a bad option privately with what is wrong', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION, from: '2020-13-01' } });

    const { type, data } = await answerOf(f, payload);

    expect(type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('/ask from must be a date written YYYY-MM-DD');
    expect(data.content).toContain('2020-13-01');
    await expect
      .poll(() => logs.events('interaction').find((line) => line.interactionId === payload.id))
      .toMatchObject({ outcome: 'invalid' });
  });

  it('answers an unknown command privately', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'frobnicate' });

    const { data } = await answerOf(f, payload);

    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('no /frobnicate command');
    expect(logs.events('unknown_command')).toMatchObject([{ interactionId: payload.id, command: 'frobnicate' }]);
  });

  it('apologises privately when a command throws, logs the error with the interaction id, and keeps serving', async () => {
    let broken = true;
    const flaky = {
      get current() {
        if (broken) throw new Error('snapshot exploded at /srv/dossier/secret');
        return library.current;
      },
    } as unknown as Library;
    const f = await startAll({}, flaky);
    const payload = sendCommand(f, { commandName: 'sources' });

    const { data } = await answerOf(f, payload);

    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('Something went wrong inside Dossier');
    expect(data.content).not.toContain('exploded');
    expect(data.content).not.toContain('/srv');
    const [failure] = logs.events('interaction_failed');
    expect(failure).toMatchObject({ level: 50, interactionId: payload.id, command: 'sources' });
    expect(JSON.stringify(failure)).toContain('snapshot exploded');

    broken = false;
    const next = sendCommand(f, { commandName: 'sources' });
    expect((await answerOf(f, next)).data.embeds![0]!.title).toMatch(/articles$/);
  });

  it('logs a callback Discord keeps failing with 500, and keeps serving', async () => {
    const f = await startAll();
    const payload = chatInputInteraction(f.ids, { commandName: 'help' });
    f.failNext({
      method: 'POST',
      path: `/interactions/${payload.id}/${payload.token}/callback`,
      times: 4,
      ...serverErrorReply(),
    });
    f.dispatchInteraction(payload);

    await expect.poll(() => logs.events('discord_request_failed').length, { timeout: 10_000 }).toBe(1);
    expect(logs.events('discord_request_failed')[0]).toMatchObject({ interactionId: payload.id, status: 500 });
    expect(logs.text()).not.toContain(payload.token); // the callback URL carries the interaction token: never logged

    const next = sendCommand(f, { commandName: 'help' });
    const commands = (await answerOf(f, next)).data.embeds![0]!.description!.split('\n\n')[1]!.split('\n');
    expect(commands).toHaveLength(CATALOG.filter((definition) => !definition.moderatorOnly).length);
  });

  it('waits out a 429 on a callback and then answers', async () => {
    const f = await startAll();
    const payload = chatInputInteraction(f.ids, { commandName: 'help' });
    f.failNext({
      method: 'POST',
      path: `/interactions/${payload.id}/${payload.token}/callback`,
      ...rateLimitedReply(0.05),
    });
    f.dispatchInteraction(payload);

    await f.waitForCallback(payload.id, { timeoutMs: 5000 });

    const attempts = f.requests.filter((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(f.getMessage(payload.token)?.embeds[0]?.title).toContain('Dossier');
  });

  it('holds each user to one /ask per cooldown, saying when to retry, without holding up others', async () => {
    const f = await startAll({ cooldownMs: 60_000 });
    const first = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION } });
    await answerOf(f, first);

    const again = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION } });
    const other = sendCommand(f, {
      commandName: 'ask',
      options: { question: EMBASSY_QUESTION },
      user: { id: '1300000000000000999', username: 'editor' },
    });
    const refused = await answerOf(f, again);
    const allowed = await answerOf(f, other);

    expect(isEphemeral(refused.data)).toBe(true);
    expect(refused.data.content).toMatch(/you can \/ask again in (59|60) s\.$/);
    expect(allowed.data.embeds![0]!.title).toBe(EMBASSY_QUESTION);
  });

  it('answers the /help example of every command in the catalog with a message Discord accepts', async () => {
    const f = await startAll();
    const payloads = CATALOG.map((definition) => {
      const words = splitWords(definition.example).slice(1); // without "/name"
      const raw = parseCommandWords(definition, words);
      const options = Object.fromEntries(
        Object.entries(raw).map(([name, value]) => [
          name,
          definition.options.find((o) => o.name === name)?.kind === 'integer' ? Number(value) : value,
        ]),
      );
      return { name: definition.name, payload: sendCommand(f, { commandName: definition.name, options }) };
    });

    for (const { name, payload } of payloads) {
      const { data } = await answerOf(f, payload);
      expect(data.allowed_mentions, name).toEqual({ parse: [] });
      expect((data.embeds?.length ?? 0) + (data.content ? 1 : 0), name).toBeGreaterThan(0);
    }
    expect(f.requests.filter((r) => r.status >= 400)).toEqual([]); // nothing Discord would refuse
    await expect.poll(() => logs.events('interaction').length).toBe(CATALOG.length);
    expect(
      logs.events('interaction').every((line) => typeof line.interactionId === 'string' && line.outcome !== 'failed'),
    ).toBe(true);
    expect(logs.text()).not.toContain(TOKEN);
  });

  it('while stopping, finishes the work under way and tells newcomers it is restarting', async () => {
    const f = await startAll();
    const slow = chatInputInteraction(f.ids, { commandName: 'help' });
    f.failNext({ method: 'POST', path: `/interactions/${slow.id}/${slow.token}/callback`, ...rateLimitedReply(0.3) });
    f.dispatchInteraction(slow);
    await f.waitForRequest((r) => r.path.startsWith(`/interactions/${slow.id}/`) && r.status === 429);

    const stopping = bot!.stop();
    const late = sendCommand(f, { commandName: 'sources' });
    const turnedAway = await answerOf(f, late);
    await stopping;

    expect(isEphemeral(turnedAway.data)).toBe(true);
    expect(turnedAway.data.content).toBe('Dossier is restarting; try again in a minute.');
    expect((await f.waitForCallback(slow.id)).status).toBe(204);
    expect(f.getMessage(slow.token)?.embeds[0]?.title).toContain('Dossier');
    expect(await f.waitForClose()).toBe(1000);
  });

  it('finishes an interaction under way, then closes the gateway with 1000', async () => {
    const f = await startAll();
    const received = new Promise<void>((resolve) => bot!.client.once(Events.InteractionCreate, () => resolve()));
    const payload = sendCommand(f, { commandName: 'sources' });
    await received;

    await bot!.stop();

    expect((await f.waitForCallback(payload.id)).status).toBe(204);
    expect(await f.waitForClose()).toBe(1000);
    expect(logs.events('bot_stopped')).toHaveLength(1);
  });
});

describe('runBot', () => {
  it('runs until SIGTERM, then stops cleanly (gateway 1000) and returns 0', async () => {
    fake = await startFakeDiscord();
    const log = captureLog();
    const signals = new EventEmitter();
    const stderr: string[] = [];
    const running = runBot(testConfig(fake), {
      log: log.log,
      library,
      signals,
      stderr: { write: (text: string) => stderr.push(text) },
      warmUp: false,
    });
    await fake.waitForReady();
    await expect.poll(() => log.events('bot_ready').length).toBe(1);

    signals.emit('SIGTERM', 'SIGTERM');

    expect(await running).toBe(0);
    expect(await fake.waitForClose()).toBe(1000);
    expect(log.events('stop_requested')).toMatchObject([{ signal: 'SIGTERM' }]);
    expect(stderr).toEqual([]);
  });

  it('returns 1 when Discord closes the connection for good while running (token revoked: 4004)', async () => {
    fake = await startFakeDiscord();
    const log = captureLog();
    const stderr: string[] = [];
    const running = runBot(testConfig(fake), {
      log: log.log,
      library,
      signals: new EventEmitter(),
      stderr: { write: (text: string) => stderr.push(text) },
      warmUp: false,
    });
    await fake.waitForReady();
    await expect.poll(() => log.events('bot_ready').length).toBe(1);

    fake.dropGateway(4004, 'Authentication failed.');

    expect(await running).toBe(1);
    expect(stderr.join('')).toContain('close code 4004');
    expect(log.events('gateway_lost')).toMatchObject([{ closeCode: 4004 }]);
  });

  it('reports a token Discord rejects (401 on /gateway/bot) without printing it, and returns 1', async () => {
    fake = await startFakeDiscord({ token: 'the-real-token' });
    const log = captureLog();
    const stderr: string[] = [];

    const code = await runBot(testConfig(fake), {
      log: log.log,
      library,
      signals: new EventEmitter(),
      stderr: { write: (text: string) => stderr.push(text) },
      warmUp: false,
    });

    expect(code).toBe(1);
    expect(stderr.join('')).toContain('Discord rejected the bot token (DISCORD_TOKEN)');
    expect(stderr.join('')).not.toContain(TOKEN);
    expect(log.text()).not.toContain(TOKEN);
    expect(log.events('bot_start_failed')).toMatchObject([{ code: 'token_rejected' }]);
  });

  it('reports a token the gateway rejects (close 4004) without printing it', async () => {
    fake = await startFakeDiscord({ token: 'the-real-token' });
    // REST lets the client through, so only the gateway can refuse the token.
    fake.failNext({
      method: 'GET',
      path: '/gateway/bot',
      status: 200,
      body: {
        url: fake.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      },
    });
    const log = captureLog();

    const error = await startBot({ config: testConfig(fake), library, log: log.log }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'token_rejected' });
    expect(String((error as Error).message)).toContain('rejected the bot token');
    expect(String((error as Error).message)).not.toContain(TOKEN);
    expect(await fake.waitForClose()).toBe(4004);
    expect(fake.identifies).toHaveLength(1); // refused once, not retried
    expect(log.text()).not.toContain(TOKEN);
  });
});

describe('deploy', () => {
  it('registers every command in the guild, each with hide, reading the application id from the token', async () => {
    fake = await startFakeDiscord();
    const config = testConfig(fake, { DISCORD_GUILD_ID: fake.ids.guildId });
    const out: string[] = [];

    const code = await runDeploy(config, {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
    });

    expect(code).toBe(0);
    const names = [...CATALOG.map((definition) => `/${definition.name}`), 'Find sources'];
    expect(out.join('')).toBe(
      `Registered ${names.length} commands (${names.join(', ')}) in guild ${fake.ids.guildId} (available now) for application ${fake.ids.appId}.\n`,
    );
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/applications/@me')).toBe(true);
    const stored = fake.commands.get(fake.ids.guildId)!;
    expect(stored.map((c) => c.name)).toEqual([...CATALOG.map((definition) => definition.name), 'Find sources']);
    expect(stored.at(-1)).toMatchObject({ type: 3 }); // a message context-menu command
    for (const c of stored.filter((command) => command.type !== 3)) {
      const options = c.options as Array<{
        name: string;
        type: number;
        options?: Array<{ name: string; type: number }>;
      }>;
      // A command with subcommands (type 1) has hide in each of them.
      for (const list of options[0]?.type === 1 ? options.map((sub) => sub.options ?? []) : [options])
        expect(list.at(-1)).toMatchObject({ name: 'hide', type: 5 });
      const moderatorOnly = CATALOG.find((definition) => definition.name === c.name)?.moderatorOnly === true;
      expect(c).toMatchObject({
        dm_permission: false,
        default_member_permissions: moderatorOnly ? String(PermissionFlagsBits.ManageGuild) : null,
      });
    }
    expect(fake.commands.get('global')).toBeUndefined();
  });

  it('registers globally without a guild, with moderator permissions on moderator commands', async () => {
    fake = await startFakeDiscord();
    const config = testConfig(fake, { DISCORD_APPLICATION_ID: fake.ids.appId });
    const moderatorCommand = {
      name: 'archive',
      description: 'Archive the articles',
      example: '/archive',
      moderatorOnly: true,
      options: [],
    };

    const result = await deployCommands(config, slashCommands([...CATALOG, moderatorCommand]));

    expect(result).toEqual({
      scope: 'global',
      applicationId: fake.ids.appId,
      guildId: null,
      commands: [...CATALOG.map((definition) => `/${definition.name}`), '/archive'],
    });
    expect(fake.requests.some((r) => r.path === '/applications/@me')).toBe(false);
    const stored = fake.commands.get('global')!;
    expect(stored.find((c) => c.name === 'archive')).toMatchObject({
      default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    });
    expect(stored.find((c) => c.name === 'ask')).toMatchObject({ default_member_permissions: null });
  });

  it('says the token was rejected, without printing it, and exits 1', async () => {
    fake = await startFakeDiscord({ token: 'the-real-token' });
    const out: string[] = [];

    const code = await runDeploy(testConfig(fake), {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => out.push(text) },
    });

    expect(code).toBe(1);
    expect(out.join('')).toContain('deploy: Discord rejected the bot token');
    expect(out.join('')).not.toContain(TOKEN);
  });
});

describe('/export in Discord', () => {
  it('attaches the whole bibliography as a file instead of cutting it into an embed', { timeout: 30_000 }, async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'export', options: { format: 'bibtex' } });
    const callback = await f.waitForCallback(payload.id, { timeoutMs: 20_000 });
    const body = callback.body as CallbackBody;
    const upload =
      body.type === InteractionResponseType.DeferredChannelMessageWithSource
        ? await f.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), { timeoutMs: 20_000 })
        : callback;
    expect(upload.files.map((file) => [file.name, file.size > 500])).toEqual([['dossier.bib', true]]);
    const data = (
      body.type === InteractionResponseType.DeferredChannelMessageWithSource ? upload.body : body.data
    ) as MessageData;
    expect(data.embeds?.[0]?.title).toBe('Bibliography of 5 articles (BibTeX)');
  });

  /** The reply that carries /export's answer: the callback, or the edit after a deferral. */
  async function exportReply(
    f: FakeDiscord,
    attachmentSizeLimit: number,
  ): Promise<{ files: Array<{ name: string; data: Buffer }>; data: MessageData }> {
    const payload = sendCommand(f, { commandName: 'export', options: { format: 'bibtex' }, attachmentSizeLimit });
    const callback = await f.waitForCallback(payload.id, { timeoutMs: 20_000 });
    const body = callback.body as CallbackBody;
    if (body.type !== InteractionResponseType.DeferredChannelMessageWithSource)
      return { files: callback.files, data: body.data! };
    const edit = await f.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), {
      timeoutMs: 20_000,
    });
    return { files: edit.files, data: edit.body as MessageData };
  }

  it('sends a bibliography over the server’s upload limit gzip-compressed, whole', { timeout: 30_000 }, async () => {
    const f = await startAll();
    const whole = bibliography(library.current.corpus.sources, 'bibtex');
    // The seeds' BibTeX is ~775 bytes, ~400 compressed: over a 600-byte limit, under it compressed.
    expect(Buffer.byteLength(whole)).toBeGreaterThan(600);
    const { files } = await exportReply(f, 600);
    expect(files.map((file) => file.name)).toEqual(['dossier.bib.gz']);
    expect(gunzipSync(files[0]!.data).toString('utf8')).toBe(whole);
  });

  it('says where to get a bibliography too large even compressed, instead of failing', {
    timeout: 30_000,
  }, async () => {
    const f = await startAll();
    const { files, data } = await exportReply(f, 200);
    expect(files).toEqual([]);
    const whole = Buffer.byteLength(bibliography(library.current.corpus.sources, 'bibtex'));
    expect(data.content).toMatch(
      new RegExp(
        `^dossier\\.bib is ${whole} bytes \\(\\d+ bytes compressed\\), more than the 200 bytes this server lets the bot upload\\. Run “npm run cli -- export” where the bot runs to get the whole file\\.$`,
      ),
    );
    expect(f.requests.filter((r) => r.status === 413)).toEqual([]);
  });
});
