import { describe, expect, it } from 'vitest';
import { SEEDS, seedCorpus } from './support/corpus.ts';

async function sourceOf(file: string) {
  const source = (await seedCorpus()).sources.find((candidate) => candidate.file === file);
  if (!source) throw new Error(`no source for ${file}`);
  return source;
}

describe('metadata of the seed articles', () => {
  it('reads the VOA byline, title and date stamp from the text', async () => {
    expect(await sourceOf(SEEDS.voa)).toMatchObject({
      title: 'US Threatens to Close Embassy in Baghdad',
      titleOrigin: 'text',
      outlet: 'VOA News',
      author: 'VOA News',
      date: { value: '2020-09-28', precision: 'day' },
      url: null,
    });
  });

  it('reads a date written "September 29, 2020" and the credit line of the NBC/Reuters rewrite', async () => {
    expect(await sourceOf(SEEDS.nbcReuters)).toMatchObject({
      title: 'US Warns Iraq of Embassy Shutdown in Response to Attacks on Personnel',
      date: { value: '2020-09-29', precision: 'day' },
      credit: 'NBC NEWS/REUTERS',
      outlet: null,
    });
  });

  it('takes the outlet of The Hill article from its sidecar and leaves its unknown date null', async () => {
    expect(await sourceOf(SEEDS.hill)).toMatchObject({
      outlet: 'The Hill',
      date: null,
      title: "US says it will leave Baghdad embassy if Iraq doesn't rein in attacks: report",
    });
  });

  it('reads the headline printed at the foot of a page when none is at the top', async () => {
    expect(await sourceOf(SEEDS.republic)).toMatchObject({
      title: "US warns Iraq it's planning to pull out of Baghdad embassy over inaction against militants",
      titleOrigin: 'text',
      date: { value: '2020-09-28', precision: 'day' },
    });
  });

  it('describes an untitled article in brackets and says the title is derived, never inventing one', async () => {
    const source = await sourceOf(SEEDS.untitled);
    expect(source.titleOrigin).toBe('derived');
    expect(source.title).toBe('[After the United States signalled that it could close its…]');
    expect(source.outlet).toBeNull();
  });
});
