import { lstat, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { OperationalError } from '../errors.ts';
import { buildArticle, type Article } from './article.ts';
import { runStepsYielding } from '../steps.ts';
import { ALIASES_FILE, parseAliases } from './aliasesFile.ts';
import { dateFromCorpus } from './corpusDates.ts';
import { duplicateSteps } from './duplicates.ts';
import { settleSourceIds } from './sourceIds.ts';
import { fingerprint, type FileFingerprint } from './fingerprint.ts';
import { normalName, notRegularReason, readRegularFile, stemOf } from './files.ts';
import { FormatError, SUPPORTED_EXTENSIONS, formatFor } from './formats/index.ts';
import { SIDECAR_SUFFIX, parseSidecar, sidecarNameFor, type Sidecar } from './sidecar.ts';
import type { Corpus, LoadError, Passage } from './types.ts';

export interface LoadOptions {
  /** Files larger than this are refused unread. */
  readonly maxArticleBytes: number;
  /** Told how many of the folder's articles have been read: once before the first, then after each. */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Told each file's fingerprint (size, mtime, content hash) as it is read, so builds can say what changed. */
  readonly onFile?: (file: string, fingerprint: FileFingerprint) => void;
}

export interface LoadProgress {
  readonly done: number;
  readonly total: number;
}

/** Why a file that reads fine still gives no article. */
export const NO_TEXT_LEFT = 'has no article text left after removing page furniture';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Article bytes as UTF-8 text, or in a few words why they cannot be an article. */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0 || buffer.toString('latin1').trim() === '') return { error: 'is empty' };
  if (buffer.includes(0)) return { error: 'is binary, not text' };
  try {
    return { text: utf8.decode(buffer) };
  } catch {
    return { error: 'is not UTF-8 text (save it as UTF-8)' };
  }
}

/** Why a file of `size` bytes is refused, or null when it is within the limit. */
export function sizeProblem(size: number, maxBytes: number): string | null {
  return size > maxBytes
    ? `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (MAX_ARTICLE_BYTES)`
    : null;
}

/**
 * Reads a regular file (never through a link, never a FIFO: see readRegularFile) as UTF-8 text, or
 * says in a few words why it cannot be an article; reports its fingerprint.
 */
async function readText(
  path: string,
  file: string,
  options: LoadOptions,
): Promise<{ text: string } | { error: string }> {
  const read = await readRegularFile(
    path,
    options.maxArticleBytes,
    (size) => sizeProblem(size, options.maxArticleBytes)!,
  );
  if (read.stats) options.onFile?.(file, fingerprint(read.stats, read.ok ? read.bytes : null));
  if (!read.ok) return { error: read.problem === 'missing' ? 'cannot be read (ENOENT)' : read.reason };
  return decodeText(read.bytes);
}

/** Fingerprints a file the loader does not read (an unsupported type, a link), from its own size and mtime. */
async function noteUnread(path: string, file: string, options: LoadOptions): Promise<void> {
  if (!options.onFile) return;
  const stats = await lstat(path).catch(() => null);
  if (stats) options.onFile(file, fingerprint(stats, null));
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Loads every article in `dir`. A file that cannot be an article is reported in `errors` with its
 * name and reason, and the others still load. Only a folder that cannot be listed at all throws.
 * Files are read in name order, so the same folder always gives the same corpus.
 */
export async function loadCorpus(dir: string, options: LoadOptions): Promise<Corpus> {
  let entries;
  try {
    // Hidden names are Dossier's own files (index, lock, temporary files) or an editor's; folders are not articles.
    entries = (await readdir(dir, { withFileTypes: true })).filter(
      (entry) => !entry.name.startsWith('.') && !entry.isDirectory(),
    );
  } catch (error) {
    throw new OperationalError(
      'corpus_unreadable',
      `Cannot read the corpus folder "${dir}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set CORPUS_DIR to a folder of articles.`,
      { cause: error },
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const errors: LoadError[] = [];
  const names: string[] = [];
  for (const entry of entries) {
    // Links and FIFOs are refused by name, not skipped: a moderator sees why the article is missing.
    const special = entry.isFile() ? null : notRegularReason(entry);
    if (special === null) names.push(entry.name);
    else {
      await noteUnread(join(dir, entry.name), entry.name, options);
      errors.push({ file: entry.name, message: special });
    }
  }
  const articleNames = names.filter((name) => !name.endsWith(SIDECAR_SUFFIX) && name !== ALIASES_FILE);
  const sidecarNames = new Set(names.filter((name) => name.endsWith(SIDECAR_SUFFIX)));
  const stems = new Map<string, string>();

  const articles: Article[] = [];
  let done = 0;
  options.onProgress?.({ done, total: articleNames.length });
  for (const name of articleNames) {
    await loadOne(name);
    options.onProgress?.({ done: ++done, total: articleNames.length });
  }
  for (const orphan of sidecarNames) {
    // Read only to fingerprint it: a sidecar whose article is missing or unreadable.
    if (options.onFile) await readText(join(dir, orphan), orphan, options);
    errors.push({ file: orphan, message: 'is metadata for an article that is not in the corpus' });
  }

  /** Reads, parses and builds one article; a problem is recorded in `errors` and the others go on. */
  async function loadOne(name: string): Promise<void> {
    const format = formatFor(name);
    if (!format) {
      await noteUnread(join(dir, name), name, options);
      errors.push({ file: name, message: `has an unsupported type; articles are ${SUPPORTED_EXTENSIONS.join(', ')}` });
      return;
    }
    const first = claimStem(stems, name);
    if (first !== name) {
      await noteUnread(join(dir, name), name, options);
      errors.push({ file: name, message: sameStemProblem(name, first) });
      return;
    }
    const read = await readText(join(dir, name), name, options);
    if ('error' in read) {
      errors.push({ file: name, message: read.error });
      return;
    }
    const sidecarName = sidecarNameFor(name);
    let sidecar: Sidecar | undefined;
    if (sidecarNames.delete(sidecarName)) {
      const side = await readText(join(dir, sidecarName), sidecarName, options);
      const parsed = 'error' in side ? side : parseSidecar(side.text);
      if ('error' in parsed)
        errors.push({ file: sidecarName, message: `${parsed.error}; the article loads without it` });
      else sidecar = parsed.sidecar;
    }
    let article: Article | null;
    try {
      article = buildArticle(name, format.parse(read.text), sidecar);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      errors.push({ file: name, message: error.message });
      return;
    }
    if (!article) {
      errors.push({ file: name, message: NO_TEXT_LEFT });
      return;
    }
    articles.push(article);
  }

  const aliases = names.includes(ALIASES_FILE) ? await readAliases(dir, options, errors) : [];
  const settled = settleSourceIds(dateFromCorpus(articles));
  errors.push(...settled.refused);
  const passages: Passage[] = settled.articles.flatMap((article) => article.passages);
  const duplicates = await runStepsYielding(duplicateSteps(passages));
  return {
    sources: settled.articles.map((article) => article.source),
    passages,
    alsoIn: duplicates.alsoIn,
    duplicateGroup: duplicates.groupOf,
    errors,
    ...(aliases.length > 0 ? { aliases } : {}),
  };
}

/** The moderators' aliases file (aliasesFile.ts); a file that cannot be read is listed with the reason, and the articles load without it. */
async function readAliases(dir: string, options: LoadOptions, errors: LoadError[]): Promise<string[][]> {
  const read = await readText(join(dir, ALIASES_FILE), ALIASES_FILE, options);
  const parsed = 'error' in read ? read : parseAliases(read.text);
  if ('error' in parsed) {
    errors.push({ file: ALIASES_FILE, message: parsed.error });
    return [];
  }
  return parsed.groups;
}

/**
 * Records that `name` takes its stem (compared in NFC), and returns the article file that took it
 * first: `name` itself, or the earlier file it would share a sidecar with.
 */
function claimStem(stems: Map<string, string>, name: string): string {
  const key = normalName(stemOf(name));
  const first = stems.get(key);
  if (first !== undefined) return first;
  stems.set(key, name);
  return name;
}

/**
 * Why `name` is not loaded beside `first`: two articles with one stem would share one sidecar
 * (`X.meta.json` for both `X.txt` and `X.md`), and two names equal in NFC are one name. The first in
 * name order loads; the moderator renames or removes the other.
 */
function sameStemProblem(name: string, first: string): string {
  if (normalName(name) === normalName(first))
    return `has the same name as ${first}, written with other Unicode characters; remove one of them`;
  return `has the same name as ${first} apart from its extension (${extname(name)}), so both would take their metadata from ${sidecarNameFor(first)}; only ${first} is loaded: rename or remove one of them`;
}
