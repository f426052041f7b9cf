/**
 * Refiner: a sentence that reports news of the article's days ("the World Bank said on Monday",
 * "Erdogan announced Tuesday") is dated by that news. Its older dates are background: a date
 * naming a thing ("the February 6 earthquake", "the 2008 failure") dates nothing here, and a
 * background clause ("…, the deadliest since the founding of the republic in 1923") is an event
 * of its own date whose text is that clause, not the sentence.
 */
import { dayNumber, partsOf } from './calendar.ts';
import type { Mention, MentionRefiner, SentenceContext } from './types.ts';

/** News is dated within this many days of the article's date. */
const NEWS_DAYS = 7;
/** A date this much older than the news is background, not the news itself. */
const BACKGROUND_DAYS = 14;
export const CLAUSE_START = /[,;:(–—]/;
const CLAUSE_END = /[,;:)–—.!?]/;

/** A day within a week of the article's: the news it reports ("on Monday", "yesterday", "on March 28"). */
function isNews(context: SentenceContext, mention: Mention): boolean {
  if (!context.reference || !mention.date || mention.date.precision !== 'day') return false;
  const reference = partsOf(context.reference);
  if (reference.d === undefined) return mention.kind === 'weekday';
  return Math.abs(dayNumber(mention.date) - dayNumber(context.reference)) <= NEWS_DAYS;
}

/** A date right before the noun it names: "February 6 earthquake", "the 2008 failure". */
function namesAThing(context: SentenceContext, mention: Mention): boolean {
  if (mention.origin === 'year' && /\s\p{Ll}+$/u.test(mention.text)) return true;
  return (
    /^\s\p{Ll}{3,}/u.test(context.sentence.slice(mention.index + mention.text.length)) &&
    !/^\s(?:and|or|to|the|a|an|in|on|at|by|for|of|when|after|before|as|until|since|while)\b/.test(
      context.sentence.slice(mention.index + mention.text.length),
    )
  );
}

function clauseOf(sentence: string, mention: Mention): { start: number; end: number } {
  let start = mention.index;
  while (start > 0 && !CLAUSE_START.test(sentence[start - 1]!)) start--;
  let end = mention.index + mention.text.length;
  while (end < sentence.length && !CLAUSE_END.test(sentence[end]!)) end++;
  while (start < end && /\s/.test(sentence[start]!)) start++;
  return { start, end };
}

export const backgroundRefiner: MentionRefiner = (context, mentions) => {
  const news = mentions.filter((mention) => isNews(context, mention));
  if (news.length === 0) return [...mentions];
  const latest = Math.max(...news.map((mention) => dayNumber(mention.date!)));
  return mentions.flatMap((mention): Mention[] => {
    if (!mention.date || news.includes(mention) || latest - dayNumber(mention.date) <= BACKGROUND_DAYS)
      return [mention];
    if (namesAThing(context, mention)) return [];
    const clause = clauseOf(context.sentence, mention);
    // A clause that holds the news too is the news's sentence, not background.
    if (news.some((n) => n.index >= clause.start && n.index < clause.end)) return [];
    return [{ ...mention, clause }];
  });
};
