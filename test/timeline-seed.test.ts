import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PartialDate, Passage, Source } from '../src/corpus/types.ts';
import { extractEvents, filterEvents, scoreTimeline } from '../src/timeline/index.ts';
import type { GoldTimeline, TimelineEvent } from '../src/timeline/index.ts';
import { TIMELINE_KNOWLEDGE } from './support/timeline.ts';
import { bareSource } from './support/bareSource.ts';

/*
 * The five seed articles, body paragraphs copied by hand as the loader will hand them over
 * (titles, bylines, date stamps, captions, READ lines, The Hill's hover cards and VOA's
 * Related Stories tail removed; VOA's non-breaking spaces kept). A paragraph given as
 * [section, text] sits under that subheading.
 */
interface SeedArticle {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly paragraphs: readonly (string | readonly [string, string])[];
}

const SEEDS: readonly SeedArticle[] = [
  {
    file: '000_9a5ceb7abccd8c58.txt',
    id: '9a5ceb7abccd8c58',
    title: "US warns Iraq it's planning to pull out of Baghdad embassy over inaction against militants",
    date: '2020-09-28',
    paragraphs: [
      'The United States has warned the Iraqi government and its diplomatic partners that it is planning a full withdrawal from its embassy in Baghdad if it fails to take action against militia groups targeting US forces in Iraq.',
      'As per reports, US Secretary of State Mike Pompeo has sent a letter of warning to Iraqi President Barham Salih threatening to close its diplomatic mission in Baghdad. The letter warned that the US will “liquidate” those responsible for attacking American interests in Iraq. Mike Pompeo was referring to militia groups like Kataib Hezbollah and Asaib Ahl al-Haq which are backed by Iran.',
      'The US also reportedly threatened to withhold aid to Iraq from the World Bank and International Monetary Fund, besides sanctions, once the US Embassy is closed. If the Trump administration moves forward with the plan, closing the embassy in Baghdad is expected to take 90 days, a window that would allow Washington to reconsider the decision.',
      'In the wake of the US warning, Iraq’s foreign minister Fuad Hussein on Saturday arrived in Tehran for a two-day visit over wide-ranging talks with his Iranian counterpart. The diplomats held bilateral discussions on the implementation of agreements reached during Iraqi Prime Minister Mustafa Al-Kadhimi’s visit to Tehran in July.',
      'As per reports, the two officials prominently discussed regional developments, the security situation in Iraq and a series of attacks on US forces. Taken aback by the letter of warning from Washington, Hussein came to Tehran with a message that Iran should use its influence over these groups to prevent further attacks on US forces.',
      [
        'Periodic attacks on US forces',
        'The tensions escalated between the US and Iraq in January following a drone strike near the Baghdad airport that killed Iranian General Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis. Soon after the incident, the furious Iraqi lawmakers passed a nonbinding resolution to oust all US-led coalition forces from the country.',
      ],
      [
        'Periodic attacks on US forces',
        "Iran further launched a counter-attack avenge Gen. Soleimani's death. A ballistic missile attack on January 8 from Iran resulted in severe injuries to more than 100 American troops. The rocket attacks by militants have killed two US servicemen, a Briton and several members of Iraq’s security forces this year.",
      ],
      [
        'Periodic attacks on US forces',
        'Earlier this month, Washington announced that it would reduce its force level from more than 5,000 to about 3,000 in Iraq by the end of the month. It is said that the US pullout could set PM Kadhimi back in his fight against the militias.',
      ],
    ],
  },
  {
    file: '001_64ba0aa1239cf7d6.txt',
    id: '64ba0aa1239cf7d6',
    title: 'Iraqis fear US embassy closure could turn the country into a battle zone',
    date: '2020-09-29',
    paragraphs: [
      'After the United States signalled that it could close its diplomatic mission in Bagdad, Iraqis fear that the step could turn their country into a battle zone, Iraqi and US officials said on September 28. Amid the tensions between the two nations, it is believed that any move by Washington to reduce diplomatic presence in a country where it has nearly 5,000 troops would be widely seen in the region as an escalation of its confrontation with the US. The officials, who spoke on condition of anonymity because they were not authorized to speak publicly about diplomatic discussions, said that that the step, in turn, could open the possibility of military action.',
      'US Secretary of State Mike Pompeo has sent a letter of warning to Iraqi President Barham Salih threatening to close its diplomatic mission in Baghdad. The letter warned that the US will “liquidate” those responsible for attacking American interests in Iraq.',
      'The US also threatened to withhold aid to Iraq from the World Bank and International Monetary Fund, besides sanctions, once the US Embassy is closed. If the Trump administration moves forward with the plan, closing the embassy in Baghdad is expected to take 90 days, a window that would allow Washington to reconsider the decision.',
      'While populist Iraqi cleric Moqtada al-Sadr, who commands a following of millions of Iraqis, pleaded for groups to avoid the aggravation that turns Iraq into a battleground, one of the two Western diplomats said that the Trump administration did not ‘want to be limited in their options’ to weaken Iran or pro-Iranian militants in Iraq. When asked whether he expected the US to respond with economic or military measures, the western official replied saying ‘strikes’.',
      [
        'Tensions between US-Iraq',
        'The tensions escalated between the US and Iraq in January following a drone strike near the Baghdad airport that killed Iranian General Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis. Soon after the incident, the furious Iraqi lawmakers passed a nonbinding resolution to oust all US-led coalition forces from the country.',
      ],
      [
        'Tensions between US-Iraq',
        "Iran further launched a counter-attack avenge Gen. Soleimani's death. A ballistic missile attack on January 8 from Iran resulted in severe injuries to more than 100 American troops. The rocket attacks by militants have killed two US servicemen, a Briton and several members of Iraq’s security forces this year.",
      ],
      [
        'Tensions between US-Iraq',
        'Earlier this month, Washington announced that it would reduce its force level from more than 5,000 to about 3,000 in Iraq by the end of the month. It is said that the US pullout could set PM Kadhimi back in his fight against the militias.',
      ],
    ],
  },
  {
    file: '002_0ea427f8fc71280e.txt',
    id: '0ea427f8fc71280e',
    title: 'US Warns Iraq of Embassy Shutdown in Response to Attacks on Personnel',
    date: '2020-09-29',
    paragraphs: [
      'Pompeo delivered the message via phone to PM Al-Kadhimi and President Barham Salih and expressed frustrations with Iran-backed Shi’ite militias launching rocket attacks on US diplomatic missions.',
      'United States (US) Secretary of State Mike Pompeo has warned Iraqi Prime Minister Mustafa al-Kadhimi that the US will close its embassy in Baghdad if the government fails to control Iran-backed militias who have been threatening American personnel and troops stationed there. Reports suggest that Pompeo delivered the message via phone to both Kadhimi and President Barham Salih over the weekend, and expressed Washington’s frustrations with Iran-backed Shi’ite militias launching rocket attacks on diplomatic missions in the country.',
      'For years, Iraq has also been caught between the clashing regional interests of its two major allies, the US and Iran, a situation that has become worse following the US’ withdrawal from the 2015 JCPOA nuclear agreement. Additionally, after the US’ killing of senior Islamic Revolutionary Guard Corps (IRGC) Commander Qassem Soleimani in Baghdad in January this year, the Iraqi parliament\u00a0voted\u00a0to expel all foreign troops from the country, as Iran-backed armed groups vowed to avenge the killings. Since then, the militias have ramped up missile and bomb attacks on the US embassy and Iraqi military bases that host US-led coalition troops.',
      'Though the State Department refused to comment on Pompeo’s “private diplomatic conversations” with the Iraqi leadership, it condemned the persistence of attacks against the United States, and said that they pose a threat not just to the Americans, but also “the Government of Iraq, neighboring diplomatic missions, and residents of the former International Zone and surrounding areas”.',
      'The US has already made significant cuts to its military presence in Iraq. The withdrawal of soldiers, as well as diplomats, could be seen as a victory for Iran, who has long advocated for the drawdown of US forces in Iraq. Iranian President Hassan Rouhani met with Iraq’s Foreign Minister over the weekend and reiterated Tehran’s position on the matter, reportedly saying that the withdrawal of US troops from the region was a “collective duty”. Analysts have also said that a US pullout could not only set Kadhimi back in his fight against the militias but also risk military confrontation between the US and Iran with Iraq serving as the battleground.',
      'Following the US warning, Iraqi officials swiftly condemned the attacks, and have reportedly even called on Kadhimi to set up a security committee to draw up a plan to address the issue. However, whether the measures initiated by Baghdad are enough to satisfy Washington remains to be seen. If the Trump administration decides to follow through on its threat, closing the embassy is expected to take 90 days, giving the US some time to reassess its decision.',
    ],
  },
  {
    file: '003_84fe4f099db4658b.txt',
    id: '84fe4f099db4658b',
    title: "US says it will leave Baghdad embassy if Iraq doesn't rein in attacks: report",
    date: null,
    paragraphs: [
      'The U.S. told Iraq that it will leave its embassy in Baghdad if Iraq doesn’t rein in the attacks on personnel connected to American troops, The Washington Post reported on Sunday.',
      'Secretary of State Mike Pompeo told Iraqi Prime Minister Mustafa al-Kadhimi about the plan for a U.S. departure from the embassy, an official familiar with the matter told the Post. Two Western officials in the city told the newspaper their country’s diplomatic missions were told about the plan.',
      'An Iraqi official told the Post that the U.S. had requested its government be forceful against militias, indicating if the Iraqi government took appropriate steps, it’s possible the embassy may not be shut down.',
      'The departure from Baghdad is expected to take 90 days, which a diplomat familiar with the situation told the newspaper would give President Trump’s administration time to reevaluate.',
      'Ahmed Mulla Talal, a spokesperson for Kadhimi, said Sunday that the country hopes the U.S. “will reconsider” its decision.',
      '“There are outlaw groups that try to shake this relationship and closing the embassy would send a negative message to them,” he said.',
      'The Post reported that it was unclear whether the White House approved of the deal. But two U.S. officials said Pompeo cautioned about the possible closure of the embassy without necessary action against the militias.',
      'A spokesperson from the State Department told The Hill in a statement the department does not comment on Pompeo’s “private diplomatic conversations with foreign leaders” but added the U.S. has expressed concerns about Iran-backed militias attacking the embassy.',
      'The spokesperson continued by saying these militias are “the single biggest deterrent” to the U.S.’s moves to ensure financial support for the country.',
      'A senior official in Kadhimi’s office said the Iraqi prime minister was working on getting support from European partners to persuade the U.S. to stay to prevent a risk to stability in Iraq, according to the Post.',
      'President Trump directed the killing of senior Iranian commander Qasem Soleimani earlier this year, sparking Iran-backed militias to launch strikes on the embassy and Iraqi military bases that hosted U.S.-led coalition troops deployed to fight ISIS.',
      'This year, two U.S., one British and several Iraqi military members have been killed in attacks that have been traced back to Iran-backed militias.',
      'The Post noted that Kadhimi has attempted to target the militias through their funding and by restructuring Iraq’s security system, but the militias reacted by launching more strikes.',
    ],
  },
  {
    file: '004_232c69b19052f130.txt',
    id: '232c69b19052f130',
    title: 'US Threatens to Close Embassy in Baghdad',
    date: '2020-09-28',
    paragraphs: [
      'The United States is threatening to close its embassy in Baghdad amid frustrations over attacks by Shi’ite militias.',
      'News organizations\u00a0quoted U.S. and Iraqi officials Sunday\u00a0as\u00a0saying U.S. Secretary of State Mike Pompeo warned Iraqi leaders in recent days that the embassy would close unless Iraq\u00a0worked to stop attacks on U.S. military and diplomatic sites.',
      'Pompeo has not discussed the matter publicly, but the State Department said Sunday that\u00a0"Iran-backed groups launching rockets at our embassy are a danger not only to us, but to the Government of Iraq.”',
      'The United States has demanded Iraqi action before, saying in January\u00a0that\u00a0Iraq has an obligation to protect U.S. diplomatic facilities in the country.',
      'That message came weeks after the U.S. military responded to a series of attacks against U.S. personnel in Iraq\u00a0with an airstrike that killed Iran’s top general, Qassem Soleimani,\u00a0and\u00a0senior Iraqi militia commander Abu Mahdi al-Muhandis,\u00a0outside the Baghdad airport.',
      'The strike sparked a round of protests in Iraq, with demonstrators, and\u00a0several\u00a0Iraqi lawmakers, objecting to the U.S. action as a violation of Iraqi sovereignty and calling on the government to expel U.S. troops.',
      'The U.S. forces\u00a0are in Iraq to advise and assist Iraqi forces in their missions against Islamic State militants.\u00a0 The Pentagon announced earlier this month the U.S. troop presence would drop from 5,200 to 3,000.',
    ],
  },
];

function partialDate(value: string | null): PartialDate | null {
  if (value === null) return null;
  return { value, precision: value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year' };
}

function makeSource(article: Pick<SeedArticle, 'file' | 'id' | 'title' | 'date'>): Source {
  return bareSource({ id: article.id, title: article.title, date: partialDate(article.date), file: article.file });
}

/** Passages of one article, numbered from 1 in the order given. */
function makePassages(article: Pick<SeedArticle, 'file' | 'id' | 'title' | 'date' | 'paragraphs'>): Passage[] {
  const source = makeSource(article);
  return article.paragraphs.map((paragraph, i) => {
    const [section, text] = typeof paragraph === 'string' ? [null, paragraph] : paragraph;
    return { id: `${source.id}-p${i + 1}`, text, paragraph: i + 1, source, section };
  });
}

const seedPassages = (): Passage[] => SEEDS.flatMap(makePassages);
const seed = (file: string): SeedArticle => SEEDS.find((a) => a.file.startsWith(file))!;
const gold = JSON.parse(
  readFileSync(new URL('../eval/stories/seed/timeline.gold.json', import.meta.url), 'utf8'),
) as GoldTimeline;
const filesOf = (event: TimelineEvent): string[] => [event.passage, ...event.alsoIn].map((p) => p.source.file);
const find = (events: readonly TimelineEvent[], snippet: string): TimelineEvent[] =>
  events.filter((e) => e.text.includes(snippet));

describe('the seed corpus against the gold timeline', () => {
  const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);
  const score = scoreTimeline(events, gold);

  it('finds every gold event at its exact date, with no wrong date and no junk', () => {
    expect(score.details).toEqual({ missed: [], wrong: [], junk: [], mismatchedSources: [] });
    expect(score).toMatchObject({
      goldEvents: gold.events.length,
      found: gold.events.length,
      exactDate: gold.events.length,
      wrongDate: 0,
      junk: 0,
      precision: 1,
      recall: 1,
      duplicates: 0,
      sourceMismatches: 0,
    });
  });

  it('lists events oldest first, a year before its months and a month before its days', () => {
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    expect(events[0]).toMatchObject({ date: '2020', precision: 'year' });
    expect(events.at(-1)).toMatchObject({ date: '2020-09-28', precision: 'day' });
  });

  it('gives each event the sentence that dates it, as printed', () => {
    const [saturday] = find(events, 'on Saturday arrived');
    expect(saturday?.text).toBe(
      'In the wake of the US warning, Iraq’s foreign minister Fuad Hussein on Saturday arrived in Tehran for a two-day visit over wide-ranging talks with his Iranian counterpart.',
    );
    expect(saturday).toMatchObject({ date: '2020-09-26', precision: 'day' });
    expect(saturday?.passage.source.file).toBe('000_9a5ceb7abccd8c58.txt');
    expect(saturday?.passage.paragraph).toBe(4);
  });

  it('takes nothing from the undated article 003', () => {
    expect(events.filter((e) => filesOf(e).includes('003_84fe4f099db4658b.txt'))).toEqual([]);
  });
});

describe('the same event told by several articles', () => {
  it('appears once, the first passage given kept, the others in alsoIn', () => {
    const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);
    const attack = find(events, 'A ballistic missile attack on January 8');
    expect(attack).toHaveLength(1);
    expect(attack[0]!.passage.source.file).toBe('000_9a5ceb7abccd8c58.txt');
    expect(attack[0]!.alsoIn.map((p) => p.source.file)).toEqual(['001_64ba0aa1239cf7d6.txt']);
    expect(attack[0]!.alsoIn[0]!.section).toBe('Tensions between US-Iraq');
  });

  it('keeps the order the passages were given', () => {
    const events = extractEvents([...makePassages(seed('001')), ...makePassages(seed('000'))], TIMELINE_KNOWLEDGE);
    const [attack] = find(events, 'A ballistic missile attack on January 8');
    expect(attack?.passage.source.file).toBe('001_64ba0aa1239cf7d6.txt');
    expect(attack?.alsoIn.map((p) => p.source.file)).toEqual(['000_9a5ceb7abccd8c58.txt']);
  });

  it('merges only at the same date: "earlier this month" in 000 (28 Sept.) and 001 (29 Sept.) is September in both', () => {
    const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);
    const cuts = find(events, 'Earlier this month, Washington announced');
    expect(cuts).toHaveLength(1);
    expect(filesOf(cuts[0]!)).toEqual(['000_9a5ceb7abccd8c58.txt', '001_64ba0aa1239cf7d6.txt']);
  });

  it('does not merge near-identical sentences whose dates differ', () => {
    const sentence = 'The minister arrived in Tehran on Saturday for talks.';
    const monday = makePassages({ file: 'a.txt', id: 'a', title: 'A', date: '2020-09-28', paragraphs: [sentence] });
    const nextMonday = makePassages({ file: 'b.txt', id: 'b', title: 'B', date: '2020-10-05', paragraphs: [sentence] });
    const events = extractEvents([...monday, ...nextMonday], TIMELINE_KNOWLEDGE);
    expect(events.map((e) => [e.date, e.alsoIn.length])).toEqual([
      ['2020-09-26', 0],
      ['2020-10-03', 0],
    ]);
  });

  it('keeps retellings in other words apart', () => {
    const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);
    expect(find(events, 'earlier this month').map(filesOf)).toEqual([['004_232c69b19052f130.txt']]);
  });

  it('merges nothing when asked for identical shingles only, which the gold score catches', () => {
    const unmerged = extractEvents(seedPassages(), { ...TIMELINE_KNOWLEDGE, merge: { similarity: 1.01 } });
    const score = scoreTimeline(unmerged, gold);
    expect(score.duplicates).toBeGreaterThan(0);
    expect(score.sourceMismatches).toBeGreaterThan(0);
  });
});

describe('an undated article', () => {
  const undated = seed('003');

  it('contributes only dates it states in full', () => {
    const events = extractEvents(
      makePassages({
        ...undated,
        paragraphs: [
          ...undated.paragraphs,
          'Protesters stormed the embassy compound on Jan. 1, 2020, after a U.S. airstrike.',
        ],
      }),
      TIMELINE_KNOWLEDGE,
    );
    expect(events.map((e) => [e.date, e.precision])).toEqual([['2020-01-01', 'day']]);
  });

  it('would be dated by its own date if it had one', () => {
    const events = extractEvents(makePassages({ ...undated, date: '2020-09-28' }), TIMELINE_KNOWLEDGE);
    expect(events.map((e) => [e.date, e.precision, e.text.slice(0, 40)])).toEqual([
      ['2020', 'year', 'President Trump directed the killing of '],
      ['2020', 'year', 'This year, two U.S., one British and sev'],
      ['2020-09-27', 'day', 'The U.S. told Iraq that it will leave it'],
      ['2020-09-27', 'day', 'Ahmed Mulla Talal, a spokesperson for Ka'],
    ]);
  });
});

describe('furniture the loader should have removed', () => {
  const corpus = (file: string): string => readFileSync(new URL(`../corpus/${file}`, import.meta.url), 'utf8');
  const paragraphs = (file: string): string[] =>
    corpus(file)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);

  it.each([
    ['000: READ lines and the trailing title', '000_9a5ceb7abccd8c58.txt', [3, 6, 11, 12, 13]],
    ['002: tag, title, deck, date line and SOURCE line', '002_0ea427f8fc71280e.txt', [0, 1, 2, 3]],
    ['003: title, credit and the hover cards ("in 2020 election")', '003_84fe4f099db4658b.txt', [0, 1, 3, 5]],
    [
      '004: stamp, captions and the Related Stories / More Coverage tail',
      '004_232c69b19052f130.txt',
      [1, 2, ...Array.from({ length: 15 }, (_, i) => 10 + i)],
    ],
  ])('%s dates nothing', (_name, file, indexes) => {
    const article = SEEDS.find((a) => a.file === file)!;
    const all = paragraphs(file);
    const raw = indexes.map((i) => all[i]!);
    expect(raw.every((p) => p.length > 0)).toBe(true);
    const events = extractEvents(makePassages({ ...article, paragraphs: raw }), TIMELINE_KNOWLEDGE);
    expect(events.map((e) => `${e.date}: ${e.text}`)).toEqual([]);
  });
});

describe('scoreTimeline', () => {
  const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);

  it('counts a misdated event as a wrong date, not as found at the exact date', () => {
    const moved = events.map((e) => (e.text.includes('on Saturday arrived') ? { ...e, date: '2020-10-03' } : e));
    const score = scoreTimeline(moved, gold);
    expect(score).toMatchObject({
      wrongDate: 1,
      junk: 0,
      found: gold.events.length,
      exactDate: gold.events.length - 1,
    });
    expect(score.recall).toBeCloseTo((gold.events.length - 1) / gold.events.length);
  });

  it('counts a coarser precision as a wrong date', () => {
    const coarse = events.map((e) =>
      e.text.includes('A ballistic missile attack') ? { ...e, date: '2020-01', precision: 'month' as const } : e,
    );
    expect(scoreTimeline(coarse, gold)).toMatchObject({ wrongDate: 1, exactDate: gold.events.length - 1 });
  });

  it('counts an event no gold snippet tells as junk', () => {
    const extra = { ...events[0]!, text: 'Some other thing happened.', date: '2019' };
    const score = scoreTimeline([...events, extra], gold);
    expect(score).toMatchObject({ junk: 1, wrongDate: 0, exactDate: gold.events.length });
    expect(score.precision).toBeCloseTo(events.length / (events.length + 1));
  });

  it('counts a missing event against recall', () => {
    const score = scoreTimeline(
      events.filter((e) => !e.text.includes('said on September 28')),
      gold,
    );
    expect(score).toMatchObject({ found: gold.events.length - 1, exactDate: gold.events.length - 1, junk: 0 });
    expect(score.details.missed.map((g) => g.snippet)).toEqual(['Iraqi and US officials said on September 28']);
  });

  it('matches snippets whatever the quotes, case and spaces', () => {
    const curly = events.map((e) => ({ ...e, text: e.text.replace(/'/g, '’').replace(/ /g, '\u00a0 ').toUpperCase() }));
    expect(scoreTimeline(curly, gold)).toMatchObject({ exactDate: gold.events.length, junk: 0 });
  });
});

describe('filterEvents on the seed timeline', () => {
  const events = extractEvents(seedPassages(), TIMELINE_KNOWLEDGE);

  it('keeps month and year events that overlap the range', () => {
    const lastWeekend = filterEvents(events, { from: '2020-09-26', to: '2020-09-27' });
    expect(lastWeekend.map((e) => e.date)).toEqual([
      '2020',
      '2020-09',
      '2020-09',
      '2020-09',
      '2020-09',
      '2020-09-26',
      '2020-09-27',
      '2020-09-27',
    ]);
  });
});
