/**
 * A small fake Discord (REST API v10 + gateway v10, JSON, no compression) for tests.
 *
 * The real discord.js Client talks to it unchanged:
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 *   await client.login('fake-token');          // GET /gateway/bot, then IDENTIFY over the gateway
 *   fake.dispatchInteraction(chatInputInteraction(fake.ids, { commandName: 'ask' }));
 *   const reply = await fake.waitForCallback(...);
 *   await client.destroy();                    // destroy the client BEFORE fake.close()
 *   await fake.close();
 *
 * It answers the routes a slash-command bot uses (gateway info, application, command registration,
 * interaction callbacks, webhook follow-ups/edits), records every request, lets a test inject
 * faults (500, 429 ...), and rejects payloads real Discord would reject for the common limits
 * (2000-char content, embed limits, command name rules ...) so those bugs show up in tests.
 * Anything else answers a Discord-style 404 and is listed in `unexpectedRequests`.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionContextType,
  InteractionResponseType,
  InteractionType,
  Locale,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIActionRowComponent,
  APIComponentInMessageActionRow,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChatInputApplicationCommandGuildInteraction,
  APIGuildMember,
  APIGuildTextChannel,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentGuildInteraction,
  APIMessageApplicationCommandGuildInteraction,
  APIRole,
  APIUser,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

/** The fixed world the fake serves: one application, one bot, one guild with one text channel. */
export interface FakeIds {
  appId: string;
  botUserId: string;
  guildId: string;
  channelId: string;
  /** Guild owner (discord.js grants the owner every permission, so it is NOT the default invoker). */
  ownerId: string;
  /** The default user who invokes interactions: a plain member of the guild. */
  userId: string;
  /** A second role in the guild (besides @everyone) with ManageGuild, for permission tests. */
  moderatorRoleId: string;
}

export interface FakeDiscordOptions {
  appId?: string;
  guildId?: string;
  botUserId?: string;
  channelId?: string;
  botUsername?: string;
  /**
   * When set, the gateway closes with 4004 and authenticated REST routes answer 401 unless the
   * client uses this token. When unset, any token is accepted.
   */
  token?: string;
  /**
   * Privileged intents (GuildMembers, GuildPresences, MessageContent) the app is "approved" for.
   * Like a fresh Discord app, none are allowed by default: asking for one closes the gateway with
   * 4014 (Disallowed intents), which is exactly what would happen in production.
   */
  allowedPrivilegedIntents?: number;
  /** Reject payloads that break Discord's documented limits (default true). */
  validate?: boolean;
  /** Heartbeat interval announced in HELLO (default 41250 ms, as Discord does). */
  heartbeatIntervalMs?: number;
}

export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path without the `/api/v10` prefix and without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased headers; `authorization` is replaced by `[redacted]` when present. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` part of a multipart body, else null. */
  body: unknown;
  files: RecordedFile[];
  /** Status the fake answered with. */
  status: number;
  /** True when the answer came from an injected fault. */
  faulted: boolean;
  /** True when no route matched (the fake answered 404). */
  unexpected: boolean;
  /** Date.now() when the request was received. */
  at: number;
  /**
   * The raw Authorization header (e.g. `Bot fake-token`), or null. Non-enumerable, so it never
   * shows up in console.log, JSON.stringify or vitest diffs; read it explicitly to assert on it.
   */
  readonly authorization: string | null;
}

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Exact path (without `/api/v10`) or a RegExp tested against it. */
  path: string | RegExp;
  /** How many matching requests get this answer (default 1). */
  times?: number;
  status: number;
  /** JSON-encoded unless it is a string. Omitted: empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Fault {
  readonly spec: FaultSpec;
  /** Matching requests still to be answered with this fault. */
  remaining: number;
}

/** The IDENTIFY payload the client sent. `token` is non-enumerable (kept out of printed output). */
export interface IdentifyRecord {
  intents: number;
  shard?: [number, number];
  properties: Record<string, unknown>;
  compress?: boolean;
  large_threshold?: number;
  presence?: unknown;
  readonly token: string;
}

export interface GatewayFrame {
  op: number;
  /** The frame's data; the token of IDENTIFY/RESUME is replaced by `[redacted]`. */
  d: unknown;
  at: number;
}

export interface GatewayClose {
  code: number;
  reason: string;
  /** True when the fake closed the connection (dropGateway, protocol error), false when the client did. */
  byServer: boolean;
}

export interface StoredCommand extends Record<string, unknown> {
  id: string;
  name: string;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface FakeDiscord {
  /** Hand this to discord.js: `new Client({ rest: { api: fake.apiUrl } })`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly ids: FakeIds;
  /** Every HTTP request received, in order (including faulted and unexpected ones). */
  readonly requests: readonly RecordedRequest[];
  /** Requests no route matched; a well-behaved bot makes none. */
  readonly unexpectedRequests: readonly RecordedRequest[];
  /** Every IDENTIFY received, in order. */
  readonly identifies: readonly IdentifyRecord[];
  /** Every gateway frame received from clients. */
  readonly gatewayFrames: readonly GatewayFrame[];
  /** Close events of finished gateway connections, in order. */
  readonly gatewayCloses: readonly GatewayClose[];
  /** Commands registered with PUT/POST, keyed by scope: 'global' or a guild id. */
  readonly commands: ReadonlyMap<string, readonly StoredCommand[]>;
  clearRequests(): void;

  /** The next `times` requests matching method+path get this answer instead of the normal one. */
  failNext(spec: FaultSpec): Fault;

  /** Send a dispatch event (op 0) to the connected, ready client. */
  dispatch(eventName: string, data: unknown): void;
  /** Send INTERACTION_CREATE and register the interaction so its callback/webhook routes work. */
  dispatchInteraction<T extends FakeInteractionPayload>(payload: T): T;
  /** Close the current gateway connection from the server side (4000 makes discord.js RESUME). */
  dropGateway(code?: number, reason?: string): void;

  /** Resolves with the first recorded request (past or future) matching the predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, options?: WaitOptions): Promise<RecordedRequest>;
  /** Resolves with the first successful (2xx) callback for that interaction id. */
  waitForCallback(interactionId: string, options?: WaitOptions): Promise<RecordedRequest>;
  /** Resolves once a connection has identified and been sent READY + GUILD_CREATE (or RESUMED). */
  waitForReady(options?: WaitOptions): Promise<void>;
  /** Resolves with the close code of the most recent gateway connection once it has closed. */
  waitForClose(options?: WaitOptions): Promise<number>;

  /** Current state of a message created through an interaction (`@original` or an id), if any. */
  getMessage(interactionToken: string, messageId?: string): APIMessage | undefined;

  /** Stops both servers and drops every socket. Destroy the discord.js client first. */
  close(): Promise<void>;
}

export type FakeInteractionPayload =
  | APIChatInputApplicationCommandGuildInteraction
  | APIMessageApplicationCommandGuildInteraction
  | APIApplicationCommandAutocompleteGuildInteraction
  | APIMessageComponentGuildInteraction;

// ---------------------------------------------------------------------------------------------
// Ids, snowflakes, tokens
// ---------------------------------------------------------------------------------------------

export const DEFAULT_IDS: FakeIds = {
  appId: '1300000000000000001',
  botUserId: '1300000000000000001', // Discord bots share the application's id
  guildId: '1300000000000000100',
  channelId: '1300000000000000200',
  ownerId: '1300000000000000300',
  userId: '1300000000000000500',
  moderatorRoleId: '1300000000000000400',
};

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A real-looking, unique snowflake (19 digits, timestamp = now) so discord.js dates make sense. */
export function snowflake(): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeIncrement);
}

function interactionToken(): string {
  // URL-safe, like Discord's; must not contain '/' or '?' since it is a path segment.
  return `fake.${randomBytes(24).toString('base64url')}`;
}

// ---------------------------------------------------------------------------------------------
// Guild fixtures
// ---------------------------------------------------------------------------------------------

/** Roughly what @everyone gets in a new server. */
const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

const MODERATOR_PERMISSIONS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageMessages;

/** Permissions string for `member.permissions` / `app_permissions` in interaction payloads. */
export function permissionString(...flags: bigint[]): string {
  return String(flags.reduce((all, flag) => all | flag, 0n));
}

export const PERMISSIONS = {
  everyone: permissionString(EVERYONE_PERMISSIONS),
  moderator: permissionString(EVERYONE_PERMISSIONS, MODERATOR_PERMISSIONS),
  administrator: permissionString(EVERYONE_PERMISSIONS, PermissionFlagsBits.Administrator),
} as const;

const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

function makeUser(id: string, username: string, bot: boolean): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
    flags: 0 as UserFlags,
  };
}

function defaultInvoker(ids: FakeIds): APIUser {
  return makeUser(ids.userId, 'reporter', false);
}

function owner(ids: FakeIds): APIUser {
  return makeUser(ids.ownerId, 'editor', false);
}

function makeRole(id: string, name: string, position: number, permissions: bigint): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

function makeMember(user: APIUser, roles: string[]): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: new Date(0).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

function textChannel(ids: FakeIds): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: ids.channelId,
    type: ChannelType.GuildText,
    guild_id: ids.guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    parent_id: null,
    default_auto_archive_duration: 1440,
    flags: 0 as ChannelFlags,
  };
}

function guildCreatePayload(ids: FakeIds, bot: APIUser): Record<string, unknown> {
  // Enough of a GUILD_CREATE for discord.js to cache the guild, its channel, roles and members.
  return {
    id: ids.guildId,
    name: 'Fake Newsroom',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: ids.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: Locale.EnglishUS,
    features: [],
    application_id: null,
    system_channel_id: ids.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    max_members: 500000,
    max_video_channel_users: 25,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 3,
    roles: [
      makeRole(ids.guildId, '@everyone', 0, EVERYONE_PERMISSIONS), // @everyone's id is the guild id
      makeRole(ids.moderatorRoleId, 'Moderator', 1, MODERATOR_PERMISSIONS),
    ],
    channels: [textChannel(ids)],
    members: [makeMember(bot, []), makeMember(owner(ids), []), makeMember(defaultInvoker(ids), [])],
    threads: [],
    presences: [],
    voice_states: [],
    emojis: [],
    stickers: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function applicationObject(ids: FakeIds, bot: APIUser): Record<string, unknown> {
  return {
    id: ids.appId,
    name: bot.username,
    icon: null,
    description: '',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    bot,
    owner: owner(ids),
    team: null,
    flags: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Interaction payload builders
// ---------------------------------------------------------------------------------------------

/** An option value; numbers become INTEGER when integral, NUMBER otherwise, unless typed explicitly. */
export type OptionValue =
  | string
  | number
  | boolean
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface InvokerSpec {
  /** Fields merged over the default invoking user ('reporter', ids.userId, not the owner). */
  user?: Partial<APIUser>;
  /** The member's computed permissions (bitfield); default: what @everyone has. */
  permissions?: string | bigint;
  /** Role ids the member has (besides @everyone). */
  roles?: string[];
  locale?: Locale;
  /** The largest file the bot may upload in reply, in bytes (Discord states it per interaction); default 10 MiB. */
  attachmentSizeLimit?: number;
}

/** Discord's upload limit in a server without boosts. */
const DEFAULT_ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export interface ChatInputSpec extends InvokerSpec {
  commandName: string;
  commandId?: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteSpec extends ChatInputSpec {
  /** The option the user is typing in; string unless `type` says otherwise. */
  focused: { name: string; value: string | number; type?: ApplicationCommandOptionType };
}

export interface ButtonSpec extends InvokerSpec {
  customId: string;
  /** Overrides for the message the button is attached to (default: a bot message with that button). */
  message?: Partial<APIMessage>;
}

function invokingMember(ids: FakeIds, spec: InvokerSpec): APIInteractionGuildMember {
  const user: APIUser = { ...defaultInvoker(ids), ...spec.user };
  return {
    ...makeMember(user, spec.roles ?? []),
    user,
    permissions: String(spec.permissions ?? PERMISSIONS.everyone),
  };
}

/** Fields every guild interaction carries; discord.js reads all of these when building it. */
function guildInteractionBase(ids: FakeIds, spec: InvokerSpec) {
  return {
    id: snowflake(),
    application_id: ids.appId,
    token: interactionToken(),
    version: 1 as const,
    guild_id: ids.guildId,
    guild: { id: ids.guildId, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    channel_id: ids.channelId,
    channel: { ...textChannel(ids), permissions: PERMISSIONS.everyone },
    member: invokingMember(ids, spec),
    app_permissions: PERMISSIONS.everyone,
    locale: spec.locale ?? Locale.EnglishUS,
    entitlements: [], // discord.js calls .reduce on it: required
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: ids.guildId }, // required too
    context: InteractionContextType.Guild,
    attachment_size_limit: spec.attachmentSizeLimit ?? DEFAULT_ATTACHMENT_SIZE_LIMIT,
  };
}

function toOption(name: string, value: OptionValue): APIApplicationCommandInteractionDataBasicOption {
  if (typeof value === 'object') {
    return { name, type: value.type, value: value.value } as APIApplicationCommandInteractionDataBasicOption;
  }
  if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
  if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
  const type = Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  return { name, type, value } as APIApplicationCommandInteractionDataBasicOption;
}

/** Nests the leaf options under the subcommand (and group) the way Discord sends them. */
function nestOptions(
  leaves: APIApplicationCommandInteractionDataBasicOption[],
  spec: ChatInputSpec,
): APIApplicationCommandInteractionDataOption[] {
  if (!spec.subcommand) {
    if (spec.subcommandGroup) throw new Error('fake-discord: subcommandGroup needs a subcommand');
    return leaves;
  }
  const sub = { name: spec.subcommand, type: ApplicationCommandOptionType.Subcommand as const, options: leaves };
  if (!spec.subcommandGroup) return [sub];
  return [{ name: spec.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] }];
}

function leafOptions(values: Record<string, OptionValue> | undefined) {
  return Object.entries(values ?? {}).map(([name, value]) => toOption(name, value));
}

/** A slash command (type 2) invoked in the fake guild. */
export function chatInputInteraction(
  ids: FakeIds,
  spec: ChatInputSpec,
): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...guildInteractionBase(ids, spec),
    type: InteractionType.ApplicationCommand,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.commandName,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions(leafOptions(spec.options), spec),
    },
  };
}

/** An autocomplete request (type 4): the user is typing into `focused`. */
export function autocompleteInteraction(
  ids: FakeIds,
  spec: AutocompleteSpec,
): APIApplicationCommandAutocompleteGuildInteraction {
  const { name, value, type = ApplicationCommandOptionType.String } = spec.focused;
  const focused = { ...toOption(name, { type, value }), focused: true };
  return {
    ...guildInteractionBase(ids, spec),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.commandName,
      type: ApplicationCommandType.ChatInput,
      options: nestOptions([...leafOptions(spec.options), focused], spec),
    },
  } as APIApplicationCommandAutocompleteGuildInteraction;
}

/** A message the bot sent earlier with one row holding `component`, as a component interaction carries it (`override` replaces fields). */
function botMessageWith(
  ids: FakeIds,
  content: string,
  component: APIActionRowComponent<APIComponentInMessageActionRow>,
  override: Partial<APIMessage> = {},
): APIMessage {
  return {
    ...messageObject({
      id: snowflake(),
      channelId: ids.channelId,
      author: makeUser(ids.botUserId, 'dossier', true),
      type: MessageType.Default,
      content,
      components: [component],
    }),
    ...override,
  };
}

/** A button press (type 3) on a message the bot sent earlier. */
export function buttonInteraction(ids: FakeIds, spec: ButtonSpec): APIMessageComponentGuildInteraction {
  const message = botMessageWith(
    ids,
    'A message with a button',
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Press', custom_id: spec.customId },
      ],
    },
    spec.message,
  );
  return {
    ...guildInteractionBase(ids, spec),
    type: InteractionType.MessageComponent,
    data: { custom_id: spec.customId, component_type: ComponentType.Button },
    message,
  };
}

/** A pick in a string select menu (type 3, component 3) on a message the bot sent earlier. */
export interface SelectSpec extends InvokerSpec {
  customId: string;
  values: string[];
  /** The message the menu is on (default: a bot message with that menu). */
  message?: Partial<APIMessage>;
}

export function selectMenuInteraction(ids: FakeIds, spec: SelectSpec): APIMessageComponentGuildInteraction {
  const message = botMessageWith(
    ids,
    'A message with a menu',
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: spec.customId,
          options: spec.values.map((value) => ({ label: value, value })),
        },
      ],
    },
    spec.message,
  );
  return {
    ...guildInteractionBase(ids, spec),
    type: InteractionType.MessageComponent,
    data: { custom_id: spec.customId, component_type: ComponentType.StringSelect, values: spec.values },
    message,
  } as APIMessageComponentGuildInteraction;
}

/** A message context-menu command (right-click a message → Apps → `commandName`) on a member's message. */
export interface MessageCommandSpec extends InvokerSpec {
  commandName: string;
  /** The text of the message it was used on. */
  content: string;
}

export function messageCommandInteraction(
  ids: FakeIds,
  spec: MessageCommandSpec,
): APIMessageApplicationCommandGuildInteraction {
  const target = messageObject({
    id: snowflake(),
    channelId: ids.channelId,
    author: makeUser(snowflake(), 'member', false),
    type: MessageType.Default,
    content: spec.content,
  });
  return {
    ...guildInteractionBase(ids, spec),
    type: InteractionType.ApplicationCommand,
    data: {
      id: snowflake(),
      name: spec.commandName,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  } as APIMessageApplicationCommandGuildInteraction;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

interface MessageFields {
  id: string;
  channelId: string;
  author: APIUser;
  type: MessageType;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: APIAttachment[];
  flags?: number;
  webhookId?: string;
  interactionMetadata?: APIMessage['interaction_metadata'];
}

/** A full APIMessage, so discord.js can build a Message from any route's answer. */
function messageObject(f: MessageFields): APIMessage {
  return {
    id: f.id,
    channel_id: f.channelId,
    type: f.type,
    author: f.author,
    content: f.content ?? '',
    embeds: (f.embeds ?? []) as APIMessage['embeds'],
    components: (f.components ?? []) as APIMessage['components'],
    attachments: f.attachments ?? [],
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    flags: f.flags ?? 0,
    ...(f.webhookId ? { webhook_id: f.webhookId, application_id: f.webhookId } : {}),
    ...(f.interactionMetadata ? { interaction_metadata: f.interactionMetadata } : {}),
  };
}

function attachmentsFromFiles(files: RecordedFile[]): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/fake/${id}/${encodeURIComponent(file.name)}`;
    return { id, filename: file.name, size: file.size, url, proxy_url: url, content_type: file.contentType };
  });
}

/** Fields a message create/edit body may change (content, embeds ...), already in API shape. */
function editableFields(body: Record<string, unknown>): Partial<APIMessage> {
  const fields: Partial<APIMessage> = {};
  for (const key of ['content', 'embeds', 'components', 'flags', 'poll'] as const) {
    if (key in body && body[key] !== undefined && body[key] !== null) {
      (fields as Record<string, unknown>)[key] = body[key];
    }
  }
  return fields;
}

/** On edit, attachments the body lists by id are kept; uploaded files are added. */
function keptAttachments(previous: APIAttachment[], body: Record<string, unknown>, files: RecordedFile[]) {
  const listed = Array.isArray(body.attachments) ? (body.attachments as { id?: unknown }[]) : null;
  const kept = listed ? previous.filter((a) => listed.some((l) => String(l.id) === a.id)) : previous;
  return [...kept, ...attachmentsFromFiles(files)];
}

// ---------------------------------------------------------------------------------------------
// Validation of Discord's documented limits (answers 400 like Discord does)
// ---------------------------------------------------------------------------------------------

interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

type Body = Record<string, unknown>;

const issue = (path: Issue['path'], code: string, message: string): Issue => ({ path, code, message });

/** Discord's 50035 "Invalid Form Body" shape: errors nested by path, `_errors` at the leaves. */
function invalidFormBody(issues: Issue[]): Reply {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of issue.path) node = (node[String(key)] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: issue.code, message: issue.message });
  }
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

function tooLong(path: Issue['path'], value: unknown, max: number): Issue[] {
  if (typeof value !== 'string' || value.length <= max) return [];
  return [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }];
}

function tooMany(path: Issue['path'], value: unknown, max: number): Issue[] {
  if (!Array.isArray(value) || value.length <= max) return [];
  return [{ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` }];
}

function embedIssues(embed: Record<string, unknown>, path: Issue['path']): Issue[] {
  const footer = (embed.footer ?? {}) as Record<string, unknown>;
  const author = (embed.author ?? {}) as Record<string, unknown>;
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  return [
    ...tooLong([...path, 'title'], embed.title, 256),
    ...tooLong([...path, 'description'], embed.description, 4096),
    ...tooLong([...path, 'footer', 'text'], footer.text, 2048),
    ...tooLong([...path, 'author', 'name'], author.name, 256),
    ...tooMany([...path, 'fields'], embed.fields, 25),
    ...fields.flatMap((field, i) => [
      ...tooLong([...path, 'fields', i, 'name'], field.name, 256),
      ...tooLong([...path, 'fields', i, 'value'], field.value, 1024),
    ]),
  ];
}

function embedTextLength(embed: Record<string, unknown>): number {
  const text = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  const fields = Array.isArray(embed.fields) ? (embed.fields as Record<string, unknown>[]) : [];
  const footer = (embed.footer ?? {}) as Record<string, unknown>;
  const author = (embed.author ?? {}) as Record<string, unknown>;
  return (
    text(embed.title) +
    text(embed.description) +
    text(footer.text) +
    text(author.name) +
    fields.reduce((sum, f) => sum + text(f.name) + text(f.value), 0)
  );
}

function componentIssues(rows: unknown, path: Issue['path']): Issue[] {
  if (!Array.isArray(rows)) return [];
  const issues = tooMany(path, rows, 5);
  rows.forEach((row: Record<string, unknown>, r) => {
    const children = Array.isArray(row.components) ? (row.components as Record<string, unknown>[]) : [];
    issues.push(...tooMany([...path, r, 'components'], children, 5));
    children.forEach((c, i) => {
      issues.push(...tooLong([...path, r, 'components', i, 'custom_id'], c.custom_id, 100));
      issues.push(...tooLong([...path, r, 'components', i, 'label'], c.label, 80));
    });
  });
  return issues;
}

/** Limits on a message body (content 2000, 10 embeds, 6000 embed chars, 5 action rows ...). */
function messageIssues(body: Record<string, unknown>, prefix: Issue['path']): Issue[] {
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [];
  const issues = [
    ...tooLong([...prefix, 'content'], body.content, 2000),
    ...tooMany([...prefix, 'embeds'], body.embeds, 10),
    ...embeds.flatMap((e, i) => embedIssues(e, [...prefix, 'embeds', i])),
  ];
  if (embeds.reduce((sum, e) => sum + embedTextLength(e), 0) > 6000) {
    issues.push(issue([...prefix, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000'));
  }
  const componentsV2 = typeof body.flags === 'number' && (body.flags & MessageFlags.IsComponentsV2) !== 0;
  if (!componentsV2) issues.push(...componentIssues(body.components, [...prefix, 'components']));
  return issues;
}

function isEmptyMessage(body: Record<string, unknown>, files: RecordedFile[]): boolean {
  const nonEmpty = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.length > 0 : v != null);
  return (
    files.length === 0 && !['content', 'embeds', 'components', 'poll', 'sticker_ids'].some((k) => nonEmpty(body[k]))
  );
}

const EMPTY_MESSAGE: Reply = { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** User and message commands (context menus) may have capitals and spaces: "Find sources". */
const CONTEXT_MENU_NAME = /^[-_' \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function nameIssues(name: unknown, path: Issue['path'], chatInput: boolean): Issue[] {
  const ok =
    typeof name === 'string' &&
    (chatInput ? COMMAND_NAME.test(name) && name === name.toLowerCase() : CONTEXT_MENU_NAME.test(name));
  return ok ? [] : [issue([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid')];
}

function descriptionIssues(description: unknown, path: Issue['path']): Issue[] {
  const ok = typeof description === 'string' && description.length >= 1 && description.length <= 100;
  return ok ? [] : [issue([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.')];
}

function duplicateNameIssues(items: Record<string, unknown>[], path: Issue['path']): Issue[] {
  const seen = new Set<unknown>();
  return items.flatMap((item, i) => {
    if (!seen.has(item.name)) {
      seen.add(item.name);
      return [];
    }
    return [
      issue([...path, i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique'),
    ];
  });
}

const SUBCOMMAND_TYPES: unknown[] = [
  ApplicationCommandOptionType.Subcommand,
  ApplicationCommandOptionType.SubcommandGroup,
];

/** Options: ≤25, valid names/descriptions, ≤25 choices, required ones before optional ones. */
function optionIssues(options: unknown, path: Issue['path']): Issue[] {
  if (!Array.isArray(options)) return [];
  const list = options as Record<string, unknown>[];
  const issues = [...tooMany(path, list, 25), ...duplicateNameIssues(list, path)];
  let sawOptional = false;
  list.forEach((option, i) => {
    const at = [...path, i];
    issues.push(...nameIssues(option.name, at, true), ...descriptionIssues(option.description, at));
    issues.push(...tooMany([...at, 'choices'], option.choices, 25));
    if (Array.isArray(option.choices)) {
      (option.choices as Record<string, unknown>[]).forEach((choice, c) => {
        issues.push(...tooLong([...at, 'choices', c, 'name'], choice.name, 100));
        issues.push(...tooLong([...at, 'choices', c, 'value'], choice.value, 100));
      });
    }
    if (SUBCOMMAND_TYPES.includes(option.type)) {
      issues.push(...optionIssues(option.options, [...at, 'options']));
    } else if (option.required === true && sawOptional) {
      const message = 'Required options must be placed before non-required options';
      issues.push(issue(at, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message));
    } else if (option.required !== true) {
      sawOptional = true;
    }
  });
  return issues;
}

function commandIssues(commands: Record<string, unknown>[]): Issue[] {
  const issues = [...tooMany([], commands, 100), ...duplicateNameIssues(commands, [])];
  commands.forEach((command, i) => {
    const chatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    issues.push(...nameIssues(command.name, [i], chatInput));
    if (chatInput) issues.push(...descriptionIssues(command.description, [i]));
    issues.push(...optionIssues(command.options, [i, 'options']));
  });
  return issues;
}

function choiceIssues(choices: unknown): Issue[] {
  if (!Array.isArray(choices)) return [];
  return [
    ...tooMany(['data', 'choices'], choices, 25),
    ...(choices as Record<string, unknown>[]).flatMap((choice, i) => [
      ...tooLong(['data', 'choices', i, 'name'], choice.name, 100),
      ...tooLong(['data', 'choices', i, 'value'], choice.value, 100),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface IncomingCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  authorization: string | null;
}

const NOT_FOUND: Reply = { status: 404, body: { message: '404: Not Found', code: 0 } };
const NO_CONTENT: Reply = { status: 204 };
const ok = (body: unknown): Reply => ({ status: 200, body });
const discordError = (status: number, code: number, message: string): Reply => ({ status, body: { message, code } });

/** A 429 answer shaped like Discord's; spread it into failNext({ ... }). */
export function rateLimitedReply(retryAfterSeconds = 0.05, global = false): Omit<FaultSpec, 'path'> {
  return {
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
      'x-ratelimit-bucket': 'fake-bucket',
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  };
}

/** A 500 answer; note discord.js retries 5xx (3 retries by default) before rejecting. */
export function serverErrorReply(): Omit<FaultSpec, 'path'> {
  return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Multipart via the platform's own parser (undici's Response.formData), which discord.js' FormData matches. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const body: Record<string, unknown> = {};
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value !== 'string') {
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, contentType: value.type, size: data.length, data });
    } else if (field === 'payload_json') {
      Object.assign(body, JSON.parse(value) as Record<string, unknown>);
    } else {
      body[field] = value; // REST `appendToFormData` style bodies
    }
  }
  return { body: Object.keys(body).length ? body : null, files };
}

async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) return { body: JSON.parse(text) as unknown, files: [] };
  return { body: text, files: [] };
}

function plainHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = name === 'authorization' ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined && reply.status !== 204) {
    payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    headers['content-type'] ??= typeof reply.body === 'string' ? 'text/plain' : 'application/json';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Defines a property that is readable but hidden from enumeration (so it never gets printed). */
function withHidden<T extends object, K extends string, V>(target: T, key: K, value: V): T & Readonly<Record<K, V>> {
  Object.defineProperty(target, key, { value, enumerable: false });
  return target as T & Readonly<Record<K, V>>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections(); // keep-alive sockets from undici would otherwise hold close() open
  return new Promise((resolve) => server.close(() => resolve()));
}

function describeRequest(r: RecordedRequest): string {
  const query = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${query ? `?${query}` : ''} -> ${r.status}${r.faulted ? ' (fault)' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

interface InteractionState {
  payload: FakeInteractionPayload;
  acknowledged: boolean;
  originalId: string | null;
  messages: Map<string, APIMessage>;
}

interface GatewayConnection {
  socket: WebSocket;
  sessionId: string | null;
  state: 'connected' | 'ready' | 'closed';
  close: GatewayClose | null;
  closingByServer: boolean;
}

interface Session {
  seq: number;
}

/** Callback types each interaction type may answer with. */
const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const ids: FakeIds = {
    ...DEFAULT_IDS,
    ...(options.appId ? { appId: options.appId, botUserId: options.botUserId ?? options.appId } : {}),
    ...(options.botUserId ? { botUserId: options.botUserId } : {}),
    ...(options.guildId ? { guildId: options.guildId } : {}),
    ...(options.channelId ? { channelId: options.channelId } : {}),
  };
  const validate = options.validate ?? true;
  const botUser = makeUser(ids.botUserId, options.botUsername ?? 'dossier', true);

  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const identifies: IdentifyRecord[] = [];
  const gatewayFrames: GatewayFrame[] = [];
  const gatewayCloses: GatewayClose[] = [];
  const connections: GatewayConnection[] = [];
  const sessions = new Map<string, Session>();
  const commands = new Map<string, StoredCommand[]>();
  const interactions = new Map<string, InteractionState>(); // by token
  const changes = new EventEmitter(); // 'change' after anything a waiter may be waiting for
  changes.setMaxListeners(0);
  let closed = false;

  const httpServer = createServer((req, res) => void handleHttp(req, res));
  const gatewayServer = createServer();
  const wss = new WebSocketServer({ server: gatewayServer });
  const [apiPort, gatewayPort] = await Promise.all([listen(httpServer), listen(gatewayServer)]);
  const apiUrl = `http://127.0.0.1:${apiPort}/api`;
  const gatewayUrl = `ws://127.0.0.1:${gatewayPort}`;

  // ----- waiting -------------------------------------------------------------------------------

  function waitUntil<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (closed) return finish(() => reject(new Error(`fake-discord: closed while waiting for ${describe()}`)));
        const value = probe();
        if (value !== undefined) finish(() => resolve(value));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`fake-discord: timed out after ${timeoutMs}ms waiting for ${describe()}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        changes.off('change', check);
        settle();
      };
      changes.on('change', check);
      check();
    });
  }

  const notify = () => changes.emit('change');

  function requestLog(): string {
    if (requests.length === 0) return '\n(no requests so far)';
    return `\nrequests so far:\n  ${requests.map(describeRequest).join('\n  ')}`;
  }

  // ----- REST ----------------------------------------------------------------------------------

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      const pathname = decodeURIComponent(url.pathname); // discord.js sends @original as %40original
      const { body, files } = await parseBody(await readRaw(req), req.headers['content-type']);
      const call: IncomingCall = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: pathname.startsWith('/api/v10/') ? pathname.slice('/api/v10'.length) : pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        files,
        authorization: req.headers.authorization ?? null,
      };
      const fault = takeFault(call);
      const reply = fault ?? route(call) ?? NOT_FOUND;
      const record: RecordedRequest = withHidden(
        {
          method: call.method,
          path: call.path,
          query: call.query,
          headers: plainHeaders(req),
          body: call.body,
          files: call.files,
          status: reply.status,
          faulted: fault !== undefined,
          unexpected: reply === NOT_FOUND,
          at,
        },
        'authorization',
        call.authorization,
      );
      requests.push(record);
      writeReply(res, reply);
      notify();
    } catch (error) {
      // A bug in the fake (or an unparsable body): answer 500 and say so, never hang.
      console.error(`fake-discord: failed to handle ${req.method} ${req.url?.split('?')[0]}:`, error);
      writeReply(res, { status: 500, body: { message: `fake-discord error: ${String(error)}`, code: 0 } });
    }
  }

  function takeFault(call: IncomingCall): Reply | undefined {
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        (!f.spec.method || f.spec.method.toUpperCase() === call.method) &&
        (typeof f.spec.path === 'string' ? f.spec.path === call.path : f.spec.path.test(call.path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    return { status: fault.spec.status, body: fault.spec.body, headers: fault.spec.headers };
  }

  type Handler = (call: IncomingCall, params: string[]) => Reply;
  interface Route {
    method: string;
    pattern: RegExp;
    auth: boolean; // bot-token routes; interaction/webhook routes authenticate by their token instead
    handle: Handler;
  }

  const app = ids.appId;
  const guild = ids.guildId;
  // Routes only match this fake's app and guild ids: calls for any other id end up as unexpected 404s.
  const globalCommands = new RegExp(`^/applications/${app}/commands$`);
  const guildCommands = new RegExp(`^/applications/${app}/guilds/${guild}/commands$`);
  const callback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/;
  const webhook = new RegExp(`^/webhooks/${app}/([^/]+)$`);
  const webhookMessage = new RegExp(`^/webhooks/${app}/([^/]+)/messages/([^/]+)$`);
  const bot = (method: string, pattern: RegExp, handle: Handler): Route => ({ method, pattern, auth: true, handle });
  const open = (method: string, pattern: RegExp, handle: Handler): Route => ({ method, pattern, auth: false, handle });

  const routes: Route[] = [
    open('GET', /^\/gateway$/, () => ok({ url: gatewayUrl })),
    bot('GET', /^\/gateway\/bot$/, () => ok(gatewayBot())),
    bot('GET', /^\/users\/@me$/, () => ok(botUser)),
    bot('GET', /^\/applications\/@me$/, () => ok(applicationObject(ids, botUser))),
    bot('GET', globalCommands, () => ok(commands.get('global') ?? [])),
    bot('PUT', globalCommands, (c) => putCommands('global', c)),
    bot('POST', globalCommands, (c) => postCommand('global', c)),
    bot('GET', guildCommands, () => ok(commands.get(guild) ?? [])),
    bot('PUT', guildCommands, (c) => putCommands(guild, c)),
    bot('POST', guildCommands, (c) => postCommand(guild, c)),
    // Interaction callbacks and webhooks authenticate with the interaction token in the URL.
    open('POST', callback, interactionCallback),
    open('POST', webhook, webhookExecute),
    open('GET', webhookMessage, webhookGet),
    open('PATCH', webhookMessage, webhookEdit),
    open('DELETE', webhookMessage, webhookDelete),
  ];

  function route(call: IncomingCall): Reply | undefined {
    for (const r of routes) {
      const match = r.method === call.method ? r.pattern.exec(call.path) : null;
      if (!match) continue;
      if (r.auth && !authorized(call.authorization)) return discordError(401, 0, '401: Unauthorized');
      return r.handle(
        call,
        match.slice(1).map((p) => p ?? ''),
      );
    }
    return undefined;
  }

  function authorized(header: string | null): boolean {
    if (!header?.startsWith('Bot ')) return false;
    return options.token === undefined || header === `Bot ${options.token}`;
  }

  function gatewayBot() {
    return {
      url: gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
    };
  }

  // ----- commands ------------------------------------------------------------------------------

  function storeCommand(scope: string, raw: Record<string, unknown>, id = snowflake()): StoredCommand {
    return {
      type: ApplicationCommandType.ChatInput,
      default_member_permissions: null,
      nsfw: false,
      options: [],
      ...raw,
      id,
      name: String(raw.name),
      application_id: app,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }

  function putCommands(scope: string, call: IncomingCall): Reply {
    if (!Array.isArray(call.body)) return invalidFormBody([issue([], 'BASE_TYPE_ARRAY', 'Must be an array.')]);
    const raw = call.body as Record<string, unknown>[];
    const issues = validate ? commandIssues(raw) : [];
    if (issues.length) return invalidFormBody(issues);
    // Like Discord, a command keeps its id when re-registered under the same name.
    const previous = commands.get(scope) ?? [];
    const stored = raw.map((c) => storeCommand(scope, c, previous.find((p) => p.name === c.name)?.id));
    commands.set(scope, stored);
    return ok(stored);
  }

  function postCommand(scope: string, call: IncomingCall): Reply {
    const raw = (call.body ?? {}) as Record<string, unknown>;
    const issues = validate ? commandIssues([raw]).map((i) => ({ ...i, path: i.path.slice(1) })) : [];
    if (issues.length) return invalidFormBody(issues);
    const existing = commands.get(scope) ?? [];
    const previous = existing.find((c) => c.name === raw.name);
    const stored = storeCommand(scope, raw, previous?.id);
    commands.set(scope, [...existing.filter((c) => c !== previous), stored]);
    return { status: previous ? 200 : 201, body: stored };
  }

  // ----- interactions and their messages -------------------------------------------------------

  function interactionMessage(state: InteractionState, body: Body, files: RecordedFile[], flags = 0): APIMessage {
    const { payload } = state;
    const commandMessage = payload.type === InteractionType.ApplicationCommand;
    return messageObject({
      ...editableFields(body),
      id: snowflake(),
      channelId: payload.channel_id ?? ids.channelId,
      author: botUser,
      type: commandMessage ? MessageType.ChatInputCommand : MessageType.Default,
      attachments: attachmentsFromFiles(files),
      flags: (typeof body.flags === 'number' ? body.flags : 0) | flags,
      webhookId: app,
      interactionMetadata: {
        id: payload.id,
        type: payload.type,
        user: payload.member.user,
        authorizing_integration_owners: payload.authorizing_integration_owners,
      } as APIMessage['interaction_metadata'],
    });
  }

  function saveMessage(state: InteractionState, message: APIMessage): APIMessage {
    state.messages.set(message.id, message);
    return message;
  }

  /** Applies the callback to the interaction's messages; returns the message it produced, if any. */
  function applyCallback(state: InteractionState, type: number, data: Body, files: RecordedFile[]): APIMessage | null {
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const message = saveMessage(state, interactionMessage(state, data, files));
        state.originalId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        // The "Dossier is thinking..." placeholder: empty and flagged Loading until edited.
        const message = saveMessage(state, interactionMessage(state, { flags: data.flags }, [], MessageFlags.Loading));
        state.originalId = message.id;
        return message;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        // For components, @original is the message the component is attached to.
        const original = state.payload.type === InteractionType.MessageComponent ? state.payload.message : null;
        if (!original) return null;
        state.originalId = original.id;
        if (type === InteractionResponseType.DeferredMessageUpdate) return saveMessage(state, original);
        return saveMessage(state, {
          ...original,
          ...editableFields(data),
          attachments: keptAttachments(original.attachments, data, files),
          edited_timestamp: new Date().toISOString(),
        });
      }
      default:
        return null;
    }
  }

  function callbackIssues(type: number, data: Record<string, unknown>, files: RecordedFile[]): Reply | undefined {
    if (!validate) return undefined;
    if (type === InteractionResponseType.ChannelMessageWithSource && isEmptyMessage(data, files)) return EMPTY_MESSAGE;
    const carriesMessage =
      type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage;
    const issues = carriesMessage ? messageIssues(data, ['data']) : [];
    if (type === InteractionResponseType.ApplicationCommandAutocompleteResult)
      issues.push(...choiceIssues(data.choices));
    return issues.length ? invalidFormBody(issues) : undefined;
  }

  function interactionCallback(call: IncomingCall, [interactionId, token]: string[]): Reply {
    const state = interactions.get(token ?? '');
    if (!state || state.payload.id !== interactionId) return discordError(404, 10062, 'Unknown interaction');
    if (state.acknowledged) return discordError(400, 40060, 'Interaction has already been acknowledged.');
    const body = (call.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const type = body.type ?? -1;
    if (!ALLOWED_CALLBACKS[state.payload.type]?.includes(type)) {
      const message = `Callback type ${type} is not valid for interaction type ${state.payload.type}`;
      return invalidFormBody([issue(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', message)]);
    }
    const data = body.data ?? {};
    const rejected = callbackIssues(type, data, call.files) ?? oversizedFile(state, call.files);
    if (rejected) return rejected;

    state.acknowledged = true;
    const message = applyCallback(state, type, data, call.files);
    if (call.query.with_response !== 'true') return NO_CONTENT;
    // InteractionCallbackResponse: what discord.js turns into `response.resource.message`.
    return ok({
      interaction: {
        id: state.payload.id,
        type: state.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  }

  /** Like Discord: a file over the interaction's upload limit fails the whole request. */
  function oversizedFile(state: InteractionState, files: RecordedFile[]): Reply | undefined {
    const limit =
      (state.payload as { attachment_size_limit?: number }).attachment_size_limit ?? DEFAULT_ATTACHMENT_SIZE_LIMIT;
    return validate && files.some((file) => file.size > limit)
      ? discordError(413, 40005, 'Request entity too large')
      : undefined;
  }

  function knownWebhook(token: string | undefined): InteractionState | undefined {
    return token === undefined ? undefined : interactions.get(token);
  }

  function findMessage(state: InteractionState, messageId: string | undefined): APIMessage | undefined {
    const id = messageId === '@original' ? state.originalId : messageId;
    return id ? state.messages.get(id) : undefined;
  }

  function webhookExecute(call: IncomingCall, [token]: string[]): Reply {
    const state = knownWebhook(token);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    if (!state.acknowledged) return discordError(400, 10015, 'Unknown Webhook'); // follow-ups need an initial response
    const body = (call.body ?? {}) as Record<string, unknown>;
    if (validate && isEmptyMessage(body, call.files)) return EMPTY_MESSAGE;
    const issues = validate ? messageIssues(body, []) : [];
    if (issues.length) return invalidFormBody(issues);
    const oversized = oversizedFile(state, call.files);
    if (oversized) return oversized;
    const message = saveMessage(state, interactionMessage(state, body, call.files));
    return call.query.wait === 'true' ? ok(message) : NO_CONTENT;
  }

  function webhookGet(_call: IncomingCall, [token, messageId]: string[]): Reply {
    const state = knownWebhook(token);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    const message = findMessage(state, messageId);
    return message ? ok(message) : discordError(404, 10008, 'Unknown Message');
  }

  function webhookEdit(call: IncomingCall, [token, messageId]: string[]): Reply {
    const state = knownWebhook(token);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    const message = findMessage(state, messageId);
    if (!message) return discordError(404, 10008, 'Unknown Message');
    const body = (call.body ?? {}) as Record<string, unknown>;
    const issues = validate ? messageIssues(body, []) : [];
    if (issues.length) return invalidFormBody(issues);
    const oversized = oversizedFile(state, call.files);
    if (oversized) return oversized;
    const edited: APIMessage = {
      ...message,
      ...editableFields(body),
      attachments: keptAttachments(message.attachments, body, call.files),
      flags: ((message.flags ?? 0) & ~MessageFlags.Loading) | (typeof body.flags === 'number' ? body.flags : 0),
      edited_timestamp: new Date().toISOString(),
    };
    return ok(saveMessage(state, edited));
  }

  function webhookDelete(_call: IncomingCall, [token, messageId]: string[]): Reply {
    const state = knownWebhook(token);
    if (!state) return discordError(404, 10015, 'Unknown Webhook');
    const message = findMessage(state, messageId);
    if (!message) return discordError(404, 10008, 'Unknown Message');
    state.messages.delete(message.id);
    return NO_CONTENT;
  }

  // ----- gateway -------------------------------------------------------------------------------

  function send(conn: GatewayConnection, payload: Record<string, unknown>): void {
    conn.socket.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  function sendDispatch(conn: GatewayConnection, t: string, d: unknown): void {
    const session = conn.sessionId ? sessions.get(conn.sessionId) : undefined;
    if (!session) throw new Error('fake-discord: dispatch on a connection without a session');
    session.seq += 1;
    send(conn, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  function closeFromServer(conn: GatewayConnection, code: number, reason: string): void {
    conn.closingByServer = true;
    conn.socket.close(code, reason);
  }

  function onConnection(socket: WebSocket, req: IncomingMessage): void {
    const conn: GatewayConnection = {
      socket,
      sessionId: null,
      state: 'connected',
      close: null,
      closingByServer: false,
    };
    connections.push(conn);
    socket.on('message', (data) => onFrame(conn, data));
    socket.on('close', (code, reason) => {
      conn.state = 'closed';
      conn.close = { code, reason: reason.toString(), byServer: conn.closingByServer };
      gatewayCloses.push(conn.close);
      notify();
    });
    socket.on('error', () => undefined); // a reset socket also emits 'close'; nothing else to do

    // This fake speaks JSON without transport compression; refuse anything else loudly.
    const query = new URL(req.url ?? '/', 'ws://fake.invalid').searchParams;
    if (query.get('v') !== '10' || query.get('encoding') !== 'json' || query.has('compress')) {
      closeFromServer(
        conn,
        4012,
        `fake-discord supports v=10&encoding=json without compress (got ${query.toString()})`,
      );
      return;
    }
    send(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41250 } });
    notify();
  }

  function onFrame(conn: GatewayConnection, data: RawData): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      closeFromServer(conn, 4002, 'Error while decoding payload.');
      return;
    }
    gatewayFrames.push({ op: Number(frame.op), d: redactToken(frame.d), at: Date.now() });
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        send(conn, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        onIdentify(conn, (frame.d ?? {}) as Record<string, unknown>);
        break;
      case GatewayOpcodes.Resume:
        onResume(conn, (frame.d ?? {}) as Record<string, unknown>);
        break;
      default:
        break; // presence updates, member requests ...: recorded above, otherwise ignored
    }
    notify();
  }

  function redactToken(d: unknown): unknown {
    if (d && typeof d === 'object' && 'token' in d) return { ...(d as Record<string, unknown>), token: '[redacted]' };
    return d;
  }

  function onIdentify(conn: GatewayConnection, d: Record<string, unknown>): void {
    if (conn.sessionId) {
      closeFromServer(conn, 4005, 'Already authenticated.');
      return;
    }
    const { token, ...rest } = d;
    identifies.push(withHidden({ ...rest } as Omit<IdentifyRecord, 'token'>, 'token', String(token)));
    if (options.token !== undefined && token !== options.token) {
      closeFromServer(conn, 4004, 'Authentication failed.');
      return;
    }
    if (typeof d.intents !== 'number') {
      closeFromServer(conn, 4013, 'Invalid intent(s).');
      return;
    }
    if ((d.intents & PRIVILEGED_INTENTS & ~(options.allowedPrivilegedIntents ?? 0)) !== 0) {
      closeFromServer(conn, 4014, 'Disallowed intent(s).');
      return;
    }
    const shard = d.shard as unknown[] | undefined;
    if (shard && (shard[0] !== 0 || shard[1] !== 1)) {
      closeFromServer(conn, 4010, 'Invalid shard.');
      return;
    }

    conn.sessionId = randomBytes(16).toString('hex');
    sessions.set(conn.sessionId, { seq: 0 });
    sendDispatch(conn, GatewayDispatchEvents.Ready, {
      v: 10,
      user: { ...botUser, verified: true, mfa_enabled: false },
      guilds: [{ id: ids.guildId, unavailable: true }], // then GUILD_CREATE fills it in, as Discord does
      session_id: conn.sessionId,
      resume_gateway_url: gatewayUrl,
      shard: [0, 1],
      application: { id: ids.appId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
    });
    sendDispatch(conn, GatewayDispatchEvents.GuildCreate, guildCreatePayload(ids, botUser));
    conn.state = 'ready';
  }

  function onResume(conn: GatewayConnection, d: Record<string, unknown>): void {
    const sessionId = String(d.session_id);
    if (options.token !== undefined && d.token !== options.token) {
      closeFromServer(conn, 4004, 'Authentication failed.');
      return;
    }
    if (!sessions.has(sessionId)) {
      send(conn, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    // Nothing is buffered while disconnected, so there is nothing to replay: just confirm.
    conn.sessionId = sessionId;
    sendDispatch(conn, GatewayDispatchEvents.Resumed, {});
    conn.state = 'ready';
  }

  function liveConnection(): GatewayConnection {
    const conn = connections.findLast((c) => c.state === 'ready');
    if (!conn) throw new Error('fake-discord: no ready gateway connection (did the client log in and become ready?)');
    return conn;
  }

  wss.on('connection', onConnection);

  // ----- the handle given to tests ---------------------------------------------------------------

  return {
    apiUrl,
    gatewayUrl,
    ids,
    requests,
    get unexpectedRequests() {
      return requests.filter((r) => r.unexpected);
    },
    identifies,
    gatewayFrames,
    gatewayCloses,
    commands,

    clearRequests() {
      requests.length = 0;
    },

    failNext(spec) {
      const fault: Fault = { spec, remaining: spec.times ?? 1 };
      faults.push(fault);
      return fault;
    },

    dispatch(eventName, data) {
      sendDispatch(liveConnection(), eventName, data);
    },

    dispatchInteraction(payload) {
      const conn = liveConnection();
      interactions.set(payload.token, { payload, acknowledged: false, originalId: null, messages: new Map() });
      sendDispatch(conn, GatewayDispatchEvents.InteractionCreate, payload);
      return payload;
    },

    dropGateway(code = 4000, reason = 'fake-discord dropped the connection') {
      closeFromServer(liveConnection(), code, reason);
    },

    waitForRequest(predicate, { timeoutMs = 2000 } = {}) {
      return waitUntil(
        () => requests.find(predicate),
        timeoutMs,
        () => `a matching request${requestLog()}`,
      );
    },

    waitForCallback(interactionId, { timeoutMs = 2000 } = {}) {
      const prefix = `/interactions/${interactionId}/`;
      const isCallback = (r: RecordedRequest) =>
        r.method === 'POST' && r.path.startsWith(prefix) && r.path.endsWith('/callback') && r.status < 300;
      const what = () => `a callback for interaction ${interactionId}${requestLog()}`;
      return waitUntil(() => requests.find(isCallback), timeoutMs, what);
    },

    async waitForReady({ timeoutMs = 5000 } = {}) {
      const ready = () => (connections.some((c) => c.state === 'ready') ? true : undefined);
      await waitUntil(ready, timeoutMs, () => 'a ready gateway connection');
    },

    waitForClose({ timeoutMs = 5000 } = {}) {
      return waitUntil(
        () => connections.at(-1)?.close?.code,
        timeoutMs,
        () => 'the gateway connection to close',
      );
    },

    getMessage(interactionToken, messageId = '@original') {
      const state = interactions.get(interactionToken);
      return state ? findMessage(state, messageId) : undefined;
    },

    async close() {
      if (closed) return;
      closed = true;
      notify(); // pending waiters reject instead of hanging
      for (const conn of connections) conn.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await Promise.all([closeServer(httpServer), closeServer(gatewayServer)]);
    },
  };
}

/**
 * Stops a bot, then the fake Discord it talks to, in that order: with the fake gone first,
 * discord.js would try to reconnect to it.
 */
export async function stopBotThenFake(
  bot: { stop(): Promise<unknown> } | undefined,
  fake: FakeDiscord | undefined,
): Promise<void> {
  await bot?.stop();
  await fake?.close();
}
