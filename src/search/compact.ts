/**
 * The default search backend: an inverted index in a handful of typed arrays.
 *
 * - Terms are kept sorted; a term's number is its rank, found by binary search (no hash map to
 *   build at start-up), and the sorted list doubles as an implicit trie for typo lookups.
 * - Postings are one array of passage numbers and one of term counts, sliced per term by
 *   `postingStart` (CSR layout), passage numbers ascending within a term.
 * - Scores are BM25+ exactly as MiniSearch computes them (same length normalisation, same running
 *   average), so the ranking tuned on MiniSearch ranks the same.
 *
 * Per question, each alternative's postings are read once and accumulated into per-group maxima in
 * reused typed arrays; no object is allocated per posting. Everything here is what `snapshot.ts`
 * writes and maps back without rebuilding.
 */
import { runSteps, type Steps } from '../steps.ts';
import { articleStart, bitSet, continuationBits, hasBit, setBit } from './bits.ts';
import { dateSpan } from '../corpus/dates.ts';
import type { Passage, Source } from '../corpus/types.ts';
import { analyzeForIndex } from './analyzer.ts';
import {
  BM25,
  inverseDocumentFrequency,
  type PassageFilter,
  type QueryAlternative,
  type Retrieval,
  type RetrievalQuery,
  type SearchBackend,
} from './backend.ts';
import { FORM_SEPARATOR, LexiconBuilder, type SpelledOut } from './lexicon.ts';
import { firstNotBefore } from './sortedStrings.ts';
import { buildFormTrie, buildTrie, type FormTrie, formAt, formsWithPrefix, searchTrie, type Trie } from './trie.ts';

/** The arrays and tables of a compact index: what a snapshot stores. */
export interface CompactIndexData {
  readonly passageCount: number;
  /** Mean distinct terms per passage, accumulated as MiniSearch does (bit for bit the same average). */
  readonly averageLength: number;
  /** Every term, sorted by UTF-16 code units (JavaScript's `<`). */
  readonly terms: readonly string[];
  /** terms.length + 1 offsets into the postings. */
  readonly postingStart: Uint32Array;
  readonly postingDocs: Uint32Array;
  /** Occurrences of the term in the passage (capped at 65535). */
  readonly postingCounts: Uint16Array;
  /** Per term, the highest BM25+ it scores in any passage: bounds what a probe can add (engine.ts). */
  readonly termScoreMax: Float64Array;
  /** Distinct terms per passage (MiniSearch's field length). */
  readonly passageLength: Uint32Array;
  /** Source number (position in `sources`) of each passage. */
  readonly passageSource: Uint32Array;
  /** Per term, its written forms joined by FORM_SEPARATOR, the first seen first. */
  readonly forms: readonly string[];
  readonly initials: ReadonlyMap<string, SpelledOut>;
}

/** What a compact index derives from its data (`CompactIndex.derive`). */
export interface CompactIndexDerived {
  readonly lengths: Uint16Array | Uint32Array;
  readonly trie: Trie;
  readonly forms: FormTrie;
  readonly continues: Uint32Array;
}

/** Passages indexed between two turns of the event loop in a yielding build (some tens of milliseconds). */
const STEP_PASSAGES = 500;

/** A probe with this many times more postings than there are rows is looked up row by row. */
const GALLOP_RATIO = 16;

/** Filters kept ready: a Discord user paging through answers repeats the same one. */
const CACHED_FILTERS = 16;

export class CompactIndex implements SearchBackend {
  readonly name = 'compact';
  readonly passageCount: number;
  /**
   * Distinct terms per passage, in 16 bits when they fit (they always do for paragraphs): read at
   * random for every posting, and a quarter of the bytes of the ready-made BM25 norms means four
   * times fewer cache misses. The norm is computed as MiniSearch does, so the score is the same.
   */
  private readonly lengths: Uint16Array | Uint32Array;
  // Per-query scratch, reused. A passage has a row when its bit is set in `present` (a bitset,
  // small enough to stay in cache while common words' postings are checked against it); the bits,
  // scores and masks of the last query are cleared when the next one starts.
  private readonly present: Uint32Array;
  /** Neighbours of primary passages that get a row if a probe matches them (`withNeighbours`): a bitset and a list. */
  private readonly wanted: Uint32Array;
  private wantedDocs = new Int32Array(1024);
  private wantedCount = 0;
  /** The query the rows belong to, for `extend`; rows made primary by `extend`. */
  private last: RetrievalQuery | null = null;
  private readonly promoted: number[] = [];
  private readonly rows: Int32Array;
  private count = 0;
  private width = 0;
  private docs = new Int32Array(1024);
  private scores = new Float64Array(1024);
  private matched = new Uint32Array(1024);
  private primary = new Uint8Array(1024);
  private previousRows = new Int32Array(1024);
  /** Bit i: passage i belongs to the same source as passage i − 1. */
  readonly continues: Uint32Array;
  private readonly filterMasks = new Map<string, Uint8Array>();
  private sourceSpans: Array<{ first: string; last: string } | null> | undefined;
  /** The terms as a trie, for typo lookups (built with the index: ~50 ms and ~3 MB at a million passages). */
  private readonly trie: Trie;
  /** The written forms as a trie, for typos whose stem is far from their word's ("evacuaton"). */
  private readonly forms: FormTrie;

  constructor(
    readonly data: CompactIndexData,
    /** The sources passages point at (by `passageSource`), for filters. */
    readonly sources: readonly Source[],
    /** What the index derives from `data`, when it was derived already (by the thread that built the index). */
    derived: CompactIndexDerived = CompactIndex.derive(data),
  ) {
    this.passageCount = data.passageCount;
    this.lengths = derived.lengths;
    this.trie = derived.trie;
    this.forms = derived.forms;
    this.present = bitSet(data.passageCount);
    this.wanted = bitSet(data.passageCount);
    this.continues = derived.continues;
    this.rows = new Int32Array(data.passageCount);
  }

  /**
   * What the constructor derives from the data: tens of milliseconds at a million passages, which a
   * worker thread that builds the index does and hands over with it (typed arrays: transferred).
   */
  static derive(data: CompactIndexData): CompactIndexDerived {
    let longest = 0;
    for (let doc = 0; doc < data.passageCount; doc++) longest = Math.max(longest, data.passageLength[doc]!);
    return {
      lengths: longest < 65536 ? Uint16Array.from(data.passageLength) : data.passageLength,
      trie: buildTrie(data.terms),
      forms: buildFormTrie(data.forms, FORM_SEPARATOR),
      continues: continuationBits(data.passageCount, (doc) => data.passageSource[doc] === data.passageSource[doc - 1]),
    };
  }

  /** What this index derived from its data (see `derive`). */
  get derived(): CompactIndexDerived {
    return { lengths: this.lengths, trie: this.trie, forms: this.forms, continues: this.continues };
  }

  /** BM25's length normalisation for a passage, as MiniSearch writes it (same operations, same result). */
  private norm(doc: number): number {
    const { k, b } = BM25;
    return k * (1 - b + (b * this.lengths[doc]!) / this.data.averageLength);
  }

  /** Indexes passages in one pass: analysis, postings, written forms and initials. */
  static build(passages: readonly Passage[], sources: readonly Source[]): CompactIndex {
    return runSteps(CompactIndex.buildSteps(passages, sources));
  }

  /** `build` in slices of STEP_PASSAGES passages (see src/steps.ts). */
  static *buildSteps(passages: readonly Passage[], sources: readonly Source[]): Steps<CompactIndex> {
    const lexicon = new LexiconBuilder();
    const sourceNumbers = new Map<Source, number>(sources.map((source, i) => [source, i]));
    const allSources = [...sources];
    const termNumbers = new Map<string, number>();
    const termList: string[] = [];
    const passageLength = new Uint32Array(passages.length);
    const passageSource = new Uint32Array(passages.length);
    let lastSeen = new Int32Array(1024).fill(-1);
    let countInPassage = new Uint32Array(1024);
    let flatTerms = new Uint32Array(1 << 16);
    let flatCounts = new Uint16Array(1 << 16);
    let postings = 0;
    let averageLength = 0;
    const local: number[] = [];

    for (let doc = 0; doc < passages.length; doc++) {
      if (doc > 0 && doc % STEP_PASSAGES === 0) yield;
      const passage = passages[doc]!;
      let sourceNumber = sourceNumbers.get(passage.source);
      if (sourceNumber === undefined) {
        sourceNumbers.set(passage.source, (sourceNumber = allSources.length));
        allSources.push(passage.source);
      }
      passageSource[doc] = sourceNumber;
      const { terms, phrases } = analyzeForIndex(passage.text);
      local.length = 0;
      for (const { term, word } of terms) {
        let id = termNumbers.get(term);
        if (id === undefined) {
          id = termList.length;
          termNumbers.set(term, id);
          termList.push(term);
          if (id >= lastSeen.length) {
            const grownSeen = new Int32Array(lastSeen.length * 2).fill(-1);
            grownSeen.set(lastSeen);
            lastSeen = grownSeen;
            const grownCounts = new Uint32Array(countInPassage.length * 2);
            grownCounts.set(countInPassage);
            countInPassage = grownCounts;
          }
        }
        lexicon.addForm(term, word);
        if (lastSeen[id] !== doc) {
          lastSeen[id] = doc;
          countInPassage[id] = 1;
          local.push(id);
        } else countInPassage[id]!++;
      }
      for (const { initials, terms: phraseTerms } of phrases) lexicon.addPhrase(initials, phraseTerms);
      if (postings + local.length > flatTerms.length) {
        const size = Math.max(flatTerms.length * 2, postings + local.length);
        const grownTerms = new Uint32Array(size);
        grownTerms.set(flatTerms.subarray(0, postings));
        flatTerms = grownTerms;
        const grownCounts = new Uint16Array(size);
        grownCounts.set(flatCounts.subarray(0, postings));
        flatCounts = grownCounts;
      }
      for (const id of local) {
        flatTerms[postings] = id;
        flatCounts[postings] = Math.min(65535, countInPassage[id]!);
        postings++;
      }
      passageLength[doc] = local.length;
      // MiniSearch's running average, step for step, so scores match it to the last bit.
      averageLength = (averageLength * doc + local.length) / (doc + 1);
    }
    yield;

    // Number terms by their sorted rank, then lay the postings out term by term (a counting sort:
    // passages were visited in order, so each term's passages come out ascending).
    const order = termList.map((_, i) => i).sort((a, b) => (termList[a]! < termList[b]! ? -1 : 1));
    const rank = new Uint32Array(termList.length);
    order.forEach((id, r) => (rank[id] = r));
    const postingStart = new Uint32Array(termList.length + 1);
    for (let i = 0; i < postings; i++) postingStart[rank[flatTerms[i]!]! + 1]!++;
    for (let t = 0; t < termList.length; t++) postingStart[t + 1]! += postingStart[t]!;
    const fill = postingStart.slice(0, termList.length);
    const postingDocs = new Uint32Array(postings);
    const postingCounts = new Uint16Array(postings);
    let at = 0;
    for (let doc = 0; doc < passages.length; doc++) {
      if (doc > 0 && doc % (STEP_PASSAGES * 100) === 0) yield;
      for (let end = at + passageLength[doc]!; at < end; at++) {
        const slot = fill[rank[flatTerms[at]!]!]!++;
        postingDocs[slot] = doc;
        postingCounts[slot] = flatCounts[at]!;
      }
    }
    yield;
    const terms = order.map((id) => termList[id]!);
    const forms = terms.map((term) => lexicon.forms.get(term)!.join(FORM_SEPARATOR));
    const termScoreMax = maximumScores(
      passages.length,
      averageLength,
      postingStart,
      postingDocs,
      postingCounts,
      passageLength,
    );
    return new CompactIndex(
      {
        passageCount: passages.length,
        averageLength,
        terms,
        postingStart,
        postingDocs,
        postingCounts,
        termScoreMax,
        passageLength,
        passageSource,
        forms,
        initials: lexicon.initials,
      },
      allSources,
    );
  }

  /** The term's number (its rank), or -1. */
  private termNumber(term: string): number {
    const { terms } = this.data;
    const at = firstNotBefore(terms, term);
    return terms[at] === term ? at : -1;
  }

  documentFrequency(term: string): number {
    const id = this.termNumber(term);
    return id < 0 ? 0 : this.data.postingStart[id + 1]! - this.data.postingStart[id]!;
  }

  scoreBound(term: string): number {
    const id = this.termNumber(term);
    return id < 0 ? 0 : this.data.termScoreMax[id]!;
  }

  writtenForms(term: string): readonly string[] {
    const id = this.termNumber(term);
    return id < 0 ? [] : this.data.forms[id]!.split(FORM_SEPARATOR);
  }

  spelledOut(initials: string): readonly string[] | undefined {
    return this.data.initials.get(initials)?.terms;
  }

  termsNear(term: string, maxEdits: number): Array<{ term: string; frequency: number }> {
    const { terms } = this.data;
    const found: Array<{ term: string; frequency: number }> = [];
    searchTrie(this.trie, term, maxEdits, (id) => found.push({ term: terms[id]!, frequency: this.frequencyOf(id) }));
    return found;
  }

  formsNear(word: string, maxEdits: number): Array<{ term: string; form: string; frequency: number }> {
    const found: Array<{ term: string; form: string; frequency: number }> = [];
    searchTrie(this.forms.trie, word, maxEdits, (index) => found.push(this.formFound(index)));
    return found;
  }

  formsStarting(prefix: string, limit: number): Array<{ term: string; form: string; frequency: number }> {
    return formsWithPrefix(this.forms, prefix, limit).map((index) => this.formFound(index));
  }

  /** Form `index` of the form trie, with its term and the term's frequency. */
  private formFound(index: number): { term: string; form: string; frequency: number } {
    const id = this.forms.termOf[index]!;
    return { term: this.data.terms[id]!, form: formAt(this.forms, index), frequency: this.frequencyOf(id) };
  }

  private frequencyOf(id: number): number {
    return this.data.postingStart[id + 1]! - this.data.postingStart[id]!;
  }

  phraseFrequency(terms: readonly string[]): number {
    return this.countPhrase(terms, null);
  }

  async phraseCount(terms: readonly string[], filter: PassageFilter | null): Promise<number> {
    return this.countPhrase(terms, filter);
  }

  private countPhrase(terms: readonly string[], filter: PassageFilter | null): number {
    let count = 0;
    this.intersect(terms, this.maskFor(filter), () => {
      count++;
    });
    return count;
  }

  passagesWithAll(terms: readonly string[], limit: number): number[] {
    const docs: number[] = [];
    this.intersect(terms, null, (doc) => docs.push(doc) < limit);
    return docs;
  }

  /**
   * Calls `visit(doc, scoreSum)` for each passage (passing the mask) holding every term, with the
   * sum of the terms' BM25+ in phrase order, as MiniSearch's AND query adds them; stops when it returns false.
   */
  private intersect(
    phrase: readonly string[],
    mask: Uint8Array | null,
    // biome-ignore lint/suspicious/noConfusingVoidType: a visitor that returns nothing goes on; one that returns false stops.
    visit: (doc: number, sum: number) => boolean | void,
  ): void {
    const { postingStart, postingDocs, postingCounts, passageSource } = this.data;
    const ids = phrase.map((term) => this.termNumber(term));
    if (ids.some((id) => id < 0)) return;
    const shortest = ids.reduce((a, b) =>
      postingStart[a + 1]! - postingStart[a]! <= postingStart[b + 1]! - postingStart[b]! ? a : b,
    );
    const cursors = ids.map((id) => postingStart[id]!);
    const idfs = ids.map((id) =>
      inverseDocumentFrequency(postingStart[id + 1]! - postingStart[id]!, this.passageCount),
    );
    const { d, k } = BM25;
    outer: for (let p = postingStart[shortest]!; p < postingStart[shortest + 1]!; p++) {
      const doc = postingDocs[p]!;
      if (mask && mask[passageSource[doc]!] === 0) continue;
      let sum = 0;
      for (let t = 0; t < ids.length; t++) {
        const end = postingStart[ids[t]! + 1]!;
        let cursor = cursors[t]!;
        while (cursor < end && postingDocs[cursor]! < doc) cursor++;
        cursors[t] = cursor;
        if (cursor === end || postingDocs[cursor] !== doc) continue outer;
        const count = postingCounts[cursor]!;
        sum += idfs[t]! * (d + (count * (k + 1)) / (count + this.norm(doc)));
      }
      if (visit(doc, sum) === false) return;
    }
  }

  // Computed at once: the promise only lets a remote backend stand in (backend.ts).
  async retrieve(query: RetrievalQuery): Promise<Retrieval> {
    // Clear what the last query left.
    const present = this.present;
    for (let row = 0; row < this.count; row++) present[this.docs[row]! >>> 5] = 0;
    this.scores.fill(0, 0, this.count * this.width);
    this.matched.fill(0, 0, this.count * this.width);
    const wanted = this.wanted;
    for (let i = 0; i < this.wantedCount; i++) wanted[this.wantedDocs[i]! >>> 5] = 0;
    this.wantedCount = 0;
    this.count = 0;
    this.promoted.length = 0;
    this.width = query.groups.length;
    this.last = query;
    const mask = this.maskFor(query.filter);

    query.groups.forEach((alternatives, group) => {
      alternatives.forEach((alternative, index) => {
        if (!alternative.probe) this.scan(group, index, alternative, mask, false);
      });
    });
    if (query.withNeighbours) this.wantNeighbours(0, this.count);
    this.probe(query, mask);
    return this.retrieval();
  }

  /**
   * Goes on from the last `retrieve` (or `extend`) when `query` is the same but for probes read
   * whole now: the rows, scores and masks so far stay (a probe scored a passage exactly as a
   * whole read does), only the newly whole alternatives are read, the new primaries' neighbours
   * marked, and the probes left applied again (which changes nothing where they were). The result
   * is the one `retrieve(query)` gives, for less. Any other query is retrieved afresh.
   */
  async extend(query: RetrievalQuery): Promise<Retrieval> {
    const last = this.last;
    const same =
      last !== null &&
      last.filter === query.filter &&
      Boolean(last.withNeighbours) === Boolean(query.withNeighbours) &&
      last.groups.length === query.groups.length &&
      query.groups.every((alternatives, g) => {
        const before = last.groups[g]!;
        return (
          before.length === alternatives.length &&
          alternatives.every(
            (a, i) =>
              a.weight === before[i]!.weight &&
              a.terms.join(' ') === before[i]!.terms.join(' ') &&
              (!a.probe || before[i]!.probe === true),
          )
        );
      });
    if (!same) return this.retrieve(query);
    this.last = query;
    const mask = this.maskFor(query.filter);
    const firstNew = this.count;
    this.promoted.length = 0;
    query.groups.forEach((alternatives, group) => {
      alternatives.forEach((alternative, index) => {
        if (!alternative.probe && last.groups[group]![index]!.probe) this.scan(group, index, alternative, mask, false);
      });
    });
    if (query.withNeighbours) {
      this.wantNeighbours(firstNew, this.count);
      for (const row of this.promoted) this.wantNeighbours(row, row + 1);
    }
    this.probe(query, mask);
    return this.retrieval();
  }

  /**
   * Marks the neighbours (same article) of the primary rows from `first` to `end` (exclusive), and
   * their article's first paragraph, which the ranking reads them with too.
   */
  private wantNeighbours(first: number, end: number): void {
    const continues = this.continues;
    for (let row = first; row < end; row++) {
      if (this.primary[row] !== 1) continue;
      const doc = this.docs[row]!;
      if (hasBit(continues, doc)) {
        this.want(doc - 1);
        this.want(articleStart(continues, doc));
      }
      const next = doc + 1;
      if (next < this.passageCount && hasBit(continues, next)) this.want(next);
    }
  }

  /**
   * Applies the probes to the rows and the wanted neighbours. A probe whose postings far outnumber
   * them is looked up passage by passage (galloping through its postings in passage order)
   * rather than read whole.
   */
  private probe(query: RetrievalQuery, mask: Uint8Array | null): void {
    let sorted: Int32Array | undefined;
    const candidates = (): Int32Array => {
      const all = new Int32Array(this.count + this.wantedCount);
      all.set(this.docs.subarray(0, this.count));
      all.set(this.wantedDocs.subarray(0, this.wantedCount), this.count);
      return all.sort();
    };
    query.groups.forEach((alternatives, group) => {
      alternatives.forEach((alternative, index) => {
        if (!alternative.probe) return;
        const id = alternative.terms.length === 1 ? this.termNumber(alternative.terms[0]!) : -1;
        const postings = id < 0 ? 0 : this.data.postingStart[id + 1]! - this.data.postingStart[id]!;
        if (postings > GALLOP_RATIO * (this.count + this.wantedCount))
          this.lookUp(group, index, alternative.weight, id, (sorted ??= candidates()));
        else this.scan(group, index, alternative, mask, true);
      });
    });
  }

  private retrieval(): Retrieval {
    const present = this.present;
    const rows = this.rows;
    return {
      count: this.count,
      docs: this.docs,
      scores: this.scores,
      matched: this.matched,
      primary: this.primary,
      previousRow: this.previousRows,
      rowOf: (doc) => (doc >= 0 && doc < this.passageCount && hasBit(present, doc) ? rows[doc]! : -1),
    };
  }

  /** A neighbour's row matched by a whole-read alternative becomes primary. */
  private promote(row: number): void {
    this.primary[row] = 1;
    this.promoted.push(row);
  }

  /** Marks a passage to get a row if a probe matches it (unless it has one). */
  private want(doc: number): void {
    const wanted = this.wanted;
    if (this.has(doc) || hasBit(wanted, doc)) return;
    setBit(wanted, doc);
    if (this.wantedCount === this.wantedDocs.length)
      this.wantedDocs = grow(this.wantedDocs, this.wantedDocs.length * 2);
    this.wantedDocs[this.wantedCount++] = doc;
  }

  private has(doc: number): boolean {
    return hasBit(this.present, doc);
  }

  /** A zeroed row for the passage (the arrays grow as needed). */
  private addRow(doc: number, primary: number): number {
    const row = this.count++;
    if (row === this.docs.length) {
      this.docs = grow(this.docs, this.docs.length * 2);
      this.primary = grow(this.primary, this.docs.length);
      this.previousRows = grow(this.previousRows, this.docs.length);
    }
    if ((row + 1) * this.width > this.scores.length) {
      const size = Math.max(this.scores.length * 2, (row + 1) * this.width);
      this.scores = grow(this.scores, size);
      this.matched = grow(this.matched, size);
    }
    setBit(this.present, doc);
    this.rows[doc] = row;
    this.docs[row] = doc;
    this.primary[row] = primary;
    // Link the row with the rows of the passages around it in the same article (the ranking
    // reads a passage with the one before): next to `rows[doc]`, so in the same cache line.
    const continues = this.continues;
    this.previousRows[row] = hasBit(continues, doc) && this.has(doc - 1) ? this.rows[doc - 1]! : -1;
    const next = doc + 1;
    if (next < this.passageCount && hasBit(continues, next) && this.has(next))
      this.previousRows[this.rows[next]!] = row;
    return row;
  }

  /** Scores a probe term in the passages `docs` lists (in order: the rows' and the wanted neighbours') by galloping through its postings. */
  private lookUp(group: number, index: number, weight: number, id: number, docs: Int32Array): void {
    const { postingStart, postingDocs, postingCounts } = this.data;
    const { d, k, b } = BM25;
    const end = postingStart[id + 1]!;
    const idf = inverseDocumentFrequency(end - postingStart[id]!, this.passageCount);
    const average = this.data.averageLength;
    const bit = 1 << index;
    const width = this.width;
    let at = postingStart[id]!;
    for (let i = 0; i < docs.length && at < end; i++) {
      const doc = docs[i]!;
      if (postingDocs[at]! < doc) {
        // Exponential search for the first posting at or after `doc`.
        let step = 1;
        let low = at;
        while (at + step < end && postingDocs[at + step]! < doc) {
          low = at + step;
          step *= 2;
        }
        let high = Math.min(end, at + step);
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (postingDocs[middle]! < doc) low = middle + 1;
          else high = middle;
        }
        at = low;
        if (at === end) break;
      }
      if (postingDocs[at] !== doc) continue;
      const frequency = postingCounts[at]!;
      const score =
        weight * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * this.lengths[doc]!) / average))));
      // `docs` holds the rows' passages and the wanted neighbours: a neighbour gets its row now.
      const cell = (this.has(doc) ? this.rows[doc]! : this.addRow(doc, 0)) * width + group;
      if (score > this.scores[cell]!) this.scores[cell] = score;
      this.matched[cell]! |= bit;
    }
  }

  /** Scores one alternative's postings into its group's column; a probe only where a row exists. */
  private scan(
    group: number,
    index: number,
    alternative: QueryAlternative,
    mask: Uint8Array | null,
    probe: boolean,
  ): void {
    const bit = 1 << index;
    const width = this.width;
    const weight = alternative.weight;
    if (alternative.terms.length > 1) {
      const distinct = new Set(alternative.terms).size;
      this.intersect(alternative.terms, mask, (doc, sum) => {
        if (probe && !this.has(doc) && !hasBit(this.wanted, doc)) return;
        const row = this.has(doc) ? this.rows[doc]! : this.addRow(doc, probe ? 0 : 1);
        if (!probe && this.primary[row] === 0) this.promote(row);
        const cell = row * width + group;
        const score = weight * (sum * distinct);
        if (score > this.scores[cell]!) this.scores[cell] = score;
        this.matched[cell]! |= bit;
      });
      return;
    }
    const id = this.termNumber(alternative.terms[0]!);
    if (id < 0) return;
    const { postingStart, postingDocs, postingCounts, passageSource } = this.data;
    const { d, k } = BM25;
    const start = postingStart[id]!;
    const end = postingStart[id + 1]!;
    const idf = inverseDocumentFrequency(end - start, this.passageCount);
    const present = this.present;
    const wanted = this.wanted;
    const rows = this.rows;
    const lengths = this.lengths;
    const { b } = BM25;
    const average = this.data.averageLength;
    let scores = this.scores;
    let matched = this.matched;
    for (let p = start; p < end; p++) {
      const doc = postingDocs[p]!;
      let row: number;
      if (hasBit(present, doc)) {
        row = rows[doc]!;
        // A neighbour's row that a non-probe alternative matches is primary now (`extend`).
        if (!probe && this.primary[row] === 0) this.promote(row);
      } else if (probe ? !hasBit(wanted, doc) : mask !== null && mask[passageSource[doc]!] === 0) continue;
      else {
        row = this.addRow(doc, probe ? 0 : 1);
        scores = this.scores;
        matched = this.matched;
      }
      const frequency = postingCounts[p]!;
      // The same expression as `norm`, inlined.
      const score =
        weight * (idf * (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * lengths[doc]!) / average))));
      const cell = row * width + group;
      if (score > scores[cell]!) scores[cell] = score;
      matched[cell]! |= bit;
    }
  }

  /** Which sources pass the filter (1) or not (0); null when there is no filter. */
  private maskFor(filter: PassageFilter | null): Uint8Array | null {
    if (!filter || (!filter.from && !filter.to && !filter.sourceId)) return null;
    const key = `${filter.sourceId ?? ''}|${filter.from ?? ''}|${filter.to ?? ''}`;
    const cached = this.filterMasks.get(key);
    if (cached) return cached;
    this.sourceSpans ??= this.sources.map((source) => (source.date ? dateSpan(source.date) : null));
    const mask = new Uint8Array(this.sources.length);
    const { sourceId, from, to } = filter;
    this.sources.forEach((source, i) => {
      if (sourceId && source.id !== sourceId) return;
      if (from || to) {
        const span = this.sourceSpans![i];
        if (!span || (from && span.last < from) || (to && span.first > to)) return;
      }
      mask[i] = 1;
    });
    if (this.filterMasks.size >= CACHED_FILTERS) this.filterMasks.delete(this.filterMasks.keys().next().value!);
    this.filterMasks.set(key, mask);
    return mask;
  }
}

function grow<T extends Int32Array | Uint32Array | Uint8Array | Float64Array>(array: T, size: number): T {
  const grown = new (array.constructor as new (size: number) => T)(size);
  grown.set(array);
  return grown;
}

/** Per term, its highest BM25+ over its postings: what it can add to any passage's score, at most. */
function maximumScores(
  passageCount: number,
  averageLength: number,
  postingStart: Uint32Array,
  postingDocs: Uint32Array,
  postingCounts: Uint16Array,
  passageLength: Uint32Array,
): Float64Array {
  const { d, k, b } = BM25;
  const terms = postingStart.length - 1;
  const maxima = new Float64Array(terms);
  for (let t = 0; t < terms; t++) {
    const start = postingStart[t]!;
    const end = postingStart[t + 1]!;
    const idf = inverseDocumentFrequency(end - start, passageCount);
    let best = 0;
    for (let p = start; p < end; p++) {
      const frequency = postingCounts[p]!;
      const score =
        idf *
        (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * passageLength[postingDocs[p]!]!) / averageLength)));
      if (score > best) best = score;
    }
    maxima[t] = best;
  }
  return maxima;
}
