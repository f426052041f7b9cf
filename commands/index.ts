import type { Command } from '../src/commandKit/command.ts';
import type { CommandDefinition } from '../src/commandKit/definition.ts';
import { ask, type AskResult } from './ask.ts';
import { cite, type CiteResult } from './cite.ts';
import { corpus, type CorpusResult } from './corpus.ts';
import { exportBibliography, type ExportResult } from './export.ts';
import { help, type HelpResult } from './help.ts';
import { sources, type SourcesResult } from './sources.ts';
import { timeline, type TimelineResult } from './timeline.ts';

/** What any command returns: plain data that adapters present. */
export type CommandResult = AskResult | TimelineResult | CiteResult | ExportResult | SourcesResult | HelpResult | CorpusResult;

/** Every command, in the order /help lists them. An explicit list: adding a command is one line here. */
export const COMMANDS = [ask, timeline, cite, exportBibliography, sources, help, corpus] as const satisfies ReadonlyArray<Command<CommandDefinition, CommandResult>>;

export const CATALOG: readonly CommandDefinition[] = COMMANDS.map((command) => command.definition);

export function findCommand(name: string): Command<CommandDefinition, CommandResult> | undefined {
  return (COMMANDS as ReadonlyArray<Command<CommandDefinition, CommandResult>>).find((command) => command.definition.name === name);
}
