/**
 * Refiner: drops words chrono reads as dates that are not dates here. "may" and "march" are
 * verbs, "August" an adjective, unless a capitalised month follows a time preposition
 * ("in May", "since March"); "24/7" is not the 24th of July (a numeric date needs its year);
 * "the Sept. 11 attacks" are not this September's.
 */
import type { Mention, MentionRefiner } from './types.ts';

const AMBIGUOUS_MONTH = /^(?:may|march|august)$/i;
const TIME_PREPOSITION =
  /\b(?:in|since|until|till|by|from|during|of|early|late|mid|last|next|this|through|before|after|between|and|or|to)[\s-]+$/i;
const NUMERIC_WITHOUT_YEAR = /^\d{1,2}[/.-]\d{1,2}$/;
/** Days that name an event of another year: "the Sept. 11 attacks" are not this September's. */
const NAMED_DAY = /^Sep(?:t(?:ember)?)?\.?\s+11$/i;
const NAMED_DAY_NOUN = /^\s+(?:attacks?|terror|terrorist|hijack|hijackers|commission|anniversary|memorial)/i;

function isDateSense(sentence: string, mention: Mention): boolean {
  if (NUMERIC_WITHOUT_YEAR.test(mention.text)) return false;
  if (mention.kind === 'yearless' && NAMED_DAY.test(mention.text)) {
    if (NAMED_DAY_NOUN.test(sentence.slice(mention.index + mention.text.length))) return false;
  }
  if (mention.kind === 'yearless' && mention.day === undefined && AMBIGUOUS_MONTH.test(mention.text)) {
    const capitalised = /^[A-Z]/.test(mention.text);
    return capitalised && TIME_PREPOSITION.test(sentence.slice(0, mention.index));
  }
  return true;
}

export const wordSenseRefiner: MentionRefiner = (context, mentions) =>
  mentions.filter((mention) => isDateSense(context.sentence, mention));
