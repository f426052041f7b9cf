/**
 * A rebuild runs while the bot answers from the index it replaces, so the long parts (indexing,
 * finding republished paragraphs) give the event loop turns between slices of work. Run that way
 * they give exactly what they give straight through.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { duplicateSteps, findDuplicates } from '../src/corpus/duplicates.ts';
import { CompactIndex } from '../src/search/compact.ts';
import { SearchIndex } from '../src/search/engine.ts';
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
  it('reads no passage’s text (a stored passage makes it from bytes: at a million, seconds in one go)', async () => {
    let reads = 0;
    const counted = corpus.passages.map((passage) => {
      const { text, ...rest } = passage;
      return Object.defineProperty({ ...rest }, 'text', {
        get: () => {
          reads++;
          return text;
        },
        enumerable: true,
      }) as typeof passage;
    });
    const backend = CompactIndex.build(counted, corpus.sources);
    reads = 0;
    const index = new SearchIndex({ ...corpus, passages: counted }, backend);
    expect(reads).toBe(0);
    const question = corpus.passages[0]!.text.split(' ').slice(0, 8).join(' ');
    expect((await index.search({ question, limit: 5 })).hits.length).toBeGreaterThan(0);
  });
});
