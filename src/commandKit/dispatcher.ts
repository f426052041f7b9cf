import { validateArgs, type RawValue } from './args.ts';
import type { Choice, Command, CommandContext, Invoker } from './command.ts';
import type { CommandDefinition } from './definition.ts';
import { Preconditions, unknownCommand, type Occasion, type PreconditionOptions } from './preconditions.ts';

/**
 * The one code path that answers, whatever the adapter: find the command, check the rules it
 * declares (see preconditions.ts), validate the raw options against its definition, run it.
 * Adapters get a dispatcher from the composition root (src/app/commands.ts), which gives it the
 * commands; nothing here knows which commands there are.
 */

/** What an adapter passes with a request; the dispatcher adds the catalog. */
export type RequestContext = Omit<CommandContext, 'catalog'>;

/** A request whose command was found and whose rules let the asker run it. */
interface Admitted<R> {
  readonly definition: CommandDefinition;
  /** Validates the raw options against the definition (InputError naming the option) and runs the command. */
  run(raw: Readonly<Record<string, RawValue | undefined>>, context: RequestContext): Promise<R>;
}

export interface Dispatcher<R> {
  /** Every command's definition, in the order /help lists them. */
  readonly catalog: readonly CommandDefinition[];
  /** The definition of the command a name calls (in any case), for adapters that read its options first; else a RefusedError. */
  find(name: string, invoker: Invoker): CommandDefinition;
  /**
   * Finds the command and checks its rules for this asker: a RefusedError when they may not run
   * it (now). An adapter that must acknowledge a request quickly admits it first, then runs it.
   */
  admit(name: string, invoker: Invoker, occasion?: Occasion): Admitted<R>;
  /** Admits, validates and runs. */
  run(
    name: string,
    raw: Readonly<Record<string, RawValue | undefined>>,
    context: RequestContext,
    occasion?: Occasion,
  ): Promise<R>;
  /** Completions for an option being typed; none for a command there is not. */
  complete(name: string, option: string, partial: string, context: RequestContext): Promise<readonly Choice[]>;
}

export type DispatcherOptions = PreconditionOptions;

export function createDispatcher<R>(
  commands: ReadonlyArray<Command<CommandDefinition, R>>,
  options: DispatcherOptions = {},
): Dispatcher<R> {
  const catalog = commands.map((command) => command.definition);
  const byName = new Map(commands.map((command) => [command.definition.name, command]));
  const preconditions = new Preconditions(options);
  const commandFor = (name: string, invoker: Invoker): Command<CommandDefinition, R> => {
    const command = byName.get(name.trim().toLowerCase());
    if (!command) throw unknownCommand(name, catalog, invoker);
    return command;
  };
  const admit = (name: string, invoker: Invoker, occasion: Occasion = {}): Admitted<R> => {
    const command = commandFor(name, invoker);
    preconditions.check(command.definition, invoker, occasion);
    return {
      definition: command.definition,
      async run(raw, context) {
        const args = validateArgs(command.definition, raw);
        return command.run(args as never, { ...context, catalog });
      },
    };
  };
  return {
    catalog,
    find: (name, invoker) => commandFor(name, invoker).definition,
    admit,
    // Async, so a refusal is a rejected promise like any other failure.
    run: async (name, raw, context, occasion) => admit(name, context.invoker, occasion).run(raw, context),
    complete: async (name, option, partial, context) =>
      (await byName.get(name)?.complete?.(option, partial, { ...context, catalog })) ?? [],
  };
}
