import { watch, type FSWatcher } from 'node:fs';

/**
 * Watches the corpus folder and calls `onChange` once things have been quiet for `debounceMs`
 * (a copy of twenty files is one call, not twenty). Hidden names are ignored: the loader skips
 * them, and Dossier's own temporary files are hidden (see files.ts).
 */

export interface FolderWatchOptions {
  /** Quiet time after the last change before `onChange` (default 500 ms). */
  readonly debounceMs?: number;
  /** Called with the names that changed (empty when the system did not say). */
  readonly onChange: (names: ReadonlySet<string>) => void;
  /** The watch itself failed (the folder was removed, say); it has stopped. */
  readonly onError?: (error: Error) => void;
}

export interface FolderWatch {
  close(): void;
}

const DEFAULT_DEBOUNCE_MS = 500;

export function watchFolder(dir: string, options: FolderWatchOptions): FolderWatch {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  let names = new Set<string>();
  let closed = false;
  const fire = () => {
    timer = undefined;
    const changed = names;
    names = new Set();
    if (!closed) options.onChange(changed);
  };
  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, filename) => {
    const name = filename === null ? null : String(filename);
    if (name?.startsWith('.')) return;
    if (name !== null) names.add(name);
    clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  });
  watcher.on('error', (error) => {
    close();
    options.onError?.(error);
  });
  function close(): void {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    watcher.close();
  }
  return { close };
}
