import { OperationalError } from './errors.ts';
import type { FileChanges, FileFingerprint } from './corpus/fingerprint.ts';
import { hasJournal, recoverJournal, type Recovery } from './corpus/journal.ts';
import type { LoadOptions, LoadProgress } from './corpus/load.ts';
import { ifFolderUnlocked, withFolderLock, type FolderLockOptions } from './corpus/lock.ts';
import { readSavedFiles, removeLeftovers } from './corpus/savedIndex.ts';
import { PassageIds } from './corpus/passageIds.ts';
import type { Corpus, Passage, Source } from './corpus/types.ts';
import type { Logger } from './log.ts';
import {
  buildHere,
  EmptyFolderError,
  folderFingerprint,
  folderOptions,
  type BuildEvents,
  type BuildRequest,
  type Built,
} from './rebuild/build.ts';
import { buildInWorker, folderFingerprintInWorker, SLICE_MS, WorkerStoppedError } from './rebuild/inWorker.ts';
import { answeringIndex, type AnsweringOptions } from './search/answeringIndex.ts';
import { CompactIndex } from './search/compact.ts';
import { SearchIndex } from './search/engine.ts';
import type { IndexSetting } from './search/indexChoice.ts';
import { miniSearchPathOf } from './search/miniSearchFile.ts';
import { readIndexFile, type Reuse } from './search/indexFile.ts';
import { ShardedMap } from './shardedMap.ts';
import { FilePrints } from './corpus/filePrints.ts';
import { runSteps, runStepsYielding, type Steps } from './steps.ts';

/** One loaded corpus and its index: what every question is answered from. Immutable once built. */
export interface Snapshot {
  readonly corpus: Corpus;
  /** The index that answers (search/indexChoice.ts). */
  readonly index: SearchIndex;
  /** The compact index, which the saved snapshot holds: `index` itself when it answers. */
  readonly compact: SearchIndex;
  readonly loadedAt: Date;
  readonly passageById: Pick<ReadonlyMap<string, Passage>, 'get' | 'has' | 'size'>;
  readonly sourceById: ReadonlyMap<string, Source>;
  /** Every file of the folder as this build read it, to tell the next build what changed. */
  readonly files: FilePrints;
  /**
   * The folder's listing (names, sizes, modification times) as this build began, as a fingerprint
   * (`fingerprintOf`); null when unknown. A reload that lists the same has nothing to rebuild.
   */
  readonly listing: string | null;
}

export function buildSnapshot(
  corpus: Corpus,
  loadedAt: Date,
  files: ReadonlyMap<string, FileFingerprint> = new Map(),
  index: SearchIndex = SearchIndex.build(corpus),
  listing: string | null = null,
  compact: SearchIndex = index,
): Snapshot {
  return runSteps(snapshotSteps(corpus, loadedAt, files, index, listing, compact));
}

/** Sources put in the id table between two steps of `snapshotSteps` (its shards grow about together: a step must stay small). */
const SNAPSHOT_STEP = 256;

/** `buildSnapshot` in steps (src/steps.ts): the tables of a million passages take a while to fill. */
function* snapshotSteps(
  corpus: Corpus,
  loadedAt: Date,
  files: ReadonlyMap<string, FileFingerprint>,
  index: SearchIndex,
  listing: string | null,
  compact: SearchIndex,
): Steps<Snapshot> {
  const passageById = yield* PassageIds.buildSteps(corpus.passages);
  // Sharded: a Map of a hundred thousand ids would rehash them all at once as it grows.
  const sourceById = new ShardedMap<Source>();
  for (const [i, source] of corpus.sources.entries()) {
    if (i % SNAPSHOT_STEP === 0) yield;
    sourceById.set(source.id, source);
  }
  const prints = yield* FilePrints.fromSteps(files);
  return { corpus, index, compact, loadedAt, passageById, sourceById, files: prints, listing };
}

function answeringOptions({ index, indexPath, log }: PersistOptions): AnsweringOptions {
  return {
    ...(index ? { index } : {}),
    miniSearchPath: indexPath ? miniSearchPathOf(indexPath) : null,
    ...(log ? { log } : {}),
  };
}
export type { LoadProgress } from './corpus/load.ts';

/**
 * What a reload or edit did: the snapshot now answering, the one it replaced, and the files that
 * changed since the saved index (or, with none, since the last report).
 */
export interface ReloadReport {
  readonly snapshot: Snapshot;
  readonly previous: Snapshot;
  readonly changes: FileChanges;
  /**
   * Whether the index answering was built from the articles since the last report. False when the
   * folder listed as the live index was built from, so nothing was rebuilt (`snapshot` is `previous`).
   */
  readonly rebuilt: boolean;
  readonly ms: number;
}

/**
 * Where the index is saved between runs (INDEX_PATH), and where to say what happened to it. A saved
 * index is used at start-up only when it was built from the folder as it is now (names, sizes and
 * modification times of its files, and the load options) by this version of Dossier.
 */
export interface PersistOptions {
  readonly indexPath?: string;
  /** Which index answers (SEARCH_INDEX); MiniSearch's own is saved beside the snapshot. Unset: `auto`. */
  readonly index?: IndexSetting;
  readonly log?: Logger;
  /** How long an edit waits for another process's edit of the folder (see corpus/lock.ts). */
  readonly lock?: FolderLockOptions;
  /**
   * Where reloads and edits rebuild (start-up always builds in this thread: nothing answers yet):
   * - `worker` (default): in a worker thread (src/rebuild/inWorker.ts), so this thread keeps
   *   answering from the live index, pausing only for slices of a few milliseconds to assemble the
   *   result: what a bot needs;
   * - `here`: in this thread, in slices between which it answers (the longest pauses grow with the
   *   corpus: see docs/scaling.md); for a one-shot CLI run, where a worker would only cost its start.
   */
  readonly rebuildIn?: 'worker' | 'here';
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
 * rebuild, so each caller's report describes a build that started after it asked. A reload that
 * finds the folder listed as the live snapshot was built from rebuilds nothing. Edits also take
 * the folder's lock file, so edits from several processes queue too.
 *
 * Reports count changes from the saved index (INDEX_PATH), so a CLI run's reload says what changed
 * since the bot or the last run saved it; without one, from the previous report.
 */
export class Library {
  private snapshot: Snapshot;
  /** The files as the saved index had them (or as the last report left them): what the next report's changes are counted from. */
  private baseline: ReadonlyMap<string, FileFingerprint>;
  /** The live snapshot was built from the articles since the last report (a start that found the saved index stale, say). */
  private builtSinceReport = false;
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
    this.baseline = snapshot.files;
  }

  /**
   * Loads the folder, or, with an index path, the saved index when it still matches the folder (and
   * saves one when it does not). First it tidies up after a process that was killed: an edit it
   * left half done is finished or undone (its journal), and its temporary files are removed.
   */
  static async open(
    dir: string,
    options: LoadOptions,
    clock: () => Date = () => new Date(),
    persist: PersistOptions = {},
  ): Promise<Library> {
    const removed = await removeLeftovers(dir, persist.indexPath);
    if (removed.length > 0)
      persist.log?.warn(
        { event: 'temp_files_removed', files: removed },
        'removed temporary files a stopped process left',
      );
    await recoverIfUnlocked(dir, persist.log);
    const listed = await fingerprintBeforeReading(dir, options);
    const restored = listed && persist.indexPath ? await restore(listed, clock, persist) : null;
    if (restored) return new Library(restored, dir, options, clock, persist);
    // Changes are counted from the index saved before (stale, so rebuilt), not from this build:
    // its file list is read before the build saves over it.
    const saved = persist.indexPath ? await readSavedFiles(persist.indexPath) : null;
    const built = await buildHere(buildRequest(dir, options, listed, persist.indexPath, false), {
      note: noteTo(persist.log),
    });
    const answering = await answeringIndex(built.index, answeringOptions(persist));
    const library = new Library(
      buildSnapshot(built.corpus, clock(), built.files, answering, listed, built.index),
      dir,
      options,
      clock,
      persist,
    );
    if (saved) {
      library.baseline = saved;
      library.builtSinceReport = true;
    }
    return library;
  }

  /** Where reloads and edits rebuild (and list the folder): see PersistOptions. */
  private get rebuildIn(): 'worker' | 'here' {
    return this.persist.rebuildIn ?? 'worker';
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

  /**
   * Rebuilds from the folder and swaps the result in; see the class comment for concurrent calls.
   * When the folder lists as the live index was built from (names, sizes, modification times),
   * nothing is rebuilt and the report says so (the watcher's reload after the bot's own edit).
   */
  reload(options: ReloadOptions = {}): Promise<ReloadReport> {
    if (this.pending) {
      if (options.onProgress) this.pending.listeners.add(options.onProgress);
      return this.pending.promise;
    }
    const listeners = new Set(options.onProgress ? [options.onProgress] : []);
    const promise: Promise<ReloadReport> = this.exclusive(async () => {
      // From here on the rebuild has started: a new request queues the next one.
      if (this.pending?.promise === promise) this.pending = null;
      const started = performance.now();
      const previous = this.snapshot;
      await recoverIfUnlocked(this.dir, this.persist.log);
      const listed = await fingerprintBeforeReading(this.dir, this.options, this.rebuildIn);
      if (listed === null || listed !== previous.listing) await this.rebuild(listeners, false, listed);
      return this.report(previous, started);
    });
    this.pending = { listeners, promise };
    return promise;
  }

  /**
   * Runs `edit`, which changes files in the folder, then rebuilds, with no other edit or rebuild in
   * between, from this process or another (the folder's lock file). `edit` sees the snapshot of the
   * folder as it is when its turn comes (rebuilt first if another process changed it meanwhile), so
   * its checks, such as duplicates, hold; if it throws, nothing is rebuilt. If the rebuild fails,
   * the error says the change was saved all the same.
   */
  edit<T>(
    edit: (snapshot: Snapshot) => Promise<T>,
    options: EditOptions = {},
  ): Promise<{ readonly value: T; readonly report: ReloadReport }> {
    return this.exclusive(async () => {
      const started = performance.now();
      const previous = this.snapshot;
      const value = await withFolderLock(
        this.dir,
        async () => {
          logRecovery(await recoverJournal(this.dir), this.persist.log);
          const listed = await fingerprintBeforeReading(this.dir, this.options, this.rebuildIn);
          if (listed === null || listed !== this.snapshot.listing) await this.rebuild(new Set(), true, listed);
          return edit(this.snapshot);
        },
        this.persist.lock,
      );
      try {
        await this.rebuild(
          new Set(options.onProgress ? [options.onProgress] : []),
          options.allowEmpty ?? false,
          await fingerprintBeforeReading(this.dir, this.options, this.rebuildIn),
        );
      } catch (error) {
        // The files are written: say so, or the moderator would think nothing happened.
        const failure = error as OperationalError;
        throw new OperationalError(
          failure.code,
          `The change was saved in the corpus folder, but ${failure.message.charAt(0).toLowerCase()}${failure.message.slice(1)}`,
          { cause: failure.cause ?? failure },
        );
      }
      return { value, report: await this.report(previous, started) };
    });
  }

  /** The report of a reload or edit that ended with the live snapshot: changes since the baseline, which moves on. */
  private async report(previous: Snapshot, started: number): Promise<ReloadReport> {
    const snapshot = this.snapshot;
    const changes = await runStepsYielding(snapshot.files.changesSince(this.baseline), SLICE_MS);
    const rebuilt = this.builtSinceReport;
    this.baseline = snapshot.files;
    this.builtSinceReport = false;
    return { snapshot, previous, changes, rebuilt, ms: Math.round(performance.now() - started) };
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

  /**
   * Reads the folder (listed as `listed` just before) into a new snapshot and saves it (in a worker
   * thread, or here: `rebuildIn`), then swaps it in. A plain reload that finds no article where
   * there were some fails before saving anything.
   */
  private async rebuild(
    listeners: ReadonlySet<(progress: LoadProgress) => void>,
    allowEmpty: boolean,
    listed: string | null,
  ): Promise<Snapshot> {
    const previous = this.snapshot;
    const onProgress = (progress: LoadProgress) => {
      for (const listener of listeners) {
        try {
          listener(progress);
        } catch {
          // A listener that fails (a closed terminal, say) does not stop the rebuild.
        }
      }
    };
    const request = buildRequest(
      this.dir,
      this.options,
      listed,
      this.persist.indexPath,
      !allowEmpty && previous.corpus.sources.length > 0,
    );
    const events: BuildEvents = { onProgress, note: noteTo(this.persist.log) };
    this.building = true;
    let next: Snapshot;
    try {
      // The result takes over the live passages, sources and terms that did not change (see `Reuse`).
      const live = previous.compact.backend;
      const reuse: Reuse = {
        passage: (id: string) => previous.passageById.get(id),
        source: (id: string) => previous.sourceById.get(id),
        ...(live instanceof CompactIndex ? { vocabulary: live.data } : {}),
      };
      const built: Built =
        this.rebuildIn === 'here' ? await buildHere(request, events) : await buildInWorker(request, events, { reuse });
      const answering = await answeringIndex(built.index, answeringOptions(this.persist));
      next = await runStepsYielding(
        snapshotSteps(built.corpus, this.clock(), built.files, answering, listed, built.index),
        SLICE_MS,
      );
    } catch (error) {
      if (error instanceof EmptyFolderError) {
        const errors =
          error.refused > 0 ? ` (${error.refused} files could not be read; see /corpus status after a fix)` : '';
        throw new OperationalError(
          'reload_empty',
          `The reload found no article in the corpus folder${errors}, so the old index was kept. ${stillAnswering(previous)}`,
        );
      }
      throw new OperationalError(
        'reload_failed',
        `The reload failed: ${reasonOf(error)}; the old index was kept. ${stillAnswering(previous)}`,
        { cause: error },
      );
    } finally {
      this.building = false;
    }
    this.snapshot = next;
    this.builtSinceReport = true;
    return next;
  }
}

/** What a build of `dir` reads and where it saves (`refuseEmpty`: fail, before saving, if it finds no article). */
function buildRequest(
  dir: string,
  options: LoadOptions,
  listing: string | null,
  indexPath: string | undefined,
  refuseEmpty: boolean,
): BuildRequest {
  return { dir, load: folderOptions(options), listing, ...(indexPath ? { indexPath } : {}), refuseEmpty };
}

/** A build's notes (what happened to the saved index) as log lines. */
function noteTo(log: Logger | undefined): BuildEvents['note'] {
  return (level, fields, message) => log?.[level](fields, message);
}

/**
 * Finishes or undoes an edit a killed process left half done (its journal), if no other process is
 * editing the folder now (one that is will finish its own). Never throws: a folder that cannot be
 * read is for the build to report.
 */
async function recoverIfUnlocked(dir: string, log: Logger | undefined): Promise<void> {
  try {
    if (!(await hasJournal(dir))) return;
    const done = await ifFolderUnlocked(dir, () => recoverJournal(dir));
    logRecovery(done?.value ?? null, log);
  } catch (error) {
    log?.warn(
      { event: 'corpus_recovery_failed', reason: (error as Error).message },
      'could not finish an interrupted corpus edit',
    );
  }
}

function logRecovery(recovery: Recovery | null, log: Logger | undefined): void {
  if (!recovery) return;
  const what =
    recovery.outcome === 'completed'
      ? 'finished'
      : recovery.outcome === 'undone'
        ? 'undone'
        : 'dropped (its journal could not be read)';
  log?.warn(
    { event: 'corpus_edit_recovered', action: recovery.action, outcome: recovery.outcome, pid: recovery.pid },
    `an interrupted corpus ${recovery.action} was ${what}`,
  );
}

/** Why a rebuild failed, without the folder's path (moderators in Discord see this; the log has the rest). */
function reasonOf(error: unknown): string {
  const cause =
    error instanceof OperationalError
      ? (error.cause as NodeJS.ErrnoException | undefined)
      : (error as NodeJS.ErrnoException | undefined);
  const code = cause?.code;
  if (code === 'ENOENT') return 'the corpus folder is gone (ENOENT)';
  if (code === 'EACCES' || code === 'EPERM') return `the corpus folder cannot be read (${code}: no permission)`;
  if (code === 'ENOTDIR') return 'the corpus folder is not a folder (ENOTDIR)';
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'the rebuild ran out of memory (see docs/scaling.md for the heap limit)';
  if (error instanceof WorkerStoppedError)
    return `the rebuild's worker thread stopped before it was done (exit code ${error.exitCode})`;
  // System errors (EIO, EMFILE, …); Node's own ERR_ codes are not about the folder.
  if (code && /^E[A-Z]+$/.test(code)) return `the corpus folder cannot be read (${code})`;
  return 'an unexpected error while reading the corpus (see the log)';
}

function stillAnswering(snapshot: Snapshot): string {
  return `Still answering from the ${snapshot.corpus.sources.length} articles loaded at ${snapshot.loadedAt.toISOString()}.`;
}

/**
 * The folder's fingerprint (`folderFingerprint`), or null when the folder cannot be listed: reading
 * it will say why. Listed in a worker thread when rebuilds run in one: at a hundred thousand files
 * it is a second's work.
 */
function fingerprintBeforeReading(
  dir: string,
  options: LoadOptions,
  where: PersistOptions['rebuildIn'] = 'here',
): Promise<string | null> {
  return (where === 'worker' ? folderFingerprintInWorker : folderFingerprint)(dir, options.maxArticleBytes).catch(
    () => null,
  );
}

/** The saved index, when it was built from the folder as `fingerprint` describes it now; null (with the reason logged) when the articles must be read. */
async function restore(fingerprint: string, clock: () => Date, persist: PersistOptions): Promise<Snapshot | null> {
  const { indexPath, log } = persist;
  const started = performance.now();
  const read = await readIndexFile(indexPath!, fingerprint);
  if (!read.ok) {
    log?.info(
      { event: 'index_not_used', path: indexPath, reason: read.reason, detail: read.message },
      'building the index from the articles',
    );
    return null;
  }
  const saved = (read.meta as { files?: Record<string, FileFingerprint> } | null)?.files ?? {};
  log?.info(
    {
      event: 'index_loaded',
      path: indexPath,
      bytes: read.bytes,
      passages: read.corpus.passages.length,
      ms: Math.round(performance.now() - started),
    },
    'index loaded from its snapshot',
  );
  return buildSnapshot(
    read.corpus,
    clock(),
    new Map(Object.entries(saved)),
    await answeringIndex(read.index, answeringOptions(persist)),
    fingerprint,
    read.index,
  );
}
