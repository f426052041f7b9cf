/**
 * The rules a command declares (moderators only, a cooldown) and the refusal of a command there is
 * not are enforced once, in dispatch, for every adapter: the console, the CLI and the Discord bot
 * (its REAL discord.js client against the fake Discord in ./support/fakeDiscord.ts) refuse alike,
 * with dispatch's one message; no adapter has a check or a message of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { ask } from '../commands/ask.ts';
import { corpus } from '../commands/corpus.ts';
import { runCli } from '../src/adapters/cli/run.ts';
import { answerLine } from '../src/adapters/console/console.ts';
import type { InteractionHandlerOptions } from '../src/adapters/discord/interactions.ts';
import { moderatorsIn } from '../src/adapters/discord/options.ts';
import { renderNotice } from '../src/adapters/discord/render.ts';
import { commandDispatcher } from '../src/app/commands.ts';
import type { Invoker } from '../src/commandKit/command.ts';
import type { DispatcherOptions } from '../src/commandKit/dispatcher.ts';
import { RefusedError } from '../src/commandKit/preconditions.ts';
import { errorSchema } from '../src/contract/schema.ts';
import type { Library } from '../src/library.ts';
import { seedLibrary } from './support/corpus.ts';
import { PERMISSIONS, buttonInteraction } from './support/fakeDiscord.ts';
import type { FakeDiscord, FakeInteractionPayload } from './support/fakeDiscord.ts';
import { botOnFakeDiscord, sendCommand } from './support/botOnFakeDiscord.ts';
import type { CapturedLog } from './support/logCapture.ts';
import { memoryLogger } from './support/logger.ts';

interface MessageData {
  content?: string;
  flags?: number;
  embeds?: Array<{ title?: string }>;
  components?: Array<{ components: Array<{ custom_id?: string; label?: string }> }>;
}

const QUESTION = 'How long would closing the embassy take?';
const MEMBER = { permissions: PERMISSIONS.everyone } as const;
const MODERATOR = { permissions: PERMISSIONS.moderator } as const;

let library: Library;
const discord = botOnFakeDiscord();
let logs: CapturedLog;

beforeAll(async () => {
  library = await seedLibrary();
});

/** The bot on the fake Discord, with the cooldowns the commands declare. */
async function startDiscord(
  interactions: Partial<Omit<InteractionHandlerOptions, 'library' | 'log'>> = {},
): Promise<FakeDiscord> {
  const started = await discord.start({ library, interactions, declaredCooldowns: true });
  logs = started.logs;
  return started.fake;
}

/** The first answer: the callback's message, or the edit that follows a deferral. */
async function answerOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<MessageData> {
  const body = (await f.waitForCallback(payload.id, { timeoutMs: 5000 })).body as { type: number; data?: MessageData };
  const deferred = [
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
  ] as number[];
  if (!deferred.includes(body.type)) return body.data ?? {};
  const edit = await f.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), {
    timeoutMs: 10_000,
  });
  return { ...(edit.body as MessageData), flags: body.data?.flags ?? 0 };
}

/** The interaction's log line: its command and outcome. */
function outcomeOf(payload: FakeInteractionPayload): Record<string, unknown> | undefined {
  return logs.events('interaction').find((line) => line.interactionId === payload.id);
}

/** A refusal as the bot sends it: dispatch's message, drawn as every private notice is (escaped), and private. */
function expectRefusal(data: MessageData, message: string): void {
  expect(data.content).toBe(renderNotice(message).content);
  expect((data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
}

/** What dispatch answers an asker, with no adapter around it. */
async function refusalFor(
  name: string,
  raw: Record<string, string>,
  invoker: Invoker,
  options: DispatcherOptions = {},
): Promise<RefusedError> {
  const refusal = await commandDispatcher(options)
    .run(name, raw, { library, invoker })
    .catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(RefusedError);
  return refusal as RefusedError;
}

describe('the rules are data on the command', () => {
  it('declares /corpus for moderators only and a cooldown on /ask', () => {
    expect(corpus.definition.moderatorOnly).toBe(true);
    expect(ask.definition.cooldownMs).toBeGreaterThan(0);
  });
});

describe('one refusal for every adapter', () => {
  it('refuses a command there is not with the same message in the console, the CLI and Discord', async () => {
    const operator = { via: 'console', isModerator: true } as const;
    const { message } = await refusalFor('frobnicate', {}, operator);
    expect(message).toBe(
      'There is no /frobnicate command. Commands: ask, timeline, cite, export, sources, help, corpus; /help says what each does.',
    );

    expect(await answerLine('/frobnicate', { library, log: memoryLogger().log, color: false })).toBe(message);
    const cli = await runCli(['frobnicate', '--json'], { openLibrary: async () => library, log: memoryLogger().log });
    expect(cli.exitCode).toBe(2);
    expect(errorSchema.parse(JSON.parse(cli.stdout)).error).toEqual({ code: 'unknown_command', message });

    const f = await startDiscord();
    expectRefusal(await answerOf(f, sendCommand(f, { commandName: 'frobnicate', ...MODERATOR })), message);
    // A member is not told of the commands only moderators may run.
    const member = await answerOf(f, sendCommand(f, { commandName: 'frobnicate', ...MEMBER }));
    expectRefusal(member, message.replace(', corpus;', ';'));
    expect(logs.events('unknown_command')).toHaveLength(2);
  });

  it('refuses a moderator command to a member in Discord with dispatch’s message, and lets the terminal’s operator in', async () => {
    const f = await startDiscord();
    const member: Invoker = { via: 'discord', isModerator: false, userId: f.ids.userId };
    const { code, message } = await refusalFor('corpus', { subcommand: 'status' }, member, {
      moderators: moderatorsIn([]),
    });
    expect(code).toBe('forbidden');
    expect(message).toBe('/corpus is for moderators only (members who can manage this server).');

    const refused = sendCommand(f, { commandName: 'corpus', subcommand: 'status', ...MEMBER });
    expectRefusal(await answerOf(f, refused), message);
    await expect.poll(() => outcomeOf(refused)).toMatchObject({ outcome: 'refused', command: 'corpus' });
    expect(logs.events('forbidden')).toEqual([expect.objectContaining({ command: 'corpus', userId: f.ids.userId })]);
    const allowed = await answerOf(f, sendCommand(f, { commandName: 'corpus', subcommand: 'status', ...MODERATOR }));
    expect(allowed.embeds?.[0]?.title).toMatch(/^Corpus: /);

    expect(await answerLine('/corpus status', { library, log: memoryLogger().log, color: false })).toMatch(/^Corpus: /);
    expect(
      (await runCli(['corpus', 'status'], { openLibrary: async () => library, log: memoryLogger().log })).exitCode,
    ).toBe(0);
  });

  it('holds a Discord user to the cooldown /ask declares, with dispatch’s message; not a page of their answer, nor the operator', async () => {
    const clock = () => 1_000_000; // stopped: every wait is the whole cooldown
    const user: Invoker = { via: 'discord', isModerator: false, userId: '1300000000000000777' };
    const dispatcher = commandDispatcher({ now: clock });
    await dispatcher.run('ask', { question: QUESTION }, { library, invoker: user });
    const message = 'One /ask every 3 s, please: you can /ask again in 3 s.';
    await expect(dispatcher.run('ask', { question: QUESTION }, { library, invoker: user })).rejects.toMatchObject({
      code: 'cooldown',
      message,
    });

    const f = await startDiscord({ now: clock });
    const first = sendCommand(f, { commandName: 'ask', options: { question: QUESTION } });
    const answer = await answerOf(f, first);
    const again = sendCommand(f, { commandName: 'ask', options: { question: QUESTION } });
    expectRefusal(await answerOf(f, again), message);
    await expect.poll(() => outcomeOf(again)).toMatchObject({ outcome: 'refused', command: 'ask' });
    // The next page of the answer already given is no new question.
    const more = answer.components!.flatMap((row) => row.components).find((button) => button.label === 'Next ▶')!;
    const press = buttonInteraction(f.ids, { customId: more.custom_id!, message: f.getMessage(first.token)! });
    const page = await answerOf(f, f.dispatchInteraction(press));
    expect(page.embeds?.[0]?.title).toBe(QUESTION);

    // The operator at a terminal has no user id for a cooldown to hold back.
    const terminal = { library, log: memoryLogger().log, color: false };
    for (let i = 0; i < 3; i++) expect(await answerLine(QUESTION, terminal)).toMatch(/expected to take 90 days/);
  });
});
