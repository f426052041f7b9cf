import { ask } from '../../commands/ask.ts';
import { cite } from '../../commands/cite.ts';
import { corpus } from '../../commands/corpus.ts';
import { exportBibliography } from '../../commands/export.ts';
import { help } from '../../commands/help.ts';
import { sources } from '../../commands/sources.ts';
import { timeline } from '../../commands/timeline.ts';
import type { RawValue } from '../commandKit/args.ts';
import type { Command } from '../commandKit/command.ts';
import type { CommandDefinition } from '../commandKit/definition.ts';
import {
  createDispatcher,
  type Dispatcher,
  type DispatcherOptions,
  type RequestContext,
} from '../commandKit/dispatcher.ts';
import type { CommandResult } from '../commandKit/results.ts';

/**
 * The composition root of the commands: the one place that knows which commands Dossier has. It
 * hands them to dispatch, and adapters get their dispatcher from here.
 */

/** Every command, in the order /help lists them. An explicit list: adding a command is one line here. */
const COMMANDS = [ask, timeline, cite, exportBibliography, sources, help, corpus] as const satisfies ReadonlyArray<
  Command<CommandDefinition, CommandResult>
>;

export const CATALOG: readonly CommandDefinition[] = COMMANDS.map((command) => command.definition);

/** A dispatcher over every command. Each adapter makes its own: it keeps that adapter's cooldowns. */
export function commandDispatcher(options: DispatcherOptions = {}): Dispatcher<CommandResult> {
  return createDispatcher<CommandResult>(COMMANDS, options);
}

/** Runs one command as a script or a test does: no adapter around it, so no cooldown carries over between calls. */
export function runCommand(
  name: string,
  raw: Readonly<Record<string, RawValue | undefined>>,
  context: RequestContext,
): Promise<CommandResult> {
  return commandDispatcher().run(name, raw, context);
}
