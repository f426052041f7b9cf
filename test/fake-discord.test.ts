/**
 * Proves the fake Discord in ./support/fakeDiscord.ts is good enough for the REAL discord.js Client:
 * login, interactions of each kind, every way of answering them, attachments, faults, shutdown.
 */
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  InteractionResponseType,
  MessageFlags,
} from 'discord.js';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputApplicationCommandData,
  ChatInputCommandInteraction,
  Interaction,
} from 'discord.js';
import {
  PERMISSIONS,
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  rateLimitedReply,
  serverErrorReply,
  startFakeDiscord,
} from './support/fakeDiscord.ts';
import type { FakeDiscord, FakeInteractionPayload, RecordedRequest } from './support/fakeDiscord.ts';

const TOKEN = 'fake-token';

let fake: FakeDiscord;
let client: Client | undefined;

async function startClient(): Promise<Client> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
  client = c;
  const ready = once(c, Events.ClientReady, { signal: AbortSignal.timeout(5000) });
  await c.login(TOKEN);
  await ready;
  return c;
}

/** Dispatches the payload and resolves with the discord.js interaction the client emitted for it. */
async function deliver(c: Client, payload: FakeInteractionPayload): Promise<Interaction> {
  const received = new Promise<Interaction>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`interaction ${payload.id} never reached the client`)), 2000);
    const onInteraction = (interaction: Interaction) => {
      if (interaction.id !== payload.id) return;
      clearTimeout(timer);
      c.off(Events.InteractionCreate, onInteraction);
      resolve(interaction);
    };
    c.on(Events.InteractionCreate, onInteraction);
  });
  fake.dispatchInteraction(payload);
  return received;
}

async function deliverChatInput(c: Client, payload: FakeInteractionPayload): Promise<ChatInputCommandInteraction> {
  const interaction = await deliver(c, payload);
  if (!interaction.isChatInputCommand()) throw new Error(`expected a chat input command, got type ${interaction.type}`);
  return interaction;
}

async function deliverButton(c: Client, payload: FakeInteractionPayload): Promise<ButtonInteraction> {
  const interaction = await deliver(c, payload);
  if (!interaction.isButton()) throw new Error(`expected a button, got type ${interaction.type}`);
  return interaction;
}

const isCallbackFor = (id: string) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith('/callback');

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  // Client first: if the fake went away first, discord.js would try to reconnect to it.
  await client?.destroy();
  client = undefined;
  await fake.close();
});

describe('fake Discord with the real discord.js client', () => {
  it('logs in: bot token on /gateway/bot, IDENTIFY with token and Guilds intent, guild cached', async () => {
    const c = await startClient();
    await fake.waitForReady();

    const gatewayBot = await fake.waitForRequest((r) => r.path === '/gateway/bot');
    expect(gatewayBot.method).toBe('GET');
    expect(gatewayBot.authorization).toBe(`Bot ${TOKEN}`);

    expect(fake.identifies).toHaveLength(1);
    const identify = fake.identifies[0]!;
    expect(identify.token).toBe(TOKEN);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.shard).toEqual([0, 1]);
    expect(identify.properties).toEqual({
      browser: expect.stringContaining('@discordjs/ws'),
      device: expect.any(String),
      os: process.platform,
    });

    expect(c.user?.id).toBe(fake.ids.botUserId);
    expect(c.application?.id).toBe(fake.ids.appId);
    const guild = c.guilds.cache.get(fake.ids.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.ids.channelId)?.name).toBe('general');
    expect(guild?.roles.everyone.id).toBe(fake.ids.guildId);
    expect(fake.unexpectedRequests).toEqual([]);

    // Secrets stay out of anything printed by default.
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
    expect(JSON.stringify(fake.identifies)).not.toContain(TOKEN);
    expect(JSON.stringify(fake.gatewayFrames)).not.toContain(TOKEN);
  });

  it('delivers a chat-input command with its options, and reply() arrives as a type 4 callback', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, {
      commandName: 'dossier',
      subcommand: 'ask',
      options: { question: 'Who signed the treaty?', limit: 3, public: true },
      permissions: PERMISSIONS.moderator,
      roles: [fake.ids.moderatorRoleId],
    });
    const interaction = await deliverChatInput(c, payload);

    expect(interaction.commandName).toBe('dossier');
    expect(interaction.options.getSubcommand()).toBe('ask');
    expect(interaction.options.getString('question', true)).toBe('Who signed the treaty?');
    expect(interaction.options.getInteger('limit')).toBe(3);
    expect(interaction.options.getBoolean('public')).toBe(true);
    if (!interaction.inCachedGuild()) throw new Error('expected the interaction to be in the cached guild');
    expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
    expect(interaction.user.id).toBe(fake.ids.userId);
    expect(interaction.member.roles.cache.has(fake.ids.moderatorRoleId)).toBe(true);
    expect(interaction.member.permissions.has('ManageGuild')).toBe(true); // computed from the cached role
    expect(interaction.channelId).toBe(fake.ids.channelId);

    await interaction.reply({ content: 'The treaty was signed by both ministers.', allowedMentions: { parse: [] } });

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.path).toBe(`/interactions/${payload.id}/${payload.token}/callback`);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(callback.status).toBe(204);
    expect(callback.authorization).toBeNull(); // interaction callbacks are authenticated by the token in the URL
    expect(callback.body).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: expect.objectContaining({
        content: 'The treaty was signed by both ministers.',
        allowed_mentions: { parse: [] },
      }),
    });
    expect(fake.getMessage(payload.token)?.content).toBe('The treaty was signed by both ministers.');
  });

  it('reply({ withResponse: true }) gets an InteractionCallbackResponse with the created message', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'ping' });
    const interaction = await deliverChatInput(c, payload);

    const response = await interaction.reply({ content: 'pong', flags: MessageFlags.Ephemeral, withResponse: true });

    expect(response.interaction.id).toBe(payload.id);
    expect(response.interaction.responseMessageEphemeral).toBe(true);
    expect(response.resource?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(response.resource?.message?.content).toBe('pong');
    expect(response.resource?.message?.id).toBe(response.interaction.responseMessageId);
    const callback = await fake.waitForCallback(payload.id);
    expect(callback.query).toEqual({ with_response: 'true' });
    expect(callback.status).toBe(200);
  });

  it('deferReply() then editReply() then followUp(): type 5 callback, PATCH @original, POST webhook', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'ask', options: { question: 'When?' } });
    const interaction = await deliverChatInput(c, payload);

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const deferred = await fake.waitForCallback(payload.id);
    expect(deferred.body).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });

    const edited = await interaction.editReply({ content: 'On 4 March.' });
    expect(edited.content).toBe('On 4 March.');
    const patch = await fake.waitForRequest((r) => r.method === 'PATCH');
    expect(patch.path).toBe(`/webhooks/${fake.ids.appId}/${payload.token}/messages/@original`);
    expect(patch.body).toMatchObject({ content: 'On 4 March.' });
    expect(patch.status).toBe(200);
    // The placeholder stops "thinking" once edited, and keeps its ephemeral flag.
    expect(fake.getMessage(payload.token)?.flags).toBe(MessageFlags.Ephemeral);

    const followUp = await interaction.followUp({ content: 'Sources: [1] [2]' });
    expect(followUp.content).toBe('Sources: [1] [2]');
    const post = await fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith('/webhooks/'));
    expect(post.path).toBe(`/webhooks/${fake.ids.appId}/${payload.token}`);
    expect(post.query).toMatchObject({ wait: 'true' });
    expect(post.body).toMatchObject({ content: 'Sources: [1] [2]' });

    expect((await interaction.fetchReply()).content).toBe('On 4 March.');
    await interaction.deleteReply();
    const del = await fake.waitForRequest((r) => r.method === 'DELETE');
    expect(del.path).toBe(`/webhooks/${fake.ids.appId}/${payload.token}/messages/@original`);
    expect(del.status).toBe(204);
    expect(fake.getMessage(payload.token)).toBeUndefined();
    expect(fake.unexpectedRequests).toEqual([]);
  });

  it('delivers autocomplete, and respond() arrives as a type 8 callback with the choices', async () => {
    const c = await startClient();
    const payload = autocompleteInteraction(fake.ids, {
      commandName: 'dossier',
      subcommand: 'source',
      options: { limit: 5 },
      focused: { name: 'article', value: 'tre' },
    });
    const interaction = await deliver(c, payload);
    expect(interaction.isAutocomplete()).toBe(true);
    const autocomplete = interaction as AutocompleteInteraction;
    expect(autocomplete.options.getFocused(true)).toEqual({
      name: 'article',
      type: ApplicationCommandOptionType.String,
      value: 'tre',
      focused: true,
    });
    expect(autocomplete.options.getSubcommand()).toBe('source');
    expect(autocomplete.options.getInteger('limit')).toBe(5);

    await autocomplete.respond([
      { name: 'Treaty signed', value: 'a1' },
      { name: 'Treaty ratified', value: 'a2' },
    ]);

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: 'Treaty signed', value: 'a1' },
          { name: 'Treaty ratified', value: 'a2' },
        ],
      },
    });
  });

  it('delivers a button press; update() arrives as a type 7 callback', async () => {
    const c = await startClient();
    const payload = buttonInteraction(fake.ids, { customId: 'dossier:more:42' });
    const interaction = await deliverButton(c, payload);
    expect(interaction.customId).toBe('dossier:more:42');
    expect(interaction.message.id).toBe(payload.message.id);
    expect(interaction.message.author.id).toBe(fake.ids.botUserId);

    await interaction.update({ content: 'More detail', components: [] });

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.body).toEqual({
      type: InteractionResponseType.UpdateMessage,
      data: expect.objectContaining({ content: 'More detail', components: [] }),
    });
    expect(fake.getMessage(payload.token)).toMatchObject({
      id: payload.message.id,
      content: 'More detail',
      components: [],
    });
  });

  it('deferUpdate() on a button arrives as a type 6 callback', async () => {
    const c = await startClient();
    const payload = buttonInteraction(fake.ids, { customId: 'dossier:refresh' });
    const interaction = await deliverButton(c, payload);

    await interaction.deferUpdate();

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
  });

  it('a reply with a file goes out as multipart; the fake records payload_json and the file', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'export' });
    const interaction = await deliverChatInput(c, payload);
    const bibtex = Buffer.from('@article{a1, title={Treaty}}\n');

    await interaction.reply({
      content: 'Here you go',
      files: [new AttachmentBuilder(bibtex, { name: 'sources.bib' })],
    });

    const callback = await fake.waitForCallback(payload.id);
    expect(callback.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(callback.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'Here you go', attachments: [{ id: '0' }] }, // discord.js points at files[0] by id
    });
    expect(callback.files).toHaveLength(1);
    expect(callback.files[0]).toMatchObject({ field: 'files[0]', name: 'sources.bib', size: bibtex.length });
    expect(callback.files[0]?.data.equals(bibtex)).toBe(true);
    expect(fake.getMessage(payload.token)?.attachments).toMatchObject([
      { filename: 'sources.bib', size: bibtex.length },
    ]);
  });

  it('a 500 from Discord makes reply() reject with an HTTPError once discord.js has used up its 3 retries', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'ask' });
    const interaction = await deliverChatInput(c, payload);
    fake.failNext({ method: 'POST', path: /\/callback$/, times: 4, ...serverErrorReply() });

    const error = await interaction.reply({ content: 'never arrives' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(500);
    const attempts = fake.requests.filter(isCallbackFor(payload.id));
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 500]);
    expect(attempts.every((r) => r.faulted)).toBe(true);
  });

  it('a 429 with a tiny retry_after is waited out and retried by discord.js, then succeeds', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'ask' });
    const interaction = await deliverChatInput(c, payload);
    const fault = fake.failNext({ method: 'POST', path: /\/callback$/, ...rateLimitedReply(0.05) });

    await interaction.reply({ content: 'after the rate limit' });

    const attempts = fake.requests.filter(isCallbackFor(payload.id));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(50);
    expect(fault.remaining).toBe(0);
    expect(fake.getMessage(payload.token)?.content).toBe('after the rate limit');
  });

  it('rejects what Discord would reject: over-long content is a 50035 DiscordAPIError', async () => {
    const c = await startClient();
    const payload = chatInputInteraction(fake.ids, { commandName: 'ask' });
    const interaction = await deliverChatInput(c, payload);

    const error = await interaction.reply({ content: 'x'.repeat(2001) }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).message).toContain('data.content[BASE_TYPE_MAX_LENGTH]');
    expect((await fake.waitForRequest(isCallbackFor(payload.id))).status).toBe(400);
  });

  it('registers commands globally and per guild, keeping ids stable across re-registration', async () => {
    const c = await startClient();
    const ask: ChatInputApplicationCommandData = {
      name: 'ask',
      description: 'Ask the dossier',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question', required: true },
      ],
    };

    const first = await c.application!.commands.set([ask]);
    const again = await c.application!.commands.set([ask]);
    const guildCommands = await c.guilds.cache.get(fake.ids.guildId)!.commands.set([ask]);

    expect([...first.values()].map((cmd) => cmd.name)).toEqual(['ask']);
    expect(again.first()?.id).toBe(first.first()?.id);
    expect(guildCommands.first()?.guildId).toBe(fake.ids.guildId);
    expect(fake.commands.get('global')).toMatchObject([
      { name: 'ask', options: [{ name: 'question', required: true }] },
    ]);
    expect(fake.commands.get(fake.ids.guildId)).toHaveLength(1);

    const bad = await c.application!.commands.set([{ name: 'Ask Me', description: 'x' }]).catch((e: unknown) => e);
    expect((bad as DiscordAPIError).code).toBe(50035);
  });

  it('answers unknown routes with a Discord-style 404 and lists them as unexpected', async () => {
    const c = await startClient();

    const error = await c.rest.get('/channels/1300000000000009999/messages').catch((e: unknown) => e);
    const unexpected = fake.unexpectedRequests.map((r) => `${r.method} ${r.path}`);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(404);
    expect(unexpected).toEqual(['GET /channels/1300000000000009999/messages']);
  });

  it('when the gateway drops (4000), discord.js RESUMEs and interactions keep flowing', async () => {
    const c = await startClient();

    const resumed = once(c, Events.ShardResume, { signal: AbortSignal.timeout(5000) });
    fake.dropGateway(4000);
    expect(await fake.waitForClose()).toBe(4000);
    await resumed;

    expect(fake.gatewayCloses).toEqual([{ code: 4000, reason: 'fake-discord dropped the connection', byServer: true }]);
    expect(fake.gatewayFrames.some((f) => f.op === 6 && (f.d as { token: string }).token === '[redacted]')).toBe(true);
    expect(fake.identifies).toHaveLength(1); // resumed, not re-identified

    const payload = chatInputInteraction(fake.ids, { commandName: 'ping' });
    const interaction = await deliverChatInput(c, payload);
    await interaction.reply({ content: 'still here' });
    expect((await fake.waitForCallback(payload.id)).status).toBe(204);
  });

  it('refuses privileged intents the app is not approved for (4014), as Discord does by default', async () => {
    const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent];
    const c = new Client({ intents, rest: { api: fake.apiUrl } });
    client = c;

    await expect(c.login(TOKEN)).rejects.toThrow('Used disallowed intents');
    expect(await fake.waitForClose()).toBe(4014);
    expect(fake.identifies[0]?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.MessageContent);
  });

  it('with an expected token, a wrong one fails login with TokenInvalid (401 on /gateway/bot)', async () => {
    await fake.close();
    fake = await startFakeDiscord({ token: 'the-right-token' });
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
    client = c;

    await expect(c.login('a-wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /gateway/bot 401']);
  });

  it('client.destroy() closes the gateway cleanly with code 1000', async () => {
    const c = await startClient();

    await c.destroy();
    client = undefined;

    expect(await fake.waitForClose()).toBe(1000);
    expect(fake.gatewayCloses).toEqual([{ code: 1000, reason: 'Manager was destroyed', byServer: false }]);
  });
});
