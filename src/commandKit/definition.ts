/**
 * Commands are data: a definition names the command and its options, and the handler's argument
 * types are derived from it, so the two cannot drift apart. Adapters read the same definition to
 * register a Discord slash command, parse a terminal line, or print help.
 */

type OptionKind = 'string' | 'integer' | 'boolean' | 'date' | 'attachment';

export interface OptionDefinition {
  readonly name: string;
  readonly kind: OptionKind;
  readonly description: string;
  readonly required?: boolean;
  /**
   * The options a terminal user types without their names, in order: `ask How long…` fills
   * `question`; `corpus meta 74ef57 outlet The Hill` fills `source`, `field`, then `value`. The last
   * positional option takes every word left.
   */
  readonly positional?: boolean;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Discord offers completions for it (answered by the command's `complete`). */
  readonly autocomplete?: boolean;
}

/**
 * One action of a command with several (`/corpus status`, `/corpus add`): its own options, its own
 * example. Discord shows them as subcommands; a terminal user types the name as the first word.
 */
export interface SubcommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  readonly example: string;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  /** The command's options; empty when it has `subcommands` (each has its own). */
  readonly options: readonly OptionDefinition[];
  /** Actions, each with its own options. The handler gets `subcommand` (the chosen name) with that action's options. */
  readonly subcommands?: readonly SubcommandDefinition[];
  /** Only moderators may run it: hidden from members in Discord, and refused by dispatch to anyone else. */
  readonly moderatorOnly?: boolean;
  /**
   * One use per user per this many milliseconds, checked by dispatch: it keeps one user of a bot many
   * share from flooding it. The operator at a terminal is not held back (an invoker without a user id).
   */
  readonly cooldownMs?: number;
  /**
   * Options an adapter that shows one page at a time gives where the asker gives none: a Discord
   * message has room for a page (`limit`), and a timeline read in a channel starts with the news
   * (`order: 'newest'`), while a terminal or a script gets every result, in the contract's order,
   * unless it asks otherwise. Checked like any option the asker gives.
   */
  readonly pageDefaults?: Readonly<Record<string, string | number | boolean>>;
  /**
   * It may work for seconds on the whole corpus (building a timeline, a bibliography, a reload).
   * JavaScript cannot interrupt such work to acknowledge a request, so adapters that must answer
   * within a deadline (Discord: 3 s) acknowledge before running it.
   */
  readonly slow?: boolean;
  /**
   * Its answer is for the asker alone, as convention keeps help and moderators' output: an adapter
   * that can answer privately (Discord) does, and offers to post the answer for everyone.
   */
  readonly private?: boolean;
  /** Shown by /help and the README, and run by tests. */
  readonly example: string;
}

/** The raw option that carries the chosen subcommand from an adapter to the command kit. Not an option name a definition may use. */
export const SUBCOMMAND = 'subcommand';

/** An `attachment` option's value is a reference (a Discord attachment id, a local path in the CLI), read through `context.uploads`. */
type ValueOf<O extends OptionDefinition> = O['kind'] extends 'integer'
  ? number
  : O['kind'] extends 'boolean'
    ? boolean
    : O['choices'] extends readonly (infer C)[]
      ? C
      : string;

/** The typed arguments for a list of options: required options present, others optional. */
type OptionArgs<Os extends readonly OptionDefinition[]> = {
  readonly [O in Os[number] as O['required'] extends true ? O['name'] : never]: ValueOf<O>;
} & {
  readonly [O in Os[number] as O['required'] extends true ? never : O['name']]?: ValueOf<O>;
};

/** One subcommand's arguments, tagged with its name; distributes over a union of subcommands. */
type SubcommandArgs<S> = S extends SubcommandDefinition
  ? { readonly subcommand: S['name'] } & OptionArgs<S['options']>
  : never;

/**
 * The typed arguments a handler receives for a definition. For a command with subcommands, a union
 * discriminated on `subcommand`: narrowing on it gives that subcommand's options.
 */
export type ArgsOf<D extends CommandDefinition> = D extends { readonly subcommands: readonly (infer S)[] }
  ? SubcommandArgs<S>
  : OptionArgs<D['options']>;
