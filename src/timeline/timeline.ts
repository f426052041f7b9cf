/**
 * From passages to a timeline: every dated event the passages tell, resolved against each
 * passage's article date, the same event from several articles merged, oldest first.
 */
import type { PartialDate, Passage } from '../corpus/types.ts';
import { datedSentences, datesInSentence } from './extract.ts';
import { mergeEvents } from './merge.ts';
import type { EventMention, MergeOptions } from './merge.ts';
import type { TimelineEvent } from './types.ts';
import type { WordNet } from '../search/wordnet.ts';

export interface TimelineOptions {
  /** Which nouns name events ("the election of 2018"): the search environment's WordNet, passed in. */
  readonly wordnet: WordNet;
  /** How near-identical two sentences must be to tell the same event; see merge.ts. */
  readonly merge?: Partial<MergeOptions>;
}

/**
 * Oldest first. Dates compare as text, so on the same start a year comes before its months
 * and a month before its days; equal dates keep the order of the passages given.
 */
export function extractEvents(passages: readonly Passage[], options: TimelineOptions): TimelineEvent[] {
  return mergeEvents(
    passages.flatMap((passage) => mentionsIn(passage, options.wordnet)),
    options.merge,
  ).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The day a dated heading gives the section under it (a live blog's "Tuesday March 30, 10:04
 * a.m. ET"), resolved against the article's date: its paragraphs' "today" and "on Wednesday"
 * count from it. Null when the section is not dated to the day.
 */
function sectionDate(passage: Passage, wordnet: WordNet): PartialDate | null {
  if (passage.section === null) return null;
  const day = datesInSentence(passage.section, passage.source.date, wordnet).find(
    (mention) => mention.date.precision === 'day',
  );
  return day?.date ?? null;
}

/**
 * A passage's dated sentences, read once per passage (topic timelines read the same passages
 * again and again). The process reads with one WordNet, so the passage alone is the key.
 */
const mentionsByPassage = new WeakMap<Passage, readonly EventMention[]>();

function mentionsIn(passage: Passage, wordnet: WordNet): readonly EventMention[] {
  let mentions = mentionsByPassage.get(passage);
  if (!mentions) {
    mentions = datedSentences(passage.text, sectionDate(passage, wordnet) ?? passage.source.date, wordnet).map(
      ({ sentence, mention }) => ({
        date: mention.date.value,
        precision: mention.date.precision,
        // A clause is its own event: its text is the clause (backgroundRefiner.ts, clauseRefiner.ts).
        text: mention.clause ? sentence.text.slice(mention.clause.start, mention.clause.end) : sentence.text,
        passage,
      }),
    );
    mentionsByPassage.set(passage, mentions);
  }
  return mentions;
}
