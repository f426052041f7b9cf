/**
 * The pipeline for one sentence, as chrono builds its own: an ordered list of parsers that
 * find date mentions, then an ordered list of refiners that drop, resolve and settle them.
 * The article's date is passed in; nothing here reads the clock.
 */
import type { PartialDate } from '../corpus/types.ts';
import { anchorPastRefiner } from './anchorPastRefiner.ts';
import { backgroundRefiner } from './backgroundRefiner.ts';
import { chronoParser } from './chronoParser.ts';
import { clauseRefiner } from './clauseRefiner.ts';
import { containmentRefiner } from './containmentRefiner.ts';
import { countedFromRefiner } from './countedFromRefiner.ts';
import { isFurniture } from './furniture.ts';
import { overlapRefiner } from './overlapRefiner.ts';
import { precisionRefiner } from './precision.ts';
import { quotedDayRefiner } from './quotedDayRefiner.ts';
import { referenceRefiner } from './referenceRefiner.ts';
import { relativeYearRefiner } from './relativeYearRefiner.ts';
import { splitSentences } from '../text/sentences.ts';
import type { SentenceSpan } from '../text/sentences.ts';
import { tenseAt } from './tense.ts';
import type { WordNet } from '../search/wordnet.ts';
import { windowRefiner } from './windowRefiner.ts';
import type { Mention, MentionParser, MentionRefiner, SentenceContext } from './types.ts';
import { windowParser } from './windowParser.ts';
import { wordSenseRefiner } from './wordSenseRefiner.ts';
import { yearParser } from './yearParser.ts';

const PARSERS: readonly MentionParser[] = [windowParser, yearParser, chronoParser];

const REFINERS: readonly MentionRefiner[] = [
  overlapRefiner, // one mention per stretch of text
  wordSenseRefiner, // "may" the verb, "24/7"
  countedFromRefiner, // "weeks before Monday’s earthquake": the day of the event counted from
  relativeYearRefiner, // "January this year"
  referenceRefiner, // what the article's date cannot resolve
  anchorPastRefiner, // "in January", "on Saturday": backwards unless future tense
  windowRefiner, // "over the weekend": the month, never a day
  precisionRefiner, // stated or counted components, certain ones only
  quotedDayRefiner, // “… today …,” she said on Saturday: the quotation's days count from the Saturday
  containmentRefiner, // one date per event in the sentence
  backgroundRefiner, // a sentence reporting news is dated by it; its older dates are background
  clauseRefiner, // several dates in a sentence: each event told by its own clause
];

/** A mention with its resolved date. */
export type DatedMention = Mention & { readonly date: PartialDate };

function sentenceContext(sentence: string, reference: PartialDate | null, wordnet: WordNet): SentenceContext {
  return {
    sentence,
    reference,
    tenseAt: (index, length) => tenseAt(sentence, index, length),
    isEventNoun: (noun) => wordnet.isEventNoun(noun),
  };
}

/**
 * The true dates of the events one sentence tells, resolved against the article's date
 * (null when the article has none). Furniture (stamps, captions) dates nothing.
 */
export function datesInSentence(sentence: string, reference: PartialDate | null, wordnet: WordNet): DatedMention[] {
  if (isFurniture(sentence)) return [];
  const context = sentenceContext(sentence, reference, wordnet);
  let mentions = PARSERS.flatMap((parse) => parse(context));
  for (const refine of REFINERS) mentions = refine(context, mentions);
  return mentions.filter((mention): mention is DatedMention => mention.date !== undefined);
}

export interface DatedSentence {
  readonly sentence: SentenceSpan;
  readonly mention: DatedMention;
}

/** Every dated event in a passage's text, one entry per (sentence, date), in reading order. */
export function datedSentences(text: string, reference: PartialDate | null, wordnet: WordNet): DatedSentence[] {
  return splitSentences(text).flatMap((sentence) =>
    datesInSentence(sentence.text, reference, wordnet).map((mention) => ({ sentence, mention })),
  );
}
