import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandInteractionOption, PermissionsBitField } from 'discord.js';
import type { RawValue } from '../../commandKit/args.ts';
import type { Invoker } from '../../commandKit/command.ts';
import { HIDE_OPTION } from './slashCommands.ts';

/**
 * Reads what Discord sent into what the command kit validates: raw option values by name, minus
 * `hide`, which belongs to the adapter. Values are not checked here: dispatch does that for
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
      if (
        option.type === ApplicationCommandOptionType.Subcommand ||
        option.type === ApplicationCommandOptionType.SubcommandGroup
      ) {
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

/** An attachment a slash command option refers to, as Discord describes it. */
export interface AttachmentInfo {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  /** Bytes, as Discord reports it. */
  readonly size: number;
}

/** The attachments the options carry, by attachment id (an attachment option's value). */
export function readAttachments(data: readonly CommandInteractionOption[]): ReadonlyMap<string, AttachmentInfo> {
  const found = new Map<string, AttachmentInfo>();
  const visit = (options: readonly CommandInteractionOption[]): void => {
    for (const option of options) {
      if (option.options) visit(option.options);
      const attachment = option.attachment;
      if (option.type === ApplicationCommandOptionType.Attachment && attachment) {
        found.set(String(option.value ?? attachment.id), {
          id: attachment.id,
          name: attachment.name,
          url: attachment.url,
          size: attachment.size,
        });
      }
    }
  };
  visit(data);
  return found;
}

/** The role ids of an interaction's member: discord.js's GuildMember (cached guild) or the raw API member. */
function memberRoleIds(member: unknown): readonly string[] {
  const roles = (member as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) return roles.filter((role): role is string => typeof role === 'string');
  const cache = (roles as { cache?: { keys(): Iterable<string> } } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

/** Who counts as a moderator under `invokerFor`, in words, for dispatch to tell a member it refuses. */
export function moderatorsIn(moderatorRoleIds: readonly string[]): string {
  return `members who can manage this server${moderatorRoleIds.length > 0 ? ' or have a moderator role' : ''}`;
}

/**
 * Who is asking, as the command kit needs to know. Moderators are members who may manage the
 * server, and also (roles ADD to the permission, they never take it away) members with one of
 * `moderatorRoleIds` (MODERATOR_ROLE_IDS).
 */
export function invokerFor(
  interaction: {
    readonly user: { readonly id: string };
    readonly memberPermissions: Readonly<PermissionsBitField> | null;
    readonly member?: unknown;
  },
  moderatorRoleIds: readonly string[] = [],
): Invoker {
  const byPermission = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  const byRole =
    moderatorRoleIds.length > 0 && memberRoleIds(interaction.member).some((role) => moderatorRoleIds.includes(role));
  return { via: 'discord', userId: interaction.user.id, isModerator: byPermission || byRole };
}
