import type { CommandDefinition, OptionDefinition } from '../commandKit/definition.ts';
import type { View } from './view.ts';

/**
 * How to run one command from a terminal (`cli ask --help`): its example, then each option with
 * what it takes, read from the definition every adapter reads.
 */
export function usageView(definition: CommandDefinition): View {
  const optionItems = (options: readonly OptionDefinition[], prefix = '') =>
    options.map((option) => ({
      kind: 'entry' as const,
      heading: `${prefix}${optionUsage(option)}`,
      body: `${option.description}${option.required ? ' (required)' : ''}`,
    }));
  const items = definition.subcommands
    ? definition.subcommands.flatMap((subcommand) => [
        {
          kind: 'entry' as const,
          heading: `${definition.name} ${subcommand.name}`,
          body: `${subcommand.description}. Example: ${subcommand.example}`,
        },
        ...optionItems(subcommand.options, '  '),
      ])
    : optionItems(definition.options);
  return {
    tone: 'info',
    title: `${definition.name}: ${definition.description}`,
    notice: `Example: ${definition.example}`,
    items,
    footer: 'Add --json for the JSON document scripts read.',
  };
}

/** "--limit N (1-20)", "question…", "--style apa|mla|chicago|bibtex|csl-json". */
function optionUsage(option: OptionDefinition): string {
  const value = option.choices
    ? option.choices.join('|')
    : option.kind === 'integer'
      ? 'N'
      : option.kind === 'date'
        ? 'YYYY-MM-DD'
        : option.kind === 'attachment'
          ? 'FILE'
          : option.kind === 'boolean'
            ? ''
            : 'TEXT';
  const range = option.min !== undefined && option.max !== undefined ? ` (${option.min}-${option.max})` : '';
  if (option.positional) return `${option.name}: ${value}${range}`;
  return `--${option.name}${value ? ` ${value}` : ''}${range}`;
}
