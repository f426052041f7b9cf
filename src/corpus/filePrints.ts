import type { Steps } from '../steps.ts';
import { diffFingerprints, type FileChanges, type FileFingerprint, sameContent } from './fingerprint.ts';

/** Fingerprints put in between two steps of `FilePrints.fromSteps`. */
const STEP = 4096;
const HASH_BYTES = 32;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The fingerprints of a folder's files as a live snapshot keeps them, read like a Map. Not a Map of
 * objects: at a million passages that is 110,000 objects, each with its hash string and boxed
 * modification time, that every full garbage collection of the thread that answers marks again
 * (docs/scaling.md, "Reloads off the event loop"); here a file is its name and a row of arrays.
 */
export class FilePrints implements ReadonlyMap<string, FileFingerprint> {
  private constructor(
    private readonly rows: ReadonlyMap<string, number>,
    private readonly sizes: Float64Array,
    private readonly mtimes: Float64Array,
    /** Each file's sha256 as 32 bytes; `hashed` says which files have one. */
    private readonly hashes: Buffer,
    private readonly hashed: Uint8Array,
    /** Hashes that are not 64 hex digits (a hand-edited file list), as written. */
    private readonly otherHashes: ReadonlyMap<number, string>,
  ) {}

  /** `files` as FilePrints, a few thousand at a step (src/steps.ts); FilePrints are returned as they are. */
  static *fromSteps(files: ReadonlyMap<string, FileFingerprint>): Steps<FilePrints> {
    if (files instanceof FilePrints) return files;
    const count = files.size;
    const rows = new Map<string, number>();
    const sizes = new Float64Array(count);
    const mtimes = new Float64Array(count);
    const hashes = Buffer.alloc(count * HASH_BYTES);
    const hashed = new Uint8Array(count);
    const otherHashes = new Map<number, string>();
    let row = 0;
    for (const [name, print] of files) {
      if (row % STEP === 0) yield;
      rows.set(name, row);
      sizes[row] = print.size;
      mtimes[row] = print.mtimeMs;
      if (print.hash !== null && SHA256_HEX.test(print.hash)) {
        hashes.write(print.hash, row * HASH_BYTES, HASH_BYTES, 'hex');
        hashed[row] = 1;
      } else if (print.hash !== null) otherHashes.set(row, print.hash);
      row++;
    }
    return new FilePrints(rows, sizes, mtimes, hashes, hashed, otherHashes);
  }

  get size(): number {
    return this.rows.size;
  }

  has(name: string): boolean {
    return this.rows.has(name);
  }

  get(name: string): FileFingerprint | undefined {
    const row = this.rows.get(name);
    return row === undefined ? undefined : this.print(row);
  }

  *entries(): MapIterator<[string, FileFingerprint]> {
    for (const [name, row] of this.rows) yield [name, this.print(row)];
  }

  keys(): MapIterator<string> {
    return this.rows.keys();
  }

  *values(): MapIterator<FileFingerprint> {
    for (const row of this.rows.values()) yield this.print(row);
  }

  [Symbol.iterator](): MapIterator<[string, FileFingerprint]> {
    return this.entries();
  }

  forEach(callback: (print: FileFingerprint, name: string, map: ReadonlyMap<string, FileFingerprint>) => void): void {
    for (const [name, print] of this.entries()) callback(print, name, this);
  }

  /**
   * `diffFingerprints(before, this)`, a few thousand files at a step (src/steps.ts), and without
   * making a fingerprint of each file when `before` is FilePrints too (every report after a
   * reload): at a million passages that was 220,000 objects and hex strings in one step of the
   * thread that answers, ~100 ms.
   */
  *changesSince(before: ReadonlyMap<string, FileFingerprint>): Steps<FileChanges> {
    if (!(before instanceof FilePrints)) return diffFingerprints(before, this);
    const added: string[] = [];
    const changed: string[] = [];
    let done = 0;
    for (const [name, row] of this.rows) {
      if (++done % STEP === 0) yield;
      const previous = before.rows.get(name);
      if (previous === undefined) added.push(name);
      else if (!this.sameRow(row, before, previous)) changed.push(name);
    }
    const removed: string[] = [];
    for (const name of before.rows.keys()) {
      if (++done % STEP === 0) yield;
      if (!this.rows.has(name)) removed.push(name);
    }
    return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
  }

  /** Whether this row and `other`'s row `otherRow` say the same content (as `sameContent`). */
  private sameRow(row: number, other: FilePrints, otherRow: number): boolean {
    if (!this.hashed[row] || !other.hashed[otherRow]) return sameContent(this.print(row), other.print(otherRow));
    const at = row * HASH_BYTES;
    const otherAt = otherRow * HASH_BYTES;
    return this.hashes.compare(other.hashes, otherAt, otherAt + HASH_BYTES, at, at + HASH_BYTES) === 0;
  }

  private print(row: number): FileFingerprint {
    const at = row * HASH_BYTES;
    return {
      size: this.sizes[row]!,
      mtimeMs: this.mtimes[row]!,
      hash: this.hashed[row] ? this.hashes.toString('hex', at, at + HASH_BYTES) : (this.otherHashes.get(row) ?? null),
    };
  }
}
