/**
 * Issue 16, finding 6: a replace that changes the extension (X.txt → X.md) writes the new file and
 * then removes the old one under a journal, so a process killed in between (SIGKILL, as `kill -9`
 * or a power cut) leaves a journal that the next start, reload or edit finishes: never both
 * versions live, and the article keeps its source id. Killed before the new file was in place, the
 * edit is undone instead. The CLI runs as a real process, killed by test/support/crashAt.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_NAME } from '../src/corpus/journal.ts';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { runCliProcess } from './support/cliProcess.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus, writeUpload } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

const HILL_MD = '003_84fe4f099db4658b.md';
const HILL_SIDECAR = '003_84fe4f099db4658b.meta.json';

/** `corpus replace <hill> <upload.md> --outlet …`, killed when it is about to `operation` the file `name`. */
async function replaceKilledAt(operation: 'rename' | 'rm', name: string): Promise<void> {
  const text = (await readFile(join(dir, SEEDS.hill), 'utf8')).replace('he said.', 'he said on Sunday.');
  const upload = await writeUpload(dir, 'upload.md', text);
  const run = await runCliProcess(
    ['corpus', 'replace', SEEDS.hill, upload, '--outlet', 'The Hill (corrected)'],
    { CORPUS_DIR: dir, INDEX_PATH: 'off', LOG_LEVEL: 'silent', DOSSIER_TEST_CRASH: `${operation}:${name}` },
    ['--import', './test/support/crashAt.ts'],
  );
  expect(run.signal).toBe('SIGKILL');
}

const visible = async () => (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();

describe('a replace killed half way', () => {
  it('is finished at the next start once the new file was in place: the old file goes, the id and unchanged passage ids stay', {
    timeout: 60_000,
  }, async () => {
    const before = await Library.open(dir, LOAD_OPTIONS);
    const hill = before.current.corpus.sources.find((source) => source.file === SEEDS.hill)!;
    const ids = before.current.corpus.passages
      .filter((passage) => passage.source.id === hill.id)
      .map((passage) => passage.id);

    await replaceKilledAt('rm', SEEDS.hill); // the new file is written; removing the old one kills it
    expect(await visible()).toEqual(expect.arrayContaining([SEEDS.hill, HILL_MD]));
    expect(await readdir(dir)).toContain(JOURNAL_NAME);

    const logger = memoryLogger();
    const after = await Library.open(dir, LOAD_OPTIONS, undefined, { log: logger.log });
    expect(await visible()).not.toContain(SEEDS.hill);
    expect(await readdir(dir)).not.toContain(JOURNAL_NAME);
    expect(after.current.corpus.errors).toEqual([]);
    expect(after.current.corpus.sources.filter((source) => source.id === hill.id).map((source) => source.file)).toEqual(
      [HILL_MD],
    );
    const now = after.current.corpus.passages
      .filter((passage) => passage.source.id === hill.id)
      .map((passage) => passage.id);
    expect(now.filter((id, index) => id !== ids[index])).toHaveLength(1); // only the edited paragraph
    expect(JSON.parse(await readFile(join(dir, HILL_SIDECAR), 'utf8'))).toMatchObject({
      outlet: 'The Hill (corrected)',
    });
    expect(logger.lines()).toContainEqual(
      expect.objectContaining({ event: 'corpus_edit_recovered', action: 'replace', outcome: 'completed' }),
    );
  });

  it('is undone when it was killed before the new file was in place: the old file and its sidecar stay as they were', {
    timeout: 60_000,
  }, async () => {
    const sidecar = await readFile(join(dir, HILL_SIDECAR), 'utf8');
    await replaceKilledAt('rename', HILL_MD); // the sidecar is rewritten; putting the new article in place kills it
    expect(await readFile(join(dir, HILL_SIDECAR), 'utf8')).not.toBe(sidecar);

    const after = await Library.open(dir, LOAD_OPTIONS);
    expect(await visible()).toContain(SEEDS.hill);
    expect(await visible()).not.toContain(HILL_MD);
    expect(await readFile(join(dir, HILL_SIDECAR), 'utf8')).toBe(sidecar);
    expect(after.current.corpus.sources.find((source) => source.file === SEEDS.hill)).toMatchObject({
      outlet: 'The Hill',
    });
  });

  it('is finished by a reload of a library that was running meanwhile', { timeout: 60_000 }, async () => {
    const library = await Library.open(dir, LOAD_OPTIONS);
    await replaceKilledAt('rm', SEEDS.hill);
    const report = await library.reload();
    expect(await readdir(dir)).not.toContain(JOURNAL_NAME);
    expect(report.snapshot.corpus.sources.map((source) => source.file)).toContain(HILL_MD);
    expect(report.snapshot.corpus.sources.map((source) => source.file)).not.toContain(SEEDS.hill);
    expect(report.changes).toEqual({ added: [HILL_MD], removed: [SEEDS.hill], changed: [HILL_SIDECAR] });
  });
});
