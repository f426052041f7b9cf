/**
 * Commands are data: a definition names the command and its options, and the handler's argument
 * types are derived from it, so the two cannot drift apart. Adapters read the same definition to
 * register a Discord slash command, parse a terminal line, or print help.
 */

export type OptionKind = 'string' | 'integer' | 'boolean' | 'date';

export interface OptionDefinition {
  readonly name: string;
  readonly kind: OptionKind;
  readonly description: string;
  readonly required?: boolean;
  /** The option a terminal user types without its name: `ask How long…` fills `question`. */
  readonly positional?: boolean;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  /** Discord offers completions for it (answered by the command's `complete`). */
  readonly autocomplete?: boolean;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  /** Only moderators may run it: hidden from members in Discord and checked again by the bot. */
  readonly moderatorOnly?: boolean;
  /** Shown by /help and the README, and run by tests. */
  readonly example: string;
}

type ValueOf<O extends OptionDefinition> = O['kind'] extends 'integer' ? number : O['kind'] extends 'boolean' ? boolean : O['choices'] extends readonly (infer C)[] ? C : string;

/** The typed arguments a handler receives for a definition: required options present, others optional. */
export type ArgsOf<D extends CommandDefinition> = {
  readonly [O in D['options'][number] as O['required'] extends true ? O['name'] : never]: ValueOf<O>;
} & {
  readonly [O in D['options'][number] as O['required'] extends true ? never : O['name']]?: ValueOf<O>;
};
