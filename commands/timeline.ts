import { defineCommand } from '../src/commandKit/command.ts';
import type { TimelineResult } from '../src/commandKit/results.ts';
import { InputError } from '../src/errors.ts';
import { filterEvents, timelineOf, topicTimeline, WHOLE_TIMELINE_MAX_PASSAGES } from '../src/timeline/index.ts';

/** Events on one page for an adapter that shows pages (a Discord message) when the asker gives no limit. */
export const PAGE_SIZE = 10;
const MAX_LIMIT = 25;
const TIMELINE_ORDERS = ['newest', 'oldest'] as const;

export const timeline = defineCommand({
  definition: {
    name: 'timeline',
    slow: true,
    pageDefaults: { limit: PAGE_SIZE, order: 'newest' },
    description: 'What happened when: dated events from the articles, the latest first',
    example: '/timeline talks',
    options: [
      {
        name: 'topic',
        kind: 'string',
        description: 'Only events about this (words, as for /ask)',
        positional: true,
        maxLength: 200,
      },
      { name: 'from', kind: 'date', description: 'Only events on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only events on or before this day (YYYY-MM-DD)' },
      {
        name: 'limit',
        kind: 'integer',
        description: `Events per page (default ${PAGE_SIZE} in Discord; all of them in the terminal)`,
        min: 1,
        max: MAX_LIMIT,
      },
      {
        name: 'offset',
        kind: 'integer',
        description: 'Skip this many events (for the next page)',
        min: 0,
        max: 100_000,
      },
      {
        name: 'order',
        kind: 'string',
        description: 'newest first (default in Discord) or oldest first (default in the terminal)',
        choices: TIMELINE_ORDERS,
      },
    ],
  },
  async run(args, context): Promise<TimelineResult> {
    if (args.from && args.to && args.from > args.to)
      throw new InputError('bad_range', `The range is backwards: from ${args.from} is after to ${args.to}.`);
    const snapshot = context.library.current;
    const passages = snapshot.corpus.passages.length;
    if (!args.topic && passages > WHOLE_TIMELINE_MAX_PASSAGES) {
      throw new InputError(
        'topic_needed',
        `The corpus has ${passages.toLocaleString('en-US')} passages, too many for one timeline: give a topic, a name or a word the articles use (the titles in /sources have some).`,
      );
    }
    const topical = args.topic ? await topicTimeline(snapshot, args.topic) : timelineOf(snapshot);
    const order = args.order ?? 'oldest';
    const filtered = filterEvents(topical, {
      ...(args.from ? { from: args.from } : {}),
      ...(args.to ? { to: args.to } : {}),
    });
    const events = order === 'newest' ? [...filtered].reverse() : filtered;
    // Without a limit, the whole timeline: an adapter that shows pages asks for one (see `pageDefaults`).
    const limit = args.limit ?? null;
    const offset = args.offset ?? 0;
    const page = events.slice(offset, limit === null ? undefined : offset + limit);
    return {
      kind: 'timeline',
      topic: args.topic ?? null,
      order,
      alsoIn: snapshot.corpus.alsoIn,
      events: page,
      offset,
      limit,
      total: events.length,
      more: offset + page.length < events.length,
    };
  },
});
