import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { CATALOG } from '../../app/commands.ts';
import { SUBCOMMAND, type CommandDefinition, type OptionDefinition } from '../../commandKit/definition.ts';
import { shorten } from '../../present/labels.ts';
import { DISCORD_LIMITS } from './limits.ts';

/**
 * Command definitions as Discord application commands. Nothing here is written by hand per
 * command: the definitions in commands/ are the single source, plus the `hide` option every
 * command takes (answer privately).
 */

export type SlashCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The option every command gets: the answer is shown only to the asker. */
export const HIDE_OPTION = 'hide';

const hideOption: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: HIDE_OPTION,
  description: 'Show the answer only to you',
  required: false,
};

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function description(text: string): string {
  return shorten(text, DISCORD_LIMITS.commandDescription);
}

function checkName(name: string, what: string): string {
  if (!NAME.test(name))
    throw new Error(
      `slashCommands: ${what} "${name}" is not a valid Discord name (1-32 lower-case letters, digits, - or _)`,
    );
  return name;
}

function slashOption(option: OptionDefinition): APIApplicationCommandBasicOption {
  const base = {
    name: checkName(option.name, 'option'),
    description: description(option.description),
    required: option.required === true,
  };
  switch (option.kind) {
    case 'integer':
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(option.min !== undefined ? { min_value: option.min } : {}),
        ...(option.max !== undefined ? { max_value: option.max } : {}),
        ...(option.autocomplete ? { autocomplete: true } : {}),
      } as APIApplicationCommandBasicOption;
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case 'attachment':
      return { ...base, type: ApplicationCommandOptionType.Attachment };
    case 'date':
      // Discord has no date type: a string, validated by the command kit with a helpful message.
      return { ...base, type: ApplicationCommandOptionType.String, max_length: 32 };
    case 'string':
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
        // Discord refuses choices together with autocomplete; fixed choices win.
        ...(option.choices
          ? {
              choices: option.choices
                .slice(0, DISCORD_LIMITS.choices)
                .map((choice) => ({ name: choice, value: choice })),
            }
          : {}),
        ...(option.autocomplete && !option.choices ? { autocomplete: true } : {}),
      } as APIApplicationCommandBasicOption;
  }
}

/** Options as Discord lists them: required first, then the others, then `hide`. */
function optionList(options: readonly OptionDefinition[], owner: string): APIApplicationCommandBasicOption[] {
  if (options.some((option) => option.name === HIDE_OPTION))
    throw new Error(`slashCommands: /${owner} defines "${HIDE_OPTION}", which Discord adds to every command`);
  if (options.some((option) => option.name === SUBCOMMAND))
    throw new Error(`slashCommands: /${owner} defines "${SUBCOMMAND}", the name that carries a subcommand`);
  const list = [...options.filter((option) => option.required), ...options.filter((option) => !option.required)].map(
    slashOption,
  );
  if (list.length + 1 > DISCORD_LIMITS.commandOptions)
    throw new Error(`slashCommands: /${owner} has more than ${DISCORD_LIMITS.commandOptions - 1} options`);
  return [...list, hideOption];
}

/**
 * One definition as a guild-only chat-input command, required options first, `hide` last. A command
 * with subcommands lists them (Discord allows no other options beside subcommands), each with its
 * own options and `hide`.
 */
export function slashCommand(definition: CommandDefinition): SlashCommand {
  const name = checkName(definition.name, 'command');
  if (definition.subcommands && definition.options.length > 0)
    throw new Error(`slashCommands: /${name} has subcommands, so its options belong to them`);
  const options: APIApplicationCommandOption[] = definition.subcommands
    ? definition.subcommands.map((subcommand) => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: checkName(subcommand.name, 'subcommand'),
        description: description(subcommand.description),
        options: optionList(subcommand.options, `${name} ${subcommand.name}`),
      }))
    : optionList(definition.options, name);
  if (options.length > DISCORD_LIMITS.commandOptions)
    throw new Error(`slashCommands: /${name} has more than ${DISCORD_LIMITS.commandOptions} subcommands`);
  return {
    type: ApplicationCommandType.ChatInput,
    name,
    description: description(definition.description),
    options,
    // Moderator commands are hidden from members by default; the bot checks again on use.
    default_member_permissions: definition.moderatorOnly ? String(PermissionFlagsBits.ManageGuild) : null,
    dm_permission: false,
    contexts: [InteractionContextType.Guild],
  };
}

/** Every registered command, in catalog order. */
export function slashCommands(catalog: readonly CommandDefinition[] = CATALOG): SlashCommand[] {
  return catalog.map(slashCommand);
}
