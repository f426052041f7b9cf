/**
 * What the ranking layer (engine.ts) needs from an index, and nothing more, in two parts:
 *
 * - `Vocabulary`, what stays in the process and is asked synchronously, a few dozen times per
 *   question: term statistics, typo candidates, written forms, initials (and, for now, the two
 *   phrase lookups reading a question makes: see below). A table of megabytes, exported from
 *   whatever holds the postings.
 * - `Retriever`, asynchronous, asked once or twice per question: the candidates for a set of term
 *   groups under a filter, with their BM25+ scores and the alternatives each matched, and how many
 *   passages under a filter hold a phrase. A search server can implement it; docs/scaling.md maps it
 *   onto OpenSearch / Elasticsearch queries.
 *
 * Commands and rendering see only `SearchIndex`; what sits behind this interface can change without
 * touching them. Implementations (src/search/indexChoice.ts picks one):
 * - `MiniSearchBackend` (minisearchBackend.ts): MiniSearch, one query per alternative; the default
 *   up to the size where it stays fast, its own index saved beside the snapshot (miniSearchFile.ts).
 * - `CompactIndex` (compact.ts): postings in typed arrays, built in one pass, saved and loaded as a
 *   binary snapshot (snapshot.ts); the index above that size. Both give the same answers
 *   (test/search-backends.test.ts).
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
  /**
   * The candidates the ranking needs at least. The in-process backends return every match, which
   * keeps the ranking exact; a search server may cap its results at the `k` best by summed score
   * (its `size`), at the cost docs/scaling.md describes.
   */
  readonly k: number;
}

/**
 * The passages that match at least one alternative, column by column: passage `docs[i]` scores
 * `scores[i * groups + g]` in group g (its best alternative's weighted score, 0 when it matches
 * none) and matched the alternatives whose bits are set in `matched[i * groups + g]` (bit j for
 * alternative j of the group). The arrays may be longer than `count`, and an in-process backend
 * may reuse them: a Retrieval is read before the next `retrieve` call on the same backend (`SearchIndex`
 * answers one question at a time).
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

/**
 * The in-process part: statistics of the indexed terms, the vocabulary for typo correction and
 * WordNet stand-ins, and how words are written. Synchronous: reading a question asks it per word.
 */
interface Vocabulary {
  /** Passages indexed: N in the inverse document frequency. */
  readonly passageCount: number;
  /**
   * Optional: bit i set when passage i belongs to the same article as passage i − 1, when the index
   * holds that already (the compact index does); without it the search context reads every
   * passage's source, tens of milliseconds at a million passages in the thread that answers.
   */
  readonly continues?: Uint32Array;
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
  /**
   * Written forms that begin with `prefix` and are longer, with their term and its document
   * frequency, at most `limit` of them (in the order of the forms): what a word cut short may stand
   * for ("refurb" for "refurbishment").
   */
  formsStarting(prefix: string, limit: number): Array<{ term: string; form: string; frequency: number }>;
  /** Written forms of the term in the passages (lower-cased), the first seen first, at most a few. */
  writtenForms(term: string): readonly string[];
  /** The capitalised phrase the passages mostly spell these initials out as ("fm" -> foreign minist), as terms. */
  spelledOut(initials: string): readonly string[] | undefined;
  /**
   * Passages (in the whole corpus) that hold every term of a phrase: a name's or an expansion's
   * frequency while the question is read. It reads postings, so a server-backed vocabulary would
   * keep the phrases it may be asked (names, spelled-out initials) with their counts.
   */
  phraseFrequency(terms: readonly string[]): number;
  /** The first `limit` passages (by number) that hold every term: where a name's words may stand together. */
  passagesWithAll(terms: readonly string[], limit: number): number[];
}

/** The asynchronous part: what a search server can answer. */
interface Retriever {
  /**
   * Every passage matching at least one alternative, with its best weighted score per group (a
   * backend that cannot return every match returns at least its `k` best: see RetrievalQuery).
   */
  retrieve(query: RetrievalQuery): Promise<Retrieval>;
  /**
   * Optional: what `retrieve(query)` returns, reusing the last retrieval, when `query` is the last
   * one with some probes read whole instead (the ranking's second try). Without it the ranking
   * retrieves afresh.
   */
  extend?(query: RetrievalQuery): Promise<Retrieval>;
  /** Passages under the filter that hold every term of a phrase. */
  phraseCount(terms: readonly string[], filter: PassageFilter | null): Promise<number>;
}

/** An index: both parts, under a short name for logs, `corpus status` and benchmarks ("compact", "minisearch"). */
export interface SearchBackend extends Vocabulary, Retriever {
  readonly name: string;
}
