/**
 * Error codes are part of the JSON contract: declared once (src/errorCodes.ts), listed in
 * docs/CONTRACT.md, and each one raised somewhere (a declared code nothing raises is a promise
 * the contract does not keep).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errorCodes.ts';
import { describeFailure } from '../src/failure.ts';
import { InputError, OperationalError } from '../src/errors.ts';
import { ROOT, sourceFiles } from './support/sourceFiles.ts';

describe('error codes', () => {
  it('are the ones docs/CONTRACT.md lists, with the same exit status', () => {
    const contract = readFileSync(join(ROOT, 'docs/CONTRACT.md'), 'utf8');
    const documented = [...contract.matchAll(/^\| `([a-z_]+)` \| ([12]) \|/gm)].map((row) => [row[1], Number(row[2])]);
    expect(documented).toEqual(Object.entries(ERROR_CODES).map(([code, info]) => [code, info.exit]));
  });

  it('are each raised somewhere in the code', () => {
    const code = [...sourceFiles('src'), ...sourceFiles('commands')]
      .filter((file) => file !== join('src', 'errorCodes.ts'))
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const unused = Object.keys(ERROR_CODES).filter((name) => !code.includes(`'${name}'`));
    expect(unused).toEqual([]);
  });

  it('give the exit status the contract declares, whatever class carries them', () => {
    expect(describeFailure(new InputError('bad_date', 'x')).exitCode).toBe(2);
    expect(describeFailure(new OperationalError('reload_failed', 'x')).exitCode).toBe(1);
    expect(describeFailure(new Error('boom'))).toMatchObject({ code: 'internal', exitCode: 1, unexpected: true });
  });
});
