import { DiscordAPIError, HTTPError, MessageFlags, RateLimitError } from 'discord.js';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { CATALOG, findCommand } from '../../../commands/index.ts';
import { describeFailure } from '../../app/failure.ts';
import type { Choice, CommandContext } from '../../commandKit/command.ts';
import { runCommand } from '../../commandKit/dispatch.ts';
import type { RawValue } from '../../commandKit/args.ts';
import { SUBCOMMAND } from '../../commandKit/definition.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { present } from '../../present/present.ts';
import { AnswerStore, moreId, parseButtonId, type ButtonAction, type StoredQuestion } from './buttons.ts';
import { Cooldown } from './cooldown.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { attachmentUploads } from './attachments.ts';
import { fileUpload } from './fileUpload.ts';
import { invokerFor, readAttachments, readOptions } from './options.ts';
import { progressReplies } from './progress.ts';
import { citationStyleRow, renderNotice, renderView, type DiscordMessage } from './render.ts';
import { clip } from './text.ts';
import { TIMELINE_IMAGE_NAME, timelineAttachment } from './timelineImage.ts';

/**
 * Answers every interaction Discord sends: slash commands through `runCommand` (the one code path
 * all adapters share), autocomplete through the command's `complete`, and the buttons under
 * answers. Whatever happens, the asker gets a short reply and the log gets the whole story,
 * one line per event, each with the interaction id.
 */

export interface InteractionHandlerOptions {
  readonly library: Library;
  readonly log: Logger;
  /** One /ask per user per this many milliseconds (default 3000; 0 turns it off). */
  readonly askCooldownMs?: number;
  /** An answer not ready after this long is deferred ("Dossier is thinking…") and sent as an edit (default 1500). */
  readonly deferAfterMs?: number;
  /** Where "More" buttons keep their question (default: 500 questions, 15 minutes). */
  readonly answers?: AnswerStore;
  /** A "Cite" button under each passage, answered by the cite command (default: when there is one). */
  readonly citeButtons?: boolean;
  /** Defaults chosen by the operator, such as the citation style (CITE_STYLE). */
  readonly preferences?: CommandContext['preferences'];
  readonly now?: () => number;
  /** Members with one of these roles are moderators too, besides those who may manage the server (MODERATOR_ROLE_IDS). */
  readonly moderatorRoleIds?: readonly string[];
  /** How long downloading an attached file may take (default 15 s). */
  readonly downloadTimeoutMs?: number;
  /** Hosts attached files may be downloaded from (default: Discord's; DISCORD_ATTACHMENT_HOSTS). */
  readonly attachmentHosts?: readonly string[];
  /** Least time between two "Reloading… n/N files" edits (default 1 s). */
  readonly progressIntervalMs?: number;
}

const DEFAULTS = { askCooldownMs: 3000, deferAfterMs: 1500 } as const;

/** Commands whose use counts against the per-user cooldown. */
const RATE_LIMITED = new Set(['ask']);

/** The command behind the Cite buttons. */
const CITE_COMMAND = 'cite';

const MESSAGES = {
  expired: 'This answer has expired; ask again.',
  staleButton: 'This button no longer works; ask again.',
  restarting: 'Dossier is restarting; try again in a minute.',
  unknownCommand: (name: string) => `Dossier has no /${name} command (it may have been removed). Type /help for the commands it has.`,
  moderatorsOnly: (name: string, byRole: boolean) => `/${name} is for moderators only (members who can manage this server${byRole ? ' or have a moderator role' : ''}).`,
  cooldown: (ms: number, at: number) => `One question every few seconds, please: you can /ask again in ${Math.ceil(ms / 1000)} s (<t:${Math.ceil(at / 1000)}:R>).`,
} as const;

export interface InteractionHandler {
  /** Answers one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new work (newcomers get a "restarting" reply) and waits at most `timeoutMs` for work under way. */
  drain(timeoutMs: number): Promise<{ readonly unfinished: number }>;
  readonly inFlight: number;
}

type Outcome = 'answered' | 'refused' | 'invalid' | 'failed' | 'expired' | 'unanswered';

export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { library, log } = options;
  const settings = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const answers = options.answers ?? new AnswerStore({ now });
  const cooldown = new Cooldown(settings.askCooldownMs, now);
  const citeButtons = options.citeButtons ?? findCommand(CITE_COMMAND) !== undefined;
  const moderatorRoleIds = options.moderatorRoleIds ?? [];
  const context = (interaction: Interaction) => ({ library, invoker: invokerFor(interaction, moderatorRoleIds), log, ...(options.preferences ? { preferences: options.preferences } : {}) });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  /**
   * Renders a command result: an /ask, or any result with a next page, gets a "More" button keyed
   * to its question; a timeline page with three dates or more gets its picture attached.
   */
  async function renderResult(result: Awaited<ReturnType<typeof runCommand>>, question: StoredQuestion, uploadLimit: number | undefined, key?: string): Promise<DiscordMessage> {
    const view = present(result);
    let storedKey = key;
    const more = result.kind === 'ask' || view.nextOffset !== undefined ? { moreCustomId: (offset: number) => moreId((storedKey ??= answers.put(question)), offset) } : {};
    if (result.kind === 'ask') return renderView(view, { firstNumber: result.offset + 1, cite: citeButtons, ...more });
    if (view.file) {
      const upload = fileUpload(view.file, uploadLimit);
      return upload.ok ? { ...renderView(view, more), files: [upload.attachment] } : renderNotice(upload.message);
    }
    if (result.kind !== 'timeline') return renderView(view, more);
    const picture = await timelineAttachment(result.events, { title: view.title }).catch((error: unknown) => {
      log.warn({ event: 'timeline_image_failed', err: error }, 'timeline picture failed; answering without it');
      return null;
    });
    const message = renderView(view, { ...more, ...(picture ? { imageUrl: `attachment://${TIMELINE_IMAGE_NAME}` } : {}) });
    // `attachments: []` drops an earlier page's picture when "More" replaces the message in place.
    return { ...message, files: picture ? [picture] : [], attachments: [] };
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<Outcome> {
    const name = interaction.commandName;
    const { raw: leaves, hide, subcommand } = readOptions(interaction.options.data);
    // A subcommand (`/corpus status`) travels to the command kit as the `subcommand` option.
    const raw = subcommand ? { ...leaves, [SUBCOMMAND]: subcommand } : leaves;
    const command = findCommand(name);
    if (!command) {
      log.warn({ event: 'unknown_command', interactionId: interaction.id, command: name }, 'unknown command');
      await replyPrivately(interaction, MESSAGES.unknownCommand(name));
      return 'refused';
    }
    const { invoker } = context(interaction);
    if (command.definition.moderatorOnly && !invoker.isModerator) {
      log.warn({ event: 'forbidden', interactionId: interaction.id, command: name, userId: invoker.userId }, 'moderator command refused');
      await replyPrivately(interaction, MESSAGES.moderatorsOnly(name, moderatorRoleIds.length > 0));
      return 'refused';
    }
    if (RATE_LIMITED.has(name)) {
      const wait = cooldown.take(interaction.user.id);
      if (wait > 0) {
        await replyPrivately(interaction, MESSAGES.cooldown(wait, now() + wait));
        return 'refused';
      }
    }
    const flags = hide ? MessageFlags.Ephemeral : undefined;
    const question: StoredQuestion = { command: name, options: withoutOffset(raw) };
    // Attached files are downloaded only if the command reads them; long commands show their progress.
    const uploads = attachmentUploads(readAttachments(interaction.options.data), {
      ...(options.downloadTimeoutMs !== undefined ? { timeoutMs: options.downloadTimeoutMs } : {}),
      ...(options.attachmentHosts ? { allowedHosts: options.attachmentHosts } : {}),
    });
    const replies = progressReplies(interaction, flags, { log, now, ...(options.progressIntervalMs !== undefined ? { intervalMs: options.progressIntervalMs } : {}) });
    let message: DiscordMessage;
    try {
      message = await answerWithin(command.definition.slow ? 0 : settings.deferAfterMs, replies.defer, async () =>
        renderResult(await runCommand(name, raw, { ...context(interaction), uploads, progress: replies.report }), question, interaction.attachmentSizeLimit),
      );
    } finally {
      await replies.settle();
    }
    if (interaction.deferred) await interaction.editReply(replies.shown ? { content: '', ...message } : message);
    else await interaction.reply({ ...message, flags });
    return 'answered';
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<Outcome> {
    const command = findCommand(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    let choices: readonly Choice[] = [];
    try {
      choices = command?.complete?.(focused.name, String(focused.value), { ...context(interaction), catalog: CATALOG }) ?? [];
    } catch (error) {
      log.error({ event: 'autocomplete_failed', interactionId: interaction.id, command: interaction.commandName, option: focused.name, err: error }, 'autocomplete failed');
    }
    await interaction.respond(fitChoices(choices));
    return 'answered';
  }

  async function onButton(interaction: ButtonInteraction): Promise<Outcome> {
    const action = parseButtonId(interaction.customId);
    if (!action) {
      await replyPrivately(interaction, MESSAGES.staleButton);
      return 'expired';
    }
    return action.kind === 'more' ? onMore(interaction, action) : onCite(interaction, action);
  }

  async function onMore(interaction: ButtonInteraction, action: Extract<ButtonAction, { kind: 'more' }>): Promise<Outcome> {
    const question = answers.get(action.key);
    if (!question) {
      await replyPrivately(interaction, MESSAGES.expired);
      return 'expired';
    }
    const raw = { ...question.options, offset: action.offset };
    const message = await answerWithin(settings.deferAfterMs, () => interaction.deferUpdate(), async () =>
      renderResult(await runCommand(question.command, raw, context(interaction)), question, interaction.attachmentSizeLimit, action.key),
    );
    // The next page replaces the answer in place.
    if (interaction.deferred) await interaction.editReply(message);
    else await interaction.update(message);
    return 'answered';
  }

  async function onCite(interaction: ButtonInteraction, action: Extract<ButtonAction, { kind: 'cite' }>): Promise<Outcome> {
    if (!findCommand(CITE_COMMAND)) {
      await replyPrivately(interaction, MESSAGES.staleButton);
      return 'expired';
    }
    // Building a citation engine can take seconds the first time: acknowledge first. The Cite
    // button under an answer gets a private reply; a style button sits on that private reply
    // and replaces it in place.
    if (action.style === null) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    else await interaction.deferUpdate();
    const raw = { passage: action.passageId, ...(action.style ? { style: action.style } : {}) };
    const result = await runCommand(CITE_COMMAND, raw, context(interaction));
    const style = result.kind === 'cite' ? result.style : null;
    const message = renderView(present(result));
    await interaction.editReply(style ? { ...message, components: citationStyleRow(action.passageId, style) } : message);
    return 'answered';
  }

  async function dispatch(interaction: Interaction): Promise<{ outcome: Outcome; command?: string }> {
    if (interaction.isChatInputCommand()) return { outcome: await onCommand(interaction), command: interaction.commandName };
    if (interaction.isAutocomplete()) return { outcome: await onAutocomplete(interaction), command: interaction.commandName };
    if (interaction.isButton()) return { outcome: await onButton(interaction), command: interaction.customId.split(':')[0] };
    log.debug({ event: 'interaction_ignored', interactionId: interaction.id, type: interaction.type }, 'interaction type not handled');
    return { outcome: 'unanswered' };
  }

  async function whileStopping(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await replyPrivately(interaction, MESSAGES.restarting);
  }

  async function handleOne(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const base = { interactionId: interaction.id, userId: interaction.user.id, kind: kindOf(interaction) };
    let outcome: Outcome = 'failed';
    let command: string | undefined;
    try {
      if (!accepting) {
        outcome = 'refused';
        await whileStopping(interaction);
      } else {
        ({ outcome, command } = await dispatch(interaction));
      }
    } catch (error) {
      ({ outcome, command } = await recover(interaction, error, commandOf(interaction)));
    }
    log.info({ event: 'interaction', ...base, command, outcome, ms: Math.round(performance.now() - started) }, 'interaction handled');
  }

  /** After a failure: bad input gets its message privately, anything else an apology; Discord's own failures are logged only. */
  async function recover(interaction: Interaction, error: unknown, command: string | undefined): Promise<{ outcome: Outcome; command?: string }> {
    if (isDiscordFailure(error)) {
      log.error({ event: 'discord_request_failed', interactionId: interaction.id, command, ...discordErrorFields(error) }, 'Discord refused or failed a response');
      // Discord refused the answer itself (a 400): the asker still deserves a word.
      if (error instanceof DiscordAPIError && error.status === 400 && interaction.isRepliable() && !interaction.replied) {
        await replyPrivately(interaction, apology(interaction.id)).catch(() => undefined);
      }
      return { outcome: 'failed', command };
    }
    const failure = describeFailure(error);
    if (failure.unexpected) log.error({ event: 'interaction_failed', interactionId: interaction.id, command, err: error }, 'interaction failed');
    else log.info({ event: 'interaction_refused', interactionId: interaction.id, command, code: failure.code }, 'bad input');
    if (!interaction.isRepliable()) return { outcome: 'failed', command };
    try {
      await replyPrivately(interaction, failure.unexpected ? apology(interaction.id) : failure.message);
    } catch (replyError) {
      log.error({ event: 'discord_request_failed', interactionId: interaction.id, command, ...discordErrorFields(replyError) }, 'could not send the error reply');
    }
    return { outcome: failure.unexpected ? 'failed' : 'invalid', command };
  }

  return {
    handle(interaction) {
      const task = handleOne(interaction).catch((error: unknown) => {
        log.error({ event: 'interaction_failed', interactionId: interaction.id, err: error }, 'interaction handler failed');
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return task;
    },
    async drain(timeoutMs) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(() => resolve(void (timedOut = true)), timeoutMs)));
      // Newcomers (told that Dossier is restarting) join the set while it drains: wait for them too.
      while (inFlight.size > 0 && !timedOut) await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
      return { unfinished: inFlight.size };
    },
    get inFlight() {
      return inFlight.size;
    },
  };
}

/**
 * Runs `work`; if it is not done within `deferAfterMs`, acknowledges the interaction with `defer`
 * (Discord allows 3 s for the first response, 15 minutes for the edit that follows).
 */
export async function answerWithin<T>(deferAfterMs: number, defer: () => Promise<unknown>, work: () => Promise<T>): Promise<T> {
  // Work that may block the event loop for seconds is acknowledged first: no timer could fire during it.
  if (deferAfterMs <= 0) {
    await defer();
    return work();
  }
  const running = work();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deferAfterMs)));
  const first = await Promise.race([running.then(() => 'done' as const, () => 'done' as const), slow]);
  clearTimeout(timer);
  if (first === 'slow') await defer();
  return running;
}

/** What the asker sees when Dossier failed: the shared message for unexpected failures, and a reference for the log. */
function apology(interactionId: string): string {
  return `${describeFailure(undefined).message} (Reference: ${interactionId}.)`;
}

/** A private reply that works whatever state the interaction is in. */
async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = { ...renderNotice(text), flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
    return;
  }
  // Already acknowledged (deferred, possibly in public): the private note goes as a follow-up,
  // and a public "thinking…" placeholder is removed rather than left spinning.
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral && !interaction.isMessageComponent()) {
    await interaction.deleteReply().catch(() => undefined);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(renderNotice(text));
    return;
  }
  await interaction.followUp(message);
}

/** At most 25 choices; names cut to 100 characters; values that Discord would refuse are dropped. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((choice) => choice.value.length > 0 && choice.value.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.choices)
    .map((choice) => ({ name: clip(choice.name.trim() || choice.value, DISCORD_LIMITS.choiceName), value: choice.value }));
}

function withoutOffset(raw: Readonly<Record<string, RawValue>>): Record<string, RawValue> {
  const { offset: _offset, ...rest } = raw;
  return rest;
}

function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  return `type-${interaction.type}`;
}

function commandOf(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return interaction.customId.split(':')[0];
  return undefined;
}

function isDiscordFailure(error: unknown): error is DiscordAPIError | HTTPError | RateLimitError {
  return error instanceof DiscordAPIError || error instanceof HTTPError || error instanceof RateLimitError;
}

/**
 * What to log about a failed Discord request. Not the error object itself: its `url` holds the
 * interaction token and `requestBody` the whole message.
 */
export function discordErrorFields(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { status: error.status, code: error.code, method: error.method, reason: error.message };
  if (error instanceof HTTPError) return { status: error.status, method: error.method, reason: error.message };
  if (error instanceof RateLimitError) return { status: 429, method: error.method, reason: `rate limited for ${error.timeToReset} ms` };
  return { reason: error instanceof Error ? error.message : String(error) };
}
