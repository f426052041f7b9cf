/**
 * `/corpus` in Discord, end to end: the real bot (discord.js) against the fake Discord, a temp
 * corpus, and attachments served by a small HTTP server on 127.0.0.1 (standing in for Discord's
 * CDN). Permissions, uploads, removal, metadata, reloads with their progress, and the watcher.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, MessageFlags, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Bot } from '../src/adapters/discord/bot.ts';
import type { InteractionHandlerOptions } from '../src/adapters/discord/interactions.ts';
import { invokerFor, readAttachments } from '../src/adapters/discord/options.ts';
import { progressReplies } from '../src/adapters/discord/progress.ts';
import { slashCommands } from '../src/adapters/discord/slashCommands.ts';
import { parseConfig } from '../src/config.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { PERMISSIONS, chatInputInteraction, snowflake } from './support/fakeDiscord.ts';
import type { ChatInputSpec, FakeDiscord, FakeInteractionPayload, RecordedRequest } from './support/fakeDiscord.ts';
import { captureLog, type CapturedLog } from './support/logCapture.ts';
import { botOnFakeDiscord, sendCommand } from './support/botOnFakeDiscord.ts';
import { folderState, useTempCorpus } from './support/tempCorpus.ts';

interface MessageData {
  content?: string;
  flags?: number;
  embeds?: APIEmbed[];
}

/** The small HTTP server attachments are downloaded from: a file by name, an error, or silence. */
interface FileServer {
  readonly base: string;
  readonly files: Map<string, Buffer | string>;
  readonly hits: string[];
  close(): Promise<void>;
}

async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, Buffer | string>();
  const hits: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    if (path.startsWith('/hang/')) return void hanging.add(res); // never answers
    const name = path.replace(/^\/files\//, '');
    const body = files.get(name);
    if (!path.startsWith('/files/') || body === undefined) {
      res.writeHead(404, 'Not Found', { 'content-type': 'text/plain' }).end('no such file');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    files,
    hits,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections(); // fetch keeps connections alive for seconds otherwise
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let dir: string;
useTempCorpus((made) => (dir = made));
let library: Library;
let files: FileServer;
const discord = botOnFakeDiscord();
/** The bot `startAll` started (the harness stops it), and what it logged. */
let bot: Bot | undefined;
let logs: CapturedLog;

beforeEach(async () => {
  library = await Library.open(dir, LOAD_OPTIONS);
  files = await startFileServer();
});

afterEach(async () => {
  await files.close();
});

async function startAll(
  env: Record<string, string> = {},
  interactions: Partial<Omit<InteractionHandlerOptions, 'library' | 'log'>> = {},
  watchDebounceMs?: number,
): Promise<FakeDiscord> {
  // Attachments come from the test's file server on 127.0.0.1, standing in for Discord's CDN hosts.
  const started = await discord.start({
    library,
    env: { CORPUS_DIR: dir, DISCORD_ATTACHMENT_HOSTS: '127.0.0.1', ...env },
    interactions,
    ...(watchDebounceMs !== undefined ? { watchDebounceMs } : {}),
  });
  ({ bot, logs } = started);
  return started.fake;
}

const MODERATOR = { permissions: PERMISSIONS.moderator } as const;

function corpusCommand(
  f: FakeDiscord,
  subcommand: string,
  options: ChatInputSpec['options'] = {},
  who: Partial<ChatInputSpec> = MODERATOR,
): FakeInteractionPayload {
  return sendCommand(f, { commandName: 'corpus', subcommand, options, ...who });
}

/** `/corpus add` with a file attached, as Discord sends it: the option holds the attachment id, `resolved` describes it. */
function withAttachment(
  f: FakeDiscord,
  subcommand: 'add' | 'replace',
  attachment: { name: string; url: string; size: number },
  options: ChatInputSpec['options'] = {},
  who: Partial<ChatInputSpec> = MODERATOR,
): FakeInteractionPayload {
  const id = snowflake();
  const payload = chatInputInteraction(f.ids, {
    commandName: 'corpus',
    subcommand,
    options: { ...options, file: { type: ApplicationCommandOptionType.Attachment, value: id } },
    ...who,
  });
  (payload.data as { resolved?: unknown }).resolved = {
    attachments: {
      [id]: {
        id,
        filename: attachment.name,
        size: attachment.size,
        url: attachment.url,
        proxy_url: attachment.url,
        content_type: 'text/plain; charset=utf-8',
      },
    },
  };
  return f.dispatchInteraction(payload);
}

function serve(name: string, body: Buffer | string): { name: string; url: string; size: number } {
  files.files.set(name, body);
  return { name, url: `${files.base}/files/${encodeURIComponent(name)}`, size: Buffer.byteLength(body) };
}

/**
 * How long to wait for what follows a rebuild: an edit or a reload rebuilds the index in a worker
 * thread before the bot answers, which on a loaded machine takes well past ten seconds.
 */
const REBUILD_MS = 30_000;
/** A test that waits for rebuilds, one or two of them. */
const REBUILDING = { timeout: 2 * REBUILD_MS };

/** Text as a reader sees it: Discord's markdown escapes and the notice's italics taken off. */
const plain = (text: string | undefined) => (text ?? '').replace(/\\([_*~`|>\\])/g, '$1').replace(/^\*|\*$/g, '');

const isEphemeral = (data: MessageData) => ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function isWebhookEdit(request: RecordedRequest, payload: FakeInteractionPayload): boolean {
  return request.method === 'PATCH' && request.path.includes(payload.token) && request.status < 300;
}

/** The finished answer: the callback's message, or (after a deferral) the last edit, or a private follow-up. */
async function answerOf(f: FakeDiscord, payload: FakeInteractionPayload): Promise<MessageData> {
  const callback = await f.waitForCallback(payload.id, { timeoutMs: 10_000 });
  const body = callback.body as { type: number; data?: MessageData };
  if (body.type === 4) return body.data ?? {};
  await expect
    .poll(() => logs.events('interaction').some((line) => line.interactionId === payload.id), { timeout: REBUILD_MS })
    .toBe(true);
  const followUp = f.requests.find((r) => r.method === 'POST' && r.path.endsWith(payload.token) && r.status < 300);
  if (followUp) return followUp.body as MessageData;
  const edits = f.requests.filter((r) => isWebhookEdit(r, payload));
  return { ...(edits.at(-1)!.body as MessageData), flags: body.data?.flags ?? 0 };
}

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack in Baghdad\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n\nA State Department spokesman declined to comment on the preparations.\n';

describe('/corpus as Discord sees it', () => {
  it('registers /corpus with its subcommands, an attachment option, and Manage Server as the default permission', () => {
    const command = slashCommands().find((candidate) => candidate.name === 'corpus')!;
    expect(command.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(command.options!.map((option) => [option.type, option.name])).toEqual(
      ['status', 'reload', 'add', 'replace', 'remove', 'meta'].map((name) => [
        ApplicationCommandOptionType.Subcommand,
        name,
      ]),
    );
    const add = command.options!.find((option) => option.name === 'add') as {
      options: Array<{ name: string; type: number; required: boolean }>;
    };
    expect(add.options[0]).toMatchObject({
      name: 'file',
      type: ApplicationCommandOptionType.Attachment,
      required: true,
    });
    expect(add.options.map((option) => option.name)).toEqual([
      'file',
      'name',
      'title',
      'outlet',
      'date',
      'url',
      'author',
      'hide',
    ]);
    const meta = command.options!.find((option) => option.name === 'meta') as {
      options: Array<{ name: string; choices?: unknown[]; autocomplete?: boolean }>;
    };
    expect(meta.options.find((option) => option.name === 'field')?.choices).toHaveLength(5);
    expect(meta.options.find((option) => option.name === 'source')?.autocomplete).toBe(true);
  });
});

describe('who may use /corpus', () => {
  it('refuses a member without Manage Server or a moderator role privately, even if Discord showed the command', async () => {
    const f = await startAll({ MODERATOR_ROLE_IDS: '1300000000000000999' });
    const before = await folderState(dir);
    const payload = withAttachment(
      f,
      'add',
      serve('talks.md', ARTICLE),
      {},
      { permissions: PERMISSIONS.everyone, roles: [f.ids.moderatorRoleId] },
    );

    const data = await answerOf(f, payload);
    expect(isEphemeral(data)).toBe(true);
    expect(plain(data.content)).toBe(
      '/corpus is for moderators only (members who can manage this server or have a moderator role).',
    );
    expect(files.hits).toEqual([]); // nothing was downloaded
    expect(await folderState(dir)).toEqual(before);
    expect(logs.events('forbidden')).toEqual([expect.objectContaining({ command: 'corpus', userId: f.ids.userId })]);
  });

  it('lets in a member with a MODERATOR_ROLE_IDS role who lacks Manage Server', async () => {
    const f = await startAll({ MODERATOR_ROLE_IDS: `1300000000000000999, ${DEFAULT_MODERATOR_ROLE}` });
    const payload = corpusCommand(
      f,
      'status',
      {},
      { permissions: PERMISSIONS.everyone, roles: [f.ids.moderatorRoleId] },
    );
    const data = await answerOf(f, payload);
    expect(data.embeds![0]!.title).toBe('Corpus: 5 articles, 41 passages');
  });

  it('counts roles in addition to Manage Server, never instead of it', () => {
    const user = { id: '42' };
    const everyone = new PermissionsBitField(PermissionFlagsBits.SendMessages);
    const manager = new PermissionsBitField(PermissionFlagsBits.ManageGuild);
    expect(invokerFor({ user, memberPermissions: everyone, member: { roles: ['7'] } }, ['7']).isModerator).toBe(true);
    expect(
      invokerFor({ user, memberPermissions: everyone, member: { roles: { cache: new Map([['7', {}]]) } } }, ['7'])
        .isModerator,
    ).toBe(true);
    expect(invokerFor({ user, memberPermissions: everyone, member: { roles: ['8'] } }, ['7']).isModerator).toBe(false);
    expect(invokerFor({ user, memberPermissions: manager, member: { roles: [] } }, ['7']).isModerator).toBe(true);
    expect(invokerFor({ user, memberPermissions: everyone, member: { roles: ['7'] } }).isModerator).toBe(false);
  });
});

/** The fake guild's second role (see FakeIds.moderatorRoleId). */
const DEFAULT_MODERATOR_ROLE = '1300000000000000400';

describe('/corpus add, remove, meta and status', REBUILDING, () => {
  it('downloads an attached article, adds it with its metadata, and answers from it', async () => {
    const f = await startAll();
    const payload = withAttachment(f, 'add', serve('talks.md', ARTICLE), {
      outlet: 'Example Wire',
      date: '2020-09-29',
    });

    const data = await answerOf(f, payload);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Article added');
    expect(plain(embed.description)).toMatch(
      /^Added talks\.md: “Embassy staff begin to pack in Baghdad”, 2 passages, id [0-9a-f]{6}\.$/,
    );
    expect(JSON.stringify(embed.fields)).toContain('Added: talks.md, talks.meta.json');
    expect(files.hits).toEqual(['/files/talks.md']);
    expect(JSON.parse(await readFile(join(dir, 'talks.meta.json'), 'utf8'))).toEqual({
      outlet: 'Example Wire',
      date: '2020-09-29',
    });
    expect(library.current.corpus.sources.find((source) => source.file === 'talks.md')).toMatchObject({
      outlet: 'Example Wire',
    });
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({ who: f.ids.userId, via: 'discord', action: 'add', target: 'talks.md', result: 'ok' }),
    ]);

    const ask = f.dispatchInteraction(
      chatInputInteraction(f.ids, {
        commandName: 'ask',
        options: { question: 'Who began packing documents at the embassy?' },
      }),
    );
    expect(JSON.stringify((await answerOf(f, ask)).embeds)).toContain('Example Wire');
  });

  it.each([
    {
      what: 'an attachment the CDN answers 404 for',
      attachment: () => ({ name: 'gone.md', url: `${files.base}/files/gone.md`, size: 120 }),
      message:
        'Could not download "gone.md" (HTTP 404 Not Found). Attach it again; if it keeps failing, Discord may be having trouble.',
      downloaded: true,
    },
    {
      what: 'an attachment whose download never finishes',
      attachment: () => ({ name: 'slow.md', url: `${files.base}/hang/slow.md`, size: 120 }),
      message: 'Downloading "slow.md" took longer than 300 ms, so it was given up. Try again.',
      downloaded: true,
    },
    {
      what: 'an attachment over MAX_ARTICLE_BYTES (refused before downloading)',
      attachment: () => ({ ...serve('big.txt', 'x'), size: 3 * 1024 * 1024 }),
      message: '"big.txt" is 3.0 MB, over the 2.0 MB limit (MAX_ARTICLE_BYTES).',
      downloaded: false,
    },
    {
      what: 'an attachment larger than Discord said',
      attachment: () => ({ ...serve('liar.txt', 'word '.repeat(500_000)), size: 100 }),
      message: '"liar.txt" is over the 2.0 MB limit (MAX_ARTICLE_BYTES).',
      downloaded: true,
    },
    {
      what: 'a binary attachment',
      attachment: () => serve('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])),
      message: '"photo.txt" is binary, not text.',
      downloaded: true,
    },
    {
      what: 'an attachment named to escape the folder',
      attachment: () => ({ ...serve('x.md', ARTICLE), name: '../../escape.md' }),
      message: /^"\.\.\/\.\.\/escape\.md" is not a plain file name/,
      downloaded: true,
    },
    {
      what: 'an unsupported attachment',
      attachment: () => serve('scan.pdf', '%PDF-1.4'),
      message: '"scan.pdf" has an unsupported type; articles are .txt, .md, .markdown, .html, .htm.',
      downloaded: true,
    },
    {
      what: 'an attachment on a host that is not an attachment host',
      attachment: () => ({
        ...serve('elsewhere.md', ARTICLE),
        url: `${files.base.replace('127.0.0.1', 'localhost')}/files/elsewhere.md`,
      }),
      message:
        'Did not download "elsewhere.md": its address is on localhost, which is not one of Discord\'s attachment hosts (127.0.0.1). Attach the file to the command in Discord.',
      downloaded: false,
    },
  ])('refuses $what privately, and changes nothing', async ({ attachment, message, downloaded }) => {
    const f = await startAll({}, { downloadTimeoutMs: 300 });
    const before = await folderState(dir);
    const snapshot = library.current;
    const payload = withAttachment(f, 'add', attachment());

    const data = await answerOf(f, payload);
    expect(isEphemeral(data)).toBe(true);
    if (typeof message === 'string') expect(plain(data.content)).toBe(message);
    else expect(plain(data.content)).toMatch(message);
    expect(files.hits.length > 0).toBe(downloaded);
    expect(await folderState(dir)).toEqual(before);
    expect(library.current).toBe(snapshot);
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({ action: 'add', result: expect.stringMatching(/^(refused|failed)$/) }),
    ]);
  });

  it('removes an article, and corrects metadata', async () => {
    const f = await startAll();
    const removed = await answerOf(f, corpusCommand(f, 'remove', { source: SEEDS.nbcReuters }));
    expect(removed.embeds![0]!.title).toBe('Removed');
    expect(await readdir(dir)).not.toContain(SEEDS.nbcReuters);
    expect(library.current.corpus.sources).toHaveLength(4);

    const voa = library.current.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    const meta = await answerOf(
      f,
      corpusCommand(f, 'meta', { source: voa.id, field: 'outlet', value: 'Voice of America' }),
    );
    expect(meta.embeds![0]!.title).toBe('Metadata corrected');
    expect(plain(meta.embeds![0]!.description)).toBe(
      'Set the outlet of 004_232c69b19052f130.txt to “Voice of America” (in 004_232c69b19052f130.meta.json).',
    );
    expect(library.current.sourceById.get(voa.id)?.outlet).toBe('Voice of America');
    expect(logs.events('corpus_audit').map((line) => [line.action, line.result, line.who])).toEqual([
      ['remove', 'ok', f.ids.userId],
      ['meta', 'ok', f.ids.userId],
    ]);
  });

  it('answers a bad correction privately with what is wrong', async () => {
    const f = await startAll();
    const data = await answerOf(f, corpusCommand(f, 'meta', { source: SEEDS.voa, field: 'date', value: 'yesterday' }));
    expect(isEphemeral(data)).toBe(true);
    expect(plain(data.content)).toBe(
      '/corpus meta date "yesterday" is not valid: must be YYYY, YYYY-MM or YYYY-MM-DD.',
    );
  });

  it('shows the status with the files that could not load', async () => {
    await writeFile(join(dir, 'empty.txt'), '');
    await library.reload();
    const f = await startAll();
    const embed = (await answerOf(f, corpusCommand(f, 'status'))).embeds![0]!;
    expect(embed.title).toBe('Corpus: 5 articles, 41 passages');
    expect(embed.fields!.map((field) => field.name)).toEqual(['Answering from', 'Not loaded (1)']);
    // When it was loaded, in each reader's own time zone.
    expect(embed.fields![0]!.value).toBe(
      `5 articles, 41 passages, loaded <t:${Math.floor(library.current.loadedAt.getTime() / 1000)}:f>`,
    );
    expect(embed.fields![1]!.value).toContain('empty.txt is empty');
  });
});

describe('/corpus reload', REBUILDING, () => {
  it('defers, shows "Reloading… n/N files", then edits the reply into the result', async () => {
    const f = await startAll();
    await writeFile(join(dir, 'packing.md'), ARTICLE);
    const payload = corpusCommand(f, 'reload');

    const callback = await f.waitForCallback(payload.id, { timeoutMs: 10_000 });
    expect((callback.body as { type: number }).type).toBe(5); // deferred
    await expect
      .poll(() => f.requests.filter((r) => isWebhookEdit(r, payload)).length, { timeout: REBUILD_MS })
      .toBe(2);
    const [progress, result] = f.requests.filter((r) => isWebhookEdit(r, payload)).map((r) => r.body as MessageData);
    expect(progress).toMatchObject({ content: 'Reloading… 0/6 files', embeds: [] });
    expect(result!.content).toBe(''); // the progress text is cleared
    expect(result!.embeds![0]!.title).toBe('Reloaded');
    expect(JSON.stringify(result!.embeds![0]!.fields)).toContain('Added: packing.md');
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({
        action: 'reload',
        result: 'ok',
        changes: { added: ['packing.md'], removed: [], changed: [] },
      }),
    ]);
  });

  it('edits at most once per interval while the reload runs', async () => {
    let clock = 0;
    const edits: string[] = [];
    const interaction = {
      deferred: false,
      replied: false,
      async deferReply() {
        interaction.deferred = true;
      },
      async editReply(message: { content?: string }) {
        edits.push(message.content ?? '');
      },
    };
    const replies = progressReplies(interaction, undefined, {
      log: captureLog().log,
      now: () => clock,
      intervalMs: 1000,
    });
    for (let done = 0; done <= 40; done++) {
      replies.report({ done, total: 40 });
      clock += 100;
      await new Promise((resolve) => setImmediate(resolve)); // a reload yields between files
    }
    await replies.settle();
    replies.report({ done: 40, total: 40 }); // after the answer: ignored
    expect(edits).toEqual([
      'Reloading… 0/40 files',
      'Reloading… 10/40 files',
      'Reloading… 20/40 files',
      'Reloading… 30/40 files',
      'Reloading… 40/40 files',
    ]);
    expect(replies.shown).toBe(true);
  });

  it('says privately why a reload failed, and keeps answering from the old index', async () => {
    const f = await startAll();
    const old = library.current;
    await rename(dir, `${dir}-gone`);
    try {
      const data = await answerOf(f, corpusCommand(f, 'reload'));
      expect(isEphemeral(data)).toBe(true);
      expect(plain(data.content)).toMatch(
        /^The reload failed: the corpus folder is gone \(ENOENT\); the old index was kept\. Still answering from the 5 articles loaded at /,
      );
    } finally {
      await rename(`${dir}-gone`, dir);
    }
    expect(library.current).toBe(old);
    const ask = f.dispatchInteraction(
      chatInputInteraction(f.ids, {
        commandName: 'ask',
        options: { question: 'How long would closing the embassy take?' },
      }),
    );
    expect(JSON.stringify((await answerOf(f, ask)).embeds)).toContain('90 days');
  });
});

describe('WATCH_CORPUS', REBUILDING, () => {
  it('reloads by itself after files change, audits it as the watcher, and stops with the bot', async () => {
    await startAll({ WATCH_CORPUS: 'true' }, {}, 100);
    await writeFile(join(dir, 'packing.md'), ARTICLE);
    await expect.poll(() => library.current.corpus.sources.length, { timeout: REBUILD_MS }).toBe(6);
    await expect
      .poll(() => logs.events('corpus_audit'), { timeout: 5000 })
      .toEqual([
        expect.objectContaining({
          who: 'watcher',
          action: 'reload',
          result: 'ok',
          changes: { added: ['packing.md'], removed: [], changed: [] },
        }),
      ]);

    await bot!.stop();
    const stopped = library.current;
    await writeFile(
      join(dir, 'later.md'),
      ARTICLE.replace('Embassy staff begin to pack in Baghdad', 'A later story about the embassy staff'),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(library.current).toBe(stopped);
  });

  it('does not rebuild again after the bot’s own /corpus edit: the edit rebuilt, and the watcher finds the folder as that build left it', async () => {
    const f = await startAll({ WATCH_CORPUS: 'true' }, {}, 100);
    const voa = library.current.corpus.sources.find((source) => source.file === SEEDS.voa)!;
    const meta = await answerOf(
      f,
      corpusCommand(f, 'meta', { source: voa.id, field: 'outlet', value: 'Voice of America' }),
    );
    expect(meta.embeds![0]!.title).toBe('Metadata corrected');
    const edited = library.current;
    // The edit wrote the sidecar; the watcher sees it and reloads, which lists the folder and stops there.
    await expect
      .poll(() => logs.events('corpus_watch_reload'), { timeout: REBUILD_MS })
      .toEqual([expect.objectContaining({ rebuilt: false })]);
    expect(library.current).toBe(edited);
    expect(logs.events('corpus_audit')).toEqual([
      expect.objectContaining({ who: f.ids.userId, action: 'meta', result: 'ok' }),
    ]);
  });

  it('is off unless set', () => {
    expect(parseConfig({}).WATCH_CORPUS).toBeUndefined();
    expect(parseConfig({ WATCH_CORPUS: 'false' }).WATCH_CORPUS).toBe(false);
    expect(() => parseConfig({ WATCH_CORPUS: 'sometimes' })).toThrow(
      /^Invalid configuration: WATCH_CORPUS: must be true or false\. See \.env\.example\.$/,
    );
    expect(parseConfig({ MODERATOR_ROLE_IDS: '1300000000000000400,1300000000000000401' }).MODERATOR_ROLE_IDS).toEqual([
      '1300000000000000400',
      '1300000000000000401',
    ]);
    expect(() => parseConfig({ MODERATOR_ROLE_IDS: 'mods' })).toThrow(
      /^Invalid configuration: MODERATOR_ROLE_IDS: must be role ids/,
    );
  });
});

describe('reading attachments from the options', () => {
  it('finds attachments inside subcommands by id', () => {
    const attachment = { id: '99', name: 'a.txt', url: 'https://cdn.example/a.txt', size: 5 };
    const data = [
      {
        name: 'add',
        type: ApplicationCommandOptionType.Subcommand,
        options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: '99', attachment }],
      },
    ];
    expect(readAttachments(data as never)).toEqual(new Map([['99', attachment]]));
  });
});
