/**
 * The timeline's picture: the SVG (pure, ../src/present/timelineChart.ts) and its PNG with the
 * bundled font (../src/adapters/discord/timelineImage.ts).
 */
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import type { DatePrecision, Passage } from '../src/corpus/types.ts';
import { dateLabel } from '../src/present/labels.ts';
import { CHART_MIN_DATES, countDates, fitWidth, textWidth, timelineChart } from '../src/present/timelineChart.ts';
import { timelineOf } from '../src/timeline/index.ts';
import { CHART_FONTS, svgToPng, timelinePng } from '../src/adapters/discord/timelineImage.ts';
import type { TimelineEvent } from '../src/timeline/index.ts';
import { seedLibrary } from './support/corpus.ts';
import { bareSource } from './support/bareSource.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function event(
  date: string,
  precision: DatePrecision,
  text: string,
  outlet: string | null = 'VOA News',
): TimelineEvent {
  const source = bareSource({ id: 'abc123', title: 'A title', outlet, file: 'a.txt' });
  const passage: Passage = { id: `abc123-${date.replaceAll('-', '')}`, text, paragraph: 1, source, section: null };
  return { date, precision, text, passage, alsoIn: [] };
}

const EVENTS: readonly TimelineEvent[] = [
  event('2019', 'year', 'Rocket attacks went on all year.', null),
  event('2020-01', 'month', 'Tensions escalated in January after the strike near the airport.'),
  event(
    '2020-01-08',
    'day',
    'Iran fired ballistic missiles at two bases on January 8, injuring more than 100 American troops.',
  ),
  event('2020-09-27', 'day', 'Pompeo warned that the embassy would close.', 'Republic World'),
];

/** The SVG without its background, so a bounding box covers only what is drawn on it. */
const withoutBackground = (svg: string) => svg.replace(/<rect width="\d+" height="\d+" fill="#2b2d31"\/>/, '');

describe('timelineChart (SVG)', () => {
  it('labels every date with its precision-aware label and how many outlets tell of it, not the sentences the list has', () => {
    const { svg, dates, width, height } = timelineChart(
      [...EVENTS, event('2020-09-27', 'day', 'The embassy would close in 90 days.', 'The Hill')],
      { title: 'Timeline: 5 events' },
    );
    expect(dates).toBe(4);
    for (const label of [
      '2019',
      'Jan 2020',
      'Jan 8, 2020',
      'Sep 27, 2020',
      '1 outlet',
      '2 events · 2 outlets',
      'Timeline: 5 events',
    ])
      expect(svg).toContain(label);
    expect(svg).not.toContain('Pompeo warned');
    expect(svg).not.toContain('Unknown outlet');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="600"/);
    expect([width, height]).toEqual([800, 600]);
  });

  it('labels every date of the seed corpus timeline', async () => {
    const events = timelineOf((await seedLibrary()).current);
    const { svg, dates } = timelineChart(events);
    expect(dates).toBe(countDates(events));
    for (const e of events) expect(svg).toContain(`>${dateLabel({ value: e.date, precision: e.precision })}<`);
  });

  it('escapes <, & and > (and quotes) in the title, and draws no event text or outlet name it would have to', () => {
    const nasty = [
      event('2020-01-01', 'day', 'Tom & Jerry said <script>alert("x")</script> > all', 'A&B <News>'),
      ...EVENTS.slice(1),
    ];
    const { svg } = timelineChart(nasty, { title: 'About “<b>&</b>”' });
    expect(svg).not.toContain('Tom');
    expect(svg).not.toContain('News');
    expect(svg).toContain('About “&lt;b&gt;&amp;&lt;/b&gt;”');
    expect(svg).not.toMatch(/<script|<b>|<News>|& /);
    // resvg parses it as XML: a stray & or < would throw here.
    expect(() => new Resvg(svg, { font: CHART_FONTS })).not.toThrow();
  });

  it('keeps every label on the canvas, however long the text and however many dates', () => {
    const long = `${'W'.repeat(30)} ${'Extraordinarily long sentence about the embassy and the militias, '.repeat(6)}`;
    const many = Array.from({ length: 25 }, (_, i) =>
      event(
        `2020-${String((i % 12) + 1).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`,
        'day',
        long,
        'An Outlet With A Very Long Name Indeed, Really',
      ),
    );
    many.sort((a, b) => a.date.localeCompare(b.date));
    for (const events of [many, many.slice(0, 8), many.slice(0, 3)]) {
      const { svg, width, height } = timelineChart(events, { title: long });
      const box = new Resvg(withoutBackground(svg), { font: CHART_FONTS }).getBBox()!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
  });

  it('measures and cuts text to a width at word boundaries', () => {
    expect(textWidth('iiii', 20)).toBeLessThan(textWidth('WWWW', 20));
    expect(textWidth('Jan 8, 2020', 20, true)).toBeGreaterThan(textWidth('Jan 8, 2020', 20));
    const cut = fitWidth('The rocket attacks by militants have killed two US servicemen', 200, 20);
    expect(cut).toMatch(/^The rocket attacks.*…$/);
    expect(textWidth(cut, 20)).toBeLessThanOrEqual(200);
  });

  it('is dark, with type legible at the half size Discord shows it (13 px and up), and time running down whatever the list’s order', () => {
    const { svg } = timelineChart(EVENTS);
    expect(svg).toContain('<rect width="800" height="600" fill="#2b2d31"/>');
    const sizes = [...svg.matchAll(/font-size="(\d+)"/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes) / 2).toBeGreaterThanOrEqual(13);
    expect(timelineChart([...EVENTS].reverse()).svg).toBe(svg);
  });

  it('counts distinct dates: the same day twice is one, a month and a day in it are two', () => {
    expect(countDates([EVENTS[2]!, EVENTS[2]!, EVENTS[1]!])).toBe(2);
    expect(countDates(EVENTS)).toBe(4);
    expect(CHART_MIN_DATES).toBe(3);
  });
});

describe('timelinePng', () => {
  it('draws a PNG of 800 × 600 with the picture’s text, small and fast', async () => {
    await timelinePng(EVENTS); // the first call loads the native module and the fonts
    const started = performance.now();
    const picture = (await timelinePng(EVENTS, { title: 'Timeline: 4 events' }))!;
    const ms = performance.now() - started;
    expect(picture.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect([picture.width, picture.height]).toEqual([800, 600]);
    // IHDR says the same size.
    expect([picture.png.readUInt32BE(16), picture.png.readUInt32BE(20)]).toEqual([800, 600]);
    expect(picture.png.length).toBeGreaterThan(15_000); // a blank or text-free canvas is far smaller
    expect(picture.png.length).toBeLessThan(250_000);
    expect(ms).toBeLessThan(1500);
  });

  it('draws text with the bundled font, without any system font', async () => {
    const text =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text x="10" y="30" font-size="20">Jan 8, 2020</text></svg>';
    expect(new Resvg(text, { font: { loadSystemFonts: false } }).getBBox()).toBeUndefined(); // no font: no text at all
    expect(CHART_FONTS.loadSystemFonts).toBe(false);
    expect(new Resvg(text, { font: CHART_FONTS }).getBBox()!.width).toBeGreaterThan(80);
    // With its text the picture is much larger than without: the labels are there.
    const { svg } = timelineChart(EVENTS);
    const withText = await svgToPng(svg);
    const textFree = await svgToPng(svg.replace(/<text[\s\S]*?<\/text>/g, ''));
    expect(withText.png.length).toBeGreaterThan(2 * textFree.png.length);
  });

  it('makes no picture for fewer than three dates', async () => {
    expect(await timelinePng([])).toBeNull();
    expect(await timelinePng(EVENTS.slice(0, 2))).toBeNull();
    expect(await timelinePng([EVENTS[2]!, EVENTS[2]!, EVENTS[3]!])).toBeNull();
    expect(await timelinePng(EVENTS.slice(0, 3))).not.toBeNull();
  });
});
