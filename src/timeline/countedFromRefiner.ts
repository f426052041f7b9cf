/**
 * Refiner: a day named as the event another time is counted from ("weeks before Monday’s
 * earthquake", "days after Tuesday’s vote") dates that event, which the sentence only refers to;
 * what the sentence tells happened at another time it does not state, so the day dates nothing here.
 */
import type { MentionRefiner } from './types.ts';

/** The words that count from an event, right before its day. */
const COUNTED_FROM = /\b(?:before|after|since|until|following|ahead of|prior to)\s$/i;
/** The day in the possessive: it names the event ("Monday’s earthquake"). */
const POSSESSIVE = /^['’]s\s/;
/** Enough text before a mention to hold the counting words. */
const LOOK_BACK = 12;

export const countedFromRefiner: MentionRefiner = (context, mentions) =>
  mentions.filter(
    (mention) =>
      !(
        POSSESSIVE.test(context.sentence.slice(mention.index + mention.text.length)) &&
        COUNTED_FROM.test(context.sentence.slice(Math.max(0, mention.index - LOOK_BACK), mention.index))
      ),
  );
