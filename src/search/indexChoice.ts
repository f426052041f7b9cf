/**
 * Which index answers: MiniSearch for corpora up to the size where it stays fast, the compact
 * index above it (the same answers, test/search-backends.test.ts), unless the operator forces one
 * (SEARCH_INDEX). Pure: answeringIndex.ts builds or loads what this chooses.
 */

/** The settings SEARCH_INDEX takes: `auto` chooses by the corpus's size. */
export const INDEX_SETTINGS = ['auto', 'minisearch', 'compact'] as const;
export type IndexSetting = (typeof INDEX_SETTINGS)[number];

/** The indexes that can answer, as `corpus status --json` names them. */
export const INDEX_NAMES = ['minisearch', 'compact'] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

/**
 * Passages up to which MiniSearch answers under `auto`. Measured with `npm run bench`
 * (docs/scaling.md, "Which index answers"): at 10,000 passages Dossier over MiniSearch takes a p99
 * of about 60 ms of CPU per question, near the compact index's; at 20,000 about 120 ms, five times
 * the compact index's, and its cost grows with the passages the question's common words match.
 */
export const MINISEARCH_MAX_PASSAGES = 10_000;

export function chooseIndex(passages: number, setting: IndexSetting): IndexName {
  if (setting !== 'auto') return setting;
  return passages <= MINISEARCH_MAX_PASSAGES ? 'minisearch' : 'compact';
}
