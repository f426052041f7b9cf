/**
 * Issue 16, finding 5: `X.txt` and `X.md` would share one sidecar (`X.meta.json`), so two articles
 * may not share a stem. The loader loads the first in name order and lists the other as not loaded,
 * saying why; `corpus add` and `corpus replace` refuse the name with exit 2. The bundled corpus's
 * `NAME.meta.json` sidecars work as before.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import { LOAD_OPTIONS, SEED_DIR, SEEDS } from './support/corpus.ts';
import { folderState, useTempCorpus, writeUpload } from './support/tempCorpus.ts';
import { cliJson } from './support/cliJson.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const HILL_SIDECAR = '003_84fe4f099db4658b.meta.json';
const HILL_MD = '003_84fe4f099db4658b.md';
const ARTICLE =
  '---\ntitle: Embassy staff begin to pack\n---\n\nStaff at the US embassy in Baghdad began packing documents on Tuesday, two employees said.\n';

const cli = (argv: string[]) => cliJson(dir, argv);

describe('two articles with one stem', () => {
  it('loads the first in name order and lists the other as not loaded, naming the sidecar they would share', async () => {
    await writeFile(join(dir, HILL_MD), ARTICLE);
    const corpus = await loadCorpus(dir, LOAD_OPTIONS);
    expect(corpus.sources.map((source) => source.file)).not.toContain(SEEDS.hill);
    expect(corpus.sources.find((source) => source.file === HILL_MD)).toMatchObject({
      title: 'Embassy staff begin to pack',
    });
    expect(corpus.errors).toEqual([
      {
        file: SEEDS.hill,
        message: `has the same name as ${HILL_MD} apart from its extension (.txt), so both would take their metadata from ${HILL_SIDECAR}; only ${HILL_MD} is loaded: rename or remove one of them`,
      },
    ]);
  });

  it('treats names that differ only in Unicode form (NFC, NFD) as one', async () => {
    await writeFile(join(dir, 'cafe\u0301.md'), ARTICLE); // NFD: first in name order
    await writeFile(
      join(dir, 'caf\u00e9.txt'),
      'Another article about the embassy, saved under a name that looks the same.\n',
    );
    const corpus = await loadCorpus(dir, LOAD_OPTIONS);
    expect(corpus.errors).toEqual([
      {
        file: 'caf\u00e9.txt',
        message: expect.stringMatching(
          /^has the same name as cafe\u0301\.md apart from its extension \(\.txt\), so both would take their metadata from cafe\u0301\.meta\.json/,
        ),
      },
    ]);
  });

  it('keeps the bundled corpus as it is: NAME.meta.json for NAME.txt', async () => {
    const corpus = await loadCorpus(SEED_DIR, LOAD_OPTIONS);
    expect(corpus.errors).toEqual([]);
    expect(corpus.sources.find((source) => source.file === SEEDS.hill)).toMatchObject({
      outlet: 'The Hill',
      date: null,
    });
  });
});

describe('corpus add and replace', () => {
  it('refuse an article whose sidecar would be another article’s, with exit 2, and change nothing', async () => {
    const upload = await writeUpload(dir, 'upload.md', ARTICLE);
    const before = await folderState(dir);
    const { exitCode, error } = await cli(['corpus', 'add', upload, '--name', HILL_MD, '--outlet', 'Someone Else']);
    expect(exitCode).toBe(2);
    expect(error).toEqual({
      code: 'duplicate',
      message: `"${HILL_MD}" would share its metadata file ${HILL_SIDECAR} with ${SEEDS.hill}, which is in the corpus folder; give it another name, or use /corpus replace to change ${SEEDS.hill}.`,
    });
    expect(await folderState(dir)).toEqual(before);
    expect(JSON.parse(await readFile(join(dir, HILL_SIDECAR), 'utf8'))).toEqual({ outlet: 'The Hill', date: null });
  });

  it('refuse a replace whose new extension would make it share a stem with a third article', async () => {
    await writeFile(join(dir, 'zz.md'), ARTICLE);
    await writeFile(
      join(dir, 'zz.txt'),
      'A plain text article about the embassy, not loaded: zz.md came first in name order.\n',
    );
    const upload = await writeUpload(
      dir,
      'upload.html',
      '<html><body><article><h1>Embassy staff begin to pack</h1><p>Staff at the US embassy in Baghdad began packing documents on Tuesday.</p></article></body></html>',
    );
    const before = await folderState(dir);
    const { exitCode, error } = await cli(['corpus', 'replace', 'zz.md', upload]);
    expect(exitCode).toBe(2);
    expect(error?.message).toBe(
      '"zz.html" would share its metadata file zz.meta.json with zz.txt, which is in the corpus folder; give it another name.',
    );
    expect(await folderState(dir)).toEqual(before);
  });

  it('remove a second article with the same stem without touching the first one’s sidecar', async () => {
    await writeFile(join(dir, 'zz.md'), ARTICLE);
    await writeFile(join(dir, 'zz.meta.json'), '{ "outlet": "Kept Wire" }');
    await writeFile(join(dir, 'zz.txt'), 'A plain text article about the embassy that came second in name order.\n');
    const { exitCode } = await cli(['corpus', 'remove', 'zz.txt']);
    expect(exitCode).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'zz.meta.json'), 'utf8'))).toEqual({ outlet: 'Kept Wire' });
  });
});
