import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandInteractionOption, PermissionsBitField } from 'discord.js';
import type { RawValue } from '../../commandKit/args.ts';
import type { Invoker } from '../../commandKit/command.ts';
import { HIDE_OPTION } from './slashCommands.ts';

/**
 * Reads what Discord sent into what the command kit validates: raw option values by name, minus
 * `hide`, which belongs to the adapter. Values are not checked here: `runCommand` does that for
 * every adapter alike.
 */
export interface ReadOptions {
  readonly raw: Record<string, RawValue>;
  /** The asker chose `hide`: answer privately. */
  readonly hide: boolean;
  /** The subcommand path ("status", "group status"), when the command has subcommands. */
  readonly subcommand: string | null;
}

export function readOptions(data: readonly CommandInteractionOption[]): ReadOptions {
  const raw: Record<string, RawValue> = {};
  let hide = false;
  const path: string[] = [];
  const visit = (options: readonly CommandInteractionOption[]): void => {
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) {
        path.push(option.name);
        visit(option.options ?? []);
      } else if (option.name === HIDE_OPTION) {
        hide = option.value === true;
      } else if (option.value !== undefined && option.value !== null) {
        raw[option.name] = option.value;
      }
    }
  };
  visit(data);
  return { raw, hide, subcommand: path.length > 0 ? path.join(' ') : null };
}

/** Who is asking, as the command kit needs to know: moderators are members who may manage the server. */
export function invokerFor(interaction: { readonly user: { readonly id: string }; readonly memberPermissions: Readonly<PermissionsBitField> | null }): Invoker {
  return { via: 'discord', userId: interaction.user.id, isModerator: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false };
}
