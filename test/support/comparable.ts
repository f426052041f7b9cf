import type { SearchResult } from '../../src/search/engine.ts';

/** A result as data, passages by id, so results from two indexes (or two loads of one) compare. */
export function plain(result: SearchResult): unknown {
  return {
    ...result,
    hits: result.hits.map((hit) => ({
      ...hit,
      passage: hit.passage.id,
      alsoIn: hit.alsoIn.map((source) => source.id),
    })),
  };
}
