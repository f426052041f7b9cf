/**
 * Writes a generated corpus (bench/generate.ts) as the article files an operator would put in
 * CORPUS_DIR, so a benchmark can start Dossier the way the bot starts: from a folder.
 *
 * One Markdown file per source, all in one folder (the loader does not look into sub-folders),
 * named by the article's position so that the loader, which reads in name order, gives back the
 * generated order. Front matter carries the metadata; the body is the paragraphs, one line each,
 * separated by blank lines, which the cleaning pipeline keeps as they are (generated paragraphs end
 * like sentences, have no Markdown syntax, no bylines, date stamps or datelines).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Passage, Source } from '../src/corpus/types.ts';
import type { GeneratedCorpus } from './generate.ts';

/** Files written at once: enough to keep the disk busy, few enough not to run out of file handles. */
const CONCURRENT_WRITES = 64;

/** The file name of the `index`-th article: zero-padded, so name order is generation order. */
export function articleName(index: number): string {
  return `${String(index).padStart(7, '0')}.md`;
}

/**
 * One article as a Markdown file. Values are written as JSON strings, which are valid YAML
 * double-quoted scalars: titles with a colon or a quote stay strings, and dates stay text
 * rather than becoming YAML timestamps. Unknown date and author are left out, as a real file would.
 */
export function articleText(source: Source, paragraphs: readonly string[]): string {
  const meta: Array<[string, string | null]> = [
    ['title', source.title],
    ['outlet', source.outlet],
    ['date', source.date?.value ?? null],
    ['url', source.url],
    ['author', source.author],
  ];
  const front = meta.filter(([, value]) => value !== null).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${front.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** Each source with its passages, in order (the generator writes an article's passages consecutively). */
function* articles(generated: GeneratedCorpus): Generator<{ source: Source; passages: Passage[] }> {
  const all = generated.corpus.passages;
  for (let start = 0, end = 0; start < all.length; start = end) {
    while (end < all.length && all[end]!.source === all[start]!.source) end++;
    yield { source: all[start]!.source, passages: all.slice(start, end) };
  }
}

/** Writes every article of `generated` into `dir` (created if needed); returns how many files. */
export async function writeArticles(generated: GeneratedCorpus, dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let written = 0;
  let batch: Array<Promise<void>> = [];
  for (const { source, passages } of articles(generated)) {
    batch.push(
      writeFile(
        join(dir, articleName(written++)),
        articleText(
          source,
          passages.map((passage) => passage.text),
        ),
      ),
    );
    if (batch.length >= CONCURRENT_WRITES) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  return written;
}
