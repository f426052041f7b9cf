import { sha256 } from './files.ts';

/**
 * What a corpus file was when a build read it. Two builds compare fingerprints to say which files
 * were added, removed or changed in between: by content hash when both builds read the file (so a
 * `touch` changes nothing), else by size and modification time.
 */
export interface FileFingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  /** sha256 of the bytes read, hex; null when the file was not read (too large, unsupported, unreadable). */
  readonly hash: string | null;
}

export interface FileChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export function fingerprint(
  stats: { readonly size: number; readonly mtimeMs: number },
  bytes: Uint8Array | null,
): FileFingerprint {
  return { size: stats.size, mtimeMs: stats.mtimeMs, hash: bytes ? sha256(bytes) : null };
}

/** Whether two fingerprints say the same content. */
export function sameContent(a: FileFingerprint, b: FileFingerprint): boolean {
  if (a.hash !== null && b.hash !== null) return a.hash === b.hash;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.hash === b.hash;
}

/** The files of `after` that `before` did not have, those it had that are gone, and those whose content differs; each in name order. */
export function diffFingerprints(
  before: ReadonlyMap<string, FileFingerprint>,
  after: ReadonlyMap<string, FileFingerprint>,
): FileChanges {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [file, print] of after) {
    const previous = before.get(file);
    if (!previous) added.push(file);
    else if (!sameContent(previous, print)) changed.push(file);
  }
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}
