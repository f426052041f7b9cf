import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.ts';
import { InteractionResponseType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { PAGE_SIZE as DISCORD_PAGE_SIZE } from '../commands/timeline.ts';
import { runCommand } from '../src/app/commands.ts';
import type { Invoker } from '../src/commandKit/command.ts';
import type { RawValue } from '../src/commandKit/args.ts';
import type { TimelineResult } from '../src/commandKit/results.ts';
import type { Library } from '../src/library.ts';
import { seedLibrary } from './support/corpus.ts';
import { present } from '../src/present/present.ts';
import { timelineOf, type TimelineEvent } from '../src/timeline/index.ts';
import { buttonInteraction } from './support/fakeDiscord.ts';
import type { FakeDiscord, FakeInteractionPayload, RecordedFile } from './support/fakeDiscord.ts';
import { botOnFakeDiscord, sendCommand } from './support/botOnFakeDiscord.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** "Jan 8, 2020", "Jul 2020" or "2020". */
const DATE_LABEL = /^(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?:\d{1,2}, )?)?\d{4}$/;
/** "— *outlet* · `passage id`, `passage id` · *outlet* · `passage id`": where a date's events come from. */
const SOURCES_LINE = /^— \*.+\* · `[0-9a-f]+-[0-9a-f]+`/;
const PASSAGE_ID = /`([0-9a-f]+-[0-9a-f]+)`/g;

interface MessageData {
  flags?: number;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIButtonComponentWithCustomId>>;
  attachments?: Array<{ id: string | number }>;
}

let library: Library;
const discord = botOnFakeDiscord();

beforeAll(async () => {
  library = await seedLibrary();
});

// ----- the command ------------------------------------------------------------------------------

async function timeline(raw: Record<string, RawValue>, via: Invoker['via']): Promise<TimelineResult> {
  const result = await runCommand('timeline', raw, { library, invoker: { via, isModerator: false } });
  if (result.kind !== 'timeline') throw new Error(`expected a timeline, got ${result.kind}`);
  return result;
}

describe('the timeline command’s pages', () => {
  it('gives every event unless asked for a page, whoever asks (Discord asks for a page of 10 itself)', async () => {
    const all = timelineOf(library.current);
    expect(all.length).toBeGreaterThan(DISCORD_PAGE_SIZE);

    const terminal = await timeline({}, 'cli');
    expect(terminal).toMatchObject({ offset: 0, limit: null, total: all.length, more: false });
    expect(terminal.events).toEqual(all);
    expect(await timeline({}, 'discord')).toEqual(terminal);

    const page = await timeline({ limit: DISCORD_PAGE_SIZE }, 'discord');
    expect(page).toMatchObject({ offset: 0, limit: DISCORD_PAGE_SIZE, total: all.length, more: true });
    expect(page.events).toEqual(all.slice(0, DISCORD_PAGE_SIZE));
  });

  it('pages through the whole timeline in order, with no event twice or left out', async () => {
    const all = timelineOf(library.current);
    const seen = [];
    let offset = 0;
    for (;;) {
      const page = await timeline({ limit: 3, offset }, 'cli');
      expect(page).toMatchObject({ offset, limit: 3, total: all.length });
      expect(page.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.events);
      const view = present(page);
      if (!page.more) {
        expect(view.nextOffset).toBeUndefined();
        break;
      }
      expect(view).toMatchObject({
        nextOffset: offset + 3,
        nextLabel: 'More events',
        title: `Timeline: events ${offset + 1}–${offset + 3} of ${all.length}`,
      });
      offset = view.nextOffset!;
    }
    expect(seen).toEqual(all);
  });

  it('says there are no more events past the end, and refuses a limit over 25', async () => {
    const past = await timeline({ offset: 500 }, 'discord');
    expect(past).toMatchObject({ events: [], more: false, total: timelineOf(library.current).length });
    expect(present(past)).toMatchObject({ tone: 'empty', title: 'No more events' });
    await expect(timeline({ limit: 26 }, 'discord')).rejects.toBeInstanceOf(InputError);
    await expect(timeline({ limit: 0 }, 'cli')).rejects.toThrow(/between 1 and 25/);
  });

  it('pages a topic and a range the same way', async () => {
    const whole = await timeline({ topic: 'embassy', from: '2020-09-01' }, 'cli');
    const first = await timeline({ topic: 'embassy', from: '2020-09-01', limit: 2 }, 'cli');
    expect(first.total).toBe(whole.total);
    expect(first.events).toEqual(whole.events.slice(0, 2));
  });
});

// ----- in Discord -------------------------------------------------------------------------------

async function startAll(): Promise<FakeDiscord> {
  return (await discord.start({ library })).fake;
}

/** The finished answer and the files uploaded with it: the callback, or the edit after a deferral. */
async function answerOf(
  f: FakeDiscord,
  payload: FakeInteractionPayload,
): Promise<{ type: number; data: MessageData; files: RecordedFile[] }> {
  const callback = await f.waitForCallback(payload.id, { timeoutMs: 10_000 });
  const body = callback.body as { type: number; data?: MessageData };
  if (
    body.type !== InteractionResponseType.DeferredChannelMessageWithSource &&
    body.type !== InteractionResponseType.DeferredMessageUpdate
  ) {
    return { type: body.type, data: body.data ?? {}, files: callback.files };
  }
  const edit = await f.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(payload.token), {
    timeoutMs: 10_000,
  });
  return { type: body.type, data: edit.body as MessageData, files: edit.files };
}

const embedOf = (data: MessageData) => data.embeds![0]!;
const buttonsOf = (data: MessageData) => (data.components ?? []).flatMap((row) => row.components);
/** The passage ids of a page's events, once each, in the order they are shown. */
const passageIds = (data: MessageData) =>
  (embedOf(data).fields ?? []).flatMap((field) =>
    field.value
      .split('\n')
      .filter((line) => SOURCES_LINE.test(line))
      .flatMap((line) => [...line.matchAll(PASSAGE_ID)].map((m) => m[1]!)),
  );
/** The passages a page's events come from, once each, sorted: what its lines of sources must name. */
const idsOf = (events: readonly TimelineEvent[]) => [...new Set(events.map((event) => event.passage.id))].sort();
const sorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/** A page has a picture exactly when it shows three dates or more. */
function expectPictureIffThreeDates(answer: { data: MessageData; files: RecordedFile[] }): boolean {
  const dates = embedOf(answer.data).fields!.length;
  const pictured = dates >= 3;
  if (pictured) {
    expect(answer.files).toHaveLength(1);
    const [file] = answer.files;
    expect(file).toMatchObject({ name: 'timeline.png', contentType: 'image/png' });
    expect(file!.size).toBeGreaterThan(15_000);
    expect(file!.size).toBeLessThan(250_000);
    expect(file!.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(embedOf(answer.data).image).toEqual({ url: 'attachment://timeline.png' });
  } else {
    expect(answer.files).toEqual([]);
    expect(embedOf(answer.data).image).toBeUndefined();
  }
  return pictured;
}

describe('/timeline in Discord', () => {
  it('answers with the events grouped by date, the latest first, whole sentences, sources once per date, a pager and a timeline.png picture', async () => {
    const f = await startAll();
    const payload = sendCommand(f, { commandName: 'timeline' });

    const answer = await answerOf(f, payload);

    const embed = embedOf(answer.data);
    const all = timelineOf(library.current);
    expect(embed.title).toBe(`Timeline: events 1–${DISCORD_PAGE_SIZE} of ${all.length}`);
    const names = embed.fields!.map((field) => field.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.every((name) => DATE_LABEL.test(name))).toBe(true);
    expect(new Set(names).size).toBe(names.length); // one field per date
    expect(names).toContain('Jan 8, 2020');
    expect(names[0]).toBe('Sep 28, 2020'); // the news first
    // Each date: its events' sentences, whole, then the outlets and passage ids once.
    const newest = [...all].reverse().slice(0, DISCORD_PAGE_SIZE);
    for (const field of embed.fields!) {
      const lines = field.value.split('\n');
      expect(lines.slice(0, -1).every((line) => line.startsWith('• '))).toBe(true);
      expect(lines.at(-1)).toMatch(SOURCES_LINE);
    }
    const sentences = embed.fields!.flatMap((field) => field.value.split('\n').filter((line) => line.startsWith('• ')));
    expect(sentences).toHaveLength(DISCORD_PAGE_SIZE);
    expect(sentences.map((line) => line.slice(2).replace(/\\(.)/g, '$1'))).toEqual(newest.map((event) => event.text));
    expect(sorted(passageIds(answer.data))).toEqual(idsOf(newest));
    // An outlet no page states is named by the article's title, never "Unknown outlet".
    const january = embed.fields!.find((field) => field.name === 'Jan 8, 2020')!;
    expect(january.value).toContain("— *US warns Iraq it's planning to pull out of…");
    expect(buttonsOf(answer.data).find((b) => b.label === 'Next ▶')?.custom_id).toMatch(/^page:[\w-]{8}:10$/);

    expect(expectPictureIffThreeDates(answer)).toBe(true);
    expect(f.getMessage(payload.token)?.attachments.map((a) => a.filename)).toEqual(['timeline.png']);
    expect(f.unexpectedRequests).toEqual([]);
    expect(f.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('answers /timeline with a topic and a range: only dates in the range, about the topic', async () => {
    const f = await startAll();
    const payload = sendCommand(f, {
      commandName: 'timeline',
      options: { topic: 'Soleimani', from: '2020-01-01', to: '2020-06-30' },
    });

    const answer = await answerOf(f, payload);

    const embed = embedOf(answer.data);
    expect(embed.title).toMatch(/^Timeline about “Soleimani”: \d+ events$/);
    const names = embed.fields!.map((field) => field.name);
    // Within January to June 2020, or the whole of 2020 (which overlaps the range).
    expect(names.every((name) => /^(?:(?:Jan|Feb|Mar|Apr|May|Jun) (?:\d{1,2}, )?)?2020$/.test(name))).toBe(true);
    const expected = await timeline(
      { topic: 'Soleimani', from: '2020-01-01', to: '2020-06-30', limit: DISCORD_PAGE_SIZE, order: 'newest' },
      'discord',
    );
    expect(sorted(passageIds(answer.data))).toEqual(idsOf(expected.events));
    expect(answer.data.embeds![0]!.fields!.some((field) => field.value.includes('Soleimani'))).toBe(true);
    expectPictureIffThreeDates(answer);
    expect(buttonsOf(answer.data).some((b) => b.label === 'Next ▶')).toBe(expected.more);
  });

  it('pages a timeline in place with Next (limit 3, oldest first), replacing the picture with the page’s own', async () => {
    const f = await startAll();
    const ask = sendCommand(f, { commandName: 'timeline', options: { limit: 3, order: 'oldest' } });
    const first = await answerOf(f, ask);
    const total = timelineOf(library.current).length;
    expect(embedOf(first.data).title).toBe(`Timeline: events 1–3 of ${total}`);
    expect(sorted(passageIds(first.data))).toEqual(idsOf(timelineOf(library.current).slice(0, 3)));
    expectPictureIffThreeDates(first);
    const more = buttonsOf(first.data).find((b) => b.label === 'Next ▶')!;
    expect(more.custom_id).toMatch(/^page:[\w-]+:3$/);

    let press = f.dispatchInteraction(
      buttonInteraction(f.ids, { customId: more.custom_id, message: f.getMessage(ask.token)! }),
    );
    const second = await answerOf(f, press);

    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(embedOf(second.data).title).toBe(`Timeline: events 4–6 of ${total}`);
    expect(sorted(passageIds(second.data))).toEqual(idsOf(timelineOf(library.current).slice(3, 6)));
    expect(buttonsOf(second.data).find((b) => b.label === 'Next ▶')?.custom_id).toBe(
      more.custom_id.replace(/:3$/, ':6'),
    );
    expect(buttonsOf(second.data).find((b) => b.label === '◀ Prev')?.custom_id).toBe(
      more.custom_id.replace(/:3$/, ':0'),
    );
    // The edit lists no earlier attachment, so the first page's picture (if any) goes.
    const pictured = expectPictureIffThreeDates(second);
    expect(second.data.attachments).toEqual(pictured ? [expect.objectContaining({ id: '0' })] : []);
    expect(f.getMessage(press.token)?.attachments.map((a) => a.filename)).toEqual(pictured ? ['timeline.png'] : []);

    // On to the last page, which has no Next button. The seed timeline's pages of three have
    // pictures and not, so a picture is added and removed on the way.
    const pictures = [expectPictureIffThreeDates(first), pictured];
    let page = second;
    for (let guard = 0; guard < 10; guard++) {
      const next = buttonsOf(page.data).find((b) => b.label === 'Next ▶');
      if (!next) break;
      // Pressed on the message as it is now (the previous page), as Discord would send it.
      press = f.dispatchInteraction(
        buttonInteraction(f.ids, { customId: next.custom_id, message: f.getMessage(press.token)! }),
      );
      page = await answerOf(f, press);
      pictures.push(expectPictureIffThreeDates(page));
      expect(f.getMessage(press.token)?.attachments.length).toBe(pictures.at(-1) ? 1 : 0);
    }
    expect(pictures).toContain(true);
    expect(pictures).toContain(false);
    expect(embedOf(page.data).title).toMatch(new RegExp(`^Timeline: events \\d+–${total} of ${total}$`));
    expect(f.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('sends no picture for a timeline of fewer than three dates', async () => {
    const f = await startAll();
    // The first two events of the seed timeline are on two dates (2020, Jan 2020).
    const payload = sendCommand(f, { commandName: 'timeline', options: { limit: 2, order: 'oldest' } });

    const answer = await answerOf(f, payload);

    expect(embedOf(answer.data).fields!.length).toBeLessThan(3);
    expect(answer.files).toEqual([]);
    expect(embedOf(answer.data).image).toBeUndefined();
    expect(f.getMessage(payload.token)?.attachments).toEqual([]);
  });
});
