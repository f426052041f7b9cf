/**
 * Refiner: a sentence that dates several events ("jurors who had deliberated since Dec. 20 and
 * who announced Monday morning …") tells one event per date, and each event's text is the
 * stretch of the sentence its date belongs to; otherwise every date of the sentence would be
 * told by the same words, and the words of one event would carry another's date.
 *
 * The first date keeps the whole sentence (it is the news the sentence opens with) unless it
 * sits in a subordinate clause ("since …", "until …", "who …", "that …"), which is background
 * to the rest. A later date is told from the end of the date before it, or from its own
 * subordinate clause, to the end of its clause.
 */
import { CLAUSE_START } from './backgroundRefiner.ts';
import type { Mention, MentionRefiner } from './types.ts';

/** Words that open a clause other than the sentence's main one. */
const SUBORDINATOR = /\b(?:that|who|which|after|before|until|since|when|while|because)\s/gi;
/**
 * Where a date's clause ends: punctuation, a coordinated clause, or a subordinate one ("that"
 * goes on to say what was dated). Not a full stop: within one sentence it ends an abbreviation.
 */
const CLAUSE_END = /[,;:)–—]|\s(?:and|but|or|who|which|after|before|until|since|when|while|because)\s/i;
/** What separates a date from the clause after it: a possessive's ending, punctuation, then a coordinator. */
const BETWEEN = /^(?:['’]s)?[\s,;:)–—]*(?:(?:and|but|or)\s+)?/i;

/** Where the subordinate clause holding a date opens, looking back no further than `from`; null when the date is in no such clause. */
function subordinateStart(sentence: string, from: number, mention: Mention): number | null {
  const before = sentence.slice(from, mention.index);
  let opening: number | null = null;
  for (const match of before.matchAll(SUBORDINATOR)) opening = from + match.index;
  if (opening === null) return null;
  for (let i = mention.index - 1; i > opening; i--) if (CLAUSE_START.test(sentence[i]!)) return null;
  return opening;
}

function clauseEnd(sentence: string, mention: Mention): number {
  const from = mention.index + mention.text.length;
  const end = CLAUSE_END.exec(sentence.slice(from));
  return end ? from + end.index : sentence.length;
}

export const clauseRefiner: MentionRefiner = (context, mentions) => {
  const { sentence } = context;
  const told = mentions.filter((mention) => mention.date && !mention.clause);
  if (told.length < 2) return [...mentions];
  return mentions.map((mention) => {
    const i = told.indexOf(mention);
    if (i < 0) return mention;
    const previous = told[i - 1];
    const after = previous ? previous.index + previous.text.length : 0;
    const opening = subordinateStart(sentence, after, mention);
    if (!previous && opening === null) return mention;
    const start = !previous ? 0 : (opening ?? after + BETWEEN.exec(sentence.slice(after))![0].length);
    return { ...mention, clause: { start, end: clauseEnd(sentence, mention) } };
  });
};
