/**
 * What kind of answer a question asks for, and whether a passage gives one: "when …" wants a
 * date or a time, "how many …" a number, "how much money …", "how heavy …", "how far …" and
 * "how long …" a number in units of money, weight, distance or time, "why …" a reason. Among passages that speak of the question's topic, one
 * that also gives that kind of answer is more likely the answer (ranking/rank.ts weighs it).
 */
import { MEASURE_AFTER_HOW } from './stopwords.ts';

export type AnswerKind = 'date' | 'quantity' | 'money' | 'weight' | 'distance' | 'length' | 'reason';

const ASKS_DATE =
  /^\s*(?:when\b|what (?:time|date|day|year|month)\b|(?:on|in) what (?:day|date|year|month)\b|since when\b|how long ago\b)/i;
const ASKS_QUANTITY = new RegExp(String.raw`\bhow (?:${MEASURE_AFTER_HOW.join('|')})\b(?! ago)`, 'i');
/** "How much cash …", "how much did the repairs cost": an amount of money. */
const ASKS_MONEY =
  /\bhow much\b.{0,60}\b(?:money|cash|cost|costs|costing|worth|pay|paid|paying|spend|spent|fine|fined|price|budget|funding|raise|raised|owe|owed|compensation|damages|bill|salary|loss|lose|lost)\b|\bhow much\b.{0,30}\b(?:dollars|euros|pounds|rupees)\b/i;
const ASKS_WEIGHT = /\bhow heavy\b|\bhow much\b.{0,60}\bweigh/i;
const ASKS_DISTANCE = /\bhow (?:far|high|deep|tall|wide|close)\b/i;
/** "How long …": a length of time, or of ground. */
const ASKS_LENGTH = /\bhow long(?! ago)\b/i;

/** "Why …", "how come …", "what caused …": a reason. */
const ASKS_REASON = /^\s*(?:why\b|how come\b|what (?:caused|made|led)\b)/i;

export function answerKindOf(question: string): AnswerKind | null {
  if (ASKS_REASON.test(question)) return 'reason';
  if (ASKS_DATE.test(question)) return 'date';
  if (ASKS_MONEY.test(question)) return 'money';
  if (ASKS_WEIGHT.test(question)) return 'weight';
  if (ASKS_DISTANCE.test(question)) return 'distance';
  if (ASKS_LENGTH.test(question)) return 'length';
  if (ASKS_QUANTITY.test(question)) return 'quantity';
  return null;
}

const MONTH = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** A day ("March 8", "8 March"), a month named in full ("May" is too often a verb), a weekday, a day named by its distance ("yesterday"), a year, a clock time. */
const GIVES_DATE = new RegExp(
  String.raw`\b(?:${MONTH}\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)? ${MONTH}\b|(?:january|february|march|april|june|july|august|september|october|november|december)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|yesterday\b|today\b|tonight\b|overnight\b|(?:19|20)\d{2}\b|\d{1,2}(?::\d{2})? ?[ap]\.?m\b|\d{1,2}[:.]\d{2} ?(?:hrs|gmt|utc|local time)\b)`,
  'i',
);
const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?|billions?|trillions?';
/** A count or an amount: digits that are no year, or a number written out. */
const GIVES_QUANTITY = new RegExp(
  String.raw`(?:^|[^\d,.])(?!(?:19|20)\d{2}\b)\d{1,3}(?:,\d{3})*(?:\.\d+)?\b|\b(?:${NUMBER_WORDS})\b`,
  'i',
);
/** One word that counts, as the analyzer writes it ("5200" for "5,200"): digits that are no year, or a number written out. */
const COUNT_WORD = new RegExp(String.raw`^(?:(?!(?:19|20)\d{2}$)\d[\d.]*|${NUMBER_WORDS})$`);

/** A number and what it counts in: "26 kg", "100-metre", "$75 million", "41-day". */
// The number's digits are bounded, so that a long run of them is read in linear time.
const AMOUNT = String.raw`\d[\d,.]{0,24}\s?(?:(?:million|billion|trillion|thousand|bn|m)\s?)?-?`;
const GIVES_MONEY = new RegExp(
  String.raw`[$£€¥₹]\s?\d|\b(?:US\$|Rs\.?|INR|USD|EUR|GBP)\s?\d|\b${AMOUNT}(?:dollars?|euros?|pounds?|rupees?|yen|yuan|crores?|lakhs?)\b`,
  'i',
);
const GIVES_WEIGHT = new RegExp(
  String.raw`\b${AMOUNT}(?:kg|kilo(?:gram)?s?|kilogrammes?|tonnes?|tons?|pounds?|lbs?|grams?)\b|\bweigh`,
  'i',
);
const GIVES_DISTANCE = new RegExp(
  String.raw`\b${AMOUNT}(?:km|kilomet(?:re|er)s?|m|met(?:re|er)s?|miles?|feet|foot|ft|cm|centimet(?:re|er)s?|yards?|inches|inch)\b`,
  'i',
);
const GIVES_DURATION = new RegExp(
  String.raw`\b${AMOUNT}(?:seconds?|minutes?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|many) (?:seconds|minutes|hours|days|nights|weeks|months|years)\b`,
  'i',
);

/**
 * The words news gives a reason with: a cause ("because", "due to", "sparked", "factors
 * behind"), a purpose ("in order to", "to prevent") or an explanation ("explaining why").
 */
const GIVES_REASON =
  /\b(?:because|due to|owing to|thanks to|as a result|in order to|so that|so as to|to avoid|to prevent|for fear|reasons?|caused by|led to|blamed|citing|spark(?:s|ed)?|explain(?:s|ed|ing)?|therefore|factors?|behind the|since|relat(?:ing|ed) to)\b/i;

/** Whether a word of a passage, lower case as the analyzer gives it, counts something ("5200", "three", "hundreds"). */
export function isCount(word: string): boolean {
  return COUNT_WORD.test(word);
}

/** Whether the text gives the kind of answer: a measure in its units where the question asks for one, else any number or date. */
export function givesAnswer(kind: AnswerKind, text: string): boolean {
  switch (kind) {
    case 'date':
      return GIVES_DATE.test(text);
    case 'money':
      return GIVES_MONEY.test(text);
    case 'weight':
      return GIVES_WEIGHT.test(text);
    case 'distance':
      return GIVES_DISTANCE.test(text);
    case 'length':
      return GIVES_DURATION.test(text) || GIVES_DISTANCE.test(text);
    case 'quantity':
      return GIVES_QUANTITY.test(text);
    case 'reason':
      return GIVES_REASON.test(text);
  }
}
