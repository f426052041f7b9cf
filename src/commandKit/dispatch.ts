import { CATALOG, findCommand, type CommandResult } from '../../commands/index.ts';
import { InputError } from '../errors.ts';
import { validateArgs, type RawValue } from './args.ts';
import type { CommandContext } from './command.ts';

/**
 * The one code path that answers: look the command up, check the asker may run it, validate the
 * raw options against its definition, run it. The CLI, the console and Discord all call this.
 */
export async function runCommand(name: string, raw: Readonly<Record<string, RawValue | undefined>>, context: Omit<CommandContext, 'catalog'>): Promise<CommandResult> {
  const command = findCommand(name.toLowerCase());
  if (!command) throw new InputError('unknown_command', `There is no command "${name}". Commands: ${CATALOG.map((definition) => definition.name).join(', ')}.`);
  if (command.definition.moderatorOnly && !context.invoker.isModerator) {
    throw new InputError('forbidden', `/${command.definition.name} is for moderators only.`);
  }
  const args = validateArgs(command.definition, raw);
  return command.run(args as never, { ...context, catalog: CATALOG });
}
