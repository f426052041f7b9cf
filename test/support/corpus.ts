import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { Library } from '../../src/library.ts';

export const SEED_DIR = 'corpus';
export const LOAD_OPTIONS = { maxArticleBytes: 2 * 1024 * 1024 } as const;

export const SEEDS = {
  republic: '000_9a5ceb7abccd8c58.txt',
  untitled: '001_64ba0aa1239cf7d6.txt',
  nbcReuters: '002_0ea427f8fc71280e.txt',
  hill: '003_84fe4f099db4658b.txt',
  voa: '004_232c69b19052f130.txt',
} as const;

let seeded: Promise<Corpus> | undefined;
/** The bundled corpus, loaded once per test file. */
export function seedCorpus(): Promise<Corpus> {
  seeded ??= loadCorpus(SEED_DIR, LOAD_OPTIONS);
  return seeded;
}

export function seedLibrary(): Promise<Library> {
  return Library.open(SEED_DIR, LOAD_OPTIONS);
}

export function textOf(corpus: Corpus, file: string): string[] {
  return corpus.passages.filter((passage) => passage.source.file === file).map((passage) => passage.text);
}

/** A scratch folder for a test, removed afterwards. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-test-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
