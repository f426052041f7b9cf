/**
 * The Discord adapter's pure parts: View → message (limits, escaping, mentions, emphasis),
 * custom ids and the state behind buttons, slash-command JSON, option reading.
 */
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ButtonStyle, PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { APIEmbed, CommandInteractionOption } from 'discord.js';
import { CATALOG } from '../src/app/commands.ts';
import { Cooldown } from '../src/commandKit/cooldown.ts';
import type { CommandDefinition } from '../src/commandKit/definition.ts';
import type { EntryItem, EventLine, PassageItem, View } from '../src/present/view.ts';
import { AnswerStore, citeId, pageId, parseButtonId, POST_ID } from '../src/adapters/discord/buttons.ts';
import { fitChoices } from '../src/adapters/discord/answerAutocomplete.ts';
import { answerWithin } from '../src/adapters/discord/answerWithin.ts';
import { DISCORD_LIMITS } from '../src/adapters/discord/limits.ts';
import { invokerFor, readOptions } from '../src/adapters/discord/options.ts';
import {
  NO_MENTIONS,
  citationStyleRow,
  quoted,
  renderNotice,
  renderView,
  type DiscordMessage,
} from '../src/adapters/discord/render.ts';
import { renderCitation } from '../src/adapters/discord/renderCitation.ts';
import { HIDE_OPTION, slashCommand, slashCommands } from '../src/adapters/discord/slashCommands.ts';
import { clip, defuseMentions, literal } from '../src/adapters/discord/text.ts';

// ----- helpers ---------------------------------------------------------------------------------

function passage(overrides: Partial<PassageItem> = {}): PassageItem {
  return {
    kind: 'passage',
    passageId: '097016-acd369',
    byline: 'VOA News · Sep 28, 2020',
    outlet: 'VOA News',
    date: 'Sep 28, 2020',
    title: 'US Threatens to Close Embassy in Baghdad',
    paragraph: 3,
    quote: 'The US warned Iraq. Closing the embassy is expected to take 90 days. Officials said so.',
    answer: { start: 20, end: 68 },
    alsoIn: [],
    alsoReportedBy: [],
    repeats: null,
    ...overrides,
  };
}

/** Characters Discord counts toward the 6000 per message, as the fake (and Discord) count them. */
function embedChars(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Every Discord limit on a message, with the real (hard) numbers. */
function expectWithinLimits(message: DiscordMessage): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(message.embeds.reduce((sum, embed) => sum + embedChars(embed), 0)).toBeLessThanOrEqual(
    DISCORD_LIMITS.embedTotal,
  );
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
  }
  expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const control of row.components) {
      if (!('custom_id' in control)) throw new Error('every control has a custom id');
      expect(control.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
      if ('label' in control) expect(control.label!.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
    }
  }
  expect(message.allowedMentions).toEqual({ parse: [] });
}

/** `**` markers Dossier added (escaped ones removed first): always an even number. */
function boldMarkers(text: string): number {
  return (text.replace(/\\[\s\S]/g, '').match(/\*\*/g) ?? []).length;
}

const MARKDOWN_SOUP =
  'Some *stars*, __underlines__, ~~strikes~~, ||spoilers||, `code`, ```blocks```, [a link](https://example.com) and a \\ backslash. ';

function longQuote(sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, i) => `Sentence ${i + 1} says the embassy would close in ${i + 1} days. ${MARKDOWN_SOUP}`,
  ).join('');
}

function answerView(items: PassageItem[], overrides: Partial<View> = {}): View {
  return {
    tone: 'answer',
    title: 'How long would closing the embassy take?',
    items,
    nextOffset: items.length,
    ...overrides,
  };
}

// ----- render ------------------------------------------------------------------------------------

describe('renderView', () => {
  it('bolds the emphasised sentence and shows outlet, date, title, paragraph and passage id', () => {
    const message = renderView(answerView([passage({ alsoIn: ['Al-Monitor · Sep 29, 2020 · Embassy closure'] })]));

    const field = message.embeds[0]!.fields![0]!;
    expect(field.name).toBe('1. VOA News · Sep 28, 2020');
    expect(field.value).toBe(
      [
        '“The US warned Iraq. **Closing the embassy is expected to take 90 days.** Officials said so.”',
        '— *US Threatens to Close Embassy in Baghdad* · ¶3 · id `097016-acd369`',
        'Also in: Al-Monitor · Sep 29, 2020 · Embassy closure',
      ].join('\n'),
    );
    expect(message.embeds[0]!.title).toBe('How long would closing the embassy take?');
    expectWithinLimits(message);
  });

  it('cuts an oversized passage at a sentence end with an ellipsis, escaped, with balanced bold', () => {
    const quote = longQuote(40); // ~7000 characters, markdown everywhere
    const emphasisStart = quote.indexOf('Sentence 3 ');
    const item = passage({ quote, answer: { start: emphasisStart, end: quote.length - 1 } }); // bold runs past any cut
    const message = renderView(answerView([item]));

    expectWithinLimits(message);
    const value = message.embeds[0]!.fields![0]!.value;
    const shown = value.split('\n')[0]!;
    expect(shown.startsWith('“Sentence 1 says')).toBe(true);
    expect(shown.endsWith(' …”')).toBe(true); // cut after a sentence end, then an ellipsis
    expect(boldMarkers(value) % 2).toBe(0);
    expect(shown).toContain('**Sentence 3 says the embassy');
    expect(shown).toMatch(/\*\*”$|\*\* …”$/); // the bold closes before the closing quote
    // Markdown from the corpus is shown literally.
    expect(shown).toContain('\\*stars\\*');
    expect(shown).toContain('\\_\\_underlines\\_\\_');
    expect(shown).toContain('\\~\\~strikes\\~\\~');
    expect(shown).toContain('\\|\\|spoilers\\|\\|');
    expect(shown).toContain('\\`code\\`');
    expect(shown).toContain('\\[a link\\]');
    expect(shown).toContain('\\\\ backslash');
  });

  it('never cuts inside the bold markup, whatever the budget', () => {
    const quote = longQuote(6);
    const item = { quote, answer: { start: 40, end: quote.length - 20 } };
    for (let max = 12; max < 1100; max += 37) {
      const text = quoted(item, max);
      expect(text.length).toBeLessThanOrEqual(max);
      expect(boldMarkers(text) % 2).toBe(0);
      expect(text.startsWith('“')).toBe(true);
      expect(text.endsWith('”')).toBe(true);
    }
  });

  it('fits many long results into one message: every limit respected, the rest counted in the footer', () => {
    const items = Array.from({ length: 20 }, (_, i) =>
      passage({
        passageId: `${'a'.repeat(6)}-${String(i).padStart(6, '0')}`,
        byline: `Outlet number ${i} with a very long name indeed · Sep 28, 2020`.repeat(4),
        title: `A very long title about the embassy *closure* number ${i} `.repeat(8),
        quote: longQuote(8),
        answer: { start: 0, end: 60 },
        alsoIn: Array.from(
          { length: 6 },
          (_, j) => `Outlet ${j} · Sep 29, 2020 · Another long title about the same paragraph`,
        ),
      }),
    );
    const message = renderView(
      answerView(items, { title: 'Q'.repeat(400), notice: 'N'.repeat(5000), nextOffset: 20 }),
      {
        firstNumber: 1,
        pager: { nextId: pageId('page', 'abcdEFGH', 20) },
      },
    );

    expectWithinLimits(message);
    const embed = message.embeds[0]!;
    const shown = embed.fields!.length;
    expect(shown).toBeGreaterThanOrEqual(5);
    for (const field of embed.fields!) expect(boldMarkers(field.value) % 2).toBe(0);
    if (shown < items.length) expect(embed.footer?.text).toContain(`${items.length - shown} more not shown`);
    expect(message.components.flatMap((row) => row.components)).toMatchObject([
      { label: 'Next ▶', custom_id: 'page:abcdEFGH:20' },
    ]);
  });

  it('numbers the passages of a later page from where the page starts', () => {
    const message = renderView(answerView([passage(), passage({ passageId: 'b-2' })]), { firstNumber: 6 });
    expect(message.embeds[0]!.fields!.map((field) => field.name.split(' ')[0])).toEqual(['6.', '7.']);
  });

  it('lists at most 24 entries, says how many more there are, and keeps within 6000 characters', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      kind: 'entry' as const,
      heading: `Outlet ${i} · Sep 28, 2020 · ${'Title '.repeat(60)}`,
      body: `id ${i} · ${'word '.repeat(180)}`,
    }));
    const message = renderView({ tone: 'info', title: '40 articles', items, footer: 'Not loaded: broken.txt empty' });

    expectWithinLimits(message);
    const embed = message.embeds[0]!;
    expect(embed.fields!.length).toBeLessThanOrEqual(24);
    expect(embed.footer!.text).toContain(`${40 - embed.fields!.length} more not shown`);
    expect(embed.footer!.text).toContain('Not loaded: broken.txt empty');
    expect(message.components).toEqual([]);
  });

  it('shows an empty answer with its notice and hint, and no buttons', () => {
    const message = renderView(
      {
        tone: 'empty',
        title: 'No passage answers that',
        notice: 'Not in any article: “zebra”.',
        hint: 'Try other words, or see /sources.',
        items: [],
      },
      { pager: {} },
    );
    expect(message.embeds[0]).toMatchObject({
      title: 'No passage answers that',
      description: '*Not in any article: “zebra”.*\n\nTry other words, or see /sources.',
    });
    expect(message.embeds[0]!.fields).toBeUndefined();
    expect(message.components).toEqual([]);
  });

  it('makes mentions in any text inert and never allows mentions', () => {
    const view: View = {
      tone: 'answer',
      title: 'Ask @everyone and @here about <@123>, <@!456>, <@&789> and <#42>',
      items: [
        passage({
          quote: 'A quote that pings @everyone and <@&789>.',
          answer: { start: 0, end: 41 },
          title: '@here news',
        }),
      ],
    };
    const message = renderView(view);
    const json = JSON.stringify(message);

    expect(json).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d|<#\d/);
    expect(message.embeds[0]!.title).toBe(
      'Ask @\u200beveryone and @\u200bhere about <@\u200b123>, <@!\u200b456>, <@&\u200b789> and <#\u200b42>',
    );
    expect(message.allowedMentions).toBe(NO_MENTIONS);
    expect(renderNotice('No source "@everyone".').content).toBe('No source "@\u200beveryone".');
  });
});

describe('renderView: timelines', () => {
  const line = (text: string, i = 0): EventLine => ({
    text,
    outlets: i % 2 ? 'VOA News' : 'Republic World, The Hill',
    passageId: `a1b2c3-${String(i).padStart(6, '0')}`,
  });
  const dated = (heading: string, lines: EventLine[]): EntryItem => ({
    kind: 'entry',
    heading,
    body: lines.map((l) => l.text).join('\n'),
    events: lines,
  });

  it('names a field by each date and lists its events’ sentences whole, then their outlets and passage ids once', () => {
    const view: View = {
      tone: 'answer',
      title: 'Timeline: events 1–3 of 9',
      items: [
        dated('Jan 2020', [
          line('The *tensions* escalated in January.', 0),
          line('Iraq voted to expel foreign troops.', 1),
        ]),
        dated('Jan 8, 2020', [line('Iran fired missiles at two bases.', 2)]),
      ],
      footer: 'Dates are when events happened.',
      nextOffset: 3,
      nextLabel: 'More events',
    };
    const message = renderView(view, {
      pager: { nextId: pageId('page', 'k', 3) },
      imageUrl: 'attachment://timeline.png',
    });

    expectWithinLimits(message);
    const embed = message.embeds[0]!;
    expect(embed.fields).toEqual([
      {
        name: 'Jan 2020',
        value:
          '• The \\*tensions\\* escalated in January.\n• Iraq voted to expel foreign troops.\n— *Republic World, The Hill* · `a1b2c3-000000` · *VOA News* · `a1b2c3-000001`',
      },
      {
        name: 'Jan 8, 2020',
        value: '• Iran fired missiles at two bases.\n— *Republic World, The Hill* · `a1b2c3-000002`',
      },
    ]);
    expect(embed.image).toEqual({ url: 'attachment://timeline.png' });
    expect(embed.footer!.text).toBe('Dates are when events happened.');
    const [more] = message.components[0]!.components;
    expect(more).toMatchObject({ label: 'Next ▶', custom_id: 'page:k:3', style: ButtonStyle.Primary });
  });

  it('keeps every event of a full page, shortening sentences rather than dropping lines', () => {
    const long = `${'The embassy in Baghdad would close within ninety days, officials said, '.repeat(8)}end.`;
    // 25 events on 25 dates: more dates than fields, so the last ones share one.
    const many = Array.from({ length: 25 }, (_, i) => dated(`Sep ${i + 1}, 2020`, [line(long, i)]));
    const oneDate = [
      dated(
        'Sep 2020',
        Array.from({ length: 25 }, (_, i) => line(long, i)),
      ),
    ];
    for (const items of [many, oneDate]) {
      const message = renderView(
        {
          tone: 'answer',
          title: 'Timeline: 25 events',
          items,
          footer: 'Dates are when events happened.',
          nextOffset: 25,
          nextLabel: 'More events',
        },
        { pager: { nextId: pageId('page', 'k', 25) } },
      );
      expectWithinLimits(message);
      const embed = message.embeds[0]!;
      const ids = embed.fields!.flatMap((field) => [...field.value.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
      expect(ids.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `a1b2c3-${String(i).padStart(6, '0')}`));
      const sentences = embed.fields!.flatMap((field) => field.value.split('\n').filter((l) => l.startsWith('• ')));
      expect(sentences).toHaveLength(25);
      expect(embed.description).toBeUndefined(); // never the one-long-entry layout of a citation
      expect(embed.footer!.text).not.toContain('not shown');
    }
    // More dates than fields: fields named by the dates they span, each line led by its date.
    const shared = renderView({ tone: 'answer', title: 'Timeline', items: many }).embeds[0]!.fields!;
    expect(shared.length).toBeLessThan(25);
    expect(shared[0]!.name).toMatch(/^Sep 1, 2020 – Sep \d+, 2020$/);
    const led = shared.flatMap((field) =>
      field.value
        .split('\n')
        .filter((l) => l.startsWith('• '))
        .map((l) => /^• \*\*(Sep \d+, 2020)\*\* The embassy/.exec(l)?.[1]),
    );
    expect(led).toEqual(many.map((entry) => entry.heading));
    // More events on one date than a field holds: the date goes on in the next field.
    const continued = renderView({ tone: 'answer', title: 'Timeline', items: oneDate }).embeds[0]!.fields!;
    expect(continued.length).toBeGreaterThan(1);
    expect(continued.map((field) => field.name)).toEqual([
      'Sep 2020',
      ...continued.slice(1).map(() => 'Sep 2020 (continued)'),
    ]);
  });
});

describe('text helpers', () => {
  it('clip prefers a sentence end, else a word boundary, and always ends with an ellipsis', () => {
    expect(clip('Short.', 100)).toBe('Short.');
    expect(clip('The first sentence is here. The second sentence is much longer than the room.', 40)).toBe(
      'The first sentence is here. …',
    );
    expect(clip('one two three four five six seven eight nine ten', 20)).toBe('one two three four…');
    for (let max = 2; max < 80; max++) expect(clip(longQuote(2), max).length).toBeLessThanOrEqual(max);
  });

  it('literal escapes headings, lists and masked links too; defuseMentions leaves plain @ alone', () => {
    expect(literal('# Heading')).toBe('\\# Heading');
    expect(literal('- item')).toBe('\\- item');
    expect(literal('[x](https://e.com)')).toBe('\\[x\\](https://e.com)');
    expect(defuseMentions('mail me at a@b.com')).toBe('mail me at a@b.com');
  });
});

describe('citations', () => {
  const citeView = (paste: View['paste'], items: EntryItem[] = []): View => ({
    tone: 'info',
    title: 'BibTeX citation · VOA News · ¶3',
    items,
    ...(paste ? { paste } : {}),
  });

  it('puts the citation alone in a code block in the content, verbatim; the in-text citation and the quote apart', () => {
    const bibtex = renderCitation(
      citeView({ text: '@misc{dossier_097016_acd369,\n  title = {A *title*}\n}', syntax: 'bibtex' }),
      '097016-acd369',
      'bibtex',
    );
    expect(bibtex.embeds).toEqual([]);
    expect(bibtex.content).toBe(
      '**BibTeX citation · VOA News · ¶3**\n```bibtex\n@misc{dossier_097016_acd369,\n  title = {A *title*}\n}\n```',
    );

    const apa = renderCitation(
      citeView({ text: 'VOA News. (2020). *US threatens* @everyone.', syntax: 'text' }, [
        { kind: 'entry', heading: 'In-text', body: '(VOA News, 2020, para. 3)' },
        { kind: 'entry', heading: 'Quote', body: '“The US *warned* Iraq.”' },
      ]),
      '097016-acd369',
      'apa',
    );
    expect(apa.content!.split('\n')).toEqual([
      '**BibTeX citation · VOA News · ¶3**',
      '```',
      'VOA News. (2020). *US threatens* @everyone.',
      '```',
      'In-text: `(VOA News, 2020, para. 3)`',
      '> “The US \\*warned\\* Iraq.”',
    ]);

    const huge = renderCitation(
      citeView({ text: JSON.stringify({ note: 'x '.repeat(5000), code: '```' }, null, 2), syntax: 'json' }),
      'x',
      'csl-json',
    );
    expect(huge.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(huge.content!.endsWith('\n```')).toBe(true);
    expect(huge.content!.match(/```/g)).toHaveLength(2); // a ``` inside cannot close the block early
  });

  it('tags a bibliography block with the format it is in: a reference list starting with a bracket is text, not JSON', () => {
    const exported = (syntax: 'bibtex' | 'json' | 'text', body: string): View => ({
      tone: 'info',
      title: 'Bibliography',
      items: [{ kind: 'entry', heading: 'dossier.txt', body, preformatted: true, syntax }],
    });
    expect(
      renderView(exported('text', '[After the United States signalled…]. (2020, September 29).')).embeds[0]!
        .description,
    ).toContain('\n\n```\n[After');
    expect(renderView(exported('json', '[{"id": "x"}]')).embeds[0]!.description).toContain('```json\n[');
    expect(renderView(exported('bibtex', '@misc{x,\n}')).embeds[0]!.description).toContain('```bibtex\n@misc');
  });

  it('offers a button per style with the same labels everywhere, the current one disabled', () => {
    const row = citationStyleRow('097016-acd369', 'bibtex');
    const buttons = row.flatMap((r) => r.components) as Array<{ custom_id: string; label: string }>;
    expect(buttons.map((b) => b.custom_id)).toEqual(
      ['apa', 'mla', 'chicago', 'bibtex', 'csl-json'].map((style) => `cite:097016-acd369:${style}`),
    );
    expect(buttons.map((b) => b.label)).toEqual(['APA', 'MLA', 'Chicago', 'BibTeX', 'CSL-JSON']);
    expect(buttons.find((b) => b.custom_id.endsWith(':bibtex'))).toMatchObject({
      style: ButtonStyle.Primary,
      disabled: true,
    });
    expect(citationStyleRow('x'.repeat(95), 'apa')).toEqual([]);
  });
});

// ----- buttons and their state -----------------------------------------------------------------------

describe('custom ids', () => {
  it('round-trip, and stay within 100 characters', () => {
    expect(parseButtonId(pageId('page', 'abcdEFGH', 10))).toEqual({ kind: 'page', key: 'abcdEFGH', offset: 10 });
    expect(parseButtonId(pageId('full', 'abcdEFGH', 0))).toEqual({ kind: 'full', key: 'abcdEFGH', offset: 0 });
    expect(parseButtonId(POST_ID)).toEqual({ kind: 'post' });
    expect(parseButtonId(citeId('097016-acd369')!)).toEqual({ kind: 'cite', passageId: '097016-acd369', style: null });
    expect(parseButtonId(citeId('097016-acd369', 'csl-json')!)).toEqual({
      kind: 'cite',
      passageId: '097016-acd369',
      style: 'csl-json',
    });
    expect(pageId('page', 'abcdEFGH', 200).length).toBeLessThanOrEqual(100);
    expect(citeId('x'.repeat(90), 'csl-json')).toBeNull();
    expect(parseButtonId('cite:abc:harvard')).toBeNull();
    expect(parseButtonId('dossier:refresh')).toBeNull();
  });
});

describe('AnswerStore', () => {
  it('forgets questions after the TTL and beyond its size, least recently used first', () => {
    let now = 0;
    const store = new AnswerStore({ maxEntries: 2, ttlMs: 1000, now: () => now });
    const question = (n: number) => ({ command: 'ask', options: { question: `q${n}` }, ownerId: '1' });
    const a = store.put(question(1));
    const b = store.put(question(2));
    expect(a).toMatch(/^[\w-]{8}$/);
    expect(store.get(a)).toEqual(question(1)); // a is now the most recently used
    const c = store.put(question(3)); // pushes out b
    expect(store.get(b)).toBeUndefined();
    expect(store.get(a)).toEqual(question(1));
    now = 900;
    expect(store.get(c)).toEqual(question(3)); // used: fresh again
    now = 1850;
    expect(store.get(a)).toBeUndefined(); // last used at 0
    expect(store.get(c)).toEqual(question(3));
    expect(store.size).toBe(1);
  });
});

describe('Cooldown', () => {
  it('allows one use per user per period and says how long to wait', () => {
    let now = 10_000;
    const cooldown = new Cooldown(3000, () => now);
    expect(cooldown.take('u1')).toBe(0);
    now += 1000;
    expect(cooldown.take('u1')).toBe(2000);
    expect(cooldown.take('u2')).toBe(0);
    now += 2000;
    expect(cooldown.take('u1')).toBe(0);
    expect(new Cooldown(0).take('u1')).toBe(0);
  });
});

describe('answerWithin', () => {
  it('defers only work that is not done in time', async () => {
    let deferred = 0;
    const defer = async () => void deferred++;
    expect(await answerWithin(50, defer, async () => 'quick')).toBe('quick');
    expect(deferred).toBe(0);
    expect(await answerWithin(5, defer, () => new Promise((resolve) => setTimeout(() => resolve('slow'), 40)))).toBe(
      'slow',
    );
    expect(deferred).toBe(1);
    await expect(answerWithin(50, defer, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('acknowledges slow commands before running them, since blocking work would stop any timer', async () => {
    const order: string[] = [];
    const result = await answerWithin(
      0,
      async () => void order.push('deferred'),
      async () => {
        order.push('work started');
        const until = Date.now() + 30;
        while (Date.now() < until); // blocks the event loop, as a whole-corpus computation does
        return 'done';
      },
    );
    expect(result).toBe('done');
    expect(order).toEqual(['deferred', 'work started']);
  });
});

describe('fitChoices', () => {
  it('keeps at most 25 choices, names at most 100 characters, drops values Discord would refuse', () => {
    const choices = [
      { name: 'x'.repeat(300), value: 'ok' },
      { name: 'bad', value: 'v'.repeat(101) },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })),
    ];
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]!.name.length).toBeLessThanOrEqual(100);
    expect(fitted.some((choice) => choice.name === 'bad')).toBe(false);
  });
});

// ----- slash commands and options --------------------------------------------------------------------

describe('slash commands', () => {
  const commands = slashCommands();

  it('registers every command in the catalog, guild-only, with hide last and required options first', () => {
    expect(commands.map((command) => command.name)).toEqual(CATALOG.map((definition) => definition.name));
    for (const command of commands) {
      expect(command).toMatchObject({ type: 1, dm_permission: false, contexts: [0] });
      expect(command.description!.length).toBeGreaterThan(0);
      expect(command.description!.length).toBeLessThanOrEqual(100);
      // A command with subcommands lists them; each has its own options, hide last.
      const top = command.options ?? [];
      const lists =
        top[0]?.type === ApplicationCommandOptionType.Subcommand
          ? top.map((sub) => ('options' in sub ? (sub.options ?? []) : []))
          : [top];
      for (const options of lists) {
        expect(options.at(-1)).toEqual({
          type: ApplicationCommandOptionType.Boolean,
          name: HIDE_OPTION,
          description: 'Show the answer only to you',
          required: false,
        });
        const required = options.map((option) => ('required' in option ? option.required === true : false));
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      }
      for (const option of [...top, ...lists.flat()]) {
        expect(option.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
      const definition = CATALOG.find((d) => d.name === command.name)!;
      expect(command.default_member_permissions).toBe(
        definition.moderatorOnly ? String(PermissionFlagsBits.ManageGuild) : null,
      );
    }
  });

  it('gives /ask the contract option names and types', () => {
    const ask = commands.find((command) => command.name === 'ask')!;
    const byName = Object.fromEntries((ask.options ?? []).map((option) => [option.name, option]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['question', 'limit', 'from', 'to', 'source', 'hide']));
    expect(ask.options![0]).toMatchObject({
      name: 'question',
      type: ApplicationCommandOptionType.String,
      required: true,
      max_length: 300,
    });
    expect(byName.limit).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 20 });
    expect(byName.from).toMatchObject({ type: ApplicationCommandOptionType.String, required: false });
    expect(byName.to).toMatchObject({ type: ApplicationCommandOptionType.String, required: false });
    expect(byName.source).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
  });

  it('follows the contract for the other commands it lists', () => {
    const optionNames = (name: string) =>
      commands.find((command) => command.name === name)?.options?.map((option) => option.name);
    expect(optionNames('sources')).toEqual(['hide']);
    if (optionNames('timeline'))
      expect(optionNames('timeline')).toEqual(
        expect.arrayContaining(['topic', 'from', 'to', 'limit', 'offset', 'hide']),
      );
    if (optionNames('cite')) expect(optionNames('cite')).toEqual(expect.arrayContaining(['passage', 'style', 'hide']));
  });

  it('maps choices, hides moderator commands from members, and refuses what Discord would', () => {
    const definition: CommandDefinition = {
      name: 'corpus',
      description: `Moderators: ${'reload the corpus '.repeat(10)}`,
      example: '/corpus',
      moderatorOnly: true,
      options: [
        { name: 'style', kind: 'string', description: 'Citation style', choices: ['apa', 'mla'] },
        { name: 'action', kind: 'string', description: 'What to do', required: true },
        { name: 'dry', kind: 'boolean', description: 'Only say what would change' },
      ],
    };
    const command = slashCommand(definition);
    expect(command.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(command.description!.length).toBeLessThanOrEqual(100);
    expect(command.description!.endsWith('…')).toBe(true);
    expect(command.options!.map((option) => option.name)).toEqual(['action', 'style', 'dry', 'hide']);
    expect(command.options![1]).toMatchObject({
      choices: [
        { name: 'apa', value: 'apa' },
        { name: 'mla', value: 'mla' },
      ],
    });
    expect(() => slashCommand({ ...definition, name: 'Corpus' })).toThrow(/not a valid Discord name/);
    expect(() =>
      slashCommand({ ...definition, options: [{ name: 'hide', kind: 'boolean', description: 'x' }] }),
    ).toThrow(/hide/);
  });
});

describe('readOptions and invokerFor', () => {
  it('reads option values by name, takes hide out, and follows subcommands', () => {
    const data = [
      { name: 'question', type: ApplicationCommandOptionType.String, value: 'When?' },
      { name: 'limit', type: ApplicationCommandOptionType.Integer, value: 3 },
      { name: 'hide', type: ApplicationCommandOptionType.Boolean, value: true },
    ] as CommandInteractionOption[];
    expect(readOptions(data)).toEqual({ raw: { question: 'When?', limit: 3 }, hide: true, subcommand: null });
    const nested = [
      {
        name: 'status',
        type: ApplicationCommandOptionType.Subcommand,
        options: [{ name: 'verbose', type: ApplicationCommandOptionType.Boolean, value: false }],
      },
    ] as CommandInteractionOption[];
    expect(readOptions(nested)).toEqual({ raw: { verbose: false }, hide: false, subcommand: 'status' });
  });

  it('counts as moderators only members who may manage the server (or administrators)', () => {
    const user = { id: '42' };
    expect(invokerFor({ user, memberPermissions: new PermissionsBitField(PermissionFlagsBits.SendMessages) })).toEqual({
      via: 'discord',
      userId: '42',
      isModerator: false,
    });
    expect(
      invokerFor({ user, memberPermissions: new PermissionsBitField(PermissionFlagsBits.ManageGuild) }).isModerator,
    ).toBe(true);
    expect(
      invokerFor({ user, memberPermissions: new PermissionsBitField(PermissionFlagsBits.Administrator) }).isModerator,
    ).toBe(true);
    expect(invokerFor({ user, memberPermissions: null }).isModerator).toBe(false);
  });
});
