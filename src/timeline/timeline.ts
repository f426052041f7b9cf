/**
 * From passages to a timeline: every dated event the passages tell, resolved against each
 * passage's article date, the same event from several articles merged, oldest first.
 */
import type { Passage } from '../corpus/types.ts';
import { datedSentences } from './extract.ts';
import { mergeEvents } from './merge.ts';
import type { EventMention, MergeOptions } from './merge.ts';
import type { TimelineEvent } from './types.ts';

export interface TimelineOptions {
  /** How near-identical two sentences must be to tell the same event; see merge.ts. */
  readonly merge?: Partial<MergeOptions>;
}

/**
 * Oldest first. Dates compare as text, so on the same start a year comes before its months
 * and a month before its days; equal dates keep the order of the passages given.
 */
export function extractEvents(passages: readonly Passage[], options: TimelineOptions = {}): TimelineEvent[] {
  return mergeEvents(passages.flatMap(mentionsIn), options.merge).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A passage's dated sentences, read once per passage (topic timelines read the same passages again and again). */
const mentionsByPassage = new WeakMap<Passage, readonly EventMention[]>();

function mentionsIn(passage: Passage): readonly EventMention[] {
  let mentions = mentionsByPassage.get(passage);
  if (!mentions) {
    mentions = datedSentences(passage.text, passage.source.date).map(({ sentence, mention }) => ({
      date: mention.date.value,
      precision: mention.date.precision,
      text: sentence.text,
      passage,
    }));
    mentionsByPassage.set(passage, mentions);
  }
  return mentions;
}
