/**
 * Parser: a year on its own ("in 2015", "in early 2019", "mid-2019", "in the summer of 2019"),
 * which chrono does not read. A year used as an adjective of a name is not a date of the
 * sentence's event: "the US' withdrawal from the 2015 JCPOA nuclear agreement" did not happen
 * in 2015, and "to vote in 2020 election" is a name. Only a year in a time phrase, followed by
 * the end of the phrase, counts.
 */
import type { MentionParser } from './types.ts';

const YEAR_PHRASE =
  /\b(?:(?:in|during)\s+(?:(?:early|mid|late)[-\s]+)?|(?:early|mid|late)-|(?:in\s+|during\s+)?the\s+(?:spring|summer|fall|autumn)\s+of\s+)(1[6-9]\d\d|20\d\d)\b/gi;

/** What may follow a year that ends a time phrase: punctuation, or a word that starts a new phrase. */
const PHRASE_END =
  /^(?:\s*$|\s*[.,;:!?)"”]|['’](?!s\b)|\s+[—–]\s|\s+(?:and|or|but|when|after|before|as|the|a|an|to|with|while|for|amid|at|in|on|by|following|until|since|during|it|he|she|they|we|there|this|that|which|who|where|because|despite|than)\b)/i;

export const yearParser: MentionParser = (context) =>
  [...context.sentence.matchAll(YEAR_PHRASE)].flatMap((match) => {
    const after = context.sentence.slice(match.index + match[0].length);
    if (!PHRASE_END.test(after)) return [];
    return [{ index: match.index, text: match[0], origin: 'year' as const, kind: 'absolute' as const, year: Number(match[1]), needs: null }];
  });
