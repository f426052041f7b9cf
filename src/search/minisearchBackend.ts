/**
 * The search backend on MiniSearch: one MiniSearch query per alternative, its `filter` applied
 * after scoring. The default index up to the size where it stays fast (indexChoice.ts); above it
 * the compact index gives the same answers (test/search-backends.test.ts) faster. Its own index is
 * saved beside the snapshot (miniSearchFile.ts), as MiniSearch's JSON: fine at the sizes it
 * answers for, though that JSON tops out near V8's 512 MiB string limit at a million passages.
 */
import MiniSearch, { type Options } from 'minisearch';
import { dateSpan } from '../corpus/dates.ts';
import type { Passage } from '../corpus/types.ts';
import { runSteps, type Steps } from '../steps.ts';
import { analyzeForIndex } from './analyzer.ts';
import type { PassageFilter, Retrieval, RetrievalQuery, SearchBackend } from './backend.ts';
import { RadixVocabulary } from './fuzzy.ts';
import { LexiconBuilder, type SpelledOut } from './lexicon.ts';

interface IndexedDoc {
  readonly id: number;
  readonly terms: string;
}

/**
 * MiniSearch over the analyzer's terms, joined by spaces: the analysis is Dossier's, so MiniSearch
 * neither splits nor changes them. Loading a saved index needs the same options.
 */
export const MINISEARCH_OPTIONS: Options<IndexedDoc> = {
  fields: ['terms'],
  tokenize: (text) => (text === '' ? [] : text.split(' ')),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
};

/** Passages indexed between two turns of the event loop in a yielding build. */
const STEP_PASSAGES = 500;

/** What a MiniSearch backend is made of, and what its file saves: MiniSearch's index and the vocabulary beside it. */
export interface MiniSearchParts {
  readonly mini: MiniSearch<IndexedDoc>;
  /** Passages per term, in the order the terms were first seen. */
  readonly frequency: ReadonlyMap<string, number>;
  /** Written forms per term, the first seen first (lexicon.ts). */
  readonly forms: ReadonlyMap<string, readonly string[]>;
  readonly initials: ReadonlyMap<string, SpelledOut>;
}

export class MiniSearchBackend implements SearchBackend {
  readonly name = 'minisearch';
  readonly passageCount: number;
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly vocabulary: RadixVocabulary;
  private forms: { vocabulary: RadixVocabulary; termOf: Map<string, string> } | undefined;

  constructor(
    /** The passages indexed, numbered by position: for filters. */
    private readonly passages: readonly Passage[],
    readonly parts: MiniSearchParts,
  ) {
    if (parts.mini.documentCount !== passages.length)
      throw new Error(
        `MiniSearchBackend: MiniSearch holds ${parts.mini.documentCount} passages, the corpus has ${passages.length}`,
      );
    this.mini = parts.mini;
    this.vocabulary = new RadixVocabulary(parts.frequency);
    this.passageCount = passages.length;
  }

  static build(passages: readonly Passage[]): MiniSearchBackend {
    return runSteps(MiniSearchBackend.buildSteps(passages));
  }

  /** `build` in slices of STEP_PASSAGES passages (see src/steps.ts). */
  static *buildSteps(passages: readonly Passage[]): Steps<MiniSearchBackend> {
    const mini = new MiniSearch<IndexedDoc>(MINISEARCH_OPTIONS);
    const frequency = new Map<string, number>();
    const lexicon = new LexiconBuilder();
    for (let id = 0; id < passages.length; id++) {
      if (id > 0 && id % STEP_PASSAGES === 0) yield;
      const { terms, phrases } = analyzeForIndex(passages[id]!.text);
      for (const term of new Set(terms.map((t) => t.term))) frequency.set(term, (frequency.get(term) ?? 0) + 1);
      for (const { term, word } of terms) lexicon.addForm(term, word);
      for (const { initials, terms: phraseTerms } of phrases) lexicon.addPhrase(initials, phraseTerms);
      mini.add({ id, terms: terms.map((t) => t.term).join(' ') });
    }
    return new MiniSearchBackend(passages, { mini, frequency, forms: lexicon.forms, initials: lexicon.initials });
  }

  documentFrequency(term: string): number {
    return this.parts.frequency.get(term) ?? 0;
  }

  /** Unknown without scanning the postings: no bound, so the ranking never relies on probes here. */
  scoreBound(term: string): number {
    return this.parts.frequency.has(term) ? Number.POSITIVE_INFINITY : 0;
  }

  termsNear(term: string, maxEdits: number): Array<{ term: string; frequency: number }> {
    return this.vocabulary.near(term, maxEdits);
  }

  formsNear(word: string, maxEdits: number): Array<{ term: string; form: string; frequency: number }> {
    const { termOf, vocabulary } = this.formVocabulary();
    return vocabulary
      .near(word, maxEdits)
      .map(({ term: form, frequency }) => ({ term: termOf.get(form)!, form, frequency }));
  }

  formsStarting(prefix: string, limit: number): Array<{ term: string; form: string; frequency: number }> {
    const { termOf, vocabulary } = this.formVocabulary();
    return vocabulary
      .starting(prefix, limit)
      .map(({ term: form, frequency }) => ({ term: termOf.get(form)!, form, frequency }));
  }

  /** The written forms as a radix tree, built on the first typo or cut word that needs it. */
  private formVocabulary(): NonNullable<MiniSearchBackend['forms']> {
    if (!this.forms) {
      const termOf = new Map<string, string>();
      for (const [term, forms] of this.parts.forms) for (const form of forms) termOf.set(form, term);
      this.forms = {
        termOf,
        vocabulary: new RadixVocabulary(
          new Map([...termOf].map(([form, term]) => [form, this.parts.frequency.get(term) ?? 0])),
        ),
      };
    }
    return this.forms;
  }

  writtenForms(term: string): readonly string[] {
    return this.parts.forms.get(term) ?? [];
  }

  spelledOut(initials: string): readonly string[] | undefined {
    return this.parts.initials.get(initials)?.terms;
  }

  phraseFrequency(terms: readonly string[]): number {
    return this.countPhrase(terms, null);
  }

  async phraseCount(terms: readonly string[], filter: PassageFilter | null): Promise<number> {
    return this.countPhrase(terms, filter);
  }

  private countPhrase(terms: readonly string[], filter: PassageFilter | null): number {
    return this.mini.search(terms.join(' '), { ...this.searchOptions(filter), combineWith: 'AND' }).length;
  }

  passagesWithAll(terms: readonly string[], limit: number): number[] {
    return this.mini
      .search(terms.join(' '), { combineWith: 'AND' })
      .map((result) => result.id as number)
      .sort((a, b) => a - b)
      .slice(0, limit);
  }

  async retrieve(query: RetrievalQuery): Promise<Retrieval> {
    const groups = query.groups.length;
    const rows = new Map<number, number>();
    const docs: number[] = [];
    const scores: number[] = [];
    const matched: number[] = [];
    const options = this.searchOptions(query.filter);
    query.groups.forEach((alternatives, group) => {
      alternatives.forEach((alternative, index) => {
        const phrase = alternative.terms.length > 1;
        for (const result of this.mini.search(
          alternative.terms.join(' '),
          phrase ? { ...options, combineWith: 'AND' } : options,
        )) {
          const doc = result.id as number;
          let row = rows.get(doc);
          if (row === undefined) {
            rows.set(doc, (row = docs.length));
            docs.push(doc);
            for (let g = 0; g < groups; g++) {
              scores.push(0);
              matched.push(0);
            }
          }
          const cell = row * groups + group;
          scores[cell] = Math.max(scores[cell]!, alternative.weight * result.score);
          matched[cell]! |= 1 << index;
        }
      });
    });
    // Probes are ignored (every match is returned, each a candidate), which the interface allows.
    return {
      count: docs.length,
      docs: Int32Array.from(docs),
      scores: Float64Array.from(scores),
      matched: Uint32Array.from(matched),
      primary: new Uint8Array(docs.length).fill(1),
      rowOf: (doc) => rows.get(doc) ?? -1,
    };
  }

  private searchOptions(filter: PassageFilter | null): { filter?: (result: { id: unknown }) => boolean } {
    if (!filter || (!filter.from && !filter.to && !filter.sourceId)) return {};
    const { sourceId, from, to } = filter;
    return {
      filter: (result) => {
        const { source } = this.passages[result.id as number]!;
        if (sourceId && source.id !== sourceId) return false;
        if (!from && !to) return true;
        if (!source.date) return false;
        const span = dateSpan(source.date);
        return (!from || span.last >= from) && (!to || span.first <= to);
      },
    };
  }
}
