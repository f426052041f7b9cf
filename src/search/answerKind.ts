/**
 * What kind of answer a question asks for, and whether a passage gives one: "when …" wants a
 * date or a time, "how many …" or "how long …" a number. Among passages that speak of the question's topic, one
 * that also gives that kind of answer is more likely the answer (ranking/rank.ts weighs it).
 */
export type AnswerKind = 'date' | 'quantity';

const ASKS_DATE =
  /^\s*(?:when\b|what (?:time|date|day|year|month)\b|(?:on|in) what (?:day|date|year|month)\b|since when\b|how long ago\b)/i;
const ASKS_QUANTITY = /\bhow (?:many|much|long(?! ago)|far|often|big|large)\b/i;

export function answerKindOf(question: string): AnswerKind | null {
  if (ASKS_DATE.test(question)) return 'date';
  if (ASKS_QUANTITY.test(question)) return 'quantity';
  return null;
}

const MONTH = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** A day ("March 8", "8 March"), a month named in full ("May" is too often a verb), a weekday, a day named by its distance ("yesterday"), a year, a clock time. */
const GIVES_DATE = new RegExp(
  String.raw`\b(?:${MONTH}\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)? ${MONTH}\b|(?:january|february|march|april|june|july|august|september|october|november|december)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|yesterday\b|today\b|tonight\b|overnight\b|(?:19|20)\d{2}\b|\d{1,2}(?::\d{2})? ?[ap]\.?m\b|\d{1,2}[:.]\d{2} ?(?:hrs|gmt|utc|local time)\b)`,
  'i',
);
/** A count or an amount: digits that are no year, or a number written out. */
const GIVES_QUANTITY =
  /(?:^|[^\d,.])(?!(?:19|20)\d{2}\b)\d{1,3}(?:,\d{3})*(?:\.\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?|billions?|trillions?)\b/i;

export function givesAnswer(kind: AnswerKind, text: string): boolean {
  return (kind === 'date' ? GIVES_DATE : GIVES_QUANTITY).test(text);
}
