/**
 * Parser: a year on its own, which chrono does not read: in a time phrase ("in 2015", "in early
 * 2019", "mid-2019", "in the summer of 2019", "since 1939", "from 2010" unless a range goes on to
 * another year), each year of a list ("in 1999 and 2011"), a year opening a line of a chronology
 * ("1999: …"), and a year naming an event ("the 1939 earthquake", "his 2018 election", "a 2010
 * global network meltdown": WordNet's nouns of things that happen, a few modifiers after the year). A year naming
 * anything else is not a date of the sentence's event: "the US' withdrawal from the 2015 JCPOA
 * nuclear agreement" did not happen in 2015. A year in a phrase counts only when the phrase ends
 * after it.
 */
import type { Mention, MentionParser, SentenceContext } from './types.ts';

const YEAR = String.raw`(1[6-9]\d\d|20\d\d)`;
const YEAR_PHRASE = new RegExp(
  String.raw`\b(?:(?:in|during|since|from)\s+(?:(?:early|mid|late)[-\s]+)?|(?:early|mid|late)-|(?:in\s+|during\s+)?the\s+(?:spring|summer|fall|autumn)\s+of\s+)${YEAR}\b`,
  'gi',
);
/** "from 2009 to 2011", "from 2009–2011": a range, dated by neither end alone. */
const RANGE_AFTER = /^\s?(?:[-–—]\s?\d|(?:to|through|until|till|and)\s)/i;
/** More years of a list after the first: ", 2004", " and 2011". */
const LISTED_YEAR = new RegExp(String.raw`^(?:,\s?|\s(?:and|or)\s)${YEAR}\b`, 'i');
/** "1999: Izmit quake kills 17,000": a line of a chronology. */
const CHRONOLOGY_LINE = new RegExp(String.raw`^${YEAR}\s?[:–—-]\s`);
/**
 * "the 1939 earthquake", "his 2018 election", "a 2010 global network meltdown": a year before the
 * noun it dates, up to three modifiers between them (four words after the year at most).
 */
const YEAR_BEFORE_NOUN = new RegExp(
  String.raw`\b(?:the|a|an|his|her|its|their|our)\s+${YEAR}((?:\s+[\p{L}\d'’-]+){1,4})`,
  'giu',
);
/** Words that end a noun phrase: after one, the year's noun is behind. */
const PHRASE_BREAK = /^(?:of|and|or|in|on|at|by|for|to|with|from|that|which|who|was|were|is|are|has|had|have)$/i;

/** What may follow a year that ends a time phrase: punctuation, or a word that starts a new phrase. */
const PHRASE_END =
  /^(?:\s*$|\s*[.,;:!?)"”]|['’](?!s\b)|\s+[—–]\s|\s+(?:and|or|but|when|after|before|as|the|a|an|to|with|while|for|amid|at|in|on|by|following|until|since|during|it|he|she|they|we|there|this|that|which|who|where|because|despite|than)\b)/i;

function yearMention(index: number, text: string, year: string): Mention {
  return { index, text, origin: 'year', kind: 'absolute', year: Number(year), needs: null };
}

export const yearParser: MentionParser = (context: SentenceContext) => {
  const { sentence } = context;
  const mentions: Mention[] = [];
  for (const match of sentence.matchAll(YEAR_PHRASE)) {
    let end = match.index + match[0].length;
    if (!PHRASE_END.test(sentence.slice(end))) continue;
    if (/^from\b/i.test(match[0]) && RANGE_AFTER.test(sentence.slice(end))) continue;
    mentions.push(yearMention(match.index, match[0], match[1]!));
    for (let listed = LISTED_YEAR.exec(sentence.slice(end)); listed; listed = LISTED_YEAR.exec(sentence.slice(end))) {
      // A list of years is a list of dates, whatever follows it ("in 1999 and 2011 killed thousands").
      mentions.push(yearMention(end + listed[0].length - 4, listed[1]!, listed[1]!));
      end += listed[0].length;
    }
  }
  const line = CHRONOLOGY_LINE.exec(sentence);
  if (line) mentions.push(yearMention(0, line[1]!, line[1]!));
  for (const match of sentence.matchAll(YEAR_BEFORE_NOUN)) {
    const words = match[2]!.trim().split(/\s+/);
    const noun = words.findIndex(
      (word) => PHRASE_BREAK.test(word) || (/^\p{Ll}{3,20}$/u.test(word) && context.isEventNoun(word)),
    );
    if (noun < 0 || PHRASE_BREAK.test(words[noun]!)) continue;
    const text = `${match[0].slice(0, match[0].length - match[2]!.length)} ${words.slice(0, noun + 1).join(' ')}`;
    mentions.push(yearMention(match.index, text, match[1]!));
  }
  return mentions;
};
