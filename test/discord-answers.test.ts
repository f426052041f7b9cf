/**
 * Answers a member reads at a glance (issue 14), through the REAL discord.js client of the bot
 * against the fake Discord (./support/fakeDiscord.ts): the answering sentence first and the reply
 * short for every seed question; private replies where convention expects them, with "Post to
 * channel"; the citation menu and the citation in a code block; the pager (another member's
 * press, expiry); the "Find sources" message command.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ComponentType, InteractionResponseType, MessageFlags } from 'discord.js';
import type { APIEmbed, APIMessage } from 'discord.js';
import type { Library } from '../src/library.ts';
import { seedLibrary } from './support/corpus.ts';
import { AnswerStore } from '../src/adapters/discord/buttons.ts';
import { deployCommands } from '../src/adapters/discord/deploy.ts';
import { parseConfig } from '../src/config.ts';
import { buttonInteraction, messageCommandInteraction, selectMenuInteraction } from './support/fakeDiscord.ts';
import type { FakeDiscord, FakeInteractionPayload } from './support/fakeDiscord.ts';
import { botOnFakeDiscord, sendCommand } from './support/botOnFakeDiscord.ts';

const EMBASSY_QUESTION = 'How long would closing the embassy take?';
const OTHER_MEMBER = { user: { id: '1300000000000000999', username: 'editor' } };
/** What a typical answer may take: title, text and footer, as Discord counts an embed. */
const ANSWER_LIMIT = 1100;

interface Control {
  type: number;
  custom_id: string;
  label?: string;
  disabled?: boolean;
  placeholder?: string;
  options?: Array<{ label: string; description?: string; value: string }>;
}
interface MessageData {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
  components?: Array<{ type: number; components: Control[] }>;
  allowed_mentions?: { parse?: string[] };
}
interface Reply {
  type: number;
  data: MessageData;
}

let library: Library;
const discord = botOnFakeDiscord();

beforeAll(async () => {
  library = await seedLibrary();
});

async function startAll(interactions: { answers?: AnswerStore; deferAfterMs?: number } = {}): Promise<FakeDiscord> {
  return (await discord.start({ library, interactions })).fake;
}

/** The finished reply to an interaction: its callback's message, or what follows a deferral (the edit, or a private follow-up). */
async function replyOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<Reply> {
  const body = (await f.waitForCallback(payload.id, { timeoutMs: 10_000 })).body as {
    type: number;
    data?: MessageData;
  };
  const deferred =
    body.type === InteractionResponseType.DeferredChannelMessageWithSource ||
    body.type === InteractionResponseType.DeferredMessageUpdate;
  if (!deferred) return { type: body.type, data: body.data ?? {} };
  const edit = await f.waitForRequest(
    (r) =>
      (r.method === 'PATCH' || r.method === 'POST') && r.path.includes(`/webhooks/`) && r.path.includes(payload.token),
    { timeoutMs: 10_000 },
  );
  return {
    type: body.type,
    data: { ...(edit.body as MessageData), flags: (edit.body as MessageData).flags ?? body.data?.flags ?? 0 },
  };
}

/** The private follow-up an interaction sent after its callback. */
async function followUpOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<MessageData> {
  const request = await f.waitForRequest(
    (r) => r.method === 'POST' && r.path.endsWith(`/webhooks/${f.ids.appId}/${payload.token}`),
    { timeoutMs: 10_000 },
  );
  return request.body as MessageData;
}

const controls = (data: MessageData): Control[] => (data.components ?? []).flatMap((row) => row.components);
const control = (data: MessageData, label: string): Control | undefined =>
  controls(data).find((c) => c.label === label || c.placeholder === label);
const isPrivate = (data: MessageData) => ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const embedChars = (embed: APIEmbed) =>
  (embed.title?.length ?? 0) +
  (embed.description?.length ?? 0) +
  (embed.footer?.text.length ?? 0) +
  (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);

function press(f: FakeDiscord, customId: string, message: APIMessage, who: object = {}): FakeInteractionPayload {
  return f.dispatchInteraction(buttonInteraction(f.ids, { customId, message, ...who }));
}

describe('an answer at a glance', () => {
  it('leads every answered seed question with the answering sentence and its source, in about 1,000 characters', {
    timeout: 120_000,
  }, async () => {
    const f = await startAll();
    const seed = JSON.parse(readFileSync('eval/stories/seed/questions.json', 'utf8')) as {
      questions: Array<{ question: string; gold: string[] }>;
    };
    const answered = seed.questions.filter((q) => q.gold.length > 0);
    const sizes: number[] = [];
    for (const { question } of answered) {
      const { data } = await replyOf(f, sendCommand(f, { commandName: 'ask', options: { question } }));
      const embed = data.embeds![0]!;
      if (embed.title === 'No passage answers that') continue;
      expect(isPrivate(data), question).toBe(false);
      // The answer first: a quoted sentence of the first passage, then its source and id.
      const [quote, source] = embed.description!.replace(/^\*.*\*\n\n/, '').split('\n');
      const sentence = /^> \*\*(.+)\*\*$/.exec(quote!)?.[1];
      const [, id] = /^— .+ · ¶\d+ · `([0-9a-f]{6}-[0-9a-f]{6})`$/.exec(source!) ?? [];
      const passage = library.current.passageById.get(id!);
      expect(passage, question).toBeDefined();
      expect(passage!.text.replace(/\s+/g, ' '), question).toContain(
        sentence!.replace(/\\(.)/g, '$1').replace(/ ?…$/, ''),
      );
      // The citation menu offers each passage of the page, the first one first.
      const menu = controls(data).find((c) => c.type === ComponentType.StringSelect)!;
      expect(menu.placeholder).toBe('Cite a passage…');
      expect(menu.options![0]!.value).toBe(id);
      sizes.push(embedChars(embed));
    }
    expect(sizes.length).toBeGreaterThan(answered.length * 0.8);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(ANSWER_LIMIT);
  });

  it('says when several articles state the answer, and shows the whole paragraphs privately on request', async () => {
    const f = await startAll();
    const ask = sendCommand(f, {
      commandName: 'ask',
      options: { question: 'Who has died in the militia rocket attacks this year?' },
    });
    const { data } = await replyOf(f, ask);
    expect(data.embeds![0]!.description).toMatch(/\nAlso reported by \d+ other articles? \(.+\)\./);

    const full = press(f, control(data, 'Full passages')!.custom_id, f.getMessage(ask.token)!);
    const reply = await replyOf(f, full);
    expect(isPrivate(reply.data)).toBe(true);
    const fields = reply.data.embeds![0]!.fields!;
    expect(fields.map((field) => field.name.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.']);
    expect(fields.every((field) => /· ¶\d+ · id `[0-9a-f]{6}-[0-9a-f]{6}`/.test(field.value))).toBe(true);
    expect(control(reply.data, 'Post to channel')).toBeDefined();
  });

  it('names the article by its title where its outlet is unknown, never "Unknown outlet" nor a bracketed description', async () => {
    const f = await startAll();
    const { data } = await replyOf(
      f,
      sendCommand(f, {
        commandName: 'ask',
        options: {
          question: 'Besides sanctions, which international lenders did the US threaten to cut Iraq off from?',
        },
      }),
    );
    const text = JSON.stringify(data);
    expect(text).not.toContain('Unknown outlet');
    expect(text).not.toMatch(/\[After the United States/);
    expect(data.embeds![0]!.description).toContain('After the United States signalled that it');
  });
});

describe('private where Discord convention expects it', () => {
  it('answers /help, /corpus and a question nothing answers privately; a private answer can be posted to the channel', async () => {
    const f = await startAll();
    const help = sendCommand(f, { commandName: 'help' });
    const corpus = sendCommand(f, { commandName: 'corpus', subcommand: 'status', permissions: String(1n << 5n) });
    const nothing = sendCommand(f, { commandName: 'ask', options: { question: 'zebra giraffe' } });

    const helpReply = await replyOf(f, help);
    const corpusReply = await replyOf(f, corpus);
    const nothingReply = await replyOf(f, nothing);
    for (const reply of [helpReply, corpusReply, nothingReply]) expect(isPrivate(reply.data)).toBe(true);
    expect(nothingReply.data.embeds![0]!.title).toBe('No passage answers that');
    expect(control(nothingReply.data, 'Post to channel')).toBeUndefined();
    const post = control(helpReply.data, 'Post to channel')!;
    expect(control(corpusReply.data, 'Post to channel')).toBeDefined();

    const posted = await replyOf(f, press(f, post.custom_id, f.getMessage(help.token)!));
    expect(posted.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isPrivate(posted.data)).toBe(false);
    expect(posted.data.embeds![0]!.title).toBe(helpReply.data.embeds![0]!.title);
    expect(control(posted.data, 'Post to channel')).toBeUndefined();
    expect(posted.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('takes back a public "thinking…" when nothing answers, and tells the asker alone', async () => {
    const f = await startAll({ deferAfterMs: -1 }); // every answer is deferred first, publicly
    const payload = sendCommand(f, { commandName: 'ask', options: { question: 'zebra giraffe' } });
    const callback = (await f.waitForCallback(payload.id)).body as { type: number; data?: MessageData };
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(isPrivate(callback.data ?? {})).toBe(false);
    await f.waitForRequest(
      (r) => r.method === 'DELETE' && r.path.endsWith(`/webhooks/${f.ids.appId}/${payload.token}/messages/@original`),
    );
    const notice = await followUpOf(f, payload);
    expect(isPrivate(notice)).toBe(true);
    expect(notice.embeds![0]!.title).toBe('No passage answers that');
  });

  it('names the story in /help (its dates, outlets and number of articles) and its commands as clickable mentions', async () => {
    const f = await startAll();
    await deployCommands(
      parseConfig({
        DISCORD_TOKEN: 'test-token',
        DISCORD_API_URL: f.apiUrl,
        CORPUS_DIR: 'corpus',
        DISCORD_GUILD_ID: f.ids.guildId,
      }),
    );
    const { data } = await replyOf(f, sendCommand(f, { commandName: 'help' }));
    const description = data.embeds![0]!.description!;
    expect(description).toMatch(/^\*5 articles, Sep 28, 2020 – Sep 29, 2020: .*VOA News/);
    const ask = f.commands.get(f.ids.guildId)!.find((c) => c.name === 'ask')!;
    expect(description).toContain(`\n</ask:${ask.id}> — Ask a question about the story`);
    expect(description).toContain(`Example: </ask:${ask.id}> What did officials say would happen next?`);
  });
});

describe('citations you paste', () => {
  it('cites a passage picked in the menu privately: the citation alone in a code block, the in-text form and quote apart; style buttons switch in place', async () => {
    const f = await startAll();
    const ask = sendCommand(f, { commandName: 'ask', options: { question: EMBASSY_QUESTION } });
    const { data } = await replyOf(f, ask);
    const menu = controls(data).find((c) => c.type === ComponentType.StringSelect)!;
    const picked = menu.options!.find((option) =>
      library.current.passageById.get(option.value)!.text.includes('90 days'),
    )!;
    expect(picked.label).toMatch(/^\d\. .+ · ¶\d+$/);

    const pick = f.dispatchInteraction(
      selectMenuInteraction(f.ids, {
        customId: menu.custom_id,
        values: [picked.value],
        message: f.getMessage(ask.token)!,
      }),
    );
    const apa = await replyOf(f, pick);
    expect(isPrivate(apa.data)).toBe(true);
    expect(apa.data.embeds ?? []).toEqual([]);
    const lines = apa.data.content!.split('\n');
    expect(lines[0]).toMatch(/^\*\*APA citation · .+ · ¶\d+\*\*$/);
    expect(lines[1]).toBe('```');
    expect(lines[3]).toBe('```');
    expect(lines[2]).toMatch(/\(2020, September 29\)\./); // the reference entry, alone
    expect(lines[4]).toMatch(/^In-text: `\(.+, 2020, para\. \d+\)`$/);
    expect(lines[5]).toMatch(/^> “.*90 days/);
    expect(controls(apa.data).map((c) => c.label)).toEqual([
      'APA',
      'MLA',
      'Chicago',
      'BibTeX',
      'CSL-JSON',
      'Post to channel',
    ]);

    const toBibtex = press(f, control(apa.data, 'BibTeX')!.custom_id, f.getMessage(pick.token)!);
    const bibtex = await replyOf(f, toBibtex);
    expect(bibtex.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(bibtex.data.content).toMatch(
      /^\*\*BibTeX citation · .+\*\*\n```bibtex\n@(article|misc)\{dossier_[\s\S]+\n\}\n```$/,
    );
    expect(bibtex.data.content).toMatch(/\tmonth = sep,\n\tday = \{29\},/);
  });

  it('resolves /cite words that one passage says, and lists the passages words or an id prefix could mean', async () => {
    const f = await startAll();
    const one = await replyOf(
      f,
      sendCommand(f, { commandName: 'cite', options: { passage: 'a window that would allow Washington' } }),
    );
    expect(one.data.content).toContain('90 days');

    const several = await replyOf(f, sendCommand(f, { commandName: 'cite', options: { passage: '90 days' } }));
    expect(isPrivate(several.data)).toBe(true);
    const [, count] =
      /^(\d) passages say “90 days”; pick one\.\n\*\*1\.\*\* .+`[0-9a-f-]+`\n\*\*2\.\*\* /.exec(
        several.data.content!,
      ) ?? [];
    const menu = controls(several.data).find((c) => c.type === ComponentType.StringSelect)!;
    expect(menu.options).toHaveLength(Number(count));
    expect(
      menu.options!.every((option) => library.current.passageById.get(option.value)!.text.includes('90 days')),
    ).toBe(true);

    const prefix = await replyOf(f, sendCommand(f, { commandName: 'cite', options: { passage: '097016-acd' } }));
    expect(prefix.data.content).toMatch(/^\*\*APA citation · .+ · ¶3\*\*/);
  });
});

describe('the pager', () => {
  it('pages the asker’s answer in place with Prev and Next, page n of m; another member gets a private copy', async () => {
    const f = await startAll();
    const ask = sendCommand(f, { commandName: 'ask', options: { question: 'embassy', limit: 2 } });
    const first = await replyOf(f, ask);
    expect(first.data.embeds![0]!.footer!.text).toMatch(/^Page 1 of (\d+)$/);
    expect(control(first.data, '◀ Prev')).toBeUndefined();
    const next = control(first.data, 'Next ▶')!;

    const mine = await replyOf(f, press(f, next.custom_id, f.getMessage(ask.token)!));
    expect(mine.type).toBe(InteractionResponseType.UpdateMessage);
    expect(mine.data.embeds![0]!.footer!.text).toMatch(/^Page 2 of \d+$/);
    expect(control(mine.data, '◀ Prev')!.custom_id).toMatch(/^page:[\w-]+:0$/);

    const theirs = await replyOf(f, press(f, next.custom_id, f.getMessage(ask.token)!, OTHER_MEMBER));
    expect(theirs.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isPrivate(theirs.data)).toBe(true);
    expect(theirs.data.embeds![0]!.footer!.text).toMatch(/^Page 2 of \d+$/);
    // Their copy is theirs to page: its buttons are keyed to them, not to the asker's answer.
    expect(control(theirs.data, 'Next ▶')?.custom_id ?? '').not.toBe(next.custom_id.replace(/:2$/, ':4'));
  });

  it('takes the pager off an expired answer and tells the presser privately, keeping the citation menu', async () => {
    let now = 0;
    const answers = new AnswerStore({ ttlMs: 1000, now: () => now });
    const f = await startAll({ answers });
    const ask = sendCommand(f, { commandName: 'ask', options: { question: 'embassy', limit: 2 } });
    const { data } = await replyOf(f, ask);
    now = 5000;

    const stale = press(f, control(data, 'Next ▶')!.custom_id, f.getMessage(ask.token)!);
    const update = await replyOf(f, stale);
    expect(update.type).toBe(InteractionResponseType.UpdateMessage);
    expect(controls(update.data).map((c) => c.placeholder ?? c.label)).toEqual(['Cite a passage…']);
    const notice = await followUpOf(f, stale);
    expect(isPrivate(notice)).toBe(true);
    expect(notice.content).toBe('This answer has expired, so its buttons are gone; ask again for more.');
  });
});

describe('Find sources (message context menu)', () => {
  it('takes a member’s message as the question and answers privately', async () => {
    const f = await startAll();
    const payload = f.dispatchInteraction(
      messageCommandInteraction(f.ids, {
        commandName: 'Find sources',
        content: 'Is it true the **embassy** would take 90 days to close? <@123> https://example.com/x',
      }),
    );
    const { data } = await replyOf(f, payload);
    expect(isPrivate(data)).toBe(true);
    expect(data.embeds![0]!.title).toBe('Is it true the embassy would take 90 days to close?');
    expect(data.embeds![0]!.description).toMatch(/^> \*\*.*90 days/);
    expect(control(data, 'Post to channel')).toBeDefined();
  });
});
