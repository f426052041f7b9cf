/**
 * A corpus and its compact index on disk, so a process starts by reading arrays instead of
 * re-reading, re-cleaning and re-indexing every article. At a million passages that is the
 * difference between seconds and minutes, and MiniSearch's JSON (464 MB there) is near V8's
 * 512 MiB string limit, so the format is binary.
 *
 * Layout (little-endian):
 *
 *     0   8  magic "DOSSIER\0"
 *     8   4  format version (INDEX_FILE_FORMAT_VERSION)
 *    12   4  header length in bytes
 *    16   8  file length in bytes (a shorter file is truncated)
 *    24  32  SHA-256 of every byte from 64 to the end
 *    56   8  zero
 *    64      header: JSON (fingerprint, analysis signature, counts, sources, section table, meta)
 *            sections, each 8-byte aligned: typed arrays as their bytes, texts as UTF-8 (or
 *            Latin-1 for ASCII passages, which decodes seven times faster)
 *
 * What is stored is everything a question needs: the passages (text, id, paragraph, section,
 * source), the sources, duplicate groups, load errors, and the index (terms, postings, lengths,
 * score bounds, written forms, initials). Reading builds the same `Corpus` and `SearchIndex`
 * objects a build makes, and no article file is opened.
 *
 * `writeIndexFile` writes a temporary file beside the target and renames it over the target, so a
 * crash mid-write leaves the previous snapshot whole. `readIndexFile` never throws: it returns the
 * snapshot or the reason it was not used (missing, stale, other version, corrupt, unreadable).
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PassageStore, StoredPassage } from '../corpus/storedPassage.ts';
import { sourceValueSharer } from '../corpus/sharedSourceValues.ts';
import type { Corpus, LoadError, Passage, Source } from '../corpus/types.ts';
import { CompactIndex, type CompactIndexData, type CompactIndexDerived } from './compact.ts';
import { SearchIndex } from './engine.ts';
import type { SpelledOut } from './lexicon.ts';
import { runSteps, type Steps } from '../steps.ts';
import { STOP_WORDS } from './stopwords.ts';
import { ANALYSIS_VERSION } from './analysisVersion.ts';

/** Bumped whenever the layout changes; a snapshot of another version is rebuilt, never misread. */
export const INDEX_FILE_FORMAT_VERSION = 1;

const MAGIC = Buffer.from('DOSSIER\0', 'latin1');
const FIXED_HEADER_BYTES = 64;
/** Texts are written and read in slices of about this many bytes. */
const CHUNK_BYTES = 16 * 1024 * 1024;

/** The signature of how passages are analyzed: part of every snapshot, compared on reading. */
const ANALYSIS_SIGNATURE: string = createHash('sha256')
  .update(JSON.stringify([ANALYSIS_VERSION, [...STOP_WORDS].sort()]))
  .digest('hex')
  .slice(0, 16);

/** What a snapshot holds: a corpus, its index, and the caller's own notes. */
export interface IndexFileContents {
  /**
   * Identifies the corpus the snapshot was built from (see `corpusFingerprint`): a reader that
   * expects another one gets `stale`.
   */
  readonly fingerprint: string;
  readonly corpus: Corpus;
  /** Must use the compact backend (the default of `SearchIndex.build`); only its corpus and backend are read. */
  readonly index: Pick<SearchIndex, 'corpus' | 'backend'>;
  /** Any JSON value, returned as is by `readIndexFile` (say, the fingerprints of the corpus files). */
  readonly meta?: unknown;
}

type SnapshotProblem = 'missing' | 'stale' | 'version' | 'corrupt' | 'unreadable';

export type IndexFileRead =
  | {
      readonly ok: true;
      readonly corpus: Corpus;
      readonly index: SearchIndex;
      readonly meta: unknown;
      readonly fingerprint: string;
      readonly createdAt: string;
      readonly bytes: number;
    }
  | {
      readonly ok: false;
      /**
       * - missing: no file at the path;
       * - stale: built from another corpus (fingerprint) or another analysis;
       * - version: another snapshot format (or byte order);
       * - corrupt: not a snapshot, truncated, or its checksum or structure does not hold;
       * - unreadable: the file exists but cannot be read (permissions, a folder, an I/O error).
       */
      readonly reason: SnapshotProblem;
      /** One line for the log, naming the file. */
      readonly message: string;
    };

/** A snapshot could not be written: the message says why; the previous snapshot, if any, is untouched. */
export class IndexFileWriteError extends Error {
  override readonly name = 'IndexFileWriteError';
}

/**
 * A fingerprint for `IndexFileContents.fingerprint` from whatever identifies a corpus: typically
 * its files (name, size, modification time or content hash) and the load options. Order of object
 * keys and of map entries does not matter.
 */
export function corpusFingerprint(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (value instanceof Map)
    return canonicalJson([...value].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0)));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

type SectionType = 'u8' | 'u16' | 'u32' | 'f64' | 'bytes';

interface SectionEntry {
  readonly name: string;
  readonly type: SectionType;
  readonly offset: number;
  readonly bytes: number;
}

/** What the JSON header holds. */
interface Header {
  readonly fingerprint: string;
  readonly analysis: string;
  readonly createdAt: string;
  readonly passages: number;
  readonly terms: number;
  readonly postings: number;
  readonly averageLength: number;
  /** Every source passages point at; `corpusSources` lists the corpus's own, by number (all, in order, when absent). */
  readonly sources: readonly Source[];
  readonly corpusSources?: readonly number[];
  readonly sections: readonly SectionEntry[];
  /** Passage number -> other sources carrying the paragraph (by number). */
  readonly alsoIn: ReadonlyArray<readonly [number, readonly number[]]>;
  /** Passage number -> its duplicate group's id. */
  readonly duplicateGroup: ReadonlyArray<readonly [number, string]>;
  readonly errors: readonly LoadError[];
  /** Section headings, by number (passageSection holds number + 1, 0 for none). */
  readonly sectionNames: readonly string[];
  /** Initials -> [terms joined by spaces, count]. */
  readonly initials: ReadonlyArray<readonly [string, string, number]>;
  /** Fields of passages beyond the known ones (passage number -> fields), and of the corpus: kept as JSON. */
  readonly passageExtras?: ReadonlyArray<readonly [number, Record<string, unknown>]>;
  readonly corpusExtras?: Record<string, unknown>;
  readonly meta?: unknown;
}

const PASSAGE_FIELDS = new Set(['id', 'text', 'paragraph', 'source', 'section']);
const CORPUS_FIELDS = new Set(['sources', 'passages', 'alsoIn', 'duplicateGroup', 'errors']);

/** A typed array as a snapshot section holds it. */
type SectionArray = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A section to write: its bytes, produced in pieces (texts are encoded as they are written) or all at once (`solid`). */
interface PendingSection {
  readonly name: string;
  readonly type: SectionType;
  readonly bytes: number;
  write(sink: (chunk: Uint8Array) => Promise<void>): Promise<void>;
  /** The section's bytes as one array (for a section of texts, encoded now). */
  solid(): SectionArray;
}

function arraySection(name: string, type: SectionType, array: SectionArray): PendingSection {
  return {
    name,
    type,
    bytes: array.byteLength,
    write: (sink) => sink(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
    solid: () => array,
  };
}

/** Strings as one blob (UTF-8, or Latin-1 where `ascii` says every character is ASCII) with their byte offsets. */
function stringsSection(
  name: string,
  count: number,
  at: (i: number) => string,
  ascii?: Uint8Array,
): { blob: PendingSection; offsets: Uint32Array | Float64Array } {
  let total = 0;
  const lengths = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const text = at(i);
    const bytes = ascii?.[i] ? text.length : Buffer.byteLength(text, 'utf8');
    lengths[i] = bytes;
    total += bytes;
  }
  // Offsets past 4 GiB need doubles; typed arrays cannot mix, so the blob picks one.
  const offsets = total < 2 ** 32 ? new Uint32Array(count + 1) : new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + lengths[i]!;
  const blob: PendingSection = {
    name,
    type: 'bytes',
    bytes: total,
    write: async (sink) => {
      let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      for (let i = 0; i < count; i++) {
        const length = lengths[i]!;
        if (used + length > buffer.length) {
          if (used > 0) await sink(buffer.subarray(0, used));
          used = 0;
          if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
          else buffer = Buffer.allocUnsafe(CHUNK_BYTES);
        }
        used += buffer.write(at(i), used, ascii?.[i] ? 'latin1' : 'utf8');
      }
      if (used > 0) await sink(buffer.subarray(0, used));
    },
    solid: () => {
      const bytes = new Uint8Array(total);
      const buffer = Buffer.from(bytes.buffer, 0, total);
      let used = 0;
      for (let i = 0; i < count; i++) used += buffer.write(at(i), used, ascii?.[i] ? 'latin1' : 'utf8');
      return bytes;
    },
  };
  return { blob, offsets };
}

/** A snapshot ready to write: its header but for the section table, and its sections in order. */
interface Encoded {
  readonly base: Omit<Header, 'sections'>;
  readonly pending: readonly PendingSection[];
}

/**
 * Writes the snapshot to `path` atomically: a temporary file beside it, flushed to disk, then
 * renamed over it. Returns the bytes written. Throws IndexFileWriteError (the old file stays).
 * `now` stamps `createdAt` (default: the clock).
 */
export async function writeIndexFile(
  path: string,
  contents: IndexFileContents,
  options: { readonly now?: () => Date } = {},
): Promise<{ bytes: number }> {
  return writeEncoded(path, encode(contents, options.now ?? (() => new Date())));
}

/** What a snapshot of `contents` holds, the texts still to be encoded. Throws IndexFileWriteError. */
function encode(contents: IndexFileContents, now: () => Date): Encoded {
  const backend = contents.index.backend;
  if (!(backend instanceof CompactIndex))
    throw new IndexFileWriteError(
      `Cannot snapshot a ${backend.name} index: only the compact index has a snapshot format.`,
    );
  if (contents.index.corpus !== contents.corpus)
    throw new IndexFileWriteError('The index given was not built from the corpus given.');
  if (endianness() !== 'LE') throw new IndexFileWriteError('Snapshots are little-endian; this machine is not.');
  const { corpus } = contents;
  const data = backend.data;
  const passages = corpus.passages;
  const count = passages.length;

  // Sources: the index's list (the corpus's, plus any a passage names that the list lacks).
  const sources = [...backend.sources];
  const sourceNumber = new Map<Source, number>(sources.map((source, i) => [source, i]));
  const numberOf = (source: Source): number => {
    let n = sourceNumber.get(source);
    if (n === undefined) {
      sourceNumber.set(source, (n = sources.length));
      sources.push(source);
    }
    return n;
  };
  const corpusSources = corpus.sources.map(numberOf);
  const inOrder = corpusSources.length === sources.length && corpusSources.every((n, i) => n === i);

  const sectionNames: string[] = [];
  const sectionNumber = new Map<string, number>();
  const passageSection = new Uint32Array(count);
  const paragraph = new Uint32Array(count);
  const ascii = new Uint8Array(count);
  const alsoIn: Array<[number, number[]]> = [];
  const duplicateGroup: Array<[number, string]> = [];
  const passageExtras: Array<[number, Record<string, unknown>]> = [];
  passages.forEach((passage, i) => {
    if (passage.section !== null) {
      let n = sectionNumber.get(passage.section);
      if (n === undefined) {
        sectionNumber.set(passage.section, (n = sectionNames.length));
        sectionNames.push(passage.section);
      }
      passageSection[i] = n + 1;
    }
    paragraph[i] = passage.paragraph;
    ascii[i] = /^[\x00-\x7f]*$/.test(passage.text) ? 1 : 0;
    const others = corpus.alsoIn.get(passage.id);
    if (others) alsoIn.push([i, others.map(numberOf)]);
    const group = corpus.duplicateGroup.get(passage.id);
    if (group !== undefined) duplicateGroup.push([i, group]);
    const extra = Object.entries(passage).filter(([key]) => !PASSAGE_FIELDS.has(key));
    if (extra.length > 0) passageExtras.push([i, Object.fromEntries(extra)]);
  });
  const corpusExtra = Object.entries(corpus).filter(([key]) => !CORPUS_FIELDS.has(key));

  const texts = stringsSection('texts', count, (i) => passages[i]!.text, ascii);
  const ids = stringsSection('ids', count, (i) => passages[i]!.id);
  const terms = stringsSection('terms', data.terms.length, (i) => data.terms[i]!);
  const forms = stringsSection('forms', data.forms.length, (i) => data.forms[i]!);
  const offsetType = (offsets: Uint32Array | Float64Array) =>
    (offsets instanceof Uint32Array ? 'u32' : 'f64') as 'u32' | 'f64';
  const pending: PendingSection[] = [
    texts.blob,
    arraySection('textOffsets', offsetType(texts.offsets), texts.offsets),
    arraySection('textAscii', 'u8', ascii),
    ids.blob,
    arraySection('idOffsets', offsetType(ids.offsets), ids.offsets),
    arraySection('paragraph', 'u32', paragraph),
    arraySection('passageSection', 'u32', passageSection),
    arraySection('passageSource', 'u32', data.passageSource),
    arraySection('passageLength', 'u32', data.passageLength),
    terms.blob,
    arraySection('termOffsets', offsetType(terms.offsets), terms.offsets),
    forms.blob,
    arraySection('formOffsets', offsetType(forms.offsets), forms.offsets),
    arraySection('postingStart', 'u32', data.postingStart),
    arraySection('postingDocs', 'u32', data.postingDocs),
    arraySection('postingCounts', 'u16', data.postingCounts),
    arraySection('termScoreMax', 'f64', data.termScoreMax),
  ];

  const base = {
    fingerprint: contents.fingerprint,
    analysis: ANALYSIS_SIGNATURE,
    createdAt: now().toISOString(),
    passages: count,
    terms: data.terms.length,
    postings: data.postingDocs.length,
    averageLength: data.averageLength,
    sources,
    ...(inOrder ? {} : { corpusSources }),
    alsoIn,
    duplicateGroup,
    errors: corpus.errors,
    sectionNames,
    initials: [...data.initials].map(
      ([initials, spelled]) => [initials, spelled.terms.join(' '), spelled.count] as const,
    ),
    ...(passageExtras.length > 0 ? { passageExtras } : {}),
    ...(corpusExtra.length > 0 ? { corpusExtras: Object.fromEntries(corpusExtra) } : {}),
    ...(contents.meta === undefined ? {} : { meta: contents.meta }),
  };
  return { base, pending };
}

async function writeEncoded(path: string, { base, pending }: Encoded): Promise<{ bytes: number }> {
  // The header names each section's offset, which depends on the header's own length: lay the
  // sections out after a header that reserves room for its offsets, then pad the header to it.
  const sections: SectionEntry[] = [];
  let headerBytes = Buffer.byteLength(
    JSON.stringify({
      ...base,
      sections: pending.map((s) => ({ name: s.name, type: s.type, offset: Number.MAX_SAFE_INTEGER, bytes: s.bytes })),
    }),
  );
  headerBytes = align(headerBytes);
  let offset = FIXED_HEADER_BYTES + headerBytes;
  for (const section of pending) {
    sections.push({ name: section.name, type: section.type, offset, bytes: section.bytes });
    offset = align(offset + section.bytes);
  }
  const fileBytes = offset;
  const headerJson = Buffer.alloc(headerBytes, 0x20);
  headerJson.write(JSON.stringify({ ...base, sections } satisfies Header));

  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o644);
    const file = handle;
    const hash = createHash('sha256');
    let position = FIXED_HEADER_BYTES;
    const sink = async (chunk: Uint8Array): Promise<void> => {
      hash.update(chunk);
      await writeFully(file, chunk, position);
      position += chunk.byteLength;
    };
    await sink(headerJson);
    for (let i = 0; i < pending.length; i++) {
      await sink(new Uint8Array(sections[i]!.offset - position));
      await pending[i]!.write(sink);
    }
    await sink(new Uint8Array(fileBytes - position));
    await writeFully(file, fixedHeader(headerBytes, fileBytes, hash), 0);
    await file.sync();
    await file.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new IndexFileWriteError(`Could not write the snapshot ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // The rename is durable once the folder is flushed too (not every platform can open a folder).
  try {
    const folder = await open(dirname(path), 'r');
    await folder.sync().finally(() => folder.close());
  } catch {
    // Best effort.
  }
  return { bytes: fileBytes };
}

/**
 * The header's lists that grow with the corpus. A packed snapshot hands each over as JSON in pieces,
 * so the thread that unpacks it parses one piece per slice of work, never all of them at once.
 */
const TABLES = [
  'sources',
  'corpusSources',
  'alsoIn',
  'duplicateGroup',
  'errors',
  'sectionNames',
  'initials',
  'passageExtras',
] as const;
type TableName = (typeof TABLES)[number];

/** About this many bytes of JSON in a piece of a table (a millisecond to parse). */
const PIECE_BYTES = 64 * 1024;

/**
 * A snapshot in memory, as a worker thread hands it to the thread that answers: the sections are
 * typed arrays to transfer (moved, not copied), the header's long lists are UTF-8 JSON in pieces
 * (transferred too), and what is left of the header is a few small fields. It holds everything
 * `writeIndexFile` writes but `meta`: the sender hands over its own notes.
 */
export interface PackedIndexFile {
  readonly header: Readonly<Record<string, unknown>>;
  readonly tables: { readonly [K in TableName]?: readonly Uint8Array[] };
  readonly sections: Readonly<Record<string, SectionArray>>;
  /** What the index derived from its arrays (not in the file: a reader derives it again). */
  readonly derived: CompactIndexDerived;
}

/** A snapshot laid out in memory, to write and to hand over to another thread. */
export interface IndexFileImage {
  readonly packed: PackedIndexFile;
  /** Writes the snapshot at `path` exactly as `writeIndexFile` would. Before posting `packed`, which moves its buffers away. */
  write(path: string): Promise<{ bytes: number }>;
}

/** Lays the snapshot of `contents` out in memory (texts encoded once, for the file and the handover). Throws IndexFileWriteError. */
export function packIndexFile(
  contents: IndexFileContents,
  options: { readonly now?: () => Date } = {},
): IndexFileImage {
  const { base, pending } = encode(contents, options.now ?? (() => new Date()));
  const solid = pending.map((section) => arraySection(section.name, section.type, section.solid()));
  const sections: Record<string, SectionArray> = {};
  for (const section of solid) sections[section.name] = section.solid();
  const header: Record<string, unknown> = { ...base };
  delete header.meta;
  const tables: { [K in TableName]?: Uint8Array[] } = {};
  for (const name of TABLES) {
    const table = header[name] as readonly unknown[] | undefined;
    delete header[name];
    if (table !== undefined) tables[name] = jsonPieces(table);
  }
  // encode() checked that the backend is a compact index.
  const { derived } = contents.index.backend as CompactIndex;
  return {
    packed: { header, tables, sections, derived },
    write: (path) => writeEncoded(path, { base, pending: solid }),
  };
}

/**
 * The live corpus of the thread that unpacks: a source or passage of the snapshot equal to one of
 * its own (same id and every field, the text byte for byte) is its object, not a new one (a live
 * passage, a stored one, then reads from the new snapshot's bytes: corpus/storedPassage.ts). A reload
 * after a few articles changed then allocates next to nothing for the rest: a million new passages
 * would keep the garbage collector busy, and the thread that answers pausing, for seconds.
 */
export interface Reuse {
  readonly passage: (id: string) => Passage | undefined;
  readonly source: (id: string) => Source | undefined;
  /**
   * The live compact index's terms and their written forms, each list sorted as the index sorts
   * them: a term of the snapshot spelled as a live one is the live string (at a million passages,
   * a million strings this thread need not make, nor collect the old ones of).
   */
  readonly vocabulary?: Pick<CompactIndexData, 'terms' | 'forms'>;
}

/** The corpus and index of a packed snapshot, assembled a slice at a time (steps.ts): what the answering thread runs. */
export function* unpackIndexFile(
  packed: PackedIndexFile,
  reuse?: Reuse,
): Steps<{ corpus: Corpus; index: SearchIndex }> {
  const header: Record<string, unknown> = { ...packed.header, sections: [] };
  const share = sourceValueSharer();
  for (const name of TABLES) {
    const pieces = packed.tables[name];
    if (!pieces) continue;
    // Sources equal to live ones are the live objects (see `Reuse`), taken piece by piece: the
    // copies just parsed die young, which costs the garbage collector little.
    header[name] = yield* parseJsonPieces(
      pieces,
      name === 'sources' ? (source: Source) => keptOrShared(source, reuse, share) : undefined,
    );
  }
  return yield* assemble(header as unknown as Header, new Map(Object.entries(packed.sections)), reuse, packed.derived);
}

/** The live source equal to `source` (same id and every field), else `source` with its repeated values shared: a live one is not copied. */
function keptOrShared(source: Source, reuse: Reuse | undefined, share: (source: Source) => Source): Source {
  const live = reuse?.source(source.id);
  return live && sameJson(live, source) ? live : share(source);
}

/** Whether two JSON-like values are equal (a key whose value is undefined counts as absent, as in JSON). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return false;
  const keys = (value: object) =>
    Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const [ka, kb] = [keys(a), keys(b)];
  return (
    ka.length === kb.length &&
    ka.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** `items` as JSON arrays of about `pieceBytes` each, UTF-8 (each its own buffer, to transfer); `parseJsonPieces` reads them back. */
export function jsonPieces(items: readonly unknown[], pieceBytes = PIECE_BYTES): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    pieces.push(utf8Encoder.encode(`[${parts.join(',')}]`));
    parts = [];
    size = 0;
  };
  for (const item of items) {
    const json = JSON.stringify(item) ?? 'null';
    parts.push(json);
    size += json.length;
    if (size >= pieceBytes) flush();
  }
  if (parts.length > 0) flush();
  return pieces;
}

/** The items `jsonPieces` wrote (each through `map`, when given), one piece per step. */
export function* parseJsonPieces<T = unknown, U = T>(pieces: readonly Uint8Array[], map?: (item: T) => U): Steps<U[]> {
  const items: U[] = [];
  for (const piece of pieces) {
    for (const item of JSON.parse(utf8Decoder.decode(piece)) as T[])
      items.push(map ? map(item) : (item as unknown as U));
    yield;
  }
  return items;
}

function align(value: number): number {
  return Math.ceil(value / 8) * 8;
}

function fixedHeader(headerBytes: number, fileBytes: number, hash: Hash): Buffer {
  const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt32LE(INDEX_FILE_FORMAT_VERSION, 8);
  fixed.writeUInt32LE(headerBytes, 12);
  fixed.writeBigUInt64LE(BigInt(fileBytes), 16);
  hash.digest().copy(fixed, 24);
  return fixed;
}

async function writeFully(file: FileHandle, chunk: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < chunk.byteLength; ) {
    const { bytesWritten } = await file.write(chunk, done, chunk.byteLength - done, position + done);
    done += bytesWritten;
  }
}

async function readFully(file: FileHandle, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.byteLength; ) {
    const { bytesRead } = await file.read(into, done, into.byteLength - done, position + done);
    if (bytesRead === 0) throw new CorruptSnapshot('the file ends early');
    done += bytesRead;
  }
}

/** A structural problem found while reading: becomes `corrupt`. */
class CorruptSnapshot extends Error {}

/**
 * Reads the snapshot at `path` if it was built from the corpus `expectedFingerprint` names, under
 * this version of the format and of the analysis. Never throws: when the snapshot cannot be used
 * the result says why, and the caller builds from the articles instead (and may write a new one).
 */
export async function readIndexFile(path: string, expectedFingerprint: string): Promise<IndexFileRead> {
  const fail = (reason: SnapshotProblem, why: string): IndexFileRead => ({
    ok: false,
    reason,
    message: `Snapshot ${path} not used: ${why}.`,
  });
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', 'there is no such file');
    return fail('unreadable', `it cannot be opened (${code ?? (error as Error).message})`);
  }
  try {
    let stats: Stats;
    try {
      stats = await file.stat();
    } catch (error) {
      return fail(
        'unreadable',
        `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    if (!stats.isFile()) return fail('unreadable', 'it is not a file');
    if (stats.size < FIXED_HEADER_BYTES)
      return fail('corrupt', `it is too short to be a snapshot (${stats.size} bytes)`);
    const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
    await readFully(file, fixed, 0);
    if (!fixed.subarray(0, MAGIC.length).equals(MAGIC)) return fail('corrupt', 'it is not a Dossier snapshot');
    const version = fixed.readUInt32LE(8);
    if (version !== INDEX_FILE_FORMAT_VERSION)
      return fail('version', `it has format version ${version}, this Dossier reads ${INDEX_FILE_FORMAT_VERSION}`);
    if (endianness() !== 'LE') return fail('version', 'snapshots are little-endian and this machine is not');
    const headerBytes = fixed.readUInt32LE(12);
    const fileBytes = Number(fixed.readBigUInt64LE(16));
    if (stats.size < fileBytes) return fail('corrupt', `it is truncated (${stats.size} of ${fileBytes} bytes)`);
    if (stats.size > fileBytes) return fail('corrupt', `it has ${stats.size - fileBytes} bytes more than it should`);
    if (FIXED_HEADER_BYTES + headerBytes > fileBytes) return fail('corrupt', 'its header is longer than the file');

    const hash = createHash('sha256');
    const headerBuffer = Buffer.alloc(headerBytes);
    await readFully(file, headerBuffer, FIXED_HEADER_BYTES);
    hash.update(headerBuffer);
    let header: Header;
    try {
      header = JSON.parse(headerBuffer.toString('utf8')) as Header;
    } catch {
      return fail('corrupt', 'its header is not valid JSON');
    }
    if (typeof header !== 'object' || header === null || !Array.isArray(header.sections))
      return fail('corrupt', 'its header lacks the section table');
    if (header.analysis !== ANALYSIS_SIGNATURE)
      return fail('stale', 'it was indexed with another analysis (stop words, aliases or stemming changed)');
    if (header.fingerprint !== expectedFingerprint) return fail('stale', 'it was built from another corpus');
    // After the checks: a stale snapshot's sources are not kept, so not worth sharing.
    if (Array.isArray(header.sources)) header = { ...header, sources: header.sources.map(sourceValueSharer()) };

    const arrays = new Map<string, SectionArray>();
    let position = FIXED_HEADER_BYTES + headerBytes;
    for (const section of header.sections) {
      if (section.offset < position || section.offset + section.bytes > fileBytes)
        throw new CorruptSnapshot(`section ${section.name} lies outside the file`);
      if (section.offset > position) {
        const padding = Buffer.alloc(section.offset - position);
        await readFully(file, padding, position);
        hash.update(padding);
      }
      const array = allocate(section);
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
        const chunk = bytes.subarray(at, Math.min(bytes.byteLength, at + CHUNK_BYTES));
        await readFully(file, chunk, section.offset + at);
        hash.update(chunk);
      }
      arrays.set(section.name, array);
      position = section.offset + section.bytes;
    }
    if (position < fileBytes) {
      const tail = Buffer.alloc(fileBytes - position);
      await readFully(file, tail, position);
      hash.update(tail);
    }
    if (!hash.digest().equals(fixed.subarray(24, 56)))
      return fail('corrupt', 'its checksum does not match (the file was damaged)');
    const { corpus, index } = runSteps(assemble(header, arrays));
    return {
      ok: true,
      corpus,
      index,
      meta: header.meta,
      fingerprint: header.fingerprint,
      createdAt: header.createdAt,
      bytes: fileBytes,
    };
  } catch (error) {
    if (error instanceof CorruptSnapshot) return fail('corrupt', error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return fail('unreadable', `reading it failed (${code})`);
    return fail('corrupt', `its contents do not hold together (${(error as Error).message})`);
  } finally {
    await file.close().catch(() => undefined);
  }
}

function allocate(section: SectionEntry): Uint8Array | Uint16Array | Uint32Array | Float64Array {
  const { type, bytes, name } = section;
  const size = { u8: 1, bytes: 1, u16: 2, u32: 4, f64: 8 }[type];
  if (size === undefined || !Number.isSafeInteger(bytes) || bytes < 0 || bytes % size !== 0)
    throw new CorruptSnapshot(`section ${name} has a bad type or size`);
  switch (type) {
    case 'u16':
      return new Uint16Array(bytes / 2);
    case 'u32':
      return new Uint32Array(bytes / 4);
    case 'f64':
      return new Float64Array(bytes / 8);
    default:
      return new Uint8Array(bytes);
  }
}

/** Passages (or terms, or table entries) assembled between two steps of `assemble`: well under a millisecond's work. */
const ASSEMBLE_STEP = 500;

/**
 * Builds the corpus and the index from the header and the sections, checking that they fit
 * together; in steps (steps.ts), so a thread that answers meanwhile can give the event loop turns.
 */
function* assemble(
  header: Header,
  arrays: ReadonlyMap<string, SectionArray>,
  reuse?: Reuse,
  derived?: CompactIndexDerived,
): Steps<{ corpus: Corpus; index: SearchIndex }> {
  const get = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
    name: string,
    kind: new (...args: never[]) => T,
    length?: number,
  ): T => {
    const array = arrays.get(name);
    if (!(array instanceof kind)) throw new CorruptSnapshot(`section ${name} is missing or of the wrong type`);
    if (length !== undefined && array.length !== length)
      throw new CorruptSnapshot(`section ${name} has ${array.length} entries, not ${length}`);
    return array;
  };
  const offsets = (name: string, length: number): Uint32Array | Float64Array => {
    const array = arrays.get(name);
    if (!(array instanceof Uint32Array || array instanceof Float64Array) || array.length !== length + 1)
      throw new CorruptSnapshot(`section ${name} is missing or has the wrong length`);
    return array;
  };
  const count = header.passages;
  const termCount = header.terms;
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(termCount))
    throw new CorruptSnapshot('the passage or term count is not a number');
  const texts = get('texts', Uint8Array);
  const textOffsets = offsets('textOffsets', count);
  const ascii = get('textAscii', Uint8Array, count);
  const ids = get('ids', Uint8Array);
  const idOffsets = offsets('idOffsets', count);
  const paragraph = get('paragraph', Uint32Array, count);
  const passageSection = get('passageSection', Uint32Array, count);
  const passageSource = get('passageSource', Uint32Array, count);
  const passageLength = get('passageLength', Uint32Array, count);
  const termBlob = get('terms', Uint8Array);
  const termOffsets = offsets('termOffsets', termCount);
  const formBlob = get('forms', Uint8Array);
  const formOffsets = offsets('formOffsets', termCount);
  const postingStart = get('postingStart', Uint32Array, termCount + 1);
  const postingDocs = get('postingDocs', Uint32Array, header.postings);
  const postingCounts = get('postingCounts', Uint16Array, header.postings);
  const termScoreMax = get('termScoreMax', Float64Array, termCount);
  if (postingStart[termCount] !== header.postings) throw new CorruptSnapshot('the postings do not add up');
  for (const [blob, list, what] of [
    [texts, textOffsets, 'texts'],
    [ids, idOffsets, 'ids'],
    [termBlob, termOffsets, 'terms'],
    [formBlob, formOffsets, 'forms'],
  ] as const) {
    if (list[list.length - 1] !== blob.byteLength) throw new CorruptSnapshot(`the ${what} do not add up`);
  }

  if (!Array.isArray(header.sources)) throw new CorruptSnapshot('the header lacks the sources');
  const sources = header.sources;
  const sourceAt = (n: number): Source => {
    const source = sources[n];
    if (!source) throw new CorruptSnapshot(`source ${n} does not exist`);
    return source;
  };
  const store = new PassageStore(
    Buffer.from(texts.buffer, texts.byteOffset, texts.byteLength),
    textOffsets,
    ascii,
    Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength),
    idOffsets,
  );
  const sectionNames = header.sectionNames;
  /** Compares a live string, in UTF-8, with the bytes from `start` to `end`, as Buffer#compare does, allocating nothing. */
  let scratch = Buffer.alloc(0);
  const compareBytes = (live: string, buffer: Buffer, start: number, end: number): number => {
    // Room for the bytes and one character more (4 bytes at most), so a longer string never compares as equal;
    // a UTF-16 unit takes 3 bytes at most, so a shorter string is written whole.
    const room = Math.min(3 * live.length, end - start + 4);
    if (scratch.length < room) scratch = Buffer.allocUnsafe(2 * room + 4);
    const written = scratch.write(live, 0, room, 'utf8');
    return scratch.compare(buffer, start, end, 0, written);
  };
  /**
   * The live passage with passage `n`'s id, when it is the same in every field (its text compared
   * byte for byte), moved to this store (see `StoredPassage.moveTo`).
   */
  const takenOver = (
    n: number,
    source: Source,
    paragraphNumber: number,
    section: string | null,
  ): Passage | undefined => {
    const live = reuse?.passage(store.id(n));
    return live &&
      live.source === source &&
      live.paragraph === paragraphNumber &&
      live.section === section &&
      StoredPassage.moveTo(live, store, n)
      ? live
      : undefined;
  };
  const passages: Passage[] = new Array<Passage>(count);
  for (let i = 0; i < count; i++) {
    if (i % ASSEMBLE_STEP === 0) yield;
    const source = sourceAt(passageSource[i]!);
    const sectionNumber = passageSection[i]!;
    const section = sectionNumber === 0 ? null : (sectionNames[sectionNumber - 1] ?? null);
    passages[i] =
      (reuse && takenOver(i, source, paragraph[i]!, section)) ||
      new StoredPassage(store, i, paragraph[i]!, source, section);
  }
  yield;
  for (const [n, fields] of header.passageExtras ?? []) passages[n] = { ...passages[n]!, ...fields };
  const alsoIn = new Map<string, readonly Source[]>();
  for (const [k, [n, others]] of header.alsoIn.entries()) {
    if (k % ASSEMBLE_STEP === 0) yield;
    alsoIn.set(passages[n]!.id, others.map(sourceAt));
  }
  const duplicateGroup = new Map<string, string>();
  for (const [k, [n, group]] of header.duplicateGroup.entries()) {
    if (k % ASSEMBLE_STEP === 0) yield;
    duplicateGroup.set(passages[n]!.id, group);
  }
  yield;
  const corpusSources = header.corpusSources ? header.corpusSources.map(sourceAt) : sources;
  const corpus: Corpus = {
    ...(header.corpusExtras ?? {}),
    sources: corpusSources,
    passages,
    alsoIn,
    duplicateGroup,
    errors: header.errors,
  };

  const termBuffer = Buffer.from(termBlob.buffer, termBlob.byteOffset, termBlob.byteLength);
  const formBuffer = Buffer.from(formBlob.buffer, formBlob.byteOffset, formBlob.byteLength);
  const terms = new Array<string>(termCount);
  const forms = new Array<string>(termCount);
  const live = reuse?.vocabulary;
  // Both lists sorted, the live one is walked beside this one. (Terms sort by UTF-16 units, bytes by
  // code points: where the two orders differ, a term may miss its live twin and be made anew.)
  let next = 0;
  for (let t = 0; t < termCount; t++) {
    if (t % ASSEMBLE_STEP === 0) yield;
    const [start, end] = [termOffsets[t]!, termOffsets[t + 1]!];
    let order = 1;
    while (live && next < live.terms.length && (order = compareBytes(live.terms[next]!, termBuffer, start, end)) < 0)
      next++;
    const twin = live && order === 0 ? next++ : -1;
    terms[t] = twin >= 0 ? live!.terms[twin]! : termBuffer.toString('utf8', start, end);
    const [formStart, formEnd] = [formOffsets[t]!, formOffsets[t + 1]!];
    // Most words are written as their term is spelled ("embassy"): then the form is the term's string, not a second one.
    forms[t] =
      twin >= 0 && compareBytes(live!.forms[twin]!, formBuffer, formStart, formEnd) === 0
        ? live!.forms[twin]!
        : formBuffer.compare(termBuffer, start, end, formStart, formEnd) === 0
          ? terms[t]!
          : formBuffer.toString('utf8', formStart, formEnd);
  }
  const initials = new Map<string, SpelledOut>();
  for (const [k, [key, spelled, n]] of header.initials.entries()) {
    if (k % ASSEMBLE_STEP === 0) yield;
    initials.set(key, { terms: spelled.split(' '), count: n });
  }
  const data: CompactIndexData = {
    passageCount: count,
    averageLength: header.averageLength,
    terms,
    postingStart,
    postingDocs,
    postingCounts,
    termScoreMax,
    passageLength,
    passageSource,
    forms,
    initials,
  };
  for (let i = 0; i < count; i++) {
    if (i % (ASSEMBLE_STEP * 50) === 0) yield;
    if (passageSource[i]! >= sources.length)
      throw new CorruptSnapshot(`passage ${i} names a source that does not exist`);
  }
  yield;
  const fits = derived && derived.lengths.length === count && derived.continues.length === (count + 31) >>> 5;
  const backend = fits ? new CompactIndex(data, sources, derived) : new CompactIndex(data, sources);
  yield;
  return { corpus, index: new SearchIndex(corpus, backend) };
}
