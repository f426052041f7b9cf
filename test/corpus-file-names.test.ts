/**
 * Issue 16, finding 10: a new file's name is limited in bytes, not characters (255 bytes in UTF-8
 * after NFC normalisation, its sidecar's name too), refuses control, bidirectional and zero-width
 * characters, and is written in NFC, so NFC and NFD look-alikes are one name. A long accented name
 * used to fail with exit 1 `internal` (ENAMETOOLONG).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileName } from '../src/corpus/files.ts';
import { InputError } from '../src/errors.ts';
import { folderState, useTempCorpus } from './support/tempCorpus.ts';
import { cliJson } from './support/cliJson.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n';

/** `corpus add` of ARTICLE under `name`: given with --name (at most 200 characters), or as the uploaded file's own name. */
async function add(name: string, how: 'option' | 'upload' = 'option') {
  const scratch = await mkdtemp(join(tmpdir(), 'dossier-upload-'));
  const upload = join(scratch, how === 'upload' ? name : 'upload.md');
  await writeFile(upload, ARTICLE);
  const { exitCode, error } = await cliJson(dir, [
    'corpus',
    'add',
    upload,
    ...(how === 'option' ? ['--name', name] : []),
  ]).finally(() => rm(scratch, { recursive: true, force: true }));
  return { exitCode, error };
}

describe('a new article’s file name', () => {
  it('is refused with exit 2, not exit 1 `internal`, when it is too long in bytes (196 accented letters are 392 bytes)', async () => {
    const before = await folderState(dir);
    expect(await add(`${'é'.repeat(193)}.md`)).toEqual({
      exitCode: 2,
      error: {
        code: 'bad_name',
        message:
          'The file name is 389 bytes in UTF-8 (an accented letter takes 2); the limit is 255 bytes. Choose a shorter name.',
      },
    });
    expect(await folderState(dir)).toEqual(before);
  });

  it('is refused when its sidecar’s name would pass 255 bytes, and accepted when both fit', async () => {
    const fits = `${'a'.repeat(242)}.md`; // its sidecar, 242 + 10 bytes
    const tooLong = `${'a'.repeat(250)}.md`; // 253 bytes; its sidecar 260
    expect(await add(tooLong, 'upload')).toMatchObject({
      exitCode: 2,
      error: {
        code: 'bad_name',
        message: `The file name is too long: its metadata file ${'a'.repeat(250)}.meta.json would be 260 bytes in UTF-8, and the limit is 255. Choose a shorter name.`,
      },
    });
    expect(await add(fits, 'upload')).toEqual({ exitCode: 0, error: null });
  });

  it.each([
    ['a right-to-left override', 'invoice\u202Etxt.md', 'invoiceU+202Etxt.md'],
    ['a zero-width space', 'em\u200Bbassy.md', 'emU+200Bbassy.md'],
    ['a zero-width joiner', 'em\u200Dbassy.md', 'emU+200Dbassy.md'],
    ['a zero-width no-break space', 'em\uFEFFbassy.md', 'emU+FEFFbassy.md'],
    ['a bidirectional isolate', 'embassy\u2066.md', 'embassyU+2066.md'],
    ['a C1 control character', 'embassy\u0085.md', 'embassyU+0085.md'],
    ['a soft hyphen', 'em\u00ADbassy.md', 'emU+00ADbassy.md'],
  ])('is refused when it holds %s, shown as a code point', async (_what, name, shown) => {
    expect(await add(name)).toEqual({
      exitCode: 2,
      error: {
        code: 'bad_name',
        message: `"${shown}" has characters a file name should not have (control, bidirectional or zero-width characters, or < > : " | ? *).`,
      },
    });
  });

  it('is written in NFC, and its NFD look-alike is then the same name', async () => {
    expect(await add('cafe\u0301.md')).toEqual({ exitCode: 0, error: null });
    expect(await readdir(dir)).toContain('caf\u00e9.md');
    expect(await readdir(dir)).not.toContain('cafe\u0301.md');
    expect(await add('caf\u00e9.md')).toMatchObject({
      exitCode: 2,
      error: {
        code: 'duplicate',
        message:
          '"café.md" is already in the corpus folder. To change it, use /corpus replace; to keep both, give the new one another name.',
      },
    });
  });

  it('is refused when the folder has it in the other Unicode form', async () => {
    await writeFile(join(dir, 'cafe\u0301.md'), ARTICLE.replace('Tuesday', 'Wednesday')); // NFD, put there by hand
    expect(await add('caf\u00e9.md')).toMatchObject({
      exitCode: 2,
      error: {
        code: 'duplicate',
        message:
          '"café.md" is already in the corpus folder as "cafe\\u0301.md", the same name in other Unicode code points; use that file, or give the new one another name.',
      },
    });
  });

  it('is checked by one function for every adapter', () => {
    expect(checkFileName(' cafe\u0301.md ', dir)).toBe('caf\u00e9.md');
    expect(() => checkFileName('a\u200Bb.md', dir)).toThrow(InputError);
  });
});
