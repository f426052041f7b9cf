import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { SEED_DIR } from './corpus.ts';

/** A scratch copy of the bundled corpus's articles and sidecars (never corpus/ itself, nor a saved index in it); `cleanup` removes it. */
export async function tempCorpus(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-refresh-'));
  for (const name of await readdir(SEED_DIR))
    if (!name.startsWith('.')) await copyFile(join(SEED_DIR, name), join(dir, name));
  const cleanup = async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(uploadsOf(dir), { recursive: true, force: true });
  };
  return { dir, cleanup };
}

const uploadsOf = (dir: string) => `${dir}-uploads`;

/** Writes a file to upload with `corpus add|replace`, beside the temp corpus `dir` (not in it, as on a moderator's disk); removed with it. */
export async function writeUpload(dir: string, name: string, content: string | Buffer): Promise<string> {
  await mkdir(uploadsOf(dir), { recursive: true });
  const path = join(uploadsOf(dir), name);
  await writeFile(path, content);
  return path;
}

/** A fresh scratch copy of the bundled corpus for each test of the file, handed to `use`, removed after it. */
export function useTempCorpus(use: (dir: string) => void): void {
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const made = await tempCorpus();
    cleanup = made.cleanup;
    use(made.dir);
  });
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });
}

/** Every file in a folder (hidden ones too) with a hash of its content: to show nothing changed on disk. */
export async function folderState(dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    state[entry.name] = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(join(dir, entry.name)))
          .digest('hex')
          .slice(0, 16)
      : 'folder';
  }
  return state;
}

/** A deterministic pseudo-random generator, so generated articles are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = (
  'ministry officials embassy convoy diplomats parliament militia rocket statement briefing negotiators ceasefire province governor ' +
  'reporters sanctions treasury airport checkpoint brigade council spokesman envoy withdrawal security commander agreement election ' +
  'pipeline refinery border harbour festival museum archive library bridge railway hospital vaccine drought harvest river market'
).split(' ');

/** Writes `count` distinct, realistic-looking articles (titled, dated, several paragraphs each) into `dir`. */
export async function writeGeneratedArticles(dir: string, count: number, prefix = 'gen'): Promise<string[]> {
  const random = generator(count * 7919 + prefix.length);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = `Report ${prefix} ${i}: the ${pick()} and the ${pick()} of the ${pick()}`;
    const paragraphs = Array.from({ length: 8 }, (_, p) => {
      const sentence = () =>
        `The ${pick()} said the ${pick()} would ${pick()} the ${pick()} near the ${pick()} on day ${p + 1} of item ${i}.`;
      return `${sentence()} ${sentence()} ${sentence()}`;
    });
    const name = `${prefix}-${String(i).padStart(4, '0')}.md`;
    await writeFile(
      join(dir, name),
      `---\ntitle: "${title}"\noutlet: Generated Wire\ndate: 2021-03-${String((i % 28) + 1).padStart(2, '0')}\n---\n\n${paragraphs.join('\n\n')}\n`,
    );
    names.push(name);
  }
  return names;
}
