import { ConfigError } from './config.ts';
import type { Passage } from './corpus/types.ts';
import { InputError, OperationalError, UnknownPassageError } from './errors.ts';

export interface Failure {
  readonly code: string;
  /** Safe to show the asker: never a stack, a path outside the project, or a secret. */
  readonly message: string;
  /** 2 for bad input, 1 for anything else, as the CLI contract says. */
  readonly exitCode: 1 | 2;
  /** Not an expected failure: worth logging in full. */
  readonly unexpected: boolean;
  /** Passages to offer instead, for an id that names none. */
  readonly suggestions?: readonly Passage[];
}

/** The one place that maps errors to what askers see, for every adapter. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof UnknownPassageError) {
    return { code: error.code, message: error.message, exitCode: 2, unexpected: false, suggestions: error.suggestions };
  }
  if (error instanceof InputError) return { code: error.code, message: error.message, exitCode: 2, unexpected: false };
  if (error instanceof OperationalError) return { code: error.code, message: error.message, exitCode: 1, unexpected: false };
  if (error instanceof ConfigError) return { code: 'bad_config', message: error.message, exitCode: 1, unexpected: false };
  return { code: 'internal', message: 'Something went wrong inside Dossier; the details are in its log.', exitCode: 1, unexpected: true };
}
