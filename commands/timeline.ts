import { defineCommand } from '../src/commandKit/command.ts';
import type { Corpus, Source } from '../src/corpus/types.ts';
import { InputError } from '../src/errors.ts';
import type { Snapshot } from '../src/library.ts';
import { extractEvents, filterEvents, type TimelineEvent } from '../src/timeline/index.ts';

/** Events on one page in Discord when the asker gives no limit; the terminal prints them all. */
export const DISCORD_PAGE_SIZE = 10;
export const MAX_LIMIT = 25;

export interface TimelineResult {
  readonly kind: 'timeline';
  readonly topic: string | null;
  /** This page of the timeline, oldest first: `total` events from `offset`, at most `limit` of them. */
  readonly events: readonly TimelineEvent[];
  /** How many events were skipped before this page. */
  readonly offset: number;
  /** Events per page; null when none was asked for and every event is on the page (the terminal's default). */
  readonly limit: number | null;
  /** Events in the whole timeline (topic and range applied), on every page. */
  readonly total: number;
  /** Whether events come after this page. */
  readonly more: boolean;
  /** Passage id -> other sources carrying the same paragraph (the corpus's), for citing each passage. */
  readonly alsoIn: ReadonlyMap<string, readonly Source[]>;
}

/**
 * The most passages a timeline of the whole corpus reads: it reads every paragraph's dates, which
 * past this takes seconds (a story followed for months has a million paragraphs); a topic then
 * narrows it to the passages about it.
 */
export const WHOLE_TIMELINE_MAX_PASSAGES = 20_000;
/** A topic's timeline reads the passages most relevant to it, at most this many (and their republished copies). */
export const TOPIC_PASSAGES = 1_000;

/** A corpus's events are computed once, on first use, and live as long as the corpus. */
const eventsByCorpus = new WeakMap<Corpus, readonly TimelineEvent[]>();

export function timelineOf(snapshot: Snapshot): readonly TimelineEvent[] {
  let events = eventsByCorpus.get(snapshot.corpus);
  if (!events) {
    events = extractEvents(snapshot.corpus.passages);
    eventsByCorpus.set(snapshot.corpus, events);
  }
  return events;
}

/**
 * Events relevant to a topic: those told by the passages the search engine returns for it (or by
 * paragraphs republished from them), so a topic means the same here as in /ask. Only those
 * passages are read, in corpus order, so the time it takes follows the topic, not the corpus.
 */
export function topicTimeline(snapshot: Snapshot, topic: string): TimelineEvent[] {
  const { corpus, passageById } = snapshot;
  const { hits } = snapshot.index.search({ question: topic, limit: Math.min(corpus.passages.length, TOPIC_PASSAGES) });
  const relevant = new Set(hits.map((hit) => hit.passage.id));
  const groups = new Set(hits.map((hit) => corpus.duplicateGroup.get(hit.passage.id)).filter((group) => group !== undefined));
  if (groups.size > 0) for (const [id, group] of corpus.duplicateGroup) if (groups.has(group)) relevant.add(id);
  const passages = [...relevant].map((id) => passageById.get(id)!);
  // Corpus order (files by name, then paragraphs), as a whole-corpus timeline reads them.
  passages.sort((a, b) => (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.paragraph - b.paragraph));
  return extractEvents(passages);
}

export const timeline = defineCommand({
  definition: {
    name: 'timeline',
    slow: true,
    description: 'What happened when: dated events from the articles, oldest first',
    example: '/timeline Soleimani',
    options: [
      { name: 'topic', kind: 'string', description: 'Only events about this (words, as for /ask)', positional: true, maxLength: 200 },
      { name: 'from', kind: 'date', description: 'Only events on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only events on or before this day (YYYY-MM-DD)' },
      { name: 'limit', kind: 'integer', description: `Events per page (default ${DISCORD_PAGE_SIZE} in Discord; all of them in the terminal)`, min: 1, max: MAX_LIMIT },
      { name: 'offset', kind: 'integer', description: 'Skip this many events (for the next page)', min: 0, max: 100_000 },
    ],
  },
  run(args, context): TimelineResult {
    if (args.from && args.to && args.from > args.to) throw new InputError('bad_range', `The range is backwards: from ${args.from} is after to ${args.to}.`);
    const snapshot = context.library.current;
    const passages = snapshot.corpus.passages.length;
    if (!args.topic && passages > WHOLE_TIMELINE_MAX_PASSAGES) {
      throw new InputError('topic_needed', `The corpus has ${passages.toLocaleString('en-US')} passages, too many for one timeline: give a topic, such as Soleimani.`);
    }
    const topical = args.topic ? topicTimeline(snapshot, args.topic) : timelineOf(snapshot);
    const events = filterEvents(topical, { ...(args.from ? { from: args.from } : {}), ...(args.to ? { to: args.to } : {}) });
    // A message has room for a page; a terminal or a script wants the whole timeline unless it asks for less.
    const limit = args.limit ?? (context.invoker.via === 'discord' ? DISCORD_PAGE_SIZE : null);
    const offset = args.offset ?? 0;
    const page = events.slice(offset, limit === null ? undefined : offset + limit);
    return { kind: 'timeline', topic: args.topic ?? null, alsoIn: snapshot.corpus.alsoIn, events: page, offset, limit, total: events.length, more: offset + page.length < events.length };
  },
});
