import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/**
 * Commands on a message's context menu (right-click a message → Apps), which Discord offers
 * besides slash commands: each asks one of Dossier's commands about the message's text.
 */
export interface MessageCommand {
  /** As the menu shows it: capitals and spaces allowed. */
  readonly name: string;
  /** The command it runs, and the option the message's text fills. */
  readonly command: string;
  readonly option: string;
}

/** "Find sources": the message's text as an /ask question, answered privately to whoever asked. */
export const MESSAGE_COMMANDS: readonly MessageCommand[] = [
  { name: 'Find sources', command: 'ask', option: 'question' },
];

export function messageCommands(
  list: readonly MessageCommand[] = MESSAGE_COMMANDS,
): RESTPostAPIContextMenuApplicationCommandsJSONBody[] {
  return list.map((command) => ({
    type: ApplicationCommandType.Message,
    name: command.name,
    contexts: [InteractionContextType.Guild],
  }));
}
