import { basename } from 'node:path';
import { cleanArticle } from './clean/pipeline.ts';
import { outletFromUrl } from './outletFromUrl.ts';
import { parseDateStamp, parseIsoDate } from './dates.ts';
import type { ParsedArticle } from './formats/index.ts';
import { passageId, sourceId, sourceIdentity } from './ids.ts';
import type { Sidecar } from './sidecar.ts';
import type { MetaOrigin, PartialDate, Passage, Source } from './types.ts';

export interface Article {
  readonly source: Source;
  readonly passages: readonly Passage[];
  /** What the source id hashes (`sourceIdentity`); null when a sidecar pins the id. Two files with the same identity are the same article. */
  readonly identity: string | null;
  /** An undated article's dateline day without its year ("May 18"), for the corpus to date it (corpusDates.ts). */
  readonly datelineDay?: { readonly month: number; readonly day: number };
  /** The date was read from the page's text (a stamp), not stated by front matter or a sidecar: the corpus may overrule it. */
  readonly dateFromText?: boolean;
}

/** Words of the first paragraph used to describe an untitled article, APA-style, in brackets. */
const DESCRIPTION_WORDS = 10;

/** The first value that is known; `null` from a sidecar counts as known ("explicitly unknown"). */
function pick<T>(
  ...candidates: ReadonlyArray<readonly [T | null | undefined, MetaOrigin]>
): { value: T | null; origin: MetaOrigin } | undefined {
  for (const [value, origin] of candidates) if (value !== undefined) return { value, origin };
  return undefined;
}

function statedDate(raw: string | undefined): PartialDate | undefined {
  if (raw === undefined) return undefined;
  return parseIsoDate(raw) ?? parseDateStamp(raw) ?? undefined;
}

/**
 * Turns one parsed article file into its Source and Passages: cleans the text, merges metadata
 * (sidecar over the file's own front matter over what the text says; the outlet, when none of
 * them states it, from the article's address), and assigns stable ids.
 * Returns null when nothing quotable is left after cleaning.
 */
export function buildArticle(file: string, parsed: ParsedArticle, sidecar: Sidecar | undefined): Article | null {
  const clean = cleanArticle(parsed.body);
  if (clean.paragraphs.length === 0) return null;
  const stated = parsed.meta;
  const side = sidecar ?? {};

  const title = pick<string>([side.title, 'sidecar'], [stated.title, 'front-matter'], [clean.meta.title, 'text']);
  const url = pick<string>([side.url, 'sidecar'], [stated.url, 'front-matter']);
  // The outlet the page states, else the one its address names (a URL given with the article).
  const outlet = pick<string>(
    [side.outlet, 'sidecar'],
    [stated.outlet, 'front-matter'],
    [clean.meta.outlet, 'text'],
    [url?.value ? (outletFromUrl(url.value) ?? undefined) : undefined, 'derived'],
  );
  const author = pick<string>([side.author, 'sidecar'], [stated.author, 'front-matter'], [clean.meta.author, 'text']);
  const date = pick<PartialDate>(
    [side.date === null ? null : side.date === undefined ? undefined : parseIsoDate(side.date), 'sidecar'],
    [statedDate(stated.date), 'front-matter'],
    [clean.meta.date, 'text'],
  );

  const fileStem = basename(file).replace(/\.[^.]+$/, '');
  const knownTitle = title?.value ?? null;
  const identity = side.id ? null : sourceIdentity({ url: url?.value ?? null, title: knownTitle, fileStem });
  const id = side.id ?? sourceId(identity!);
  const firstWords = clean.paragraphs[0]!.text.split(' ');
  const description = `[${firstWords
    .slice(0, DESCRIPTION_WORDS)
    .join(' ')
    .replace(/[,;:.]$/, '')}${firstWords.length > DESCRIPTION_WORDS ? '…' : ''}]`;

  const source: Source = {
    id,
    title: knownTitle ?? description,
    titleOrigin: knownTitle === null ? 'derived' : title!.origin,
    outlet: outlet?.value ?? null,
    date: date?.value ?? null,
    url: url?.value ?? null,
    author: author?.value ?? null,
    credit: clean.meta.credit ?? null,
    file,
  };

  const datelineDay = source.date === null && side.date !== null ? clean.meta.datelineDay : undefined;
  const dateFromText = date?.origin === 'text' && date.value !== null;
  return {
    source,
    passages: passagesOf(source, clean.paragraphs),
    identity,
    ...(datelineDay ? { datelineDay } : {}),
    ...(dateFromText ? { dateFromText } : {}),
  };
}

/** The same article with another date (its dateline's day in the year the corpus tells, or none): its passages follow. */
export function withDate(article: Article, date: PartialDate | null): Article {
  const source = { ...article.source, date };
  return { ...article, source, passages: passagesOf(source, article.passages) };
}

/** The same article under another source id (a clash settled by `settleSourceIds`): its passages' ids follow. */
export function withSourceId(article: Article, id: string): Article {
  const source = { ...article.source, id };
  return { ...article, source, passages: passagesOf(source, article.passages) };
}

function passagesOf(
  source: Source,
  paragraphs: ReadonlyArray<{ readonly text: string; readonly section: string | null }>,
): Passage[] {
  const seen = new Map<string, number>();
  return paragraphs.map((paragraph, index): Passage => {
    const occurrence = (seen.get(paragraph.text) ?? 0) + 1;
    seen.set(paragraph.text, occurrence);
    return {
      id: passageId(source.id, paragraph.text, occurrence),
      text: paragraph.text,
      paragraph: index + 1,
      source,
      section: paragraph.section,
    };
  });
}
