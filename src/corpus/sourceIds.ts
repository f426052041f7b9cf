import { withSourceId, type Article } from './article.ts';
import { LONG_ID_HEX_DIGITS, sourceId, sourceIdentity } from './ids.ts';
import type { LoadError, Source } from './types.ts';

/**
 * Gives every article a source id of its own.
 *
 * - Files with the same identity (url, else title, else file stem) are one article: the first
 *   given is kept and the others refused; so are later files whose sidecars pin a taken id.
 * - Different articles whose six-digit ids clash (some 300 pairs among 100,000 articles): the one
 *   whose identity hashes lowest keeps the short id and the others take twelve digits. Decided by
 *   the identities alone, never by file names or order, so a reload, a renamed file and an upload
 *   agree. A pinned id is kept as pinned, and articles clashing with it take twelve digits.
 */
export function settleSourceIds(articles: readonly Article[]): { articles: Article[]; refused: LoadError[] } {
  const refused: LoadError[] = [];
  const firstOf = new Map<string, Article>();
  const unique: Article[] = [];
  for (const article of articles) {
    const key = article.identity ?? `pinned:${article.source.id}`;
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, article);
      unique.push(article);
    } else
      refused.push({
        file: article.source.file,
        message: `is the same article as ${first.source.file} (${sameWhat(article)}); it was skipped`,
      });
  }
  const byId = new Map<string, Article[]>();
  for (const article of unique) {
    const clash = byId.get(article.source.id);
    if (clash) clash.push(article);
    else byId.set(article.source.id, [article]);
  }
  const settled = new Map<Article, Article>();
  for (const clash of byId.values()) {
    if (clash.length < 2) continue;
    const computed = clash
      .filter((article) => article.identity !== null)
      .sort((a, b) => (longId(a) < longId(b) ? -1 : 1));
    const keepsShort = clash.length > computed.length ? null : computed[0];
    for (const article of computed)
      if (article !== keepsShort) settled.set(article, withSourceId(article, longId(article)));
  }
  return { articles: unique.map((article) => settled.get(article) ?? article), refused };
}

/** The identity an existing source was given its id from (as `buildArticle` computes it); for comparing an upload with it. */
export function identityOf(source: Source): string {
  return sourceIdentity({
    url: source.url,
    title: source.titleOrigin === 'derived' ? null : source.title,
    fileStem: source.file.replace(/\.[^.]+$/, ''),
  });
}

function longId(article: Article): string {
  return sourceId(article.identity!, LONG_ID_HEX_DIGITS);
}

/** What makes two files the same article, in a moderator's words. */
export function sameWhat(article: Pick<Article, 'identity'>): string {
  if (article.identity === null) return 'its sidecar pins the same id';
  if (article.identity.startsWith('url:')) return 'same url';
  return article.identity.startsWith('title:') ? 'same title' : 'same file name';
}
