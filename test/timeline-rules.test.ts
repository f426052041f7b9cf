import { describe, expect, it } from 'vitest';
import type { PartialDate } from '../src/corpus/types.ts';
import { datesInSentence } from '../src/timeline/index.ts';
import { TIMELINE_KNOWLEDGE } from './support/timeline.ts';

/** The article's date, written explicitly in every case: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or null. */
function reference(value: string | null): PartialDate | null {
  if (value === null) return null;
  const precision = value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
  return { value, precision };
}

/** The dates a sentence yields, as 'value/precision'. */
function dates(sentence: string, ref: string | null): string[] {
  return datesInSentence(sentence, reference(ref), TIMELINE_KNOWLEDGE.wordnet).map(
    (m) => `${m.date.value}/${m.date.precision}`,
  );
}

type Case = readonly [name: string, sentence: string, reference: string | null, expected: readonly string[]];

// 2020-09-28 is a Monday (000 and 004); 2020-09-29 a Tuesday (001 and 002).
const MONDAY = '2020-09-28';
const TUESDAY = '2020-09-29';

const cases: Record<string, readonly Case[]> = {
  'dates of events, not of articles': [
    [
      'month and day, past',
      'A ballistic missile attack on January 8 from Iran resulted in severe injuries to more than 100 American troops.',
      MONDAY,
      ['2020-01-08/day'],
    ],
    [
      'weekday, past: the Saturday before Monday',
      'Iraq’s foreign minister Fuad Hussein on Saturday arrived in Tehran for a two-day visit.',
      MONDAY,
      ['2020-09-26/day'],
    ],
    [
      'weekday without "on"',
      'News organizations quoted U.S. and Iraqi officials Sunday as saying Pompeo warned Iraqi leaders.',
      MONDAY,
      ['2020-09-27/day'],
    ],
    [
      'weekday said on the day of the article is that day',
      'The ministry said Monday that talks had ended.',
      MONDAY,
      ['2020-09-28/day'],
    ],
    [
      'a day in a quotation counts from the day it was said',
      '“The committee has decided today to suspend Jane Doe from all activities,” the federation said in a statement on Saturday.',
      MONDAY,
      ['2020-09-26/day'],
    ],
    [
      'month, past',
      'The diplomats discussed agreements reached during Kadhimi’s visit to Tehran in July.',
      MONDAY,
      ['2020-07/month'],
    ],
    [
      'a January in a September article is the last one',
      'The tensions escalated between the US and Iraq in January following a drone strike.',
      MONDAY,
      ['2020-01/month'],
    ],
    ['a later month, past, is last year', 'The election was held in November.', MONDAY, ['2019-11/month']],
    ['said on a stated day', 'Iraqi and US officials said on September 28.', TUESDAY, ['2020-09-28/day']],
    ['explicit full date', 'Protesters stormed the embassy compound on Jan. 1, 2020.', MONDAY, ['2020-01-01/day']],
    [
      'explicit full date with weekday',
      'The strike came on Friday, Jan. 3, 2020, near the airport.',
      MONDAY,
      ['2020-01-03/day'],
    ],
    ['month and year', 'Iran signed the agreement in July 2015 in Vienna.', MONDAY, ['2015-07/month']],
    ['a bare year in a time phrase', 'The agreement was signed in 2015, after years of talks.', MONDAY, ['2015/year']],
    ['a year at the end of a sentence', 'The US left the deal in 2018.', MONDAY, ['2018/year']],
    ['mid-year', 'Talks stalled in mid-2019.', MONDAY, ['2019/year']],
    ['a capitalised May after "In"', 'In May, the two governments met in Baghdad.', MONDAY, ['2020-05/month']],
  ],
  'future tense points forwards': [
    ['will + weekday', 'The ministers will meet on Saturday.', MONDAY, ['2020-10-03/day']],
    ['is expected to + weekday', 'The envoy is expected to arrive on Friday.', MONDAY, ['2020-10-02/day']],
    ['is expected + month', 'The vote is expected in November.', MONDAY, ['2020-11/month']],
    ['ahead of + month', 'Troops are being cut ahead of the poll in November.', MONDAY, ['2020-11/month']],
    [
      'the clause decides, not the sentence',
      'Officials said on Sunday that the embassy will close on Friday.',
      MONDAY,
      ['2020-09-27/day', '2020-10-02/day'],
    ],
    ['"this coming" is forwards whatever the verb', 'The deadline is this coming Friday.', MONDAY, ['2020-10-02/day']],
    [
      '"last" is backwards whatever the verb',
      'The deadline passed last Saturday, officials will say.',
      MONDAY,
      ['2020-09-26/day'],
    ],
    [
      '"next Friday" is read two ways, so only its month is true',
      'The envoy will visit next Friday.',
      MONDAY,
      ['2020-10/month'],
    ],
  ],
  'counted from the article': [
    [
      'earlier this month',
      'Earlier this month, Washington announced that it would reduce its force level.',
      MONDAY,
      ['2020-09/month'],
    ],
    [
      'this month, inside a sentence',
      'The Pentagon announced earlier this month the U.S. troop presence would drop from 5,200 to 3,000.',
      MONDAY,
      ['2020-09/month'],
    ],
    ['this year', 'The rocket attacks by militants have killed two US servicemen this year.', MONDAY, ['2020/year']],
    [
      'earlier this year',
      'President Trump directed the killing of Qasem Soleimani earlier this year.',
      MONDAY,
      ['2020/year'],
    ],
    [
      'January this year takes its year from "this year", one date',
      'After the killing of Soleimani in Baghdad in January this year, parliament voted to expel foreign troops.',
      TUESDAY,
      ['2020-01/month'],
    ],
    [
      'December this year, even in the past tense',
      'The talks that began in December this year collapsed.',
      TUESDAY,
      ['2020-12/month'],
    ],
    ['last month', 'The talks collapsed last month.', MONDAY, ['2020-08/month']],
    ['last year', 'The talks collapsed last year.', MONDAY, ['2019/year']],
    ['yesterday', 'The minister resigned yesterday.', MONDAY, ['2020-09-27/day']],
    ['days ago', 'The minister resigned three days ago.', MONDAY, ['2020-09-25/day']],
    ['months ago is never a day', 'The minister resigned two months ago.', MONDAY, ['2020-07/month']],
  ],
  'vague spans: as coarse as is true, never a false day': [
    [
      'over the weekend, Tuesday article: the weekend of 26-27 September',
      'Pompeo delivered the message over the weekend.',
      TUESDAY,
      ['2020-09/month'],
    ],
    [
      'over the weekend across a month end is only the year',
      'Pompeo delivered the message over the weekend.',
      '2020-11-02',
      ['2020/year'],
    ],
    [
      'over the weekend across a new year is nothing',
      'Pompeo delivered the message over the weekend.',
      '2023-01-02',
      [],
    ],
    ['in recent days', 'Pompeo warned Iraqi leaders in recent days.', MONDAY, ['2020-09/month']],
    ['in recent days across a month end', 'Pompeo warned Iraqi leaders in recent days.', '2020-10-03', ['2020/year']],
    [
      'a finer date in the same sentence wins',
      'Officials said Sunday that Pompeo warned Iraqi leaders in recent days.',
      MONDAY,
      ['2020-09-27/day'],
    ],
    ['last week', 'The envoy visited last week.', MONDAY, ['2020-09/month']],
    ['weeks ago', 'The envoy visited two weeks ago.', MONDAY, ['2020-09/month']],
    [
      'weeks after another event',
      'That message came weeks after the U.S. military responded with an airstrike.',
      MONDAY,
      [],
    ],
    ['for years', 'For years, Iraq has been caught between the US and Iran.', MONDAY, []],
  ],
  'durations, deadlines and names are not dates': [
    ['90 days', 'Closing the embassy in Baghdad is expected to take 90 days.', MONDAY, []],
    ['within 90 days', 'The embassy would close within 90 days.', MONDAY, []],
    ['in 90 days', 'The embassy would close in 90 days.', MONDAY, []],
    ['days later', 'Three days later missiles struck the base.', MONDAY, []],
    ['two-day visit', 'He began a two-day visit to Tehran.', MONDAY, []],
    ['60-Day Waiver', 'US Grants Iraq New 60-Day Waiver to Import Iranian Gas', MONDAY, []],
    ['by the end of the month', 'The troops will leave by the end of the month.', MONDAY, []],
    [
      '2015 JCPOA: the withdrawal is not an event of 2015',
      'The situation has become worse following the US’ withdrawal from the 2015 JCPOA nuclear agreement.',
      TUESDAY,
      [],
    ],
    [
      'a year naming an election',
      'Giuliani used provisional ballot to vote in 2020 election, same method he disparaged.',
      MONDAY,
      [],
    ],
    ['the verb may', 'It’s possible the embassy may not be shut down.', MONDAY, []],
    ['the verb march', 'Protesters will march on the capital.', MONDAY, []],
    ['24/7', 'The embassy is guarded 24/7 by Iraqi forces.', MONDAY, []],
    ['5,200 to 3,000 is not a time', 'The troop presence would drop from 5,200 to 3,000.', MONDAY, []],
    [
      'the next day counts from the story, not the article',
      'Soleimani was killed on Jan. 3 and parliament voted the next day.',
      MONDAY,
      ['2020-01-03/day'],
    ],
    ['days earlier counts from the story', 'They struck two days earlier.', MONDAY, []],
    [
      'the day of an event counted from dates that event, not the sentence',
      'Weeks before Saturday’s attack, the council said that needs had reached their highest level.',
      MONDAY,
      [],
    ],
    [
      'but a background year in the same sentence is its own event',
      'Weeks before Saturday’s attack, the council said needs had reached their highest level since the war began in 2011.',
      MONDAY,
      ['2011/year'],
    ],
    ['now is not an event date', 'Now the embassy remains open.', MONDAY, []],
    ['the Sept. 11 attacks are not this September', 'The Sept. 11 attacks changed US policy.', MONDAY, []],
    [
      'but the Jan. 8 attack is this January',
      'The Jan. 8 attack injured more than 100 troops.',
      MONDAY,
      ['2020-01-08/day'],
    ],
  ],
  'an undated article states only full dates': [
    ['weekday', 'The Washington Post reported on Sunday.', null, []],
    ['earlier this year', 'President Trump directed the killing of Qasem Soleimani earlier this year.', null, []],
    ['this year', 'This year, two U.S., one British and several Iraqi military members have been killed.', null, []],
    ['month without year', 'The tensions escalated in January.', null, []],
    ['full date', 'Protesters stormed the embassy compound on Jan. 1, 2020.', null, ['2020-01-01/day']],
    ['month and year', 'Iran signed the agreement in July 2015 in Vienna.', null, ['2015-07/month']],
    ['a year', 'The US left the deal in 2018.', null, ['2018/year']],
  ],
  'an article dated to the month or year resolves only what that allows': [
    ['month ref: a weekday is unknowable', 'The minister arrived on Saturday.', '2020-09', []],
    ['month ref: another month', 'The tensions escalated in January.', '2020-09', ['2020-01/month']],
    ['month ref: a day in another month', 'The attack came on January 8.', '2020-09', ['2020-01-08/day']],
    ['month ref: a day in the same month could be last year', 'Officials said on September 28.', '2020-09', []],
    ['month ref: this month', 'Earlier this month, Washington announced cuts.', '2020-09', ['2020-09/month']],
    ['month ref: yesterday is unknowable', 'The minister resigned yesterday.', '2020-09', []],
    ['year ref: this year', 'Militants have killed two US servicemen this year.', '2020', ['2020/year']],
    ['year ref: a month without year is unknowable', 'The tensions escalated in January.', '2020', []],
  ],
  'each dated mention its own event, a background clause its own date': [
    [
      'a sentence naming several years',
      'The quake was the deadliest since 1939, after disasters in 1999 and 2011 killed thousands.',
      '2023-02-07',
      ['1939/year', '1999/year', '2011/year'],
    ],
    ['a line of a chronology', '1999: A quake near Izmit kills more than 17,000 people.', '2023-02-07', ['1999/year']],
    [
      'a year naming an event',
      'Erdogan compared it to the 1939 earthquake, which left more than 32,000 dead.',
      '2023-02-07',
      ['1939/year'],
    ],
    [
      'a year naming an event, after a possessive',
      'He has cultivated ties to the military since his 2018 election.',
      '2022-11-01',
      ['2018/year'],
    ],
    [
      'a year naming an event after "a", with modifiers between them',
      'Experts compared it to a 2010 global network meltdown caused by a faulty antivirus update.',
      '2023-07-20',
      ['2010/year'],
    ],
    [
      'a year naming an incident after "a", told by a clause of its own',
      'Reports have linked the chief executive to a 2010 incident that led to a worldwide shutdown.',
      '2023-07-20',
      ['2010/year'],
    ],
    [
      'a year after "from"',
      'Analysts recalled the failure from 2010, where a similar update crashed millions of computers.',
      '2023-07-20',
      ['2010/year'],
    ],
    [
      'but not a range from one year to another',
      'He was the firm’s technology chief from 2009 to 2011, when it was sold.',
      '2023-07-20',
      [],
    ],
    [
      'news is dated by its day, not by the background clause',
      'Erdogan announced Tuesday that 35,000 people had died, the deadliest since the founding of the republic in 1923.',
      '2023-02-15',
      ['2023-02-14/day', '1923/year'],
    ],
    [
      'a date naming a thing dates nothing in a sentence of news',
      'The February 6 earthquake caused damage worth $34 billion, the World Bank said on Monday.',
      '2023-02-28',
      ['2023-02-27/day'],
    ],
  ],
  'a yearless date near the article': [
    [
      'a later day of the article’s month, past tense, is the article’s year',
      'Opening statements came on March 29.',
      '2021-03-10',
      ['2021-03-29/day'],
    ],
    [
      'a weekday with the day tells the year',
      'Tuesday March 30, 10:04 a.m. ET: the third day of testimony began.',
      '2021-03-29',
      ['2021-03-30/day'],
    ],
  ],
  'stamps and captions date nothing': [
    ['publication stamp', 'September 28, 2020 03:35 AM', MONDAY, []],
    ['stamp with byline', 'By VOA News September 28, 2020 03:35 AM', MONDAY, []],
    ['stamp with weekday and slash date', 'Wed, 09/23/2020 - 06:13 PM', MONDAY, []],
    ['date line', 'September 29, 2020', TUESDAY, []],
    [
      'FILE caption',
      'FILE - U.S. and Chinese flags surround a TikTok logo in this illustration photo taken July 16, 2020.',
      MONDAY,
      [],
    ],
    [
      'caption with a dateline',
      'Iraqi security forces stand guard in front of the U.S. embassy in the capital Baghdad, Jan. 1, 2020.',
      MONDAY,
      [],
    ],
    [
      'caption with ", on" dateline',
      'Iraqi security forces stand guard in front of the US embassy in the capital Baghdad, on January 1, 2020.',
      MONDAY,
      [],
    ],
    [
      'teaser cut short',
      'U.S. Judge Amy Coney Barrett reacts as President Trump holds an event on Saturday…',
      MONDAY,
      [],
    ],
    ['READ link line', 'READ | US Moves To Cut Troops In Iraq From 5,200 To 3,000 Ahead Of November Poll', MONDAY, []],
    ['credit line', '© Getty Images 2020', MONDAY, []],
  ],
};

for (const [group, table] of Object.entries(cases)) {
  describe(group, () => {
    it.each(table)('%s', (_name, sentence, ref, expected) => {
      expect(dates(sentence, ref)).toEqual(expected);
    });
  });
}

describe('mentions keep what was written', () => {
  it('reports the expression that dates the event', () => {
    const [mention] = datesInSentence(
      'Fuad Hussein on Saturday arrived in Tehran.',
      reference(MONDAY),
      TIMELINE_KNOWLEDGE.wordnet,
    );
    expect(mention?.text).toBe('on Saturday');
    expect(mention?.kind).toBe('weekday');
  });

  it('never takes a day chrono only implied', () => {
    // chrono implies day 1 for "in July" and the nearest year for "January"; neither may leak.
    expect(dates('Kadhimi visited Tehran in July.', MONDAY)).toEqual(['2020-07/month']);
    expect(dates('The strike came in January.', MONDAY)).not.toContain('2021-01/month');
  });
});
