import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchIndex } from '../src/search/engine.ts';

let index: SearchIndex;

beforeAll(async () => {
  index = SearchIndex.build(await loadCorpus('corpus', { maxArticleBytes: 2_000_000 }));
});

/** The texts of the first `limit` passages for a question, lower-cased with straight quotes. */
async function top(question: string, limit = 3): Promise<string[]> {
  return (await index.search({ question, limit })).hits.map((hit) =>
    hit.passage.text.toLowerCase().replace(/[’‘]/g, "'"),
  );
}

describe('ranking on the seed corpus', () => {
  // Question, and snippets of which at least one must be in the first three passages. Many are
  // worded unlike the articles: the engine reads them through WordNet and typo correction.
  const RANKED: ReadonlyArray<readonly [question: string, snippets: readonly string[]]> = [
    ['How long would it take to close the embassy?', ['expected to take 90 days']],
    ['Which militias did the letter refer to?', ['kataib hezbollah and asaib ahl al-haq']],
    ['Who is the spokesman for Kadhimi?', ['ahmed mulla talal, a spokesperson']],
    [
      'What are Iraqis afraid of if the mission in Baghdad closes?',
      ['fear that the step could turn their country into a battle zone'],
    ],
    ['How has Kadhimi gone after the money of the militias?', ['through their funding']],
    ['Did the White House sign off on the plan?', ['unclear whether the white house approved']],
    ['How many American soldiers were hurt by the missile attack in January?', ['more than 100 american troops']],
    ['Who else died in the drone strike at Baghdad airport?', ['abu mahdi al-muhandis']],
    [
      'What did Iraqi lawmakers do after Soleimani was killed?',
      ['nonbinding resolution to oust', 'voted to expel all foreign troops', 'expel u.s. troops'],
    ],
    ['What did the US threaten to withhold besides sanctions?', ['world bank and international monetary fund']],
    ['Did the IMF come up?', ['international monetary fund']],
    ['Are Shia militias attacking the embassy?', ["shi'ite militias"]],
    ['Could the embassy stay open if Iraq cracks down on the militias?', ['may not be shut down']],
    ['Which newspaper reported the plan?', ['the washington post reported', 'told the newspaper', 'told the post']],
  ];

  it.each(RANKED)('%s', async (question, snippets) => {
    const texts = await top(question);
    expect(
      texts.some((text) => snippets.some((snippet) => text.includes(snippet))),
      texts.join('\n---\n'),
    ).toBe(true);
  });
});

describe('abstaining when the corpus does not answer', () => {
  // Topics the articles never treat, some naming the story's people and places, some found only in
  // page furniture the cleaner removed (the Supreme Court vote, TikTok, PG&E): no passage at all.
  const OFF_TOPIC: readonly string[] = [
    'What did Pompeo say about Taiwan?',
    'What did Pompeo say about contact with Taiwanese officials?',
    'How much oil does Iraq export?',
    "What's the weather in Baghdad?",
    "What's the weather going to be like in Baghdad this weekend?",
    'Who won the Champions League?',
    'When is the next parliamentary election in Iraq?',
    'Will the Senate confirm Amy Coney Barrett?',
    'Why did a judge halt the TikTok ban?',
    'How many PG&E customers lost power to prevent wildfires?',
    'How do I make falafel at home?',
    "What's Tesla's stock price today?",
    'What is the capital of Australia?',
  ];

  it.each(OFF_TOPIC)('%s', async (question) => {
    expect((await index.search({ question, limit: 5 })).hits).toEqual([]);
  });

  it.each(['', '   ', 'what is the', 'Tell me what happened?', '?!'])(
    'gives no hits for the empty or stop-word-only question %j',
    async (question) => {
      const result = await index.search({ question, limit: 5 });
      expect(result.hits).toEqual([]);
      expect(result.more).toBe(false);
    },
  );
});

describe('duplicate paragraphs', () => {
  it('shows a paragraph carried by seeds 000 and 001 once, naming the other in alsoIn', async () => {
    const { hits } = await index.search({
      question: 'Pompeo letter warning President Barham Salih liquidate',
      limit: 10,
    });
    const copies = hits.filter((hit) => hit.passage.text.includes('will “liquidate” those responsible'));
    expect(copies).toHaveLength(1);
    const [hit] = copies;
    const shown = hit!.passage.source.id;
    expect(['495c20', '097016']).toContain(shown);
    expect(hit!.alsoIn.map((source) => source.id)).toEqual([shown === '495c20' ? '097016' : '495c20']);
  });

  it('pages through the folded list without repeating a group', async () => {
    const question = 'US embassy Baghdad militias';
    const first = await index.search({ question, limit: 4 });
    const second = await index.search({ question, limit: 4, offset: 4 });
    expect(first.more).toBe(true);
    const ids = [...first.hits, ...second.hits].map((hit) => hit.passage.id);
    expect(new Set(ids).size).toBe(ids.length);
    const texts = [...first.hits, ...second.hits].map((hit) => hit.passage.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('filters', () => {
  it('keeps only passages of the chosen source', async () => {
    const { hits } = await index.search({ question: 'embassy Baghdad', limit: 20, sourceId: '74ef57' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.passage.source.id === '74ef57')).toBe(true);
  });

  it('keeps only dated passages within the range, leaving undated articles out', async () => {
    const { hits } = await index.search({
      question: 'embassy Baghdad',
      limit: 40,
      from: '2020-09-29',
      to: '2020-09-29',
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.passage.source.date?.value === '2020-09-29')).toBe(true);
    const before = (await index.search({ question: 'embassy Baghdad', limit: 40, to: '2020-09-28' })).hits;
    expect(before.length).toBeGreaterThan(0);
    expect(
      before.every((hit) => hit.passage.source.date !== null && hit.passage.source.date.value <= '2020-09-28'),
    ).toBe(true);
  });

  it('finds nothing in a range no article falls in', async () => {
    expect((await index.search({ question: 'embassy Baghdad', limit: 5, from: '2021-01-01' })).hits).toEqual([]);
  });
});
