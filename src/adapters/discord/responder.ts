import type { Interaction } from 'discord.js';
import type { Dispatcher, RequestContext } from '../../commandKit/dispatcher.ts';
import type { CommandResult } from '../../commandKit/results.ts';
import type { Logger } from '../../log.ts';
import type { AttachmentDownloadOptions } from './attachments.ts';
import type { AnswerStore } from './buttons.ts';
import type { CommandMentions } from './commandMentions.ts';

/** What became of one interaction, as its log line says. */
export type Outcome = 'answered' | 'refused' | 'invalid' | 'failed' | 'expired' | 'unanswered';

/** What the modules answering each kind of interaction share; built once per bot by createInteractionHandler. */
export interface Responder {
  readonly log: Logger;
  readonly dispatcher: Dispatcher<CommandResult>;
  /** Where the pager keeps its question. */
  readonly answers: AnswerStore;
  /** A "Cite a passage…" menu under each answer. */
  readonly citeMenus: boolean;
  /** The slash commands' ids, for /help to show them clickable. */
  readonly commandMentions: CommandMentions;
  /** An answer not ready after this long is deferred ("Dossier is thinking…") and sent as an edit. */
  readonly deferAfterMs: number;
  readonly now: () => number;
  /** How attached files are downloaded. */
  readonly downloads: Omit<AttachmentDownloadOptions, 'fetch'>;
  /** Least time between two progress edits; the default of progress.ts when absent. */
  readonly progressIntervalMs?: number;
  /** The request an interaction makes: who asks (a moderator or not), and what every command reads. */
  readonly requestContext: (interaction: Interaction) => RequestContext;
}
