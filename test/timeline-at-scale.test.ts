/**
 * /timeline on a large corpus: a topic's timeline reads only the passages about it (and gives the
 * events the whole timeline has for them), and a whole-corpus timeline past a size is refused
 * with a message saying what to do, rather than holding the bot for minutes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/generate.ts';
import { runCommand } from '../src/app/commands.ts';
import type { TimelineResult } from '../src/commandKit/results.ts';
import { InputError } from '../src/errors.ts';
import { buildSnapshot, Library, type Snapshot } from '../src/library.ts';
import { timelineOf, topicTimeline, WHOLE_TIMELINE_MAX_PASSAGES, type TimelineEvent } from '../src/timeline/index.ts';
import { seedLibrary } from './support/corpus.ts';

/** An event as data: date, precision, sentence, and the passages telling it. */
const plain = (event: TimelineEvent): string =>
  JSON.stringify([
    event.date,
    event.precision,
    event.text,
    [event.passage.id, ...event.alsoIn.map((p) => p.id)].sort(),
  ]);

describe('a topic’s timeline', () => {
  let seeds: Snapshot;

  beforeAll(async () => {
    seeds = (await seedLibrary()).current;
  });

  it.each(['Soleimani', 'embassy', 'Pompeo', 'rocket attacks', 'Kadhimi', 'militias'])(
    'for %j, holds the whole timeline’s events told by the topic’s passages',
    async (topic) => {
      const { hits } = await seeds.index.search({ question: topic, limit: seeds.corpus.passages.length });
      const relevant = new Set(hits.map((hit) => hit.passage.id));
      const expected = timelineOf(seeds).filter((event) =>
        [event.passage, ...event.alsoIn].some((passage) => relevant.has(passage.id)),
      );
      const events = await topicTimeline(seeds, topic);
      expect(events.length).toBeGreaterThan(0);
      expect(events.map(plain).sort()).toEqual(expected.map(plain).sort());
    },
  );

  it('is empty for a topic the corpus does not cover', async () => {
    expect(await topicTimeline(seeds, 'volcano eruption in Iceland')).toEqual([]);
  });
});

describe('a timeline of a corpus too large to read whole', () => {
  let library: Library;

  beforeAll(() => {
    const { corpus } = generateCorpus({ passages: WHOLE_TIMELINE_MAX_PASSAGES + 2_000, seed: 8 });
    library = new Library(buildSnapshot(corpus, new Date('2026-01-01T00:00:00Z')), '/nonexistent', {
      maxArticleBytes: 1024,
    });
  });

  it('asks for a topic, saying how large the corpus is', async () => {
    const passages = library.current.corpus.passages.length;
    expect(passages).toBeGreaterThan(WHOLE_TIMELINE_MAX_PASSAGES);
    const attempt = runCommand('timeline', {}, { library, invoker: { via: 'cli', isModerator: false } });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toMatchObject({
      code: 'topic_needed',
      message: `The corpus has ${passages.toLocaleString('en-US')} passages, too many for one timeline: give a topic, a name or a word the articles use (the titles in /sources have some).`,
    });
  });

  it('answers with a topic, from the passages about it', async () => {
    const topic = library.current.corpus.sources[0]!.title.split(' ').slice(0, 3).join(' ');
    const result = (await runCommand(
      'timeline',
      { topic },
      { library, invoker: { via: 'cli', isModerator: false } },
    )) as TimelineResult;
    expect(result.kind).toBe('timeline');
    const { corpus, index } = library.current;
    const { hits } = await index.search({ question: topic, limit: 1000 });
    // The passages found, and the paragraphs republished from them.
    const groups = new Set(hits.map((hit) => corpus.duplicateGroup.get(hit.passage.id)));
    const relevant = new Set([
      ...hits.map((hit) => hit.passage.id),
      ...[...corpus.duplicateGroup].filter(([, group]) => groups.has(group)).map(([id]) => id),
    ]);
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBe(result.events.length);
    expect(
      result.events.every((event) => [event.passage, ...event.alsoIn].some((passage) => relevant.has(passage.id))),
    ).toBe(true);
  });
});
