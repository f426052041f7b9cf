import { OperationalError } from './errors.ts';
import { diffFingerprints, type FileChanges, type FileFingerprint } from './corpus/fingerprint.ts';
import { loadCorpus, type LoadOptions, type LoadProgress } from './corpus/load.ts';
import type { Corpus, Passage, Source } from './corpus/types.ts';
import { SearchIndex } from './search/engine.ts';

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

export function buildSnapshot(corpus: Corpus, loadedAt: Date, files: ReadonlyMap<string, FileFingerprint> = new Map()): Snapshot {
  return {
    corpus,
    index: SearchIndex.build(corpus),
    loadedAt,
    passageById: new Map(corpus.passages.map((passage) => [passage.id, passage])),
    sourceById: new Map(corpus.sources.map((source) => [source.id, source])),
    files,
  };
}

/** Reads a folder into a snapshot, fingerprinting its files on the way. */
async function readSnapshot(dir: string, options: LoadOptions, loadedAt: () => Date): Promise<Snapshot> {
  const files = new Map<string, FileFingerprint>();
  const corpus = await loadCorpus(dir, { ...options, onFile: (file, print) => void files.set(file, print) });
  return buildSnapshot(corpus, loadedAt(), files);
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
  ) {
    this.snapshot = snapshot;
  }

  static async open(dir: string, options: LoadOptions, clock: () => Date = () => new Date()): Promise<Library> {
    return new Library(await readSnapshot(dir, options, clock), dir, options, clock);
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
    try {
      next = await readSnapshot(this.dir, { ...this.options, onProgress }, this.clock);
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
