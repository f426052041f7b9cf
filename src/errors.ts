/**
 * Expected failures are typed so every adapter can map them the same way:
 * the CLI to an exit code and an error document, Discord to a private reply,
 * the console to one printed line.
 */

import type { InputErrorCode, OperationalErrorCode } from './errorCodes.ts';

/** Bad input from the person asking: CLI exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** Machine-readable, stable: printed as `error.code` in the JSON contract (errorCodes.ts). */
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Something the asker cannot fix (a broken corpus folder, Discord down): CLI exit 1. */
export class OperationalError extends Error {
  override readonly name = 'OperationalError';
  constructor(
    readonly code: OperationalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A passage id that names no passage now: carries the nearest passages to offer instead. */
export class UnknownPassageError extends InputError {
  constructor(
    message: string,
    readonly suggestions: ReadonlyArray<import('./corpus/types.ts').Passage>,
  ) {
    super('unknown_passage', message);
  }
}
