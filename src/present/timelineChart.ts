/**
 * A picture of a timeline, as an SVG string: pure (events in, text out), so any adapter can turn
 * it into an image and tests can read it.
 *
 * It adds what the list beside it cannot: time runs down a vertical axis on the left, to scale,
 * so gaps and clusters show; each date is a mark as wide as what is known (a dot for a day, a bar
 * over the month or the year), a day's dot the larger the more outlets tell of it. Each date has
 * one label on the right, in date order, pushed apart so none overlap and joined to its mark by
 * a leader line: the precision-aware date and how many events and outlets it has (the sentences
 * are the list's). Light on Discord's dark grey, the canvas is 800 px wide and 4:3 when it can
 * be, the shape Discord shows largest in an embed (about 400 × 300): at half size, its smallest
 * type is 13 px.
 *
 * Text is measured with the advance widths of DejaVu Sans Condensed, the font the PNG step
 * bundles; another sans-serif font draws it a little wider or narrower, never off the canvas
 * by much.
 */
import type { DatePrecision } from '../corpus/types.ts';
import type { TimelineEvent } from '../timeline/index.ts';
import { dateLabel, outletLabel, shorten } from './labels.ts';

/** Fewer dates than this make no picture worth drawing (a list says it as well). */
export const CHART_MIN_DATES = 3;

export const CHART_FONT_FAMILY = 'DejaVu Sans Condensed';

export interface ChartOptions {
  /** Heading inside the picture ("Timeline about “Soleimani”"). */
  readonly title?: string;
}

export interface TimelineChart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Distinct dates drawn. */
  readonly dates: number;
}

const WIDTH = 800;
/** 4:3, so Discord shows the picture at its largest embed size. */
const BASE_HEIGHT = 600;
const PAD = 24;
const HEADER = 64;
const AXIS_X = 168;
const TICK_LABEL_RIGHT = 146;
const LABEL_DOT_X = 222;
const TEXT_X = 236;
const TEXT_RIGHT = WIDTH - PAD;

/** Discord's dark theme: its embed grey behind, its light text on it. */
const COLOR = {
  background: '#2b2d31',
  ink: '#f2f3f5',
  muted: '#b5bac1',
  rule: '#3f4147',
  axis: '#4e5058',
  leader: '#80848e',
  accent: '#5da9e9',
  month: '#3f7bb0',
  year: '#35506b',
} as const;

/** At the half size Discord shows the picture, 26 px is 13 px: the least that reads on a phone. */
const SIZE = { title: 32, legend: 26, tick: 26, date: 30, count: 26 } as const;

/** One line per date. */
const PITCH = 46;

interface DateGroup {
  readonly label: string;
  readonly precision: DatePrecision;
  /** Days since 1970-01-01 (UTC): the first day of the date, and the day after its last. */
  readonly start: number;
  readonly end: number;
  readonly events: readonly TimelineEvent[];
  readonly outlets: readonly string[];
}

/** How many distinct dates (day, month or year) the events fall on. */
export function countDates(events: readonly TimelineEvent[]): number {
  return new Set(events.map((event) => `${event.precision}:${event.date}`)).size;
}

/** The picture of `events` (oldest first, as the timeline gives them). */
export function timelineChart(events: readonly TimelineEvent[], options: ChartOptions = {}): TimelineChart {
  const groups = groupByDate(events);
  const height = Math.max(BASE_HEIGHT, HEADER + PAD + groups.length * PITCH + PAD);
  const top = HEADER + PAD;
  const bottom = height - PAD;

  const parts: string[] = [
    `<rect width="${WIDTH}" height="${height}" fill="${COLOR.background}"/>`,
    ...header(options.title ?? 'Timeline', groups),
    `<line x1="${PAD}" y1="${HEADER}" x2="${WIDTH - PAD}" y2="${HEADER}" stroke="${COLOR.rule}" stroke-width="1.5"/>`,
  ];
  if (groups.length > 0) {
    const first = Math.min(...groups.map((group) => group.start));
    const last = Math.max(...groups.map((group) => group.end));
    // A little room at both ends so the first and last marks are whole.
    const y = (day: number) => top + 16 + ((day - first) / Math.max(1, last - first)) * (bottom - top - 32);
    parts.push(
      `<line x1="${AXIS_X}" y1="${top}" x2="${AXIS_X}" y2="${bottom}" stroke="${COLOR.axis}" stroke-width="3" stroke-linecap="round"/>`,
    );
    parts.push(...ticks(first, last, y));
    const rows = placeRows(
      groups.map((group) => idealRow(group.precision, y(group.start), y(group.end), PITCH)),
      PITCH,
      top,
      bottom - PITCH,
    );
    // Wider marks first, so a day's dot sits on its month's bar, and both on the year's.
    const byWidth = groups
      .map((group, index) => ({ group, index }))
      .sort((a, b) => rank(a.group.precision) - rank(b.group.precision));
    for (const { group } of byWidth) parts.push(mark(group, y(group.start), y(group.end)));
    groups.forEach((group, index) => parts.push(...label(group, rows[index]!, y(group.start), y(group.end))));
  }
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${CHART_FONT_FAMILY}, DejaVu Sans, sans-serif">`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height, dates: groups.length };
}

function groupByDate(events: readonly TimelineEvent[]): DateGroup[] {
  const byKey = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const key = `${event.precision}:${event.date}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  const groups = [...byKey.values()].map((list) => {
    const { date, precision } = list[0]!;
    const [start, end] = daySpan(date, precision);
    const outlets = [
      ...new Set(
        list.flatMap((event) => [event.passage, ...event.alsoIn].map((passage) => outletLabel(passage.source))),
      ),
    ];
    return { label: dateLabel({ value: date, precision }), precision, start, end, events: list, outlets };
  });
  // Time runs down, whichever order the page lists the events in; a wider date first, as the timeline orders them.
  return groups.sort((a, b) => a.start - b.start || rank(a.precision) - rank(b.precision));
}

/** The first day of a date and the day after its last, as days since the epoch. */
function daySpan(date: string, precision: DatePrecision): [number, number] {
  const [y, m = 1, d = 1] = date.split('-').map(Number) as [number, number?, number?];
  const start = Date.UTC(y, m - 1, d) / 86_400_000;
  const end =
    precision === 'year'
      ? Date.UTC(y + 1, 0, 1)
      : precision === 'month'
        ? Date.UTC(y, m, 1)
        : Date.UTC(y, m - 1, d + 1);
  return [start, end / 86_400_000];
}

const rank = (precision: DatePrecision) => (precision === 'year' ? 0 : precision === 'month' ? 1 : 2);

// ----- header and axis ------------------------------------------------------------------------

function header(title: string, groups: readonly DateGroup[]): string[] {
  const present = (['day', 'month', 'year'] as const).filter((precision) =>
    groups.some((group) => group.precision === precision),
  );
  const baseline = HEADER - 24;
  const legend: string[] = [];
  let x = WIDTH - PAD;
  // Right to left: the legend ends at the right margin.
  for (const precision of [...present].reverse()) {
    const word = precision;
    const wordWidth = textWidth(word, SIZE.legend);
    x -= wordWidth;
    legend.unshift(
      `<text x="${x.toFixed(1)}" y="${baseline}" font-size="${SIZE.legend}" fill="${COLOR.muted}">${word}</text>`,
    );
    const cx = x - 16;
    const cy = baseline - 9;
    legend.unshift(
      precision === 'day'
        ? `<circle cx="${cx}" cy="${cy}" r="8" fill="${COLOR.accent}"/>`
        : precision === 'month'
          ? `<rect x="${cx - 6}" y="${cy - 11}" width="12" height="22" rx="6" fill="${COLOR.month}"/>`
          : `<rect x="${cx - 9}" y="${cy - 13}" width="18" height="26" rx="3" fill="${COLOR.year}"/>`,
    );
    x -= 44;
  }
  const room = x - PAD - 12;
  return [
    `<text x="${PAD}" y="${baseline}" font-size="${SIZE.title}" font-weight="bold" fill="${COLOR.ink}">${xml(fitWidth(title, room, SIZE.title, true))}</text>`,
    ...legend,
  ];
}

interface Tick {
  readonly day: number;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Tick marks and labels at the finest calendar step that leaves room between labels. */
function ticks(first: number, last: number, y: (day: number) => number): string[] {
  const minGap = SIZE.tick * 1.9;
  const pxPerDay = y(first + 1) - y(first);
  const steps: Array<{ days: number; make: () => Tick[] }> = [
    ...[1, 2, 7].map((n) => ({ days: n, make: () => dayTicks(first, last, n) })),
    ...[1, 2, 3, 6].map((n) => ({ days: 30.4 * n, make: () => monthTicks(first, last, n) })),
    ...[1, 2, 5, 10, 20, 25, 50, 100, 200, 500].map((n) => ({
      days: 365.25 * n,
      make: () => yearTicks(first, last, n),
    })),
  ];
  const step = steps.find((candidate) => candidate.days * pxPerDay >= minGap) ?? steps.at(-1)!;
  return step.make().flatMap((tick) => {
    const at = y(tick.day).toFixed(1);
    return [
      `<line x1="${AXIS_X - 12}" y1="${at}" x2="${AXIS_X - 3}" y2="${at}" stroke="${COLOR.axis}" stroke-width="2"/>`,
      `<text x="${TICK_LABEL_RIGHT}" y="${at}" dy="0.35em" text-anchor="end" font-size="${SIZE.tick}" fill="${COLOR.muted}">${xml(tick.label)}</text>`,
    ];
  });
}

const utcDay = (y: number, m: number, d: number) => Date.UTC(y, m, d) / 86_400_000;
const fromDay = (day: number) => new Date(day * 86_400_000);

function dayTicks(first: number, last: number, every: number): Tick[] {
  const list: Tick[] = [];
  for (let day = first; day <= last; day += every) {
    const date = fromDay(day);
    list.push({ day, label: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}` });
  }
  return list;
}

function monthTicks(first: number, last: number, every: number): Tick[] {
  const start = fromDay(first);
  const list: Tick[] = [];
  for (let index = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; index += every) {
    const year = Math.floor(index / 12);
    const month = index % 12;
    const day = utcDay(year, month, 1);
    if (day > last) break;
    if (day < first) continue;
    // The year is named at January and at the first tick, so every month can be placed.
    list.push({ day, label: month === 0 || list.length === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]! });
  }
  return list;
}

function yearTicks(first: number, last: number, every: number): Tick[] {
  const list: Tick[] = [];
  const firstYear = fromDay(first).getUTCFullYear();
  for (let year = Math.ceil(firstYear / every) * every; ; year += every) {
    const day = utcDay(year, 0, 1);
    if (day > last) break;
    if (day >= first) list.push({ day, label: String(year) });
  }
  return list;
}

// ----- marks and labels -----------------------------------------------------------------------

/** A day's dot grows with the outlets that tell of it, up to five. */
function dotRadius(group: DateGroup): number {
  return 8 + 2.5 * (Math.min(group.outlets.length, 5) - 1);
}

function mark(group: DateGroup, top: number, bottom: number): string {
  if (group.precision === 'day') {
    return `<circle cx="${AXIS_X}" cy="${((top + bottom) / 2).toFixed(1)}" r="${dotRadius(group)}" fill="${COLOR.accent}" stroke="${COLOR.background}" stroke-width="2"/>`;
  }
  // A month or a year is a bar over its days, never shorter than a dot is wide.
  const half = group.precision === 'month' ? 7 : 11;
  const height = Math.max(bottom - top, 16);
  const y = (top + bottom) / 2 - height / 2;
  const fill = group.precision === 'month' ? COLOR.month : COLOR.year;
  return `<rect x="${AXIS_X - half}" y="${y.toFixed(1)}" width="${2 * half}" height="${height.toFixed(1)}" rx="${group.precision === 'month' ? half : 3}" fill="${fill}"/>`;
}

/** Where a label would sit if nothing were in its way: level with its mark (or the start of a long one). */
function idealRow(precision: DatePrecision, top: number, bottom: number, pitch: number): number {
  const centre = precision === 'day' || bottom - top < 2 * pitch ? (top + bottom) / 2 : top + pitch / 2;
  return centre - pitch / 2;
}

/** Rows as close to their ideal places as they can be, in order, at least `pitch` apart, within bounds. */
function placeRows(ideal: readonly number[], pitch: number, min: number, max: number): number[] {
  const rows = ideal.map((value) => Math.min(Math.max(value, min), max));
  for (let i = 1; i < rows.length; i++) rows[i] = Math.max(rows[i]!, rows[i - 1]! + pitch);
  for (let i = rows.length - 1; i >= 0; i--)
    rows[i] = Math.min(rows[i]!, i === rows.length - 1 ? max : rows[i + 1]! - pitch);
  for (let i = 0; i < rows.length; i++) rows[i] = Math.max(rows[i]!, i === 0 ? min : rows[i - 1]! + pitch);
  return rows;
}

/** "2 events · 3 outlets": what a date holds, the sentences being the list's. */
function countLabel(group: DateGroup): string {
  const events = group.events.length;
  const outlets = group.outlets.length;
  return `${events > 1 ? `${events} events · ` : ''}${outlets} ${outlets === 1 ? 'outlet' : 'outlets'}`;
}

/** A date's label at `row`, joined to its mark: the date, then what it holds. */
function label(group: DateGroup, row: number, top: number, bottom: number): string[] {
  // The leader joins the label to the nearest point of the mark.
  const lineY = row + PITCH / 2;
  const anchor = group.precision === 'day' ? (top + bottom) / 2 : Math.min(Math.max(lineY, top), bottom);
  const from = AXIS_X + (group.precision === 'day' ? dotRadius(group) + 2 : group.precision === 'month' ? 9 : 13);
  const bend = (from + LABEL_DOT_X) / 2;
  const count = countLabel(group);
  const dateWidth = textWidth(group.label, SIZE.date, true);
  const countRoom = TEXT_RIGHT - TEXT_X - dateWidth - 16;
  return [
    `<path d="M${from} ${anchor.toFixed(1)} C${bend} ${anchor.toFixed(1)} ${bend} ${lineY.toFixed(1)} ${LABEL_DOT_X - 5} ${lineY.toFixed(1)}" fill="none" stroke="${COLOR.leader}" stroke-width="2"/>`,
    `<circle cx="${LABEL_DOT_X}" cy="${lineY.toFixed(1)}" r="4" fill="${COLOR.leader}"/>`,
    `<text x="${TEXT_X}" y="${(lineY + SIZE.date * 0.36).toFixed(1)}" font-size="${SIZE.date}" fill="${COLOR.ink}"><tspan font-weight="bold">${xml(group.label)}</tspan>` +
      `<tspan dx="16" font-size="${SIZE.count}" fill="${COLOR.muted}">${xml(fitWidth(count, countRoom, SIZE.count))}</tspan></text>`,
  ];
}

// ----- text -----------------------------------------------------------------------------------

/** Text made safe inside an SVG element or attribute. */
function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Advance widths of DejaVu Sans Condensed, in thousandths of an em, for ' ' (32) to '~' (126). */
const REGULAR = [
  286, 360, 414, 754, 572, 855, 702, 247, 351, 351, 450, 754, 286, 325, 286, 303, 572, 572, 572, 572, 572, 572, 572,
  572, 572, 572, 303, 303, 754, 754, 754, 478, 900, 640, 617, 628, 693, 568, 518, 697, 677, 265, 265, 590, 501, 776,
  673, 708, 542, 708, 625, 571, 533, 659, 615, 890, 616, 549, 616, 351, 303, 351, 754, 450, 450, 551, 571, 495, 571,
  554, 310, 571, 570, 250, 250, 521, 250, 876, 570, 550, 571, 571, 354, 469, 353, 570, 532, 736, 532, 532, 472, 572,
  303, 572, 754,
];
const BOLD = [
  313, 410, 469, 754, 626, 901, 785, 275, 411, 411, 470, 754, 342, 374, 342, 329, 626, 626, 626, 626, 626, 626, 626,
  626, 626, 626, 360, 360, 754, 754, 754, 522, 900, 696, 686, 660, 747, 615, 615, 738, 753, 334, 334, 697, 573, 896,
  753, 765, 659, 765, 693, 608, 634, 730, 696, 993, 694, 651, 652, 411, 329, 411, 754, 450, 450, 607, 644, 533, 644,
  610, 365, 644, 641, 308, 308, 598, 308, 938, 641, 618, 644, 644, 444, 536, 430, 641, 586, 831, 580, 586, 523, 641,
  329, 641, 754,
];
/** Typographic punctuation news text is full of; anything else counts as a wide letter. */
const EXTRA: Record<string, readonly [number, number]> = {
  '‘': [286, 342],
  '’': [286, 342],
  '“': [466, 591],
  '”': [466, 591],
  '–': [450, 450],
  '—': [900, 900],
  '…': [900, 900],
  '·': [286, 342],
};

/** Width of `text` in px at `size`, as DejaVu Sans Condensed draws it. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? table[code - 32]! : (EXTRA[char]?.[bold ? 1 : 0] ?? (bold ? 650 : 600));
  }
  return (units * size) / 1000;
}

/** `text` cut at a word boundary (with "…") to fit `max` px. */
export function fitWidth(text: string, max: number, size: number, bold = false): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, size, bold) <= max) return clean;
  let low = 1;
  let high = clean.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(shorten(clean, mid), size, bold) <= max) low = mid;
    else high = mid - 1;
  }
  return shorten(clean, low);
}
