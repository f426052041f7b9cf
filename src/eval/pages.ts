import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { agencyNamed } from '../corpus/clean/credits.ts';
import type { Corpus, Source } from '../corpus/types.ts';
import { OperationalError } from '../errors.ts';
import { normalizeForMatch } from '../text/match.ts';

/** What a page states, as a person reads it (a story's pages.gold.json). */
const goldPageSchema = z.object({
  file: z.string().min(1),
  url: z.string().optional(),
  /** The headline as printed; null when the page has none. */
  title: z.string().nullable(),
  /** The publisher, only where the page text names it. */
  outlet: z.string().nullable(),
  /** The publisher a reader names from the URL's domain. */
  urlOutlet: z.string().nullable().optional(),
  /** A news agency credited for the text ("AP", "Reuters"). */
  agency: z.string().nullable().optional(),
  /** Publication date as the page states it, YYYY-MM-DD. */
  date: z.string().nullable(),
  author: z.string().nullable().optional(),
  /** Every line of the page that is not article text, as stored. */
  furniture: z.array(z.string()),
  notes: z.string().optional(),
});
const goldPagesSchema = z.object({ about: z.string().optional(), pages: z.array(goldPageSchema) });
export type GoldPage = z.infer<typeof goldPageSchema>;

export async function readGoldPages(path: string): Promise<GoldPage[]> {
  try {
    return goldPagesSchema.parse(JSON.parse(await readFile(path, 'utf8'))).pages;
  } catch (error) {
    throw new OperationalError('bad_gold_file', `${path} is not a pages gold file: ${(error as Error).message}`);
  }
}

export interface PageScores {
  readonly pages: number;
  /** Pages whose title is the headline they state (or, stating none, a derived description). */
  readonly titlesRight: number;
  /** Titles taken from something that is not the page's headline (a caption, a stamp, a tweet). */
  readonly titlesFurniture: number;
  /** Pages that state a headline but got a derived description. */
  readonly titlesDerived: number;
  /** Pages whose text names their publisher. */
  readonly outletsStated: number;
  /** Pages given their publisher (as stated, or as the domain names it). */
  readonly outletsFound: number;
  /** An outlet the page does not state as its publisher (a byline, an agency, a wrong name). */
  readonly outletsWrong: number;
  readonly agenciesStated: number;
  readonly agenciesFound: number;
  readonly agenciesWrong: number;
  readonly datesStated: number;
  readonly datesRight: number;
  readonly datesWrong: number;
  readonly passages: number;
  /** Passages that are page furniture, not article text. */
  readonly furniturePassages: number;
  /** Lines of article text (every line of the page but its furniture) worth checking: four words or more. */
  readonly contentLines: number;
  /** Of those, lines that no passage of their page holds: article text the cleaning dropped. */
  readonly contentDropped: number;
  readonly details: ReadonlyArray<{ readonly file: string; readonly problems: readonly string[] }>;
}

/** The crawler's stamp that some furniture lines begin with: not part of what a passage could hold. */
const CRAWL_STAMP = /^\s*date \d{4}-\d{2}-\d{2}\s*/;
/** Shorter furniture lines ("Share", "Photo") are only matched whole: as parts they would match article text. */
const MIN_CONTAINED_WORDS = 3;
/** Furniture lines this short count inside a passage only at its start or end, glued there: a tag ("jane doe smith") is also a name the text writes. */
const MIN_CONTAINED_ANYWHERE_WORDS = 4;

/** The page's furniture lines, normalised for matching against passages and events. */
export function furnitureLines(page: GoldPage): string[] {
  return page.furniture
    .map((line) => normalizeForMatch(line.replace(CRAWL_STAMP, '')))
    .filter((line) => line.length > 0);
}

/** Whether a piece of text (a passage, an event's sentence) is furniture of the page. */
export function isFurniture(text: string, lines: readonly string[]): boolean {
  const normalized = normalizeForMatch(text);
  return lines.some(
    (line) =>
      line === normalized ||
      line.includes(normalized) ||
      (line.split(' ').length >= MIN_CONTAINED_ANYWHERE_WORDS && normalized.includes(line)) ||
      (line.split(' ').length >= MIN_CONTAINED_WORDS && (normalized.startsWith(line) || normalized.endsWith(line))),
  );
}

/** Names compared as a reader would: case, "The", punctuation and spacing aside. */
function sameName(a: string, b: string): boolean {
  const plain = (name: string) =>
    name
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}]+/gu, '');
  return plain(a) === plain(b);
}

/** The same agency, by name or by any of its names ("PA" and "Press Association"). */
function sameAgency(a: string, b: string): boolean {
  const agency = agencyNamed(a);
  return sameName(a, b) || (agency !== null && agency === agencyNamed(b));
}

/** Article lines shorter than this are not checked: a heading or a list item may be reworded or joined. */
const MIN_CONTENT_WORDS = 4;
/** Words in a run that must stand together in a passage for a line to count as kept. */
const RUN_WORDS = 4;
/** A line counts as kept when this share of its words stand in runs in its page's passages (cleaning may cut a glued stamp, a dateline or a credit). */
const KEPT_SHARE = 0.5;

const wordsOf = (text: string): string[] => normalizeForMatch(text).match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The lines of article text the cleaning dropped: each line of the page that is not furniture
 * (nor made of it: a furniture part glued to article text is cut away first) and whose words no
 * passage of the page holds in the same order: less than half its words in runs of four that a
 * passage holds.
 */
export function droppedContent(
  text: string,
  page: GoldPage,
  passages: readonly string[],
): { lines: number; dropped: string[] } {
  const furniture = furnitureLines(page);
  const kept = ` ${passages.map((passage) => wordsOf(passage).join(' ')).join(' | ')} `;
  let lines = 0;
  const dropped: string[] = [];
  for (const raw of text.split('\n')) {
    let line = normalizeForMatch(raw.replace(CRAWL_STAMP, ''));
    if (line === '' || isFurniture(line, furniture)) continue;
    for (const part of furniture) if (part.split(' ').length >= MIN_CONTAINED_WORDS) line = line.replace(part, ' ');
    const words = wordsOf(line);
    if (words.length < MIN_CONTENT_WORDS) continue;
    lines++;
    const covered = new Uint8Array(words.length);
    for (let i = 0; i + RUN_WORDS <= words.length; i++)
      if (kept.includes(` ${words.slice(i, i + RUN_WORDS).join(' ')} `)) covered.fill(1, i, i + RUN_WORDS);
    if (covered.reduce((sum, word) => sum + word, 0) < KEPT_SHARE * words.length) dropped.push(raw.trim());
  }
  return { lines, dropped };
}

/** Each page scored against what it states; `texts` holds the page files as stored, by file name. */
export function scorePages(corpus: Corpus, gold: readonly GoldPage[], texts: ReadonlyMap<string, string>): PageScores {
  const sourceByFile = new Map<string, Source>(corpus.sources.map((source) => [source.file, source]));
  const counts = {
    titlesRight: 0,
    titlesFurniture: 0,
    titlesDerived: 0,
    outletsStated: 0,
    outletsFound: 0,
    outletsWrong: 0,
    agenciesStated: 0,
    agenciesFound: 0,
    agenciesWrong: 0,
    datesStated: 0,
    datesRight: 0,
    datesWrong: 0,
    furniturePassages: 0,
    contentLines: 0,
    contentDropped: 0,
  };
  const details: Array<{ file: string; problems: string[] }> = [];
  const goldFiles = new Set(gold.map((page) => page.file));
  for (const page of gold) {
    const problems: string[] = [];
    const source = sourceByFile.get(page.file);
    if (!source) {
      details.push({ file: page.file, problems: ['not loaded'] });
      continue;
    }
    // Titles.
    const derived = source.titleOrigin === 'derived';
    if (page.title === null ? derived : !derived && sameName(source.title, page.title)) counts.titlesRight++;
    else if (!derived) {
      counts.titlesFurniture++;
      problems.push(`title ${JSON.stringify(source.title)}, page states ${JSON.stringify(page.title)}`);
    } else {
      counts.titlesDerived++;
      problems.push(`title derived, page states ${JSON.stringify(page.title)}`);
    }
    // Outlets: the page's own statement, or the publisher its domain names (right when a URL comes with the article).
    if (page.outlet !== null) counts.outletsStated++;
    if (source.outlet !== null) {
      if ([page.outlet, page.urlOutlet ?? null].some((name) => name !== null && sameName(source.outlet!, name)))
        counts.outletsFound++;
      else {
        counts.outletsWrong++;
        problems.push(`outlet ${JSON.stringify(source.outlet)}, page states ${JSON.stringify(page.outlet)}`);
      }
    } else if (page.outlet !== null) problems.push(`outlet not found: ${JSON.stringify(page.outlet)}`);
    // Agencies.
    const agency = page.agency ?? null;
    if (agency !== null) counts.agenciesStated++;
    if (source.credit !== null) {
      if (agency !== null && sameAgency(source.credit, agency)) counts.agenciesFound++;
      else {
        counts.agenciesWrong++;
        problems.push(`agency ${JSON.stringify(source.credit)}, page credits ${JSON.stringify(agency)}`);
      }
    }
    // Dates.
    if (page.date !== null) counts.datesStated++;
    const date = source.date;
    if (date !== null && (page.date === null || date.value !== page.date)) {
      counts.datesWrong++;
      problems.push(`date ${date.value}, page states ${page.date ?? 'none'}`);
    } else if (date !== null) counts.datesRight++;
    else if (page.date !== null) problems.push(`date not found: ${page.date}`);
    // Furniture left in the passages.
    const lines = furnitureLines(page);
    const passages = corpus.passages.filter((passage) => passage.source === source);
    for (const passage of passages) {
      if (!isFurniture(passage.text, lines)) continue;
      counts.furniturePassages++;
      problems.push(`furniture passage: ${JSON.stringify(passage.text.slice(0, 80))}`);
    }
    // Article text dropped.
    const text = texts.get(page.file);
    if (text !== undefined) {
      // A section heading is kept as its passages' section.
      const own = passages.flatMap((passage) =>
        passage.section === null ? [passage.text] : [passage.section, passage.text],
      );
      const { lines: checked, dropped } = droppedContent(text, page, own);
      counts.contentLines += checked;
      counts.contentDropped += dropped.length;
      for (const line of dropped) problems.push(`article text dropped: ${JSON.stringify(line.slice(0, 100))}`);
    }
    if (problems.length > 0) details.push({ file: page.file, problems });
  }
  for (const source of corpus.sources)
    if (!goldFiles.has(source.file)) details.push({ file: source.file, problems: ['no gold for this page'] });
  return { pages: gold.length, ...counts, passages: corpus.passages.length, details };
}
