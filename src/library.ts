import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OperationalError } from './errors.ts';
import { diffFingerprints, type FileChanges, type FileFingerprint } from './corpus/fingerprint.ts';
import { folderListing } from './corpus/folderPrint.ts';
import { loadCorpus, type LoadOptions, type LoadProgress } from './corpus/load.ts';
import type { Corpus, Passage, Source } from './corpus/types.ts';
import type { Logger } from './log.ts';
import { SearchIndex } from './search/engine.ts';
import { corpusFingerprint, readSnapshot as readIndexFile, writeSnapshot as writeIndexFile } from './search/snapshot.ts';

/** One loaded corpus and its index: what every question is answered from. Immutable once built. */
export interface Snapshot {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  readonly loadedAt: Date;
  readonly passageById: ReadonlyMap<string, Passage>;
  readonly sourceById: ReadonlyMap<string, Source>;
  /** Every file of the folder as this build read it, to tell the next build what changed. */
  readonly files: ReadonlyMap<string, FileFingerprint>;
}

export function buildSnapshot(corpus: Corpus, loadedAt: Date, files: ReadonlyMap<string, FileFingerprint> = new Map(), index: SearchIndex = SearchIndex.build(corpus)): Snapshot {
  return {
    corpus,
    index,
    loadedAt,
    passageById: new Map(corpus.passages.map((passage) => [passage.id, passage])),
    sourceById: new Map(corpus.sources.map((source) => [source.id, source])),
    files,
  };
}

/** Reads a folder into a snapshot, fingerprinting its files on the way. */
async function readFolder(dir: string, options: LoadOptions, loadedAt: () => Date): Promise<Snapshot> {
  const files = new Map<string, FileFingerprint>();
  const corpus = await loadCorpus(dir, { ...options, onFile: (file, print) => void files.set(file, print) });
  // Built in slices: a rebuild runs while the bot answers from the index it replaces.
  return buildSnapshot(corpus, loadedAt(), files, await SearchIndex.buildYielding(corpus));
}

export type { FileChanges } from './corpus/fingerprint.ts';
export type { LoadProgress } from './corpus/load.ts';

/** What a rebuild did: the snapshot now answering, the one it replaced, and the files that changed between them. */
export interface ReloadReport {
  readonly snapshot: Snapshot;
  readonly previous: Snapshot;
  readonly changes: FileChanges;
  readonly ms: number;
}

/**
 * Where the index is saved between runs (INDEX_PATH), and where to say what happened to it. A saved
 * index is used at start-up only when it was built from the folder as it is now (names, sizes and
 * modification times of its files, and the load options) by this version of Dossier.
 */
export interface PersistOptions {
  readonly indexPath?: string;
  readonly log?: Logger;
}

export interface ReloadOptions {
  /** Told how many of the folder's articles the rebuild has read. */
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface EditOptions extends ReloadOptions {
  /** The edit may leave the folder without a single article (removing the last one). */
  readonly allowEmpty?: boolean;
}

/** A reload asked for but not started yet: later requests join it rather than queue another. */
interface PendingReload {
  readonly listeners: Set<(progress: LoadProgress) => void>;
  readonly promise: Promise<ReloadReport>;
}

/**
 * Holds the live snapshot. Readers take `current` once per question and keep using that object,
 * so a question is answered wholly from one corpus even if a newer one is swapped in meanwhile.
 *
 * Rebuilds read the folder beside the live snapshot and replace it in one assignment when they
 * succeed; a rebuild that fails leaves the old snapshot answering and says why. Rebuilds and edits
 * of the folder take turns (one at a time, in order): a reload asked for while another runs waits
 * for it and then rebuilds once more, and every request made during that wait shares the one
 * rebuild, so each caller's report describes a build that started after it asked.
 */
export class Library {
  private snapshot: Snapshot;
  /** Settles when the last queued task has finished; never rejects. */
  private tail: Promise<void> = Promise.resolve();
  private pending: PendingReload | null = null;
  private building = false;

  constructor(
    snapshot: Snapshot,
    readonly dir: string,
    private readonly options: LoadOptions,
    private readonly clock: () => Date = () => new Date(),
    private readonly persist: PersistOptions = {},
  ) {
    this.snapshot = snapshot;
  }

  /** Loads the folder, or, with an index path, the saved index when it still matches the folder (and saves one when it does not). */
  static async open(dir: string, options: LoadOptions, clock: () => Date = () => new Date(), persist: PersistOptions = {}): Promise<Library> {
    const listed = persist.indexPath ? await fingerprintBeforeReading(dir, options) : null;
    const restored = listed ? await restore(listed, clock, persist) : null;
    const library = new Library(restored ?? (await readFolder(dir, options, clock)), dir, options, clock, persist);
    if (persist.indexPath && !restored) await library.save(library.snapshot, listed);
    return library;
  }

  /**
   * Saves `snapshot` at the index path, under the fingerprint of the folder as it was before it was
   * read (a file changed during the read then makes the next start rebuild, never trust a stale
   * index); listed again when that could not be taken. A failure is logged, never thrown: the
   * index in memory is what answers.
   */
  private async save(snapshot: Snapshot, listed: string | null): Promise<void> {
    const { indexPath, log } = this.persist;
    if (!indexPath) return;
    try {
      const started = performance.now();
      const fingerprint = listed ?? (await fingerprintOf(this.dir, this.options));
      await mkdir(dirname(indexPath), { recursive: true });
      const { bytes } = await writeIndexFile(indexPath, { fingerprint, corpus: snapshot.corpus, index: snapshot.index, meta: { files: Object.fromEntries(snapshot.files) } });
      log?.info({ event: 'index_saved', path: indexPath, bytes, ms: Math.round(performance.now() - started) }, 'index saved');
    } catch (error) {
      log?.warn({ event: 'index_save_failed', path: indexPath, reason: (error as Error).message }, 'index not saved; answering from memory');
    }
  }

  get current(): Snapshot {
    return this.snapshot;
  }

  get loadOptions(): LoadOptions {
    return this.options;
  }

  /** A rebuild is reading the folder now. */
  get reloading(): boolean {
    return this.building;
  }

  /** Rebuilds from the folder and swaps the result in; see the class comment for concurrent calls. */
  reload(options: ReloadOptions = {}): Promise<ReloadReport> {
    if (this.pending) {
      if (options.onProgress) this.pending.listeners.add(options.onProgress);
      return this.pending.promise;
    }
    const listeners = new Set(options.onProgress ? [options.onProgress] : []);
    const promise: Promise<ReloadReport> = this.exclusive(() => {
      // From here on the rebuild has started: a new request queues the next one.
      if (this.pending?.promise === promise) this.pending = null;
      return this.rebuild(listeners, false);
    });
    this.pending = { listeners, promise };
    return promise;
  }

  /**
   * Runs `edit`, which changes files in the folder, then rebuilds, with no other edit or rebuild in
   * between. `edit` sees the snapshot current when its turn comes; if it throws, nothing is rebuilt.
   * If the rebuild fails, the error says the change was saved all the same.
   */
  edit<T>(edit: (snapshot: Snapshot) => Promise<T>, options: EditOptions = {}): Promise<{ readonly value: T; readonly report: ReloadReport }> {
    return this.exclusive(async () => {
      const value = await edit(this.snapshot);
      try {
        const report = await this.rebuild(new Set(options.onProgress ? [options.onProgress] : []), options.allowEmpty ?? false);
        return { value, report };
      } catch (error) {
        // The files are written: say so, or the moderator would think nothing happened.
        const failure = error as OperationalError;
        throw new OperationalError(failure.code, `The change was saved in the corpus folder, but ${failure.message.charAt(0).toLowerCase()}${failure.message.slice(1)}`, { cause: failure.cause ?? failure });
      }
    });
  }

  /** Runs tasks one at a time in the order they were asked for. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async rebuild(listeners: ReadonlySet<(progress: LoadProgress) => void>, allowEmpty: boolean): Promise<ReloadReport> {
    const previous = this.snapshot;
    const started = performance.now();
    const onProgress = (progress: LoadProgress) => {
      for (const listener of listeners) {
        try {
          listener(progress);
        } catch {
          // A listener that fails (a closed terminal, say) does not stop the rebuild.
        }
      }
    };
    this.building = true;
    let next: Snapshot;
    let listed: string | null = null;
    try {
      if (this.persist.indexPath) listed = await fingerprintBeforeReading(this.dir, this.options);
      next = await readFolder(this.dir, { ...this.options, onProgress }, this.clock);
    } catch (error) {
      throw new OperationalError('reload_failed', `The reload failed: ${reasonOf(error)}; the old index was kept. ${stillAnswering(previous)}`, { cause: error });
    } finally {
      this.building = false;
    }
    if (!allowEmpty && next.corpus.sources.length === 0 && previous.corpus.sources.length > 0) {
      const errors = next.corpus.errors.length > 0 ? ` (${next.corpus.errors.length} files could not be read; see /corpus status after a fix)` : '';
      throw new OperationalError('reload_empty', `The reload found no article in the corpus folder${errors}, so the old index was kept. ${stillAnswering(previous)}`);
    }
    this.snapshot = next;
    await this.save(next, listed);
    return { snapshot: next, previous, changes: diffFingerprints(previous.files, next.files), ms: Math.round(performance.now() - started) };
  }
}

/** Why a rebuild failed, without the folder's path (moderators in Discord see this; the log has the rest). */
function reasonOf(error: unknown): string {
  const cause = error instanceof OperationalError ? (error.cause as NodeJS.ErrnoException | undefined) : (error as NodeJS.ErrnoException | undefined);
  const code = cause?.code;
  if (code === 'ENOENT') return 'the corpus folder is gone (ENOENT)';
  if (code === 'EACCES' || code === 'EPERM') return `the corpus folder cannot be read (${code}: no permission)`;
  if (code === 'ENOTDIR') return 'the corpus folder is not a folder (ENOTDIR)';
  if (code) return `the corpus folder cannot be read (${code})`;
  return 'an unexpected error while reading the corpus (see the log)';
}

function stillAnswering(snapshot: Snapshot): string {
  return `Still answering from the ${snapshot.corpus.sources.length} articles loaded at ${snapshot.loadedAt.toISOString()}.`;
}

/** Identifies the folder as it is now together with the options that shape what is loaded from it. */
async function fingerprintOf(dir: string, options: LoadOptions): Promise<string> {
  return corpusFingerprint({ files: await folderListing(dir), maxArticleBytes: options.maxArticleBytes });
}

/** `fingerprintOf`, or null when the folder cannot be listed: reading it will say why. */
function fingerprintBeforeReading(dir: string, options: LoadOptions): Promise<string | null> {
  return fingerprintOf(dir, options).catch(() => null);
}

/** The saved index, when it was built from the folder as `fingerprint` describes it now; null (with the reason logged) when the articles must be read. */
async function restore(fingerprint: string, clock: () => Date, { indexPath, log }: PersistOptions): Promise<Snapshot | null> {
  const started = performance.now();
  const read = await readIndexFile(indexPath!, fingerprint);
  if (!read.ok) {
    log?.info({ event: 'index_not_used', path: indexPath, reason: read.reason, detail: read.message }, 'building the index from the articles');
    return null;
  }
  const saved = (read.meta as { files?: Record<string, FileFingerprint> } | null)?.files ?? {};
  log?.info({ event: 'index_loaded', path: indexPath, bytes: read.bytes, passages: read.corpus.passages.length, ms: Math.round(performance.now() - started) }, 'index loaded from its snapshot');
  return buildSnapshot(read.corpus, clock(), new Map(Object.entries(saved)), read.index);
}
