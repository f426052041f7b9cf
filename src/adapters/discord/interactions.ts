import type { Interaction } from 'discord.js';
import { commandDispatcher } from '../../app/commands.ts';
import type { CommandContext } from '../../commandKit/command.ts';
import type { Library } from '../../library.ts';
import type { Logger } from '../../log.ts';
import { answerAutocomplete } from './answerAutocomplete.ts';
import { answerButton, answerSelect, CITE_COMMAND } from './answerButton.ts';
import { answerMessageCommand } from './answerMessageCommand.ts';
import { answerSlashCommand } from './answerSlashCommand.ts';
import { AnswerStore } from './buttons.ts';
import { CommandMentions } from './commandMentions.ts';
import { invokerFor, moderatorsIn } from './options.ts';
import { replyPrivately } from './privateReply.ts';
import { recover } from './recovery.ts';
import type { Outcome, Responder } from './responder.ts';

/**
 * Answers every interaction Discord sends, each kind by its own module: slash commands
 * (answerSlashCommand.ts), message context-menu commands (answerMessageCommand.ts), autocomplete (answerAutocomplete.ts), the buttons and menus under
 * answers (answerButton.ts), and failures (recovery.ts). Whatever happens, the asker gets a short reply
 * and the log gets the whole story, one line per event, each with the interaction id.
 */

export interface InteractionHandlerOptions {
  readonly library: Library;
  readonly log: Logger;
  /** Replaces the cooldown of every command that declares one (such as /ask's); 0 turns cooldowns off. */
  readonly cooldownMs?: number;
  /** An answer not ready after this long is deferred ("Dossier is thinking…") and sent as an edit (default 1500). */
  readonly deferAfterMs?: number;
  /** Where the pager keeps its question (default: 500 questions, 15 minutes). */
  readonly answers?: AnswerStore;
  /** A "Cite a passage…" menu under each answer, answered by the cite command (default: when there is one). */
  readonly citeMenus?: boolean;
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

const DEFAULT_DEFER_AFTER_MS = 1500;

const RESTARTING = 'Dossier is restarting; try again in a minute.';

export interface InteractionHandler {
  /** Answers one interaction; never rejects. */
  handle(interaction: Interaction): Promise<void>;
  /** Stops taking new work (newcomers get a "restarting" reply) and waits at most `timeoutMs` for work under way. */
  drain(timeoutMs: number): Promise<{ readonly unfinished: number }>;
  readonly inFlight: number;
}

export function createInteractionHandler(options: InteractionHandlerOptions): InteractionHandler {
  const { library, log } = options;
  const now = options.now ?? Date.now;
  const moderatorRoleIds = options.moderatorRoleIds ?? [];
  const dispatcher = commandDispatcher({
    now,
    moderators: moderatorsIn(moderatorRoleIds),
    ...(options.cooldownMs !== undefined ? { cooldownMs: options.cooldownMs } : {}),
  });
  const responder: Responder = {
    log,
    dispatcher,
    answers: options.answers ?? new AnswerStore({ now }),
    commandMentions: new CommandMentions(log),
    citeMenus: options.citeMenus ?? dispatcher.catalog.some((definition) => definition.name === CITE_COMMAND),
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    now,
    downloads: {
      ...(options.downloadTimeoutMs !== undefined ? { timeoutMs: options.downloadTimeoutMs } : {}),
      ...(options.attachmentHosts ? { allowedHosts: options.attachmentHosts } : {}),
    },
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    requestContext: (interaction) => ({
      library,
      invoker: invokerFor(interaction, moderatorRoleIds),
      log,
      ...(options.preferences ? { preferences: options.preferences } : {}),
    }),
  };
  const inFlight = new Set<Promise<void>>();
  let accepting = true;

  async function route(interaction: Interaction): Promise<{ outcome: Outcome; command?: string }> {
    if (interaction.isChatInputCommand())
      return { outcome: await answerSlashCommand(interaction, responder), command: interaction.commandName };
    if (interaction.isMessageContextMenuCommand())
      return { outcome: await answerMessageCommand(interaction, responder), command: interaction.commandName };
    if (interaction.isAutocomplete())
      return { outcome: await answerAutocomplete(interaction, responder), command: interaction.commandName };
    if (interaction.isButton())
      return { outcome: await answerButton(interaction, responder), command: commandOf(interaction) };
    if (interaction.isStringSelectMenu())
      return { outcome: await answerSelect(interaction, responder), command: commandOf(interaction) };
    log.debug(
      { event: 'interaction_ignored', interactionId: interaction.id, type: interaction.type },
      'interaction type not handled',
    );
    return { outcome: 'unanswered' };
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
        ({ outcome, command } = await route(interaction));
      }
    } catch (error) {
      ({ outcome, command } = await recover(interaction, error, commandOf(interaction), log));
    }
    log.info(
      { event: 'interaction', ...base, command, outcome, ms: Math.round(performance.now() - started) },
      'interaction handled',
    );
  }

  return {
    handle(interaction) {
      const task = handleOne(interaction).catch((error: unknown) => {
        log.error(
          { event: 'interaction_failed', interactionId: interaction.id, err: error },
          'interaction handler failed',
        );
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return task;
    },
    async drain(timeoutMs) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const timeout = new Promise<void>(
        (resolve) => (timer = setTimeout(() => resolve(void (timedOut = true)), timeoutMs)),
      );
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

async function whileStopping(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await replyPrivately(interaction, RESTARTING);
}

function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isMessageContextMenuCommand()) return 'message-command';
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  if (interaction.isStringSelectMenu()) return 'select';
  return `type-${interaction.type}`;
}

function commandOf(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand() || interaction.isAutocomplete())
    return interaction.commandName;
  if (interaction.isButton() || interaction.isStringSelectMenu()) return interaction.customId.split(':')[0];
  return undefined;
}
