import type { Logger } from '../log.ts';
import { runStepsYielding } from '../steps.ts';
import type { SearchIndex } from './engine.ts';
import { chooseIndex, type IndexSetting } from './indexChoice.ts';
import { MiniSearchBackend } from './minisearchBackend.ts';
import { readMiniSearchFile, writeMiniSearchFile } from './miniSearchFile.ts';

export interface AnsweringOptions {
  /** SEARCH_INDEX: `auto` (the default) chooses by the corpus's size (indexChoice.ts). */
  readonly index?: IndexSetting;
  /** Where MiniSearch's index is saved and loaded from (miniSearchFile.ts); null: built every time, never saved. */
  readonly miniSearchPath: string | null;
  readonly log?: Logger;
}

/**
 * The index that answers for a corpus, given its compact index (built, or read from the snapshot,
 * which always holds it): that one, or MiniSearch over the same corpus, loaded from its saved file
 * when the file indexes these passages, else built (giving the event loop turns, as a rebuild
 * runs while the bot answers) and saved. A file that cannot be saved is logged, never thrown: the
 * index in memory answers.
 */
export async function answeringIndex(compact: SearchIndex, options: AnsweringOptions): Promise<SearchIndex> {
  const { passages } = compact.corpus;
  if (chooseIndex(passages.length, options.index ?? 'auto') === 'compact') return compact;
  const { miniSearchPath: path, log } = options;
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  if (path) {
    const read = await readMiniSearchFile(path, passages);
    if (read.ok) {
      log?.info(
        { event: 'minisearch_loaded', path, bytes: read.bytes, passages: passages.length, ms: ms() },
        'MiniSearch index loaded',
      );
      return compact.withBackend(read.backend);
    }
    log?.info(
      { event: 'minisearch_not_used', path, reason: read.reason, detail: read.message },
      'indexing the passages in MiniSearch',
    );
  }
  const backend = await runStepsYielding(MiniSearchBackend.buildSteps(passages));
  log?.info({ event: 'minisearch_built', passages: passages.length, ms: ms() }, 'MiniSearch index built');
  if (path) {
    try {
      const { bytes } = await writeMiniSearchFile(path, backend, passages);
      log?.info({ event: 'minisearch_saved', path, bytes }, 'MiniSearch index saved');
    } catch (error) {
      log?.warn(
        { event: 'minisearch_save_failed', path, reason: (error as Error).message },
        'MiniSearch index not saved; answering from memory',
      );
    }
  }
  return compact.withBackend(backend);
}
