/**
 * The rebuild worker thread (started by inWorker.ts, through startWorker.mjs). For each `build` it
 * is sent, it reads, cleans and indexes the folder, saves the index, then hands the result over as
 * a packed snapshot whose buffers are transferred, not copied, each in a message of its own
 * (handover.ts). For each build it tells the parent, in order: progress as it reads, notes for the
 * log, then `built` or `failed`. It also lists the folder (`list`: a hundred thousand files take a
 * second to list and fingerprint). Tasks come one at a time; between them the worker waits for the
 * next (or to be stopped).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, type TransferListItem } from 'node:worker_threads';
import { OperationalError } from '../errors.ts';
import { jsonPieces, packIndexFile } from '../search/indexFile.ts';
import {
  buildFromFolder,
  EmptyFolderError,
  folderFingerprint,
  saveIndex,
  savedContents,
  type BuildEvents,
  type BuildRequest,
} from './build.ts';
import { handOver } from './handover.ts';
import type { FromWorker, ToWorker, WorkerFailure } from './messages.ts';

const port = parentPort!;
const post = (message: FromWorker, transfer: readonly TransferListItem[] = []) => port.postMessage(message, transfer);

async function build(request: BuildRequest): Promise<void> {
  const events: BuildEvents = {
    onProgress: (progress) => post({ kind: 'progress', progress }),
    note: (level, fields, message) => post({ kind: 'note', level, fields, message }),
  };
  const built = await buildFromFolder(request, events);
  const image = packIndexFile(await savedContents(request, built));
  if (request.indexPath) await saveIndex(request.indexPath, built.files, (path) => image.write(path), events);
  const handover = handOver({ snapshot: image.packed, files: jsonPieces([...built.files]) });
  post({ kind: 'built', handover, passages: built.corpus.passages.length }, [handover.port]);
}

/** An error as plain data: what the parent needs to say why (OperationalError's code, the system error's code). */
function failureOf(error: unknown): WorkerFailure {
  if (error instanceof EmptyFolderError) return { kind: 'empty', refused: error.refused, message: error.message };
  if (error instanceof OperationalError) {
    const cause = error.cause as NodeJS.ErrnoException | undefined;
    return {
      kind: 'operational',
      code: error.code,
      message: error.message,
      ...(cause?.code ? { causeCode: cause.code, causeMessage: cause.message } : {}),
    };
  }
  const failure = error instanceof Error ? error : new Error(String(error));
  const code = (failure as NodeJS.ErrnoException).code;
  return {
    kind: 'unexpected',
    name: failure.name,
    message: failure.message,
    ...(failure.stack ? { stack: failure.stack } : {}),
    ...(code ? { code } : {}),
  };
}

/**
 * On a busy machine the thread that answers comes first: this thread takes a lower priority (a
 * nice value of 10, its own only: on Linux a thread is a task with its own id). Elsewhere, or if
 * that is not allowed, the build runs at the process's priority.
 */
function yieldTheProcessor(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0) setPriority(thread, 10);
  } catch {
    // Not Linux, or not allowed.
  }
}

yieldTheProcessor();
port.on('message', (message: ToWorker) => {
  const task =
    message.kind === 'build'
      ? build(message.request)
      : folderFingerprint(message.dir, message.maxArticleBytes).then((fingerprint) =>
          post({ kind: 'listed', fingerprint }),
        );
  task.catch((error: unknown) => post({ kind: 'failed', failure: failureOf(error) }));
});
