import type { CitationStyle } from '../cite/index.ts';
import type { Library } from '../library.ts';
import type { ArgsOf, CommandDefinition } from './definition.ts';

/** Who is asking, as far as a command needs to know. */
export interface Invoker {
  readonly via: 'cli' | 'console' | 'discord';
  readonly isModerator: boolean;
  /** Discord user id, for audit lines and cooldowns. */
  readonly userId?: string;
}

export interface CommandContext {
  readonly library: Library;
  readonly invoker: Invoker;
  /** Every registered command's definition, for /help. */
  readonly catalog: readonly CommandDefinition[];
  /** Defaults chosen by the operator (CITE_STYLE) or the asker. */
  readonly preferences?: { readonly citeStyle?: CitationStyle };
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** A command: its definition, a handler returning plain data, and completions for autocomplete options. */
export interface Command<D extends CommandDefinition = CommandDefinition, R = unknown> {
  readonly definition: D;
  run(args: ArgsOf<D>, context: CommandContext): R | Promise<R>;
  complete?(option: string, partial: string, context: CommandContext): readonly Choice[];
}

/** Declares a command with its argument types checked against its definition. */
export function defineCommand<const D extends CommandDefinition, R>(command: Command<D, R>): Command<D, R> {
  return command;
}
