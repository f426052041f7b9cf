import { parseIsoDate } from '../corpus/dates.ts';
import { InputError } from '../errors.ts';
import { SUBCOMMAND, type CommandDefinition, type OptionDefinition, type SubcommandDefinition } from './definition.ts';

export type RawValue = string | number | boolean;

/**
 * Checks raw option values (from a terminal line or a Discord payload) against the definition
 * and returns them typed. Every adapter goes through here, so every asker gets the same messages.
 * For a command with subcommands, `raw.subcommand` names the one chosen and the rest are its options.
 */
export function validateArgs(
  definition: CommandDefinition,
  raw: Readonly<Record<string, RawValue | undefined>>,
): Record<string, RawValue> {
  if (!definition.subcommands)
    return validateOptions({ name: definition.name, options: definition.options, example: definition.example }, raw);
  const { [SUBCOMMAND]: chosen, ...rest } = raw;
  const subcommand = findSubcommand(definition, chosen === undefined ? undefined : String(chosen));
  return {
    [SUBCOMMAND]: subcommand.name,
    ...validateOptions(
      { name: `${definition.name} ${subcommand.name}`, options: subcommand.options, example: subcommand.example },
      rest,
    ),
  };
}

/** The subcommand a user named, or an InputError listing the ones there are. */
export function findSubcommand(definition: CommandDefinition, name: string | undefined): SubcommandDefinition {
  const subcommands = definition.subcommands ?? [];
  const names = subcommands.map((subcommand) => subcommand.name).join(', ');
  if (name === undefined || name.trim() === '')
    throw new InputError(
      'missing_subcommand',
      `/${definition.name} needs a subcommand: ${names}. Example: ${definition.example}`,
    );
  const found = subcommands.find((subcommand) => subcommand.name === name.trim().toLowerCase());
  if (!found)
    throw new InputError(
      'unknown_subcommand',
      `/${definition.name} has no subcommand "${name}". Its subcommands: ${names}.`,
    );
  return found;
}

/** What validation needs to know about a command or one of its subcommands: the name users type, its options, an example. */
interface OptionSet {
  readonly name: string;
  readonly options: readonly OptionDefinition[];
  readonly example: string;
}

function validateOptions(
  definition: OptionSet,
  raw: Readonly<Record<string, RawValue | undefined>>,
): Record<string, RawValue> {
  const known = new Set(definition.options.map((option) => option.name));
  const unknown = Object.keys(raw).filter((name) => !known.has(name) && raw[name] !== undefined);
  if (unknown.length > 0) {
    const names = definition.options.map((option) => option.name).join(', ') || 'none';
    throw new InputError('unknown_option', `/${definition.name} has no option "${unknown[0]}". Its options: ${names}.`);
  }
  const args: Record<string, RawValue> = {};
  for (const option of definition.options) {
    const value = raw[option.name];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (option.required)
        throw new InputError(
          option.name === 'question' ? 'empty_query' : 'missing_option',
          `/${definition.name} needs ${option.positional ? 'a' : 'the'} ${option.name}${option.positional ? '' : ' option'}. Example: ${definition.example}`,
        );
      continue;
    }
    args[option.name] = coerce(definition, option, value);
  }
  return args;
}

function coerce(definition: OptionSet, option: OptionDefinition, value: RawValue): RawValue {
  const label = `/${definition.name} ${option.name}`;
  switch (option.kind) {
    case 'integer': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(number))
        throw new InputError('bad_option', `${label} must be a whole number, not "${value}".`);
      if ((option.min !== undefined && number < option.min) || (option.max !== undefined && number > option.max)) {
        throw new InputError('bad_option', `${label} must be between ${option.min} and ${option.max}, not ${number}.`);
      }
      return number;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(text)) return true;
      if (['false', 'no', '0', 'off'].includes(text)) return false;
      throw new InputError('bad_option', `${label} must be true or false, not "${value}".`);
    }
    case 'date': {
      const text = String(value).trim();
      const date = parseIsoDate(text);
      if (date?.precision !== 'day')
        throw new InputError('bad_date', `${label} must be a date written YYYY-MM-DD, like 2020-09-28, not "${text}".`);
      return date.value;
    }
    case 'attachment':
      return String(value).trim();
    case 'string': {
      const text = String(value).trim();
      if (option.maxLength !== undefined && text.length > option.maxLength)
        throw new InputError('too_long', `${label} is ${text.length} characters; the limit is ${option.maxLength}.`);
      if (option.choices && !option.choices.includes(text.toLowerCase()))
        throw new InputError('bad_option', `${label} must be one of ${option.choices.join(', ')}, not "${text}".`);
      return option.choices ? text.toLowerCase() : text;
    }
  }
}
