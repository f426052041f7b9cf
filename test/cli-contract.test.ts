import { describe, expect, it } from 'vitest';
import { runCliProcess } from './support/cliProcess.ts';
import { runCli } from '../src/adapters/cli/run.ts';
import {
  askSchema,
  citeSchema,
  errorSchema,
  helpSchema,
  sourcesSchema,
  timelineSchema,
} from '../src/contract/schema.ts';
import { seedLibrary } from './support/corpus.ts';
import { memoryLogger } from './support/logger.ts';

async function cli(...argv: string[]) {
  const { log } = memoryLogger();
  const output = await runCli(argv, { openLibrary: seedLibrary, log });
  return { ...output, json: argv.includes('--json') ? (JSON.parse(output.stdout) as unknown) : undefined };
}

describe('cli ask --json', () => {
  it('answers with the contract shape, best first, with alsoIn for republished paragraphs', async () => {
    const { exitCode, json } = await cli('ask', 'How long would closing the embassy take?', '--json');
    expect(exitCode).toBe(0);
    const doc = askSchema.parse(json);
    expect(doc.query).toBe('How long would closing the embassy take?');
    expect(doc.results.length).toBeGreaterThan(0);
    expect(doc.results.length).toBeLessThanOrEqual(5);
    expect(doc.results[0]!.text).toMatch(/expected to take 90 days/);
    const scores = doc.results.map((result) => result.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const republished = doc.results.find((result) => result.alsoIn.length > 0);
    expect(republished?.alsoIn[0]).toMatchObject({ id: expect.any(String), file: expect.stringMatching(/^00[01]_/) });
    // Keys of the contract are all present, with the types it names.
    expect(Object.keys(doc.results[0]!.source)).toEqual(
      expect.arrayContaining(['id', 'title', 'outlet', 'date', 'file']),
    );
  });

  it('honours --limit, --source and the date range', async () => {
    const limited = askSchema.parse((await cli('ask', 'Soleimani', '--limit', '1', '--json')).json);
    expect(limited.results).toHaveLength(1);
    // Every page together: the total is the same whatever the page's size.
    const wider = askSchema.parse((await cli('ask', 'Soleimani', '--limit', '10', '--json')).json);
    expect(limited).toMatchObject({ more: true, total: wider.total });
    expect(wider.total).toBeGreaterThanOrEqual(wider.results.length);
    const voaOnly = askSchema.parse(
      (await cli('ask', 'Soleimani', '--source', '004_232c69b19052f130.txt', '--json')).json,
    );
    expect(voaOnly.results.every((result) => result.source.file === '004_232c69b19052f130.txt')).toBe(true);
    const late = askSchema.parse((await cli('ask', 'embassy', '--from', '2020-09-29', '--limit', '20', '--json')).json);
    expect(late.results.length).toBeGreaterThan(0);
    expect(late.results.every((result) => result.source.date !== null && result.source.date >= '2020-09-29')).toBe(
      true,
    );
  });

  it('returns an empty result, exit 0, for a question the corpus does not answer', async () => {
    const { exitCode, json } = await cli('ask', 'Who won the football world cup?', '--json');
    expect(exitCode).toBe(0);
    expect(askSchema.parse(json).results).toEqual([]);
  });

  it.each([
    [['ask', '   '], 'empty_query'],
    [['ask'], 'empty_query'],
    [['ask', 'embassy', '--limit', 'lots'], 'bad_option'],
    [['ask', 'embassy', '--limit', '0'], 'bad_option'],
    [['ask', 'embassy', '--from', '2020-02-30'], 'bad_date'],
    [['ask', 'embassy', '--from', '2020-10-01', '--to', '2020-09-01'], 'bad_range'],
    [['ask', 'embassy', '--source', 'nope'], 'unknown_source'],
    [['ask', 'embassy', '--colour', 'red'], 'unknown_option'],
    [['ask', 'x'.repeat(301)], 'too_long'],
    [['frobnicate'], 'unknown_command'],
    [[], 'missing_command'],
  ])('refuses %j with exit 2 and error code %s', async (argv, code) => {
    const { exitCode, json } = await cli(...argv, '--json');
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(json).error.code).toBe(code);
  });
});

describe('cli timeline --json', () => {
  it('lists dated events oldest first at their true dates and precision', async () => {
    const { exitCode, json } = await cli('timeline', '--json');
    expect(exitCode).toBe(0);
    const { events, order } = timelineSchema.parse(json);
    expect(order).toBe('oldest');
    const dates = events.map((event) => event.date);
    expect([...dates].sort()).toEqual(dates);
    const newest = timelineSchema.parse((await cli('timeline', '--order', 'newest', '--json')).json);
    expect(newest.order).toBe('newest');
    expect(newest.events.map((event) => event.date)).toEqual([...dates].reverse());
    const missile = events.find((event) => event.text.includes('ballistic missile attack on January 8'));
    expect(missile).toMatchObject({ date: '2020-01-08', precision: 'day' });
    expect(missile!.alsoIn.map((passage) => passage.source.file)).toEqual(['001_64ba0aa1239cf7d6.txt']);
    expect(events.find((event) => event.text.includes('Fuad Hussein on Saturday'))).toMatchObject({
      date: '2020-09-26',
      precision: 'day',
    });
    expect(events.find((event) => event.text.includes('in July'))).toMatchObject({
      date: '2020-07',
      precision: 'month',
    });
    // The undated Hill article states no full date, so it dates nothing.
    expect(events.some((event) => event.passage.source.file === '003_84fe4f099db4658b.txt')).toBe(false);
  });

  it('keeps the events about a topic, within the dates given', async () => {
    const { events } = timelineSchema.parse((await cli('timeline', 'Soleimani', '--to', '2020-06-30', '--json')).json);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.date <= '2020-06-30')).toBe(true);
    expect(events.some((event) => event.text.includes('Soleimani'))).toBe(true);
    const later = timelineSchema.parse((await cli('timeline', '--from', '2020-09-27', '--json')).json);
    // Day events inside the range; a month or year event overlapping it stays (its day is unknown).
    expect(later.events.filter((event) => event.precision === 'day').map((event) => event.date)).toEqual([
      '2020-09-27',
      '2020-09-27',
      '2020-09-28',
    ]);
    expect(later.events.filter((event) => event.precision !== 'day').map((event) => event.date)).toEqual([
      '2020',
      '2020-09',
      '2020-09',
      '2020-09',
      '2020-09',
    ]);
  });

  it('prints every event without --limit, and a page with --limit and --offset', async () => {
    const whole = timelineSchema.parse((await cli('timeline', '--json')).json);
    expect(whole.total).toBe(whole.events.length);
    expect(whole.more).toBe(false);
    expect(whole.events.length).toBeGreaterThan(10); // more than a Discord page: the terminal gets them all
    const page = timelineSchema.parse((await cli('timeline', '--limit', '3', '--offset', '3', '--json')).json);
    expect(page).toMatchObject({ total: whole.total, more: true });
    expect(page.events).toEqual(whole.events.slice(3, 6));
    const last = timelineSchema.parse(
      (await cli('timeline', '--limit', '25', '--offset', String(whole.total - 2), '--json')).json,
    );
    expect(last).toMatchObject({ total: whole.total, more: false });
    expect(last.events).toHaveLength(2);
  });

  it('prints the timeline as text grouped by date, every sentence whole, each date’s outlets and passage ids once', async () => {
    const { exitCode, stdout } = await cli('timeline');
    expect(exitCode).toBe(0);
    const total = timelineSchema.parse((await cli('timeline', '--json')).json).total;
    expect(stdout.split('\n')[0]).toBe(`Timeline: ${total} events`);
    expect(stdout).toContain(
      '\nJan 8, 2020\n  • A ballistic missile attack on January 8 from Iran resulted in severe injuries to more than 100 American troops.\n  — ',
    );
    const lines = stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('  • '))).toHaveLength(total);
    const dates = lines.filter((line) => /^\S/.test(line) && !/^(Timeline|Earliest|Latest)/.test(line) && line !== '');
    const sources = lines.filter((line) =>
      /^ {2}— .+ · [0-9a-f]{6}-[0-9a-f]{6}(?:, [0-9a-f]{6}-[0-9a-f]{6})*(?:; .+)?$/.test(line),
    );
    expect(sources).toHaveLength(dates.length); // one line of sources per date
    expect(stdout).not.toContain('--offset');
  });
});

describe('cli cite --json', () => {
  it.each([
    ['apa', 'VOA News. (2020, September 28). US Threatens to Close Embassy in Baghdad.\n(VOA News, 2020, para. 5)'],
    [
      'mla',
      '“US Threatens to Close Embassy in Baghdad.” VOA News, 28 Sept. 2020.\n(“US Threatens to Close Embassy in Baghdad,” par. 5)',
    ],
    [
      'chicago',
      'VOA News. 2020. “US Threatens to Close Embassy in Baghdad.” VOA News, September 28, 2020.\n(VOA News 2020, par. 5)',
    ],
    ['bibtex', '@article{dossier_74ef57_d49f7e,'],
    ['csl-json', '"locator": "5"'],
  ])('cites a passage in %s', { timeout: 30_000 }, async (style, expected) => {
    const { exitCode, json } = await cli('cite', '74ef57-d49f7e', '--style', style, '--json');
    expect(exitCode).toBe(0);
    const doc = citeSchema.parse(json);
    expect(doc.style).toBe(style);
    expect(doc.citation).toContain(expected);
    expect(doc.passage).toMatchObject({ id: '74ef57-d49f7e', paragraph: 5, source: { outlet: 'VOA News' } });
  });

  it('says n.d. for the undated article', { timeout: 30_000 }, async () => {
    const hill = sourcesSchema
      .parse((await cli('sources', '--json')).json)
      .sources.find((source) => source.outlet === 'The Hill')!;
    const { json } = await cli('ask', 'Ahmed Mulla Talal', '--source', hill.id, '--limit', '1', '--json');
    const passage = askSchema.parse(json).results[0]!;
    const doc = citeSchema.parse((await cli('cite', passage.id, '--json')).json);
    expect(doc.citation).toMatch(/\(n\.d\.\)/);
  });

  it('refuses an unknown id with exit 2 and offers the passages of its source', async () => {
    const { exitCode, json } = await cli('cite', '74ef57-000000', '--json');
    expect(exitCode).toBe(2);
    const { error } = errorSchema.parse(json);
    expect(error.code).toBe('unknown_passage');
    expect(error.suggestions?.map((passage) => passage.source.id)).toEqual([
      '74ef57',
      '74ef57',
      '74ef57',
      '74ef57',
      '74ef57',
    ]);
    const nowhere = errorSchema.parse((await cli('cite', 'banana', '--json')).json);
    expect(nowhere.error).toMatchObject({ code: 'unknown_passage', suggestions: [] });
  });

  it('refuses an unknown style', async () => {
    const { exitCode, json } = await cli('cite', '74ef57-d49f7e', '--style', 'harvard', '--json');
    expect(exitCode).toBe(2);
    expect(errorSchema.parse(json).error.message).toBe(
      '/cite style must be one of apa, mla, chicago, bibtex, csl-json, not "harvard".',
    );
  });
});

describe('cli sources and help', () => {
  it('lists the sources with passage counts', async () => {
    const doc = sourcesSchema.parse((await cli('sources', '--json')).json);
    expect(doc.sources).toHaveLength(5);
    expect(doc.sources.reduce((sum, source) => sum + source.passages, 0)).toBe(41);
    expect(doc.sources.find((source) => source.outlet === 'The Hill')).toMatchObject({ date: null, published: null });
  });

  it('lists the commands with an example each', async () => {
    const doc = helpSchema.parse((await cli('help', '--json')).json);
    expect(doc.commands.map((command) => command.name)).toEqual(expect.arrayContaining(['ask', 'sources', 'help']));
  });

  it('prints readable text without --json, and errors on stderr', async () => {
    const answer = await cli('ask', 'Who was killed near Bagdad airport?');
    expect(answer.stdout).toMatch(/^Who was killed near Bagdad airport\?\n\n1\. “/);
    expect(answer.stdout).toMatch(/id [0-9a-f]{6}-[0-9a-f]{6}/);
    const failure = await cli('ask', 'embassy', '--from', 'yesterday');
    expect(failure).toMatchObject({ exitCode: 2, stdout: '' });
    expect(failure.stderr).toBe(
      'dossier: /ask from must be a date written YYYY-MM-DD, like 2020-09-28, not "yesterday".\n',
    );
  });
});

describe('cli --help', () => {
  it('is cli help, and shows how to run one command (its options) without loading the corpus', async () => {
    const whole = await cli('--help');
    expect(whole.exitCode).toBe(0);
    expect(whole.stdout).toMatch(
      /^Dossier answers questions about the news story in its articles\n5 articles, Sep 28, 2020 – Sep 29, 2020: /,
    );
    const ask = await runCli(['ask', '--help'], {
      openLibrary: () => Promise.reject(new Error('the corpus is not needed')),
      log: memoryLogger().log,
    });
    expect(ask.exitCode).toBe(0);
    expect(ask.stdout).toContain('question: TEXT\n  Your question, in plain English (required)');
    expect(ask.stdout).toContain('--limit N (1-20)');
  });
});

describe('the cli as a process', () => {
  it('prints exactly one JSON document on stdout and exits 0, 2 and 1 as the contract says', {
    timeout: 60_000,
  }, async () => {
    const [ok, bad, broken, badConfig] = await Promise.all([
      runCliProcess(['ask', 'What are US forces in Iraq there to do?', '--json'], { LOG_LEVEL: 'info' }),
      runCliProcess(['ask', '', '--json']),
      runCliProcess(['sources', '--json'], { CORPUS_DIR: 'no/such/dir' }),
      runCliProcess(['sources', '--json'], { MAX_ARTICLE_BYTES: 'lots' }),
    ]);
    expect(ok.code).toBe(0);
    expect(askSchema.parse(JSON.parse(ok.stdout)).results[0]!.text).toMatch(/advise and assist Iraqi forces/);
    expect(ok.stderr).toMatch(/"event":"corpus_loaded"/);

    expect(bad.code).toBe(2);
    expect(errorSchema.parse(JSON.parse(bad.stdout)).error.code).toBe('empty_query');

    expect(broken.code).toBe(1);
    expect(errorSchema.parse(JSON.parse(broken.stdout)).error.code).toBe('corpus_unreadable');

    expect(badConfig.code).toBe(1);
    expect(errorSchema.parse(JSON.parse(badConfig.stdout)).error.message).toMatch(/MAX_ARTICLE_BYTES/);
  });
});
