import { ConfigError } from './config.ts';
import type { Passage } from './corpus/types.ts';
import { ERROR_CODES, type ErrorCode } from './errorCodes.ts';
import { InputError, OperationalError, UnknownPassageError } from './errors.ts';

export interface Failure {
  readonly code: ErrorCode;
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
  if (error instanceof UnknownPassageError)
    return { ...expected(error.code, error.message), suggestions: error.suggestions };
  if (error instanceof InputError || error instanceof OperationalError) return expected(error.code, error.message);
  if (error instanceof ConfigError) return expected('bad_config', error.message);
  return {
    code: 'internal',
    message: 'Something went wrong inside Dossier; the details are in its log.',
    exitCode: ERROR_CODES.internal.exit,
    unexpected: true,
  };
}

function expected(code: ErrorCode, message: string): Failure {
  return { code, message, exitCode: ERROR_CODES[code].exit, unexpected: false };
}
