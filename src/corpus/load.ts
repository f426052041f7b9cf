import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationalError } from '../errors.ts';
import { buildArticle, type Article } from './article.ts';
import { findDuplicates } from './duplicates.ts';
import { FormatError, SUPPORTED_EXTENSIONS, formatFor } from './formats/index.ts';
import { SIDECAR_SUFFIX, parseSidecar, sidecarNameFor, type Sidecar } from './sidecar.ts';
import type { Corpus, LoadError, Passage } from './types.ts';

export interface LoadOptions {
  /** Files larger than this are refused unread. */
  readonly maxArticleBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8 text, or says in a few words why it cannot be an article. */
async function readText(path: string, maxBytes: number): Promise<{ text: string } | { error: string }> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (size > maxBytes) return { error: `is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (MAX_ARTICLE_BYTES)` };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') return { error: 'is empty' };
  if (bytes.includes(0)) return { error: 'is binary, not text' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: 'is not UTF-8 text (save it as UTF-8)' };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Loads every article in `dir`. A file that cannot be an article is reported in `errors` with its
 * name and reason, and the others still load. Only a folder that cannot be listed at all throws.
 * Files are read in name order, so the same folder always gives the same corpus.
 */
export async function loadCorpus(dir: string, options: LoadOptions): Promise<Corpus> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
  } catch (error) {
    throw new OperationalError('corpus_unreadable', `Cannot read the corpus folder "${dir}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set CORPUS_DIR to a folder of articles.`, { cause: error });
  }
  names.sort();
  const errors: LoadError[] = [];
  const articleNames = names.filter((name) => !name.endsWith(SIDECAR_SUFFIX));
  const sidecarNames = new Set(names.filter((name) => name.endsWith(SIDECAR_SUFFIX)));

  const articles: Article[] = [];
  const bySourceId = new Map<string, string>();
  for (const name of articleNames) {
    const format = formatFor(name);
    if (!format) {
      errors.push({ file: name, message: `has an unsupported type; articles are ${SUPPORTED_EXTENSIONS.join(', ')}` });
      continue;
    }
    const read = await readText(join(dir, name), options.maxArticleBytes);
    if ('error' in read) {
      errors.push({ file: name, message: read.error });
      continue;
    }
    const sidecarName = sidecarNameFor(name);
    let sidecar: Sidecar | undefined;
    if (sidecarNames.delete(sidecarName)) {
      const side = await readText(join(dir, sidecarName), options.maxArticleBytes);
      const parsed = 'error' in side ? side : parseSidecar(side.text);
      if ('error' in parsed) errors.push({ file: sidecarName, message: `${parsed.error}; the article loads without it` });
      else sidecar = parsed.sidecar;
    }
    let article: Article | null;
    try {
      article = buildArticle(name, format.parse(read.text), sidecar);
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
      errors.push({ file: name, message: error.message });
      continue;
    }
    if (!article) {
      errors.push({ file: name, message: 'has no article text left after removing page furniture' });
      continue;
    }
    const twin = bySourceId.get(article.source.id);
    if (twin) {
      errors.push({ file: name, message: `is the same article as ${twin} (same ${article.source.url ? 'url' : 'title'}); it was skipped` });
      continue;
    }
    bySourceId.set(article.source.id, name);
    articles.push(article);
  }
  for (const orphan of sidecarNames) errors.push({ file: orphan, message: 'is metadata for an article that is not in the corpus' });

  const passages: Passage[] = articles.flatMap((article) => article.passages);
  const duplicates = findDuplicates(passages);
  return {
    sources: articles.map((article) => article.source),
    passages,
    alsoIn: duplicates.alsoIn,
    duplicateGroup: duplicates.groupOf,
    errors,
  };
}
