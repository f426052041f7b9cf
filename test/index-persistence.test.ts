import { appendFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../src/library.ts';
import { LOAD_OPTIONS, SEEDS } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';
import { useTempCorpus } from './support/tempCorpus.ts';

let dir: string;
useTempCorpus((made) => (dir = made));

async function open(indexPath: string) {
  const logger = memoryLogger();
  const library = await Library.open(dir, LOAD_OPTIONS, undefined, { indexPath, log: logger.log });
  // The snapshot's events (MiniSearch's own file: test/search-index-choice.test.ts).
  const events = logger
    .lines()
    .filter((line) => String(line.event).startsWith('index_'))
    .map((line) => ({ event: line.event, reason: line.reason }));
  return { library, events };
}

const answer = async (library: Library, question: string) =>
  (await library.current.index.search({ question, limit: 3 })).hits.map((hit) => `${hit.passage.id}:${hit.score}`);

describe('the index saved at INDEX_PATH', () => {
  it('is written on the first start and loaded on the next, answering exactly as a fresh build', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    const first = await open(indexPath);
    expect(first.events).toEqual([
      { event: 'index_not_used', reason: 'missing' },
      { event: 'index_saved', reason: undefined },
    ]);
    const second = await open(indexPath);
    expect(second.events).toEqual([{ event: 'index_loaded', reason: undefined }]);
    expect(second.library.current.corpus.passages.map((passage) => passage.id)).toEqual(
      first.library.current.corpus.passages.map((passage) => passage.id),
    );
    for (const question of [
      'How long would closing the embassy take?',
      'Who was killed near Bagdad airport?',
      'embasy pompio',
    ]) {
      expect(await answer(second.library, question)).toEqual(await answer(first.library, question));
    }
    expect(second.library.current.corpus.alsoIn.size).toBe(first.library.current.corpus.alsoIn.size);
  });

  it('is rebuilt when an article changed since it was saved', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    await open(indexPath);
    await appendFile(
      join(dir, SEEDS.hill),
      '\n\nA new paragraph about the embassy guards arrived on Tuesday evening.\n',
    );
    const reopened = await open(indexPath);
    expect(reopened.events).toEqual([
      { event: 'index_not_used', reason: 'stale' },
      { event: 'index_saved', reason: undefined },
    ]);
    expect(reopened.library.current.corpus.passages.some((passage) => passage.text.includes('embassy guards'))).toBe(
      true,
    );
  });

  it('is ignored when truncated or damaged, and the bot still starts', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    await open(indexPath);
    const bytes = await readFile(indexPath);
    await truncate(indexPath, Math.floor(bytes.length / 2));
    const truncated = await open(indexPath);
    expect(truncated.events[0]).toEqual({ event: 'index_not_used', reason: 'corrupt' });
    expect(await answer(truncated.library, 'Soleimani')).not.toEqual([]);

    await writeFile(indexPath, 'not a snapshot at all');
    expect((await open(indexPath)).events[0]).toEqual({ event: 'index_not_used', reason: 'corrupt' });
  });

  it('is saved again after a reload, so a restart reports changes against the last build', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    const { library } = await open(indexPath);
    await writeFile(
      join(dir, 'extra.md'),
      '---\ntitle: Embassy staff pack up\n---\n\nStaff at the embassy in Baghdad packed documents on Tuesday, two employees said.\n',
    );
    const report = await library.reload();
    expect(report.changes.added).toEqual(['extra.md']);
    const restarted = await open(indexPath);
    expect(restarted.events).toEqual([{ event: 'index_loaded', reason: undefined }]);
    await writeFile(
      join(dir, 'extra.md'),
      '---\ntitle: Embassy staff pack up\n---\n\nStaff at the embassy in Baghdad packed documents on Wednesday, two employees said.\n',
    );
    expect((await restarted.library.reload()).changes).toEqual({ added: [], removed: [], changed: ['extra.md'] });
  });

  it('cannot be written where a folder stands: logged, and the library answers from memory', async () => {
    const indexPath = join(dir, '.state', 'dossier.index');
    await mkdir(indexPath, { recursive: true });
    const { library, events } = await open(indexPath);
    expect(events.map((event) => event.event)).toEqual(['index_not_used', 'index_save_failed']);
    expect(await answer(library, 'Soleimani')).not.toEqual([]);
  });
});
