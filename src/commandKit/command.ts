import type { CitationStyle } from '../cite/index.ts';
import type { Library } from '../library.ts';
import type { Logger } from '../log.ts';
import type { ArgsOf, CommandDefinition } from './definition.ts';

/** Who is asking, as far as a command needs to know. */
export interface Invoker {
  readonly via: 'cli' | 'console' | 'discord';
  readonly isModerator: boolean;
  /** Discord user id, for audit lines and cooldowns (a terminal's operator has none, so no cooldown holds them back). */
  readonly userId?: string;
}

export interface CommandContext {
  readonly library: Library;
  readonly invoker: Invoker;
  /** Every registered command's definition, for /help. */
  readonly catalog: readonly CommandDefinition[];
  /** Defaults chosen by the operator (CITE_STYLE) or the asker. */
  readonly preferences?: { readonly citeStyle?: CitationStyle };
  /** Where commands that change something write their audit lines. Every adapter passes its logger. */
  readonly log?: Logger;
  /** Reads the files `attachment` options refer to: Discord downloads the attachment, the CLI reads a local path. */
  readonly uploads?: UploadReader;
  /** Told how a long task is going (a reload: files read of all); the adapter shows it as it can. */
  readonly progress?: (progress: Progress) => void;
}

/** How far a long task has got: `done` of `total` files. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** A file a user gave a command: its name as uploaded and its bytes. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface UploadReader {
  /**
   * The file an `attachment` option refers to. Refuses (InputError, before downloading when the size
   * is known) a file over `maxBytes`; a download that fails or takes too long is an OperationalError.
   */
  read(reference: string, limits: { readonly maxBytes: number }): Promise<UploadedFile>;
  /** The file's name as the user knows it (for logs), when the reference is not that already. */
  describe?(reference: string): string;
}

export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** A command: its definition, a handler returning plain data, and completions for autocomplete options. */
export interface Command<D extends CommandDefinition = CommandDefinition, R = unknown> {
  readonly definition: D;
  run(args: ArgsOf<D>, context: CommandContext): R | Promise<R>;
  complete?(option: string, partial: string, context: CommandContext): readonly Choice[] | Promise<readonly Choice[]>;
}

/** Declares a command with its argument types checked against its definition. */
export function defineCommand<const D extends CommandDefinition, R>(command: Command<D, R>): Command<D, R> {
  return command;
}
