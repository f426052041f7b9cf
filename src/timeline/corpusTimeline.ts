import type { Corpus } from '../corpus/types.ts';
import type { Snapshot } from '../library.ts';
import { extractEvents } from './timeline.ts';
import type { TimelineEvent } from './types.ts';

/**
 * The timelines a loaded corpus answers with: the whole corpus's, and a topic's. A topic is read
 * by the search engine, so it means the same in a timeline as in a question.
 */

/**
 * The most passages a timeline of the whole corpus reads: it reads every paragraph's dates, which
 * past this takes seconds (a story followed for months has a million paragraphs); a topic then
 * narrows it to the passages about it.
 */
export const WHOLE_TIMELINE_MAX_PASSAGES = 20_000;
/** A topic's timeline reads the passages most relevant to it, at most this many (and their republished copies). */
const TOPIC_PASSAGES = 1_000;

/** Keyed by corpus, so the events of a corpus are read once and go when a reload replaces it. */
const eventsByCorpus = new WeakMap<Corpus, readonly TimelineEvent[]>();

/** Every event of the corpus, oldest first. */
export function timelineOf(snapshot: Pick<Snapshot, 'corpus' | 'index'>): readonly TimelineEvent[] {
  let events = eventsByCorpus.get(snapshot.corpus);
  if (!events) {
    events = extractEvents(snapshot.corpus.passages, { wordnet: snapshot.index.environment.wordnet });
    eventsByCorpus.set(snapshot.corpus, events);
  }
  return events;
}

/**
 * Events relevant to a topic: those told by the passages the search engine returns for it (or by
 * paragraphs republished from them). Only those passages are read, in corpus order, so the time
 * it takes follows the topic, not the corpus.
 */
export async function topicTimeline(
  snapshot: Pick<Snapshot, 'corpus' | 'index' | 'passageById'>,
  topic: string,
): Promise<TimelineEvent[]> {
  const { corpus, passageById } = snapshot;
  const { hits } = await snapshot.index.search({
    question: topic,
    limit: Math.min(corpus.passages.length, TOPIC_PASSAGES),
  });
  const relevant = new Set(hits.map((hit) => hit.passage.id));
  const groups = new Set(
    hits.map((hit) => corpus.duplicateGroup.get(hit.passage.id)).filter((group) => group !== undefined),
  );
  if (groups.size > 0) for (const [id, group] of corpus.duplicateGroup) if (groups.has(group)) relevant.add(id);
  const passages = [...relevant].map((id) => passageById.get(id)!);
  // Corpus order (files by name, then paragraphs), as a whole-corpus timeline reads them.
  passages.sort((a, b) =>
    a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : a.paragraph - b.paragraph,
  );
  return extractEvents(passages, { wordnet: snapshot.index.environment.wordnet });
}
