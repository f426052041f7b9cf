import { loadCorpus, type LoadOptions } from './corpus/load.ts';
import type { Corpus, Passage, Source } from './corpus/types.ts';
import { SearchIndex } from './search/engine.ts';

/** One loaded corpus and its index: what every question is answered from. Immutable once built. */
export interface Snapshot {
  readonly corpus: Corpus;
  readonly index: SearchIndex;
  readonly loadedAt: Date;
  readonly passageById: ReadonlyMap<string, Passage>;
  readonly sourceById: ReadonlyMap<string, Source>;
}

export function buildSnapshot(corpus: Corpus, loadedAt: Date): Snapshot {
  return {
    corpus,
    index: SearchIndex.build(corpus),
    loadedAt,
    passageById: new Map(corpus.passages.map((passage) => [passage.id, passage])),
    sourceById: new Map(corpus.sources.map((source) => [source.id, source])),
  };
}

/**
 * Holds the live snapshot. Readers take `current` once per question and keep using that object,
 * so a question is answered wholly from one corpus even if a newer one is swapped in meanwhile.
 */
export class Library {
  private snapshot: Snapshot;

  constructor(
    snapshot: Snapshot,
    readonly dir: string,
    private readonly options: LoadOptions,
  ) {
    this.snapshot = snapshot;
  }

  static async open(dir: string, options: LoadOptions, clock: () => Date = () => new Date()): Promise<Library> {
    return new Library(buildSnapshot(await loadCorpus(dir, options), clock()), dir, options);
  }

  get current(): Snapshot {
    return this.snapshot;
  }

  get loadOptions(): LoadOptions {
    return this.options;
  }
}
