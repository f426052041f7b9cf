import { describe, expect, it } from 'vitest';
import { buildArticle } from '../src/corpus/article.ts';
import { dateFromCorpus } from '../src/corpus/corpusDates.ts';
import { plainText } from '../src/corpus/formats/plainText.ts';
import { extractEvents } from '../src/timeline/index.ts';
import { TIMELINE_KNOWLEDGE } from './support/timeline.ts';

/** Articles from page texts (a ` date` marker gives the date, as crawlers write it). */
function articles(pages: Record<string, string>) {
  return Object.entries(pages).map(([file, text]) => buildArticle(file, plainText.parse(text), undefined)!);
}

const events = (pages: Record<string, string>) =>
  extractEvents(
    dateFromCorpus(articles(pages)).flatMap((article) => article.passages),
    TIMELINE_KNOWLEDGE,
  ).map((event) => `${event.date} ${event.text}`);

describe('the timeline of scraped pages', () => {
  it('reads a dated heading as an event, and dates its section’s days from it', () => {
    const found = events({
      'live.txt':
        ' date 2021-04-20 Trial timeline\n\nMarch 3, 2021: Court hears first motions\n\nThe judge heard arguments on Wednesday about moving the trial out of the city.\n',
    });
    expect(found).toContain('2021-03-03 March 3, 2021: Court hears first motions');
    expect(found).toContain(
      '2021-03-03 The judge heard arguments on Wednesday about moving the trial out of the city.',
    );
  });

  it('gives a background clause its own date and its own text', () => {
    const found = events({
      'news.txt':
        ' date 2023-02-15 ANKARA (AP) — Erdogan announced Tuesday that 35,000 people had died, the deadliest since the founding of the republic in 1923.\n',
    });
    expect(found).toEqual([
      '1923 the deadliest since the founding of the republic in 1923',
      '2023-02-14 Erdogan announced Tuesday that 35,000 people had died, the deadliest since the founding of the republic in 1923.',
    ]);
  });

  it('tells each date of a sentence by its own clause, the news it opens with by the sentence', () => {
    const found = events({
      'court.txt':
        ' date 2022-01-03 The verdict was reached by jurors who had deliberated since Dec. 20 and who announced Monday morning that they were deadlocked on three charges.\n\n' +
        'Officers on Tuesday, Dec. 28, arrested a Northtown man in connection with a shooting on Dec. 18 in Exampleland County.\n\n' +
        'Until the election of Jane Doe in 2006, her family had held the office for 86 years; and her grandfather founded the firm in Northtown in 1910.\n',
    });
    expect(found).toEqual([
      '1910 her family had held the office for 86 years; and her grandfather founded the firm in Northtown in 1910.',
      '2006 Until the election of Jane Doe in 2006',
      '2021-12-18 arrested a Northtown man in connection with a shooting on Dec. 18 in Exampleland County.',
      '2021-12-20 The verdict was reached by jurors who had deliberated since Dec. 20',
      '2021-12-28 Officers on Tuesday, Dec. 28, arrested a Northtown man in connection with a shooting on Dec. 18 in Exampleland County.',
      '2022-01-03 who announced Monday morning that they were deadlocked on three charges.',
    ]);
  });
});

describe('article dates learned from the corpus', () => {
  const dated = Object.fromEntries(
    ['2023-03-10', '2023-03-11', '2023-03-12', '2023-03-13', '2023-03-14'].map((day, i) => [
      `${i}.txt`,
      ` date ${day} Regulators closed the bank on Friday after a run on its deposits, officials said.\n`,
    ]),
  );

  it('reads a dateline’s day in the year of the story', () => {
    const found = dateFromCorpus(
      articles({
        ...dated,
        'wire.txt':
          'Bank chief sold shares\n\nNew York, March 11\n\nThe bank’s chief sold shares two weeks before it failed, a filing showed.\n',
      }),
    );
    expect(found.find((article) => article.source.file === 'wire.txt')?.source.date).toEqual({
      value: '2023-03-11',
      precision: 'day',
    });
  });

  it.each([
    [
      'with its place in ordinary case and a colon',
      'Northtown, March 13: The bank’s chief sold shares two weeks before it failed, a filing showed.',
      '2023-03-13',
    ],
    [
      'in the year after a date its sentences report',
      'NORTHTOWN, March 8 (AP) — The bank, which regulators closed on March 10, 2023, was sold again a year on, a filing showed.',
      '2024-03-08',
    ],
    [
      'in the story’s year when the date it gives lies ahead',
      'NORTHTOWN, March 8 (AP) — The bank will be sold on March 10, 2023, its chief said.',
      '2023-03-08',
    ],
  ])('reads a dateline’s day %s', (_how, page, day) => {
    const found = dateFromCorpus(articles({ ...dated, 'wire.txt': `Bank chief sold shares\n\n${page}\n` }));
    expect(found.find((article) => article.source.file === 'wire.txt')?.source.date).toEqual({
      value: day,
      precision: 'day',
    });
  });

  it('takes a stamp years after the rest of the story for the site’s clock, not the article’s date', () => {
    const found = dateFromCorpus(
      articles({
        ...dated,
        'clock.txt':
          'Example Daily\n\nSunday, Feb 01, 2026\n\nBank sold for one pound\n\nThe bank was sold for one pound on Monday, the buyer said in a statement.\n',
      }),
    );
    expect(found.find((article) => article.source.file === 'clock.txt')?.source.date).toBeNull();
  });

  it('keeps a stamp more than a year after the rest of a story that has run for years (a trial, then its appeal)', () => {
    const years = Object.fromEntries(
      ['2018-06-15', '2019-11-04', '2021-09-08', '2022-01-04', '2022-11-18'].map((day, i) => [
        `${i}.txt`,
        ` date ${day} The founder of the company appeared in court on Monday, her lawyers said.\n`,
      ]),
    );
    const found = dateFromCorpus(
      articles({
        ...years,
        'appeal.txt':
          'Conviction upheld on appeal\n\nFeb. 24, 2025, 6:29 PM UTC\n\nA federal appeals court on Monday upheld the fraud conviction of the company founder.\n',
      }),
    );
    expect(found.find((article) => article.source.file === 'appeal.txt')?.source.date).toEqual({
      value: '2025-02-24',
      precision: 'day',
    });
  });
});
