/** The timeline engine: dated events found in passages and resolved to their true dates. */
export type { TimelineEvent } from './types.ts';
export { extractEvents } from './timeline.ts';
export { filterEvents } from './filter.ts';
export { datesInSentence } from './extract.ts';
export { scoreTimeline } from './score.ts';
export type { GoldTimeline, TimelineScore } from './score.ts';
export { timelineOf, topicTimeline, WHOLE_TIMELINE_MAX_PASSAGES } from './corpusTimeline.ts';
