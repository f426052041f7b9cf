/**
 * What the ranking layer (engine.ts) needs from an index, and nothing more: term statistics, the
 * vocabulary (for typo correction and WordNet stand-ins), and candidate retrieval with BM25+ scores
 * and the alternatives each candidate matched, under a source/date filter. Commands and rendering
 * see only `SearchIndex`; what sits behind this interface can change without touching them.
 *
 * Implementations:
 * - `CompactIndex` (compact.ts), the default: postings in typed arrays, built in one pass, saved and
 *   loaded as a binary snapshot (snapshot.ts).
 * - `MiniSearchBackend` (minisearchBackend.ts): the same answers from MiniSearch, kept as the
 *   reference the compact index is checked against, and for comparison in `npm run bench`.
 * - A distributed engine (OpenSearch, Elasticsearch) fits as well; docs/scaling.md maps each method
 *   to its query (dis_max per group with boosts, named queries, filters on source id and date).
 *
 * Passages are numbered by their position in `Corpus.passages`; every method speaks those numbers.
 */

/** BM25+ as MiniSearch computes it (its defaults), so scores stay those the ranking was tuned on. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** BM25+'s inverse document frequency, as MiniSearch computes it. */
export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Which passages may be returned: those of one article, and/or of articles dated in a range. */
export interface PassageFilter {
  readonly sourceId?: string | null;
  /** Inclusive bounds on the article's date, YYYY-MM-DD; undated articles are left out when either is set. */
  readonly from?: string | null;
  readonly to?: string | null;
}

/** One way a question word may be matched: one term, or a phrase whose terms must all be present. */
export interface QueryAlternative {
  readonly terms: readonly string[];
  /**
   * Multiplies the alternative's score. A term scores its BM25+; a phrase, like MiniSearch's AND
   * query, the sum of its terms' BM25+ times the number of distinct terms.
   */
  readonly weight: number;
  /**
   * Only scored in passages that another, non-probe alternative matches (and in their
   * neighbours, with `withNeighbours`): a common word adds its score to candidates found through
   * rarer ones, without making every passage that has it a candidate. Backends may ignore it and
   * return every match; the ranking checks a bound before it relies on probes (engine.ts).
   */
  readonly probe?: boolean;
}

export interface RetrievalQuery {
  /** Per question word, its alternatives (at most 32); per group a passage keeps its best-scoring one. */
  readonly groups: ReadonlyArray<readonly QueryAlternative[]>;
  readonly filter: PassageFilter | null;
  /**
   * Also score probes in the passages just before and after each primary passage in the same
   * article (a row for each that a probe matches): the ranking reads a passage with its previous
   * one. Only needed with probes: without them every match has its row anyway.
   */
  readonly withNeighbours?: boolean;
}

/**
 * The passages that match at least one alternative, column by column: passage `docs[i]` scores
 * `scores[i * groups + g]` in group g (its best alternative's weighted score, 0 when it matches
 * none) and matched the alternatives whose bits are set in `matched[i * groups + g]` (bit j for
 * alternative j of the group). The arrays may be longer than `count`, and an in-process backend
 * may reuse them: a Retrieval is read before the next `retrieve` call on the same backend.
 */
export interface Retrieval {
  readonly count: number;
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  readonly matched: Uint32Array;
  /** 1 for a row whose passage matched a non-probe alternative itself, 0 for a neighbour matched by probes only (`withNeighbours`). */
  readonly primary: Uint8Array;
  /** Row of a passage in the columns above, or -1 when it has none. */
  rowOf(doc: number): number;
  /**
   * Optional, a shortcut the ranking uses when given: per row, the row of the passage just
   * before it in the same article, or -1 (as `rowOf(doc - 1)` when they share an article).
   */
  readonly previousRow?: Int32Array;
}

export interface SearchBackend {
  /** Short name for logs and benchmarks ("compact", "minisearch"). */
  readonly name: string;
  /** Passages indexed: N in the inverse document frequency. */
  readonly passageCount: number;
  /** Passages the term occurs in; 0 when the corpus lacks it. */
  documentFrequency(term: string): number;
  /** At least the highest BM25+ the term scores in any passage (0 when the corpus lacks it). */
  scoreBound(term: string): number;
  /**
   * Known terms within `maxEdits` edits of `term` (insertions, deletions, substitutions, and swaps
   * of two neighbouring letters: optimal string alignment), each with its document frequency: the
   * candidates typo correction chooses from. Should cost what the word costs, not the vocabulary.
   */
  termsNear(term: string, maxEdits: number): Array<{ term: string; frequency: number }>;
  /**
   * Written forms of terms within `maxEdits` edits of `word` (as `termsNear`), with their term and
   * its document frequency: typos are made on words, and a stem can be far from its word's
   * ("evacuaton" is one edit from "evacuation", four from its stem "evacu").
   */
  formsNear(word: string, maxEdits: number): Array<{ term: string; form: string; frequency: number }>;
  /** Written forms of the term in the passages (lower-cased), the first seen first, at most a few. */
  writtenForms(term: string): readonly string[];
  /** The capitalised phrase the passages mostly spell these initials out as ("fm" -> foreign minist), as terms. */
  spelledOut(initials: string): readonly string[] | undefined;
  /** Passages (under the filter) that hold every term of a phrase. */
  phraseFrequency(terms: readonly string[], filter: PassageFilter | null): number;
  /** The first `limit` passages (by number) that hold every term: where a name's words may stand together. */
  passagesWithAll(terms: readonly string[], limit: number): number[];
  /** Every passage matching at least one alternative, with its best weighted score per group. */
  retrieve(query: RetrievalQuery): Retrieval;
  /**
   * Optional: what `retrieve(query)` returns, reusing the last retrieval, when `query` is the last
   * one with some probes read whole instead (the ranking's second try). Without it the ranking
   * retrieves afresh.
   */
  extend?(query: RetrievalQuery): Retrieval;
}
