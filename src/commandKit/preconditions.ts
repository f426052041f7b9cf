import { InputError } from '../errors.ts';
import type { Invoker } from './command.ts';
import { Cooldown } from './cooldown.ts';
import type { CommandDefinition } from './definition.ts';

/**
 * The rules a command declares about who may run it and how often (`moderatorOnly`,
 * `cooldownMs`), checked in one place for every adapter, with one set of messages.
 */

/** Why a request was refused before its command ran. */
export type RefusalCode = 'unknown_command' | 'forbidden' | 'cooldown';

/** A request refused before its command ran: bad input like any other (CLI exit 2), which adapters may log as a refusal. */
export class RefusedError extends InputError {
  constructor(
    override readonly code: RefusalCode,
    message: string,
  ) {
    super(code, message);
  }
}

export interface PreconditionOptions {
  /** Who counts as a moderator, in words, for a refusal to say (Discord: "members who can manage this server"). */
  readonly moderators?: string;
  /** Replaces every command's declared cooldown; 0 turns cooldowns off. */
  readonly cooldownMs?: number;
  readonly now?: () => number;
}

/** A request for an answer already given (its next page, a citation of one of its passages), not a new one: it takes no cooldown. */
export interface Occasion {
  readonly followUp?: boolean;
}

export function unknownCommand(name: string, catalog: readonly CommandDefinition[], invoker: Invoker): RefusedError {
  const names = catalog
    .filter((definition) => invoker.isModerator || !definition.moderatorOnly)
    .map((definition) => definition.name);
  return new RefusedError(
    'unknown_command',
    `There is no /${name} command. Commands: ${names.join(', ')}; /help says what each does.`,
  );
}

/** Checks a command's declared rules for one request; keeps each command's cooldowns. */
export class Preconditions {
  private readonly cooldowns = new Map<string, Cooldown>();

  constructor(private readonly options: PreconditionOptions = {}) {}

  /** @throws RefusedError `forbidden` or `cooldown` */
  check(definition: CommandDefinition, invoker: Invoker, occasion: Occasion = {}): void {
    if (definition.moderatorOnly && !invoker.isModerator) {
      const who = this.options.moderators ? ` (${this.options.moderators})` : '';
      throw new RefusedError('forbidden', `/${definition.name} is for moderators only${who}.`);
    }
    // A cooldown holds back one user of a bot many share; the operator at a terminal has no user id.
    if (occasion.followUp || invoker.userId === undefined) return;
    const cooldown = this.cooldownOf(definition);
    if (!cooldown) return;
    const wait = cooldown.take(invoker.userId);
    if (wait > 0) {
      const name = definition.name;
      throw new RefusedError(
        'cooldown',
        `One /${name} every ${seconds(cooldown.ms)} s, please: you can /${name} again in ${seconds(wait)} s.`,
      );
    }
  }

  /** A command's cooldown, made on its first use. */
  private cooldownOf(definition: CommandDefinition): Cooldown | undefined {
    if (definition.cooldownMs === undefined) return undefined;
    let cooldown = this.cooldowns.get(definition.name);
    if (!cooldown) {
      cooldown = new Cooldown(this.options.cooldownMs ?? definition.cooldownMs, this.options.now);
      this.cooldowns.set(definition.name, cooldown);
    }
    return cooldown;
  }
}

function seconds(ms: number): number {
  return Math.ceil(ms / 1000);
}
