/**
 * Building an index from the corpus folder: read and clean every article, index the passages, and
 * save the result at the index path. One code path, run by two drivers:
 *
 * - `buildHere`, in the calling thread (start-up, the CLI: nobody is waiting for an answer);
 * - `buildInWorker` (inWorker.ts), in a worker thread (worker.ts runs `buildFromFolder` and
 *   `saveIndex` there), so a bot keeps answering from its live index at full speed while a reload
 *   rebuilds, and only assembles the result, a slice at a time.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FileFingerprint } from '../corpus/fingerprint.ts';
import { folderListing } from '../corpus/folderPrint.ts';
import { loadCorpus, type LoadOptions, type LoadProgress } from '../corpus/load.ts';
import { writeSavedFiles } from '../corpus/savedIndex.ts';
import type { Corpus } from '../corpus/types.ts';
import { CompactIndex } from '../search/compact.ts';
import type { SearchIndex } from '../search/engine.ts';
import { corpusFingerprint, packIndexFile, unpackIndexFile, type IndexFileContents } from '../search/indexFile.ts';
import { runStepsYielding } from '../steps.ts';

/** What to build from, and where to save it. Plain data: it is handed to a worker thread as it is. */
export interface BuildRequest {
  readonly dir: string;
  /** How to load it: plain values only (`BuildEvents` has the callbacks). */
  readonly load: FolderOptions;
  /** The folder's listing fingerprint (`folderFingerprint`) taken just before reading; null when it could not be taken. */
  readonly listing: string | null;
  /** Where to save the index (INDEX_PATH); unset: nothing is saved. */
  readonly indexPath?: string;
  /** Fail with EmptyFolderError, before saving anything, when the folder gives no article at all. */
  readonly refuseEmpty?: boolean;
}

/** The load options that are data, not callbacks: what a build's request carries. */
export type FolderOptions = Omit<LoadOptions, 'onProgress' | 'onFile'>;

/** `options` without its callbacks. */
export function folderOptions(options: LoadOptions): FolderOptions {
  const { onProgress: _progress, onFile: _file, ...plain } = options;
  return plain;
}

/** What a build tells while it runs. */
export interface BuildEvents {
  /** How many of the folder's articles have been read: once before the first, then after each. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** What happened to the saved index, as a log line (a logger's `info` or `warn`). */
  readonly note?: (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) => void;
}

/** A corpus built from the folder, and its index. */
export interface Built {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  /** Every file of the folder as the build read it (size, mtime, content hash), to tell the next build what changed. */
  readonly files: ReadonlyMap<string, FileFingerprint>;
}

/** The folder gave no article at all, and the request refused that (`refuseEmpty`). */
export class EmptyFolderError extends Error {
  override readonly name = 'EmptyFolderError';
  constructor(
    /** Files that could not be read as articles. */
    readonly refused: number,
  ) {
    super(`The corpus folder has no article${refused > 0 ? ` (${refused} files could not be read)` : ''}.`);
  }
}

/** Identifies the folder as it is now (names, sizes, modification times) together with the options that shape what is loaded from it. */
export async function folderFingerprint(dir: string, maxArticleBytes: number): Promise<string> {
  return corpusFingerprint({ files: await folderListing(dir), maxArticleBytes });
}

/** Reads, cleans and indexes the folder: the work both drivers share. The index is the bare backend; the caller wraps it. */
export async function buildFromFolder(
  request: BuildRequest,
  events: BuildEvents = {},
): Promise<{ corpus: Corpus; backend: CompactIndex; files: Map<string, FileFingerprint> }> {
  const files = new Map<string, FileFingerprint>();
  const corpus = await loadCorpus(request.dir, {
    ...request.load,
    ...(events.onProgress ? { onProgress: events.onProgress } : {}),
    onFile: (file, print) => void files.set(file, print),
  });
  if (request.refuseEmpty && corpus.sources.length === 0) throw new EmptyFolderError(corpus.errors.length);
  const backend = await runStepsYielding(CompactIndex.buildSteps(corpus.passages, corpus.sources));
  return { corpus, backend, files };
}

/**
 * What the saved index holds: the build, under the fingerprint of the folder as it was before it
 * was read (a file changed during the read then makes the next start rebuild, never trust a stale
 * index); listed again when that could not be taken.
 */
export async function savedContents(
  request: BuildRequest,
  built: { corpus: Corpus; backend: CompactIndex; files: ReadonlyMap<string, FileFingerprint> },
): Promise<IndexFileContents> {
  const fingerprint =
    request.listing ??
    (request.indexPath ? await folderFingerprint(request.dir, request.load.maxArticleBytes) : 'unsaved');
  return {
    fingerprint,
    corpus: built.corpus,
    index: { corpus: built.corpus, backend: built.backend },
    meta: { files: Object.fromEntries(built.files) },
  };
}

/**
 * Saves the index at `indexPath` with `write` (which writes the snapshot file), then the list of its
 * files beside it. A failure is noted, never thrown: the index in memory is what answers.
 */
export async function saveIndex(
  indexPath: string,
  files: ReadonlyMap<string, FileFingerprint>,
  write: (path: string) => Promise<{ bytes: number }>,
  events: BuildEvents,
): Promise<void> {
  try {
    const started = performance.now();
    await mkdir(dirname(indexPath), { recursive: true });
    const { bytes } = await write(indexPath);
    await writeSavedFiles(indexPath, files);
    events.note?.(
      'info',
      { event: 'index_saved', path: indexPath, bytes, ms: Math.round(performance.now() - started) },
      'index saved',
    );
  } catch (error) {
    events.note?.(
      'warn',
      { event: 'index_save_failed', path: indexPath, reason: (error as Error).message },
      'index not saved; answering from memory',
    );
  }
}

/**
 * Builds in this thread, giving the event loop turns between slices of indexing, and saves. The
 * result is laid out as a snapshot and assembled back from it, as a worker's result is: the
 * passages this thread keeps are stored ones (corpus/storedPassage.ts), however the index was built.
 */
export async function buildHere(request: BuildRequest, events: BuildEvents = {}): Promise<Built> {
  const built = await buildFromFolder(request, events);
  const image = packIndexFile(await savedContents(request, built));
  if (request.indexPath) await saveIndex(request.indexPath, built.files, (path) => image.write(path), events);
  const { corpus, index } = await runStepsYielding(unpackIndexFile(image.packed));
  return { corpus, index, files: built.files };
}
