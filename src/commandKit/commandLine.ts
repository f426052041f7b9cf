import { InputError } from '../errors.ts';
import type { RawValue } from './args.ts';
import type { CommandDefinition } from './definition.ts';

/** Splits a typed line into words, keeping "quoted phrases" together. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

/**
 * Reads the options of one command from terminal words, the same for the one-shot CLI and the
 * console: `--limit 3`, `--limit=3`, Discord-style `limit:3`, a bare `--flag` for booleans, and
 * everything else joined into the positional option (`ask How long would it take?`).
 */
export function parseCommandWords(definition: CommandDefinition, words: readonly string[]): Record<string, RawValue> {
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
      if (!option) throw new InputError('unknown_option', `/${definition.name} has no option --${name}. Its options: ${[...byName.keys()].join(', ') || 'none'}.`);
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
    const positional = definition.options.find((option) => option.positional);
    if (!positional) throw new InputError('unexpected_argument', `/${definition.name} takes no text ("${loose.join(' ')}"). Example: ${definition.example}`);
    raw[positional.name] = loose.join(' ');
  }
  return raw;
}
