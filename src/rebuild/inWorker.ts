/**
 * `buildInWorker`: the same build as `buildHere` (build.ts), in a worker thread. Reading, cleaning,
 * indexing and saving happen there, in the worker's own heap (its garbage collections never pause
 * this thread); the result comes back as a packed snapshot whose typed arrays are transferred (moved,
 * not copied), taken in a buffer per turn of this thread's event loop (handover.ts), and this thread
 * only assembles the passages from them, in slices of a few milliseconds between which it keeps
 * answering, taking over the live corpus's own passages where they did not change (so a reload
 * after an edit allocates little here, and the garbage collector has little to pause this thread
 * for).
 *
 * Starting a worker costs a second or more (loading the cleaning and parsing code), so after a
 * small build the worker is kept, idle, for the next one (a moderator's edits come in runs) and
 * stopped after a minute without one. After a large build it is stopped at once: its heap holds
 * the garbage of the build (about twice the serving memory, see docs/scaling.md), and its start is
 * nothing beside such a build. An idle worker never keeps the process alive.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FileFingerprint } from '../corpus/fingerprint.ts';
import { OperationalError } from '../errors.ts';
import { parseJsonPieces, unpackIndexFile, type Reuse } from '../search/indexFile.ts';
import { runSteps, runStepsYielding, type Steps } from '../steps.ts';
import { EmptyFolderError, type BuildEvents, type BuildRequest, type Built } from './build.ts';
import { type Handover, takeOver } from './handover.ts';
import type { BuildResult, FromWorker, ToWorker, WorkerFailure } from './messages.ts';

/** The longest stretch this thread works at assembling the result before giving the event loop a turn. */
export const SLICE_MS = 8;

/** A worker whose build had fewer passages than this is kept for the next build. */
const KEEP_BELOW_PASSAGES = 50_000;
/** How long an idle worker is kept. */
const IDLE_MS = 60_000;

const START = new URL('./startWorker.mjs', import.meta.url);
/** The worker proper: TypeScript when running from the sources (startWorker.mjs registers tsx for it). */
const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url).href;

export interface WorkerOptions {
  /** Heap limits of the worker (default: the process's, as Node gives every thread). A worker started with its own limits is not kept. */
  readonly resourceLimits?: ResourceLimits;
  /** The live corpus, whose passages and sources the result takes over where they are the same (see `Reuse`). */
  readonly reuse?: Reuse;
}

/** Idle workers, each with the timer that stops it. */
const idle = new Map<Worker, NodeJS.Timeout>();
/** Workers that have stopped: one may stop after posting its result, and must not be kept then. */
const stopped = new WeakSet<Worker>();

/** The worker stopped before its task was done: stopped from outside, or crashed out of its own error handling. */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
  constructor(readonly exitCode: number) {
    super(`The rebuild's worker thread stopped (exit code ${exitCode}) before it was done.`);
  }
}

function takeWorker(options: WorkerOptions): Worker {
  if (!options.resourceLimits) {
    for (const [worker, timer] of idle) {
      idle.delete(worker);
      clearTimeout(timer);
      worker.ref();
      return worker;
    }
  }
  const worker = new Worker(START, {
    workerData: { entry: ENTRY },
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  // A worker that dies while idle is simply forgotten.
  worker.once('exit', () => {
    stopped.add(worker);
    const timer = idle.get(worker);
    if (timer) clearTimeout(timer);
    idle.delete(worker);
  });
  return worker;
}

function keepWorker(worker: Worker): void {
  if (stopped.has(worker)) return;
  worker.unref();
  const timer = setTimeout(() => {
    idle.delete(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.set(worker, timer);
}

/**
 * Builds in a worker thread and assembles the result here a slice at a time. Rejects as `buildHere`
 * would (an OperationalError when the folder cannot be read, EmptyFolderError), or with the
 * worker's own error when it dies (out of memory, say).
 */
export function buildInWorker(
  request: BuildRequest,
  events: BuildEvents = {},
  options: WorkerOptions = {},
): Promise<Built> {
  return inWorker({ kind: 'build', request }, options, (message, finish) => {
    if (message.kind === 'progress') events.onProgress?.(message.progress);
    else if (message.kind === 'note') events.note?.(message.level, message.fields, message.message);
    else if (message.kind === 'built')
      finish(message.passages < KEEP_BELOW_PASSAGES, () => assemble(message.handover, options.reuse));
  });
}

/** `folderFingerprint` (build.ts), computed in a worker thread: at a hundred thousand files, a second of work this thread is spared. */
export function folderFingerprintInWorker(dir: string, maxArticleBytes: number): Promise<string> {
  return inWorker({ kind: 'list', dir, maxArticleBytes }, {}, (message, finish) => {
    if (message.kind === 'listed') finish(true, async () => message.fingerprint);
  });
}

/**
 * Runs one task in a worker (an idle one, or a new one): `handle` hears the worker's messages and
 * calls `finish` with whether to keep the worker and what makes the result; a `failed` message, the
 * worker's death or its exit reject. A worker not kept is stopped once the result is made: tearing
 * down a large worker's heap slows this thread, and would do so while it assembles the result.
 */
function inWorker<T>(
  task: ToWorker,
  options: WorkerOptions,
  handle: (message: FromWorker, finish: (keep: boolean, result: () => Promise<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = takeWorker(options);
    let done = false;
    /** Settles once; the worker is kept for the next task or stopped. */
    const finish = (keep: boolean, result: () => Promise<T>) => {
      if (done) return;
      done = true;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      const settled = result();
      settled.then(resolve, reject);
      void settled
        .catch(() => undefined)
        .then(() => {
          if (keep && !options.resourceLimits) keepWorker(worker);
          else void worker.terminate();
        });
    };
    const onMessage = (message: FromWorker) => {
      // After an unexpected error the worker's state is not trusted for another task.
      if (message.kind === 'failed')
        finish(message.failure.kind !== 'unexpected', () => Promise.reject(errorOf(message.failure)));
      else handle(message, finish);
    };
    const onError = (error: Error) => finish(false, () => Promise.reject(error));
    const onExit = (code: number) => finish(false, () => Promise.reject(new WorkerStoppedError(code)));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(task);
  });
}

/** The corpus, index and file list, from what the worker handed over. */
async function assemble(handover: Handover<BuildResult>, reuse: Reuse | undefined): Promise<Built> {
  // A turn of the event loop after every buffer, however small: receiving one may force a step of
  // this heap's garbage collection (handover.ts), and two such steps in a row make a long pause.
  const { snapshot, files: pieces } = await runStepsYielding(takeOver(handover));
  const { corpus, index } = await runStepsYielding(unpackIndexFile(snapshot, reuse), SLICE_MS);
  const files = await runStepsYielding(fileMap(pieces), SLICE_MS);
  return { corpus, index, files };
}

/** The files' fingerprints as a Map, filled a piece at a time. */
function* fileMap(pieces: readonly Uint8Array[]): Steps<Map<string, FileFingerprint>> {
  const files = new Map<string, FileFingerprint>();
  for (const piece of pieces) {
    for (const [name, print] of runSteps(parseJsonPieces<[string, FileFingerprint]>([piece]))) files.set(name, print);
    yield;
  }
  return files;
}

/** The error the worker reported, as the build in this thread would have thrown it. */
function errorOf(failure: WorkerFailure): Error {
  switch (failure.kind) {
    case 'empty':
      return new EmptyFolderError(failure.refused);
    case 'operational': {
      const cause = failure.causeCode
        ? Object.assign(new Error(failure.causeMessage ?? failure.causeCode), { code: failure.causeCode })
        : undefined;
      return new OperationalError(failure.code, failure.message, cause ? { cause } : undefined);
    }
    case 'unexpected': {
      const error = Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
      error.name = failure.name;
      if (failure.stack) error.stack = `${failure.stack}\n    (in the rebuild's worker thread)`;
      return error;
    }
  }
}
