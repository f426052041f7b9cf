import { describe, expect, it } from 'vitest';
import type { DatePrecision, Passage } from '../src/corpus/types.ts';
import { InputError } from '../src/errors.ts';
import { filterEvents } from '../src/timeline/index.ts';
import type { TimelineEvent } from '../src/timeline/index.ts';
import { bareSource } from './support/bareSource.ts';

const passage: Passage = {
  id: 'x-1',
  text: 'A passage.',
  paragraph: 1,
  section: null,
  source: bareSource({ id: 'x', title: 'X', file: 'x.txt' }),
};

const event = (date: string, precision: DatePrecision): TimelineEvent => ({
  date,
  precision,
  text: date,
  passage,
  alsoIn: [],
});

const EVENTS: readonly TimelineEvent[] = [
  event('2019', 'year'),
  event('2020', 'year'),
  event('2020-01', 'month'),
  event('2020-01-08', 'day'),
  event('2020-02', 'month'), // 29 days in 2020
  event('2020-09', 'month'),
  event('2020-09-26', 'day'),
  event('2020-09-28', 'day'),
  event('2020-10', 'month'),
];

const kept = (range: { from?: string; to?: string }): string[] => filterEvents(EVENTS, range).map((e) => e.date);

describe('filterEvents', () => {
  it.each([
    ['no bounds keeps everything', {}, EVENTS.map((e) => e.date)],
    [
      'both bounds are inclusive',
      { from: '2020-01-08', to: '2020-09-26' },
      ['2020', '2020-01', '2020-01-08', '2020-02', '2020-09', '2020-09-26'],
    ],
    ['a month overlapping the start is kept', { from: '2020-09-27' }, ['2020', '2020-09', '2020-09-28', '2020-10']],
    ['a month overlapping the end is kept', { to: '2020-01-01' }, ['2019', '2020', '2020-01']],
    ['a month ending before the start is dropped', { from: '2020-03-01', to: '2020-08-31' }, ['2020']],
    ['February 2020 has a 29th', { from: '2020-02-29', to: '2020-02-29' }, ['2020', '2020-02']],
    ['one day', { from: '2020-09-28', to: '2020-09-28' }, ['2020', '2020-09', '2020-09-28']],
    [
      'a month as a bound means its first or last day',
      { from: '2020-09', to: '2020-09' },
      ['2020', '2020-09', '2020-09-26', '2020-09-28'],
    ],
    ['a year as a bound', { from: '2019', to: '2019' }, ['2019']],
  ])('%s', (_name, range, expected) => {
    expect(kept(range)).toEqual(expected);
  });

  it.each([
    [
      'from',
      { from: '28/09/2020' },
      'timeline: "from" must be a date written YYYY-MM-DD, like 2020-09-28, not "28/09/2020".',
    ],
    [
      'to',
      { to: '2020-02-30' },
      'timeline: "to" must be a date written YYYY-MM-DD, like 2020-09-28, not "2020-02-30".',
    ],
    [
      'from after to',
      { from: '2020-10-01', to: '2020-09-01' },
      'timeline: "from" (2020-10-01) is after "to" (2020-09-01).',
    ],
  ])('rejects a bad %s with an InputError', (_name, range, message) => {
    expect(() => filterEvents(EVENTS, range)).toThrow(InputError);
    expect(() => filterEvents(EVENTS, range)).toThrow(message);
    try {
      filterEvents(EVENTS, range);
    } catch (error) {
      expect((error as InputError).code).toBe('bad_date');
    }
  });
});
