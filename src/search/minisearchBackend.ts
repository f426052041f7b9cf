/**
 * The search backend on MiniSearch, as Dossier first ran: one MiniSearch query per alternative,
 * its `filter` applied after scoring. Kept as the reference the compact index must agree with
 * (test/search-backends.test.ts) and for comparison in `npm run bench -- --backend minisearch`;
 * it has no snapshot format (MiniSearch's JSON tops out near V8's 512 MiB string limit).
 */
import MiniSearch from 'minisearch';
import { dateSpan } from '../corpus/dates.ts';
import type { Passage } from '../corpus/types.ts';
import { analyzeForIndex } from './analyzer.ts';
import type { PassageFilter, Retrieval, RetrievalQuery, SearchBackend } from './backend.ts';
import { RadixVocabulary } from './fuzzy.ts';
import { LexiconBuilder } from './lexicon.ts';

interface IndexedDoc {
  readonly id: number;
  readonly terms: string;
}

export class MiniSearchBackend implements SearchBackend {
  readonly name = 'minisearch';
  readonly passageCount: number;
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly frequency = new Map<string, number>();
  private readonly lexicon = new LexiconBuilder();
  private readonly vocabulary: RadixVocabulary;
  private forms: { vocabulary: RadixVocabulary; termOf: Map<string, string> } | undefined;

  private constructor(private readonly passages: readonly Passage[]) {
    this.mini = new MiniSearch<IndexedDoc>({
      fields: ['terms'],
      tokenize: (text) => (text === '' ? [] : text.split(' ')),
      processTerm: (term) => term,
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term },
    });
    const docs = passages.map((passage, id): IndexedDoc => {
      const { terms, phrases } = analyzeForIndex(passage.text);
      for (const term of new Set(terms.map((t) => t.term))) this.frequency.set(term, (this.frequency.get(term) ?? 0) + 1);
      for (const { term, word } of terms) this.lexicon.addForm(term, word);
      for (const { initials, terms: phraseTerms } of phrases) this.lexicon.addPhrase(initials, phraseTerms);
      return { id, terms: terms.map((t) => t.term).join(' ') };
    });
    this.mini.addAll(docs);
    this.vocabulary = new RadixVocabulary(this.frequency);
    this.passageCount = passages.length;
  }

  static build(passages: readonly Passage[]): MiniSearchBackend {
    return new MiniSearchBackend(passages);
  }

  documentFrequency(term: string): number {
    return this.frequency.get(term) ?? 0;
  }

  /** Unknown without scanning the postings: no bound, so the ranking never relies on probes here. */
  scoreBound(term: string): number {
    return this.frequency.has(term) ? Number.POSITIVE_INFINITY : 0;
  }

  termsNear(term: string, maxEdits: number): Array<{ term: string; frequency: number }> {
    return this.vocabulary.near(term, maxEdits);
  }

  formsNear(word: string, maxEdits: number): Array<{ term: string; form: string; frequency: number }> {
    if (!this.forms) {
      const termOf = new Map<string, string>();
      for (const [term, forms] of this.lexicon.forms) for (const form of forms) termOf.set(form, term);
      this.forms = { termOf, vocabulary: new RadixVocabulary(new Map([...termOf].map(([form, term]) => [form, this.frequency.get(term) ?? 0]))) };
    }
    const { termOf, vocabulary } = this.forms;
    return vocabulary.near(word, maxEdits).map(({ term: form, frequency }) => ({ term: termOf.get(form)!, form, frequency }));
  }

  writtenForms(term: string): readonly string[] {
    return this.lexicon.forms.get(term) ?? [];
  }

  spelledOut(initials: string): readonly string[] | undefined {
    return this.lexicon.initials.get(initials)?.terms;
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
        for (const result of this.mini.search(alternative.terms.join(' '), phrase ? { ...options, combineWith: 'AND' } : options)) {
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
    return { count: docs.length, docs: Int32Array.from(docs), scores: Float64Array.from(scores), matched: Uint32Array.from(matched), primary: new Uint8Array(docs.length).fill(1), rowOf: (doc) => rows.get(doc) ?? -1 };
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
