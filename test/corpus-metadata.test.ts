import { describe, expect, it } from 'vitest';
import { buildArticle } from '../src/corpus/article.ts';
import { markdown } from '../src/corpus/formats/markdown.ts';
import { outletFromUrl } from '../src/corpus/outletFromUrl.ts';
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

describe('the outlet an article states, else the one its address names', () => {
  it.each([
    ['https://www.mercurynews.com/2023/03/10/bank-collapses/', 'Mercury News'],
    ['https://news.bbc.co.uk/world/story', 'BBC'],
    ['https://www.theguardian.com/business/2023/mar/10/story', 'The Guardian'],
    ['https://www.washingtonpost.com/business/2023/03/10/story/', 'Washington Post'],
    ['https://www.hindustantimes.com/world-news/story', 'Hindustantimes'],
  ])('reads %s as %s', (url, outlet) => {
    expect(outletFromUrl(url)).toBe(outlet);
  });

  it('takes the outlet from the front matter url only when the page states none', async () => {
    const page = (extra: string) =>
      `---\nurl: https://www.albanyherald.com/news/story\n---\n\nSilicon Valley Bank collapsed on Friday after a run on its deposits, regulators said.\n${extra}`;
    const derived = buildArticle('a.md', markdown.parse(page('')), undefined);
    expect(derived?.source.outlet).toBe('Albany Herald');
    const stated = buildArticle('b.md', markdown.parse(page('\n© 2023 Example Gazette')), undefined);
    expect(stated?.source.outlet).toBe('Example Gazette');
  });
});
