import { InputError } from '../errors.ts';
import { findSubcommand, type RawValue } from './args.ts';
import { SUBCOMMAND, type CommandDefinition, type OptionDefinition } from './definition.ts';

/** Splits a typed line into words, keeping "quoted phrases" together. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

/**
 * Reads the options of one command from terminal words, the same for the one-shot CLI and the
 * console: `--limit 3`, `--limit=3`, Discord-style `limit:3`, a bare `--flag` for booleans, and
 * the other words filling the positional options in order, the last taking all that are left
 * (`ask How long would it take?`). A command with subcommands takes the subcommand's name as its
 * first word (`corpus status`), returned as `subcommand`.
 */
export function parseCommandWords(definition: CommandDefinition, words: readonly string[]): Record<string, RawValue> {
  if (!definition.subcommands)
    return parseOptionWords({ name: definition.name, options: definition.options, example: definition.example }, words);
  const [first, ...rest] = words;
  const subcommand = findSubcommand(definition, first);
  return {
    [SUBCOMMAND]: subcommand.name,
    ...parseOptionWords(
      { name: `${definition.name} ${subcommand.name}`, options: subcommand.options, example: subcommand.example },
      rest,
    ),
  };
}

function parseOptionWords(
  definition: { readonly name: string; readonly options: readonly OptionDefinition[]; readonly example: string },
  words: readonly string[],
): Record<string, RawValue> {
  const byName = new Map(definition.options.map((option) => [option.name, option]));
  const raw: Record<string, RawValue> = {};
  const loose: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const flag = /^--([a-z][\w-]*)(?:=(.*))?$/.exec(word);
    const named = /^([a-z][\w-]*):(.+)$/.exec(word);
    if (flag) {
      const [, name, inline] = flag as unknown as [string, string, string | undefined];
      const option = byName.get(name);
      if (!option)
        throw new InputError(
          'unknown_option',
          `/${definition.name} has no option --${name}. Its options: ${[...byName.keys()].join(', ') || 'none'}.`,
        );
      if (inline !== undefined) raw[name] = inline;
      else if (option.kind === 'boolean' && !/^(true|false|yes|no)$/i.test(words[i + 1] ?? '')) raw[name] = true;
      else if (i + 1 < words.length) raw[name] = words[++i]!;
      else throw new InputError('missing_value', `--${name} needs a value. Example: ${definition.example}`);
    } else if (named && byName.has(named[1]!)) {
      raw[named[1]!] = named[2]!;
    } else {
      loose.push(word);
    }
  }
  if (loose.length > 0) {
    const positionals = definition.options.filter((option) => option.positional);
    if (positionals.length === 0)
      throw new InputError(
        'unexpected_argument',
        `/${definition.name} takes no text ("${loose.join(' ')}"). Example: ${definition.example}`,
      );
    positionals.forEach((option, index) => {
      const last = index === positionals.length - 1;
      const taken = last ? loose.splice(0) : loose.splice(0, 1);
      if (taken.length > 0) raw[option.name] = taken.join(' ');
    });
  }
  return raw;
}
