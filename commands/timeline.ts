import { defineCommand } from '../src/commandKit/command.ts';
import type { Corpus, Source } from '../src/corpus/types.ts';
import { InputError } from '../src/errors.ts';
import type { Snapshot } from '../src/library.ts';
import { extractEvents, filterEvents, type TimelineEvent } from '../src/timeline/index.ts';

export interface TimelineResult {
  readonly kind: 'timeline';
  readonly topic: string | null;
  readonly events: readonly TimelineEvent[];
  /** Passage id -> other sources carrying the same paragraph (the corpus's), for citing each passage. */
  readonly alsoIn: ReadonlyMap<string, readonly Source[]>;
}

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
 * Events relevant to a topic: those told by a passage the search engine returns for it (or by a
 * paragraph republished from one), so a topic means the same here as in /ask.
 */
function aboutTopic(snapshot: Snapshot, events: readonly TimelineEvent[], topic: string): TimelineEvent[] {
  const { hits } = snapshot.index.search({ question: topic, limit: snapshot.corpus.passages.length });
  const relevant = new Set<string>();
  for (const hit of hits) {
    relevant.add(hit.passage.id);
    const group = snapshot.corpus.duplicateGroup.get(hit.passage.id);
    if (group) for (const [id, other] of snapshot.corpus.duplicateGroup) if (other === group) relevant.add(id);
  }
  return events.filter((event) => [event.passage, ...event.alsoIn].some((passage) => relevant.has(passage.id)));
}

export const timeline = defineCommand({
  definition: {
    name: 'timeline',
    description: 'What happened when: dated events from the articles, oldest first',
    example: '/timeline Soleimani',
    options: [
      { name: 'topic', kind: 'string', description: 'Only events about this (words, as for /ask)', positional: true, maxLength: 200 },
      { name: 'from', kind: 'date', description: 'Only events on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only events on or before this day (YYYY-MM-DD)' },
    ],
  },
  run(args, context): TimelineResult {
    if (args.from && args.to && args.from > args.to) throw new InputError('bad_range', `The range is backwards: from ${args.from} is after to ${args.to}.`);
    const snapshot = context.library.current;
    const all = timelineOf(snapshot);
    const topical = args.topic ? aboutTopic(snapshot, all, args.topic) : all;
    return { kind: 'timeline', topic: args.topic ?? null, alsoIn: snapshot.corpus.alsoIn, events: filterEvents(topical, { ...(args.from ? { from: args.from } : {}), ...(args.to ? { to: args.to } : {}) }) };
  },
});
