import { readdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../errors.ts';
import { buildArticle, type Article } from './article.ts';
import { identityOf, sameWhat, settleSourceIds } from './sourceIds.ts';
import {
  MAX_NAME_BYTES,
  checkFileName,
  checkPlainName,
  normalName,
  readRegularFile,
  sha256,
  stemOf,
  writeFileAtomic,
} from './files.ts';
import { FormatError, SUPPORTED_EXTENSIONS, formatFor } from './formats/index.ts';
import { canonicalText } from './ids.ts';
import { journaled } from './journal.ts';
import { NO_TEXT_LEFT, decodeText, sizeProblem } from './load.ts';
import { SIDECAR_SUFFIX, parseSidecar, sidecarNameFor, sidecarSchema, type Sidecar } from './sidecar.ts';
import type { Corpus, Source } from './types.ts';

/**
 * The changes a moderator makes to the corpus folder: add an article, replace one, remove a file,
 * correct metadata. Each validates everything first (decode, parse, clean, build the article, check
 * for duplicates) and writes only when all is well, atomically, so a refusal changes nothing on
 * disk. They do not rebuild the index: the caller runs them inside `Library.edit`, which rebuilds
 * right after, with no other change in between.
 */

/** Metadata a moderator may state for an article; each goes into its sidecar. */
export const META_FIELDS = ['title', 'outlet', 'date', 'url', 'author'] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** `/corpus meta … value`: "unknown" (or "null") states the field is unknown; "reset" drops the correction, so the text decides again. */
const UNKNOWN_VALUES: readonly string[] = ['unknown', 'null'];
const RESET_VALUE = 'reset';

export interface Upload {
  /** The name to save it under (the uploaded file's name unless the moderator chose one). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Metadata given with the upload; it goes into the article's sidecar. */
  readonly meta?: Partial<Record<MetaField, string>>;
}

export interface EditLimits {
  readonly maxArticleBytes: number;
}

/** What an edit did, for the reply and the audit line. */
export interface EditOutcome {
  /** The article (or other) file the edit is about, as it is named now. */
  readonly file: string;
  /** Files written or deleted, in order. */
  readonly wrote: readonly string[];
  readonly deleted: readonly string[];
  /** One sentence for the moderator. */
  readonly summary: string;
}

/** An article ready to write: checked in every way the loader would check it, and more. */
interface Prepared {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly article: Article;
  /** The sidecar to write, or null when the article needs none. */
  readonly sidecar: Sidecar | null;
}

function describeSource(source: Source, why?: string): string {
  return `“${source.title}” (${source.file}, id ${source.id}${why ? `; ${why}` : ''})`;
}

/** The format for a file name, or an InputError naming the types Dossier reads. */
function formatOf(file: string) {
  const format = file.toLowerCase().endsWith(SIDECAR_SUFFIX) ? undefined : formatFor(file);
  if (!format)
    throw new InputError(
      'unsupported_type',
      `"${file}" has an unsupported type; articles are ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    );
  return format;
}

/** A sidecar as read: its values and its text as it was (put back if an edit does not complete). */
interface ReadSidecar {
  readonly sidecar: Sidecar;
  readonly text: string;
}

/**
 * Reads the sidecar beside an article, if there is one; a malformed one is refused (it would be
 * overwritten), and so is one that is not a regular file (a link is never followed, a FIFO never read).
 */
async function readSidecar(dir: string, file: string, limits: EditLimits): Promise<ReadSidecar | null> {
  const name = sidecarNameFor(file);
  const read = await readRegularFile(join(dir, name), limits.maxArticleBytes, () => 'is too large to be metadata');
  if (!read.ok) {
    if (read.problem === 'missing') return null;
    throw new InputError('bad_sidecar', `${name} ${read.reason}; fix or remove it first.`);
  }
  const refuse = (problem: string) =>
    new InputError('bad_sidecar', `${name} ${problem}; fix or remove it first, so no correction in it is lost.`);
  const decoded = decodeText(read.bytes);
  if ('error' in decoded) throw refuse(decoded.error);
  const parsed = parseSidecar(decoded.text);
  if ('error' in parsed) throw refuse(parsed.error);
  return { sidecar: parsed.sidecar, text: decoded.text };
}

/** An article file's bytes, read as the loader reads them (a regular file, never through a link). */
async function readArticle(dir: string, file: string, limits: EditLimits): Promise<Buffer> {
  const read = await readRegularFile(
    join(dir, file),
    limits.maxArticleBytes,
    (size) => sizeProblem(size, limits.maxArticleBytes)!,
  );
  if (read.ok) return read.bytes;
  if (read.problem === 'missing')
    throw new InputError(
      'unknown_source',
      `${file} is no longer in the corpus folder; /corpus reload to refresh the list.`,
    );
  throw new InputError('bad_file', `${file} ${read.reason}.`);
}

/** A file name for an article: a plain name (checkFileName) whose sidecar name fits too. */
function checkArticleName(name: string, dir: string): string {
  const file = checkFileName(name, dir);
  const sidecar = sidecarNameFor(file);
  const bytes = Buffer.byteLength(sidecar);
  if (bytes > MAX_NAME_BYTES)
    throw new InputError(
      'bad_name',
      `The file name is too long: its metadata file ${sidecar} would be ${bytes} bytes in UTF-8, and the limit is ${MAX_NAME_BYTES}. Choose a shorter name.`,
    );
  return file;
}

/**
 * Refuses a new article name that the folder already has in some form: the name itself (a link
 * too), the same name in other Unicode characters (NFC and NFD forms of "café" look the same), or
 * another article with the same stem, which would share its sidecar (X.txt and X.md both use
 * X.meta.json). `replacing` is the article being replaced, which may share its stem.
 */
async function refuseNameClash(
  dir: string,
  file: string,
  replacing: string | null,
  action: 'add' | 'replace',
): Promise<void> {
  const stem = normalName(stemOf(file));
  for (const other of await readdir(dir)) {
    if (other === replacing || other.startsWith('.')) continue;
    if (other === file) {
      throw new InputError(
        'duplicate',
        action === 'add'
          ? `"${file}" is already in the corpus folder. To change it, use /corpus replace; to keep both, give the new one another name.`
          : `"${file}" is already in the corpus folder, so ${replacing} cannot become it; remove it first.`,
      );
    }
    if (normalName(other) === file) {
      // Shown by code point: printed as is, the two names look exactly alike.
      const shown = other.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      throw new InputError(
        'duplicate',
        `"${file}" is already in the corpus folder as "${shown}", the same name in other Unicode code points; use that file, or give the new one another name.`,
      );
    }
    if (!other.endsWith(SIDECAR_SUFFIX) && formatFor(other) && normalName(stemOf(other)) === stem) {
      throw new InputError(
        'duplicate',
        `"${file}" would share its metadata file ${sidecarNameFor(file)} with ${other}, which is in the corpus folder; give it another name${action === 'add' ? `, or use /corpus replace to change ${other}` : ''}.`,
      );
    }
  }
}

/** The sidecar after applying a moderator's values, validated as the loader would. */
function withMeta(sidecar: Sidecar | null, meta: Partial<Record<MetaField, string | null>>, label: string): Sidecar {
  const merged: Record<string, unknown> = { ...(sidecar ?? {}) };
  for (const [field, value] of Object.entries(meta)) {
    if (value === undefined) continue;
    if (value === RESET_VALUE) delete merged[field];
    else merged[field] = value;
  }
  const parsed = sidecarSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const value = merged[field];
    throw new InputError(
      'bad_option',
      `${label} ${field} ${value === null ? 'cannot be unknown (use "reset" to take it from the text)' : `"${String(value)}" is not valid: ${issue.message}`}.`,
    );
  }
  return parsed.data;
}

function wholeText(article: Pick<Article, 'passages'>): string {
  return article.passages.map((passage) => canonicalText(passage.text)).join('\n');
}

/**
 * Decodes, parses, cleans and builds an upload as the loader would, then checks it is not an
 * article the corpus already has (same source id, or the same text). `replacing` is left out of
 * those comparisons.
 */
function prepare(
  file: string,
  bytes: Uint8Array,
  sidecar: Sidecar | null,
  corpus: Corpus,
  limits: EditLimits,
  replacing: Source | null,
): Prepared {
  const format = formatOf(file);
  const tooLarge = sizeProblem(bytes.byteLength, limits.maxArticleBytes);
  if (tooLarge) throw new InputError('too_large', `"${file}" ${tooLarge}.`);
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new InputError('bad_file', `"${file}" ${decoded.error}.`);
  let article: Article | null;
  try {
    article = buildArticle(file, format.parse(decoded.text), sidecar ?? undefined);
  } catch (error) {
    if (error instanceof FormatError) throw new InputError('bad_file', `"${file}" ${error.message}.`);
    throw error;
  }
  if (!article) throw new InputError('bad_file', `"${file}" ${NO_TEXT_LEFT}.`);
  const others = corpus.sources.filter((source) => source.id !== replacing?.id);
  const same =
    article.identity === null
      ? others.find((source) => source.id === article!.source.id)
      : others.find((source) => identityOf(source) === article!.identity);
  if (same)
    throw new InputError(
      'duplicate',
      `"${file}" is the same article as ${describeSource(same, sameWhat(article))}. To change that article, use /corpus replace.`,
    );
  // Another article with the same six-digit id: the id it will have once loaded beside it.
  const clash = others.find((source) => source.id === article!.source.id);
  if (clash)
    article = settleSourceIds([{ source: clash, passages: [], identity: identityOf(clash) }, article]).articles[1]!;
  const text = wholeText(article);
  // Only articles that begin with the same paragraph can have the same text (a scan per source would be minutes at scale).
  const first = canonicalText(article.passages[0]!.text);
  const openers = new Set(
    corpus.passages
      .filter((passage) => passage.paragraph === 1 && canonicalText(passage.text) === first)
      .map((passage) => passage.source.id),
  );
  const sameText = others.find(
    (source) =>
      openers.has(source.id) &&
      wholeText({ passages: corpus.passages.filter((passage) => passage.source.id === source.id) }) === text,
  );
  if (sameText)
    throw new InputError(
      'duplicate',
      `"${file}" has the same text as ${describeSource(sameText)}, which is already in the corpus.`,
    );
  return { file, bytes, article, sidecar: sidecar && Object.keys(sidecar).length > 0 ? sidecar : null };
}

/**
 * Writes the sidecar (or removes a stale one), then the article, then removes `removing` (the old
 * file of a replace with another extension), under a journal: the article's write commits the edit,
 * and a crash or failure before it puts the sidecar back as it was (see journal.ts).
 */
async function writePrepared(
  dir: string,
  action: string,
  prepared: Prepared,
  previous: ReadSidecar | null,
  removing: readonly string[] = [],
): Promise<{ wrote: string[]; deleted: string[] }> {
  const sidecarName = sidecarNameFor(prepared.file);
  const sidecarChanged = JSON.stringify(prepared.sidecar) !== JSON.stringify(previous?.sidecar ?? null);
  const writesSidecar = sidecarChanged && prepared.sidecar !== null;
  const removes = [...(sidecarChanged && !prepared.sidecar && previous ? [sidecarName] : []), ...removing];
  const plan = {
    action,
    commit: { name: prepared.file, sha256: sha256(prepared.bytes) },
    removes,
    restores: writesSidecar ? [{ name: sidecarName, content: previous?.text ?? null }] : [],
  };
  await journaled(dir, plan, async () => {
    if (writesSidecar) await writeFileAtomic(dir, sidecarName, sidecarJson(prepared.sidecar!));
    await writeFileAtomic(dir, prepared.file, prepared.bytes);
    for (const name of removes) await rm(join(dir, name), { force: true });
  });
  return { wrote: [...(writesSidecar ? [sidecarName] : []), prepared.file], deleted: removes };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function sidecarJson(sidecar: Sidecar): string {
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}

function metaOf(upload: Upload): Partial<Record<MetaField, string>> {
  return Object.fromEntries(
    Object.entries(upload.meta ?? {})
      .filter(([, value]) => value !== undefined && value.trim() !== '')
      .map(([field, value]) => [field, value.trim()]),
  );
}

/** Adds a new article under `upload.name`, with the upload's metadata in its sidecar. */
export async function addArticle(
  dir: string,
  corpus: Corpus,
  upload: Upload,
  limits: EditLimits,
): Promise<EditOutcome> {
  const file = checkArticleName(upload.name, dir);
  formatOf(file);
  await refuseNameClash(dir, file, null, 'add');
  // A sidecar left in the folder for this name (metadata staged ahead of the article) applies too.
  const previousSidecar = await readSidecar(dir, file, limits);
  const sidecar = withMeta(previousSidecar?.sidecar ?? null, metaOf(upload), '/corpus add');
  const prepared = prepare(file, upload.bytes, sidecar, corpus, limits, null);
  const { wrote, deleted } = await writePrepared(dir, 'add', prepared, previousSidecar);
  const { source, passages } = prepared.article;
  return {
    file,
    wrote,
    deleted,
    summary: `Added ${file}: “${source.title}”, ${count(passages.length, 'passage')}, id ${source.id}.`,
  };
}

/**
 * Replaces an article's text with an upload, keeping its file name (with the upload's extension),
 * its sidecar and its source id, so passages whose text did not change keep their ids.
 */
export async function replaceArticle(
  dir: string,
  corpus: Corpus,
  source: Source,
  upload: Upload,
  limits: EditLimits,
): Promise<EditOutcome> {
  const uploadName = checkFileName(upload.name, dir);
  const extension = extname(uploadName).toLowerCase();
  formatOf(uploadName);
  // The stem is kept as it is on disk (not renormalised), so the sidecar stays the same file.
  const file = `${stemOf(source.file)}${extension}`;
  if (file !== source.file) {
    checkArticleName(file, dir);
    await refuseNameClash(dir, file, source.file, 'replace');
  }
  const previousSidecar = await readSidecar(dir, source.file, limits);
  const sidecar = withMeta(previousSidecar?.sidecar ?? null, metaOf(upload), '/corpus replace');
  let prepared = prepare(file, upload.bytes, sidecar, corpus, limits, source);
  // New text under another title or url would get another source id: the sidecar pins the old one.
  if (prepared.article.source.id !== source.id)
    prepared = prepare(file, upload.bytes, { ...sidecar, id: source.id }, corpus, limits, source);
  const oldText = wholeText({ passages: corpus.passages.filter((passage) => passage.source.id === source.id) });
  if (
    wholeText(prepared.article) === oldText &&
    JSON.stringify(prepared.sidecar) === JSON.stringify(previousSidecar?.sidecar ?? null) &&
    file === source.file
  ) {
    throw new InputError('unchanged', `The upload has the same text as ${describeSource(source)}; nothing to replace.`);
  }
  // The new name keeps the old stem, so the sidecar (NAME.meta.json) stays where it is; the old
  // file goes only once the new one is in place, and the journal finishes that after a crash.
  const { wrote, deleted } = await writePrepared(
    dir,
    'replace',
    prepared,
    previousSidecar,
    file !== source.file ? [source.file] : [],
  );
  const passages = prepared.article.passages.length;
  return {
    file,
    wrote,
    deleted,
    summary: `Replaced ${source.file}${file !== source.file ? ` with ${file}` : ''}: “${prepared.article.source.title}”, ${count(passages, 'passage')}, id ${source.id}.`,
  };
}

/**
 * Removes an article and its sidecar; or a file the corpus could not load (named in its errors),
 * such as a binary file or an orphan sidecar.
 */
export async function removeFile(dir: string, corpus: Corpus, target: Source | string): Promise<EditOutcome> {
  if (typeof target !== 'string') {
    const sidecar = sidecarNameFor(target.file);
    const hasSidecar = (await readdir(dir)).includes(sidecar);
    const removes = [target.file, ...(hasSidecar ? [sidecar] : [])];
    // Journaled: a crash between the two removals is finished at the next start, not left as an orphan sidecar.
    await journaled(dir, { action: 'remove', commit: null, removes, restores: [] }, async () => {
      for (const name of removes) await rm(join(dir, name), { force: true });
    });
    return {
      file: target.file,
      wrote: [],
      deleted: removes,
      summary: `Removed “${target.title}” (id ${target.id}): ${target.file}${hasSidecar ? ` and ${sidecar}` : ''}.`,
    };
  }
  // Named as it is on disk (it may predate the rules for new names).
  const file = checkPlainName(target, dir);
  if (!corpus.errors.some((error) => error.file === file))
    throw new InputError('unknown_source', `"${file}" is not a file the corpus lists.`);
  if (!(await readdir(dir)).includes(file))
    throw new InputError(
      'unknown_source',
      `"${file}" is no longer in the corpus folder; /corpus reload to refresh the list.`,
    );
  await rm(join(dir, file), { force: true });
  return { file, wrote: [], deleted: [file], summary: `Removed ${file}, which could not be loaded.` };
}

/**
 * Sets one metadata field of an article in its sidecar: a value, "unknown" (explicitly unknown) or
 * "reset" (the text decides again). A change of title or url would change the source id (and every
 * passage id), so the sidecar pins the current id first.
 */
export async function setMetadata(
  dir: string,
  corpus: Corpus,
  source: Source,
  field: MetaField,
  rawValue: string,
  limits: EditLimits,
): Promise<EditOutcome> {
  const trimmed = rawValue.trim();
  const value = UNKNOWN_VALUES.includes(trimmed.toLowerCase())
    ? null
    : trimmed.toLowerCase() === RESET_VALUE
      ? RESET_VALUE
      : trimmed;
  const previousSidecar = (await readSidecar(dir, source.file, limits))?.sidecar ?? null;
  let sidecar = withMeta(previousSidecar, { [field]: value }, `/corpus meta`);
  if ((field === 'title' || field === 'url') && !sidecar.id) sidecar = { ...sidecar, id: source.id };
  if (JSON.stringify(sidecar) === JSON.stringify(previousSidecar ?? {}))
    throw new InputError(
      'unchanged',
      `The ${field} of ${describeSource(source)} is already ${value === null ? 'unknown' : value === RESET_VALUE ? 'taken from the text' : `“${value}”`}.`,
    );
  // The article is rebuilt with the new sidecar before anything is written, as the loader will build it.
  const bytes = await readArticle(dir, source.file, limits);
  prepare(source.file, bytes, sidecar, corpus, limits, source);
  const sidecarName = sidecarNameFor(source.file);
  const empty = Object.keys(sidecar).length === 0;
  if (empty) await rm(join(dir, sidecarName), { force: true });
  else await writeFileAtomic(dir, sidecarName, sidecarJson(sidecar));
  const shown = value === null ? 'unknown' : value === RESET_VALUE ? 'taken from the text again' : `“${value}”`;
  return {
    file: source.file,
    wrote: empty ? [] : [sidecarName],
    deleted: empty ? [sidecarName] : [],
    summary: `Set the ${field} of ${source.file} to ${shown} (in ${sidecarName}).`,
  };
}
