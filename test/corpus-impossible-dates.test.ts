/**
 * Issue 16, finding 7: a date the calendar does not have (2020-02-30, 2021-02-29, month 13) is
 * refused with exit 2 and a message saying what is wrong, wherever it is given (`corpus meta`,
 * `corpus add --date`, a sidecar), never accepted and then silently read as unknown.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { runCliProcess } from './support/cliProcess.ts';
import { folderState, useTempCorpus, writeUpload } from './support/tempCorpus.ts';
import { cliJson } from './support/cliJson.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

async function cli(argv: string[]) {
  const { exitCode, error } = await cliJson(dir, argv);
  return { exitCode, error };
}

describe('an impossible date', () => {
  it.each([
    ['2020-02-30', '2020-02 has no day 30'],
    ['2021-02-29', '2021-02 has no day 29'],
    ['2020-04-31', '2020-04 has no day 31'],
    ['2020-13', 'there is no month 13'],
    ['2020-00-10', 'there is no month 00'],
  ])('is refused by `corpus meta … date %s` with exit 2, and nothing changes', async (date, why) => {
    const before = await folderState(dir);
    expect(await cli(['corpus', 'meta', SEEDS.voa, 'date', date])).toEqual({
      exitCode: 2,
      error: {
        code: 'bad_option',
        message: `/corpus meta date "${date}" is not valid: must be a date the calendar has (${why}).`,
      },
    });
    expect(await folderState(dir)).toEqual(before);
  });

  it('is refused by `corpus add --date`', async () => {
    const upload = await writeUpload(
      dir,
      'upload.md',
      '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday.\n',
    );
    expect(await cli(['corpus', 'add', upload, '--date', '2021-02-29'])).toMatchObject({
      exitCode: 2,
      error: {
        message: '/corpus add date "2021-02-29" is not valid: must be a date the calendar has (2021-02 has no day 29).',
      },
    });
  });

  it('in a sidecar is reported by the loader, which loads the article without it', async () => {
    await writeFile(join(dir, '004_232c69b19052f130.meta.json'), '{ "outlet": "VOA", "date": "2020-02-30" }');
    const corpus = await loadCorpus(dir, LOAD_OPTIONS);
    expect(corpus.errors).toEqual([
      {
        file: '004_232c69b19052f130.meta.json',
        message: 'field "date" must be a date the calendar has (2020-02 has no day 30); the article loads without it',
      },
    ]);
    expect(corpus.sources.find((source) => source.file === SEEDS.voa)?.date).toEqual({
      value: '2020-09-28',
      precision: 'day',
    });
  });

  it('in a sidecar stops `corpus meta` from rewriting it, with exit 2', async () => {
    await writeFile(join(dir, '004_232c69b19052f130.meta.json'), '{ "date": "2020-02-30" }');
    expect(await cli(['corpus', 'meta', SEEDS.voa, 'outlet', 'VOA'])).toEqual({
      exitCode: 2,
      error: {
        code: 'bad_sidecar',
        message:
          '004_232c69b19052f130.meta.json field "date" must be a date the calendar has (2020-02 has no day 30); fix or remove it first, so no correction in it is lost.',
      },
    });
  });

  it('is refused by the real CLI with exit 2 (it used to answer "Set the date … to 2020-02-30")', {
    timeout: 30_000,
  }, async () => {
    const run = await runCliProcess(['corpus', 'meta', SEEDS.voa, 'date', '2020-02-30'], {
      CORPUS_DIR: dir,
      LOG_LEVEL: 'silent',
    });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'dossier: /corpus meta date "2020-02-30" is not valid: must be a date the calendar has (2020-02 has no day 30).\n',
    );
    expect(await readFile(join(dir, '004_232c69b19052f130.meta.json'), 'utf8').catch(() => 'none')).toBe('none');
  });

  it('leaves real dates alone: 2020-02-29, 2020-02, 2020', async () => {
    for (const date of ['2020-02-29', '2020-02', '2020'])
      expect((await cli(['corpus', 'meta', SEEDS.voa, 'date', date])).exitCode).toBe(0);
  });
});
