import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { Client } from 'discord.js';
import type { Logger } from '../../log.ts';
import { discordErrorFields } from './recovery.ts';

/**
 * Slash commands as Discord shows them clickable: `</ask:123…>` needs the command's id, which
 * only Discord knows (`npm run deploy` registered it in a guild, or globally). Fetched once per
 * guild and kept: a command keeps its id when deployed again under its name.
 */
export class CommandMentions {
  private readonly byGuild = new Map<string, Promise<ReadonlyMap<string, string>>>();

  constructor(private readonly log: Logger) {}

  /** Command name → id for the commands a guild sees: its own, else the global ones. None when Discord cannot say. */
  ids(client: Client, guildId: string | null): Promise<ReadonlyMap<string, string>> {
    const key = guildId ?? 'global';
    let ids = this.byGuild.get(key);
    if (!ids) {
      ids = this.fetch(client, guildId);
      this.byGuild.set(key, ids);
    }
    return ids;
  }

  private async fetch(client: Client, guildId: string | null): Promise<ReadonlyMap<string, string>> {
    const commands = client.application?.commands;
    if (!commands) return new Map();
    try {
      const global = [...(await commands.fetch()).values()];
      const local = guildId ? [...(await commands.fetch({ guildId })).values()] : [];
      const ids = new Map<string, string>();
      // A guild's own commands after the global ones: they are what its members see under that name.
      for (const command of [...global, ...local]) {
        // A command with subcommands is clickable only as one of them: it stays plain text.
        const parent = command.options.some(
          (option) =>
            option.type === ApplicationCommandOptionType.Subcommand ||
            option.type === ApplicationCommandOptionType.SubcommandGroup,
        );
        if (command.type === ApplicationCommandType.ChatInput && !parent) ids.set(command.name, command.id);
      }
      return ids;
    } catch (error) {
      // Plain "/ask" then, and asked again next time.
      this.byGuild.delete(guildId ?? 'global');
      this.log.warn(
        { event: 'command_ids_failed', ...discordErrorFields(error) },
        'could not read the command ids; /help shows plain names',
      );
      return new Map();
    }
  }
}

/** "/ask …" made "</ask:123> …" for each command whose id is known. */
export function mentionCommands(text: string, ids: ReadonlyMap<string, string>): string {
  return text.replace(/(^|[\s(])\/([a-z][\w-]{0,31})\b/g, (whole, before: string, name: string) => {
    const id = ids.get(name);
    return id ? `${before}</${name}:${id}>` : whole;
  });
}
