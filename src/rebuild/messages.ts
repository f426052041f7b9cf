/** What a rebuild's worker thread and the thread that started it say to each other (inWorker.ts ⇄ worker.ts). */
import type { LoadProgress } from '../corpus/load.ts';
import type { OperationalErrorCode } from '../errorCodes.ts';
import type { PackedIndexFile } from '../search/indexFile.ts';
import type { BuildRequest } from './build.ts';
import type { Handover } from './handover.ts';

/**
 * One task at a time: a build (the worker answers with progress and notes, then `built` or
 * `failed`), or the folder's listing fingerprint (answered with `listed` or `failed`).
 */
export type ToWorker =
  | { readonly kind: 'build'; readonly request: BuildRequest }
  | { readonly kind: 'list'; readonly dir: string; readonly maxArticleBytes: number };

export type FromWorker =
  | { readonly kind: 'progress'; readonly progress: LoadProgress }
  | {
      readonly kind: 'note';
      readonly level: 'info' | 'warn';
      readonly fields: Record<string, unknown>;
      readonly message: string;
    }
  /** The build's result, its buffers waiting on the handover's own channel (handover.ts). */
  | { readonly kind: 'built'; readonly handover: Handover<BuildResult>; readonly passages: number }
  | { readonly kind: 'listed'; readonly fingerprint: string }
  | { readonly kind: 'failed'; readonly failure: WorkerFailure };

/** The corpus and index (a packed snapshot) and the files' fingerprints (`jsonPieces` of [name, fingerprint] pairs). */
export interface BuildResult {
  readonly snapshot: PackedIndexFile;
  readonly files: readonly Uint8Array[];
}

/** Why a build failed, as plain data (errors lose their class and fields crossing threads). */
export type WorkerFailure =
  | { readonly kind: 'empty'; readonly refused: number; readonly message: string }
  /** An OperationalError (the folder cannot be listed, say), with the system error's code that caused it. */
  | {
      readonly kind: 'operational';
      readonly code: OperationalErrorCode;
      readonly message: string;
      readonly causeCode?: string;
      readonly causeMessage?: string;
    }
  | {
      readonly kind: 'unexpected';
      readonly name: string;
      readonly message: string;
      readonly stack?: string;
      readonly code?: string;
    };
