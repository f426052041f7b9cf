/**
 * A rebuild runs while the bot answers from the index it replaces, so the long parts (indexing,
 * finding republished paragraphs) give the event loop turns between slices of work. Run that way
 * they give exactly what they give straight through.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { duplicateSteps, findDuplicates } from '../src/corpus/duplicates.ts';
import { CompactIndex } from '../src/search/compact.ts';
import { SearchContext } from '../src/search/context.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { defaultSearchEnvironment } from '../src/search/environment.ts';
import { runStepsYielding } from '../src/steps.ts';

const { corpus } = generateCorpus({ passages: 6_000, seed: 4 });

/** Counts timer turns the event loop takes while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  const timer = setInterval(() => turns++, 0);
  try {
    return { value: await work(), turns };
  } finally {
    clearInterval(timer);
  }
}

describe('building while the bot answers', () => {
  it('indexes in slices, to the same index as a build straight through', async () => {
    const { value, turns } = await turnsDuring(() => SearchIndex.buildYielding(corpus));
    expect(turns).toBeGreaterThan(5);
    const whole = CompactIndex.build(corpus.passages, corpus.sources).data;
    const sliced = (value.backend as CompactIndex).data;
    expect(sliced).toEqual(whole);
  });

  it('finds republished paragraphs in slices, the same groups as straight through', async () => {
    const { value, turns } = await turnsDuring(() => runStepsYielding(duplicateSteps(corpus.passages)));
    expect(turns).toBeGreaterThan(2);
    const whole = findDuplicates(corpus.passages);
    expect([...value.groupOf].sort()).toEqual([...whole.groupOf].sort());
    expect(value.groupOf.size).toBeGreaterThan(0);
  });
});

describe('opening an index', () => {
  it('reads no passage: its text (a stored passage makes it from bytes) nor its source (the index knows where articles continue)', async () => {
    let reads = 0;
    const counted = corpus.passages.map((passage) => {
      const { text, source, ...rest } = passage;
      const read = <T>(value: T) => ({
        get: () => {
          reads++;
          return value;
        },
        enumerable: true,
      });
      return Object.defineProperties({ ...rest }, { text: read(text), source: read(source) }) as typeof passage;
    });
    const backend = CompactIndex.build(counted, corpus.sources);
    reads = 0;
    const index = new SearchIndex({ ...corpus, passages: counted }, backend);
    expect(reads).toBe(0);
    const question = corpus.passages[0]!.text.split(' ').slice(0, 8).join(' ');
    expect((await index.search({ question, limit: 5 })).hits.length).toBeGreaterThan(0);
  });

  it('analyses the environment’s names once, however many indexes open, and a corpus’s own names with them', () => {
    const backend = CompactIndex.build(corpus.passages, corpus.sources);
    const environment = defaultSearchEnvironment();
    const first = new SearchContext(corpus, backend, environment).aliases;
    expect(new SearchContext(corpus, backend, environment).aliases).toBe(first);
    const own = new SearchContext({ ...corpus, aliases: [['Northtown', 'NT']] }, backend, environment).aliases;
    expect(own).not.toBe(first);
    expect(own.variantsOf('nt')?.map((variant) => variant.written)).toContain('Northtown');
    expect(own.variantsOf('british')?.length).toBe(first.variantsOf('british')?.length);
  });
});
