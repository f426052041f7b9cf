import MiniSearch from 'minisearch';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Retriever } from './metrics.ts';

/**
 * The yardstick: plain MiniSearch with default options over the raw lines of the article files
 * (each non-empty line a paragraph, no cleaning), as a developer would build it in five minutes.
 * Scraped pages put paragraphs on lines of their own, some with blank lines between, some without.
 */
export async function plainMiniSearch(dir: string): Promise<Retriever> {
  const names = (await readdir(dir)).filter((name) => /\.(txt|md)$/.test(name)).sort();
  const paragraphs: Array<{ id: number; text: string }> = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    for (const line of text.split('\n')) if (line.trim()) paragraphs.push({ id: paragraphs.length, text: line.trim() });
  }
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
  mini.addAll(paragraphs);
  return (question) => mini.search(question).map((result) => paragraphs[result.id as number]!.text);
}
