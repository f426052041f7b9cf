/** The timeline engine: dated events found in passages and resolved to their true dates. */
export type { TimelineEvent, Mention, MentionParser, MentionRefiner, SentenceContext, Tense } from './types.ts';
export { extractEvents } from './timeline.ts';
export type { TimelineOptions } from './timeline.ts';
export { filterEvents } from './filter.ts';
export type { DateRange } from './filter.ts';
export { datesInSentence, datedSentences, PARSERS, REFINERS } from './extract.ts';
export type { DatedMention, DatedSentence } from './extract.ts';
export { splitSentences } from '../text/sentences.ts';
export type { SentenceSpan } from '../text/sentences.ts';
export { mergeEvents, DEFAULT_MERGE_OPTIONS } from './merge.ts';
export type { MergeOptions, EventMention } from './merge.ts';
export { scoreTimeline } from './score.ts';
export type { GoldTimeline, GoldEvent, TimelineScore } from './score.ts';
export { timelineOf, topicTimeline, WHOLE_TIMELINE_MAX_PASSAGES } from './corpusTimeline.ts';
