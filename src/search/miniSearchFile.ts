/**
 * MiniSearch's own index saved beside the snapshot (`<INDEX_PATH>.minisearch.json`), so a start
 * loads it (MiniSearch's `loadJS`) instead of analysing and indexing every passage again.
 *
 * One JSON document: a header that says which passages it indexes, the vocabulary the backend keeps
 * beside MiniSearch (document frequencies, written forms, initials; as lists of pairs, since an
 * object would reorder keys that look like numbers, and the order is the backend's), and
 * MiniSearch's `toJSON()`. It is used only for the same passages, analysed by the same version:
 * the header carries a digest of their texts and ANALYSIS_VERSION, so a rebuilt corpus, edited or
 * not, never trusts a stale file, whatever else changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { z } from 'zod';
import { writeFileAtomic } from '../corpus/files.ts';
import type { Passage } from '../corpus/types.ts';
import { ANALYSIS_VERSION } from './analysisVersion.ts';
import { MINISEARCH_OPTIONS, MiniSearchBackend } from './minisearchBackend.ts';

const FORMAT = 'dossier-minisearch';
const FORMAT_VERSION = 1;
const SUFFIX = '.minisearch.json';

/** Where MiniSearch's index is saved for the snapshot at `indexPath`. */
export function miniSearchPathOf(indexPath: string): string {
  return `${indexPath}${SUFFIX}`;
}

const header = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  analysisVersion: z.number().int(),
  passages: z.number().int().nonnegative(),
  digest: z.string(),
});

const body = header.extend({
  frequency: z.array(z.tuple([z.string(), z.number().int().positive()])),
  forms: z.array(z.tuple([z.string(), z.array(z.string())])),
  initials: z.array(z.tuple([z.string(), z.object({ terms: z.array(z.string()), count: z.number().int() })])),
  // MiniSearch checks its own part when it loads it.
  index: z.record(z.string(), z.unknown()),
});

/** Why a saved MiniSearch index was not used: none there, one of other passages or another version, or a file that does not read as one. */
type MiniSearchFileProblem = 'missing' | 'stale' | 'corrupt' | 'unreadable';

export type MiniSearchFileRead =
  | { readonly ok: true; readonly backend: MiniSearchBackend; readonly bytes: number }
  | { readonly ok: false; readonly reason: MiniSearchFileProblem; readonly message: string };

/** Saves the backend's index (atomically: a reader sees the old file or the new one). */
export async function writeMiniSearchFile(
  path: string,
  backend: MiniSearchBackend,
  passages: readonly Passage[],
): Promise<{ bytes: number }> {
  const { mini, frequency, forms, initials } = backend.parts;
  const json = JSON.stringify({
    format: FORMAT,
    version: FORMAT_VERSION,
    analysisVersion: ANALYSIS_VERSION,
    passages: passages.length,
    digest: digestOf(passages),
    frequency: [...frequency],
    forms: [...forms],
    initials: [...initials],
    index: mini.toJSON(),
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(dirname(path), basename(path), json);
  return { bytes: Buffer.byteLength(json) };
}

/** The saved index when it indexes exactly these passages with this version's analysis; else why not. */
export async function readMiniSearchFile(path: string, passages: readonly Passage[]): Promise<MiniSearchFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: `No saved MiniSearch index at ${path}.` };
    return {
      ok: false,
      reason: 'unreadable',
      message: `The saved MiniSearch index at ${path} cannot be read (${code ?? (error as Error).message}).`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return corrupt(path, 'it is not JSON');
  }
  const head = header.safeParse(parsed);
  if (!head.success) return corrupt(path, 'it has no Dossier MiniSearch header');
  if (head.data.version !== FORMAT_VERSION || head.data.analysisVersion !== ANALYSIS_VERSION) {
    return {
      ok: false,
      reason: 'stale',
      message: `The saved MiniSearch index at ${path} was written by another version of Dossier (format ${head.data.version}, analysis ${head.data.analysisVersion}).`,
    };
  }
  if (head.data.passages !== passages.length || head.data.digest !== digestOf(passages)) {
    return {
      ok: false,
      reason: 'stale',
      message: `The saved MiniSearch index at ${path} indexes other passages (${head.data.passages}) than the corpus has now (${passages.length}).`,
    };
  }
  const contents = body.safeParse(parsed);
  if (!contents.success)
    return corrupt(path, `its ${String(contents.error.issues[0]?.path[0] ?? 'contents')} do not read`);
  const { frequency, forms, initials, index } = contents.data;
  let mini: MiniSearch<{ id: number; terms: string }>;
  try {
    mini = MiniSearch.loadJS(index as unknown as AsPlainObject, MINISEARCH_OPTIONS);
  } catch (error) {
    return corrupt(path, `MiniSearch refused it (${(error as Error).message})`);
  }
  if (mini.documentCount !== passages.length)
    return corrupt(path, `MiniSearch holds ${mini.documentCount} passages, its header ${passages.length}`);
  const backend = new MiniSearchBackend(passages, {
    mini,
    frequency: new Map(frequency),
    forms: new Map(forms),
    initials: new Map(initials),
  });
  return { ok: true, backend, bytes: (await stat(path)).size };
}

function corrupt(path: string, why: string): MiniSearchFileRead {
  return { ok: false, reason: 'corrupt', message: `The saved MiniSearch index at ${path} is damaged: ${why}.` };
}

/** The passages' texts in order: MiniSearch indexes these and nothing else of the corpus. */
function digestOf(passages: readonly Passage[]): string {
  const hash = createHash('sha256');
  for (const passage of passages) hash.update(passage.text).update('\u0000');
  return hash.digest('hex');
}
