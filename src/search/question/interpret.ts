import { questionTokens, termOfWord, type QuestionToken } from '../analyzer.ts';
import { answerKindOf } from '../answerKind.ts';
import type { SearchContext } from '../context.ts';
import { coverageThresholds } from '../ranking/abstain.ts';
import type { Expander } from './expanders/index.ts';
import { readQuestion } from './read.ts';
import type { Alternative, Group, Interpretation } from './types.ts';
import { referenceOf, topicalWeight } from './weigh.ts';

/** From this Zipf value (ten in a million words) a word is everyday English, not a name. */
const EVERYDAY_ZIPF = 4;
/** A word mostly used as a noun (by WordNet's tagged uses) names a thing. */
const NOUN_SHARE = 0.5;

/**
 * A question as the ranking needs it: read into words, each word expanded by the expanders in
 * order into the ways the corpus may match it, weighted by how much it names the topic, and the
 * coverage an answer needs given how common its words are (ranking/abstain.ts).
 */
export function interpretQuestion(
  context: SearchContext,
  question: string,
  expanders: readonly Expander[],
): Interpretation {
  const taken = new Set<string>();
  const groups: Group[] = [];
  const corrections: Array<{ from: string; to: string }> = [];
  const related: Array<{ from: string; to: string }> = [];
  const unknownWords: string[] = [];
  const { english, wordnet } = context.environment;
  // Read once: the words, and where the thing a "how many" question counts stands.
  const tokens = questionTokens(question);
  const words = readQuestion(tokens, {
    aliases: context.aliases,
    everyday: (word) => english.zipf(word) >= EVERYDAY_ZIPF,
    isName: (written) => wordnet.isProperName(written.join(' ')) || isCompoundOfItsOwn(context, written),
    isAbsentNoun: (word, term) =>
      !context.knows(term) && wordnet.isCommonWord(word) && (wordnet.partOfSpeechShares(word)?.n ?? 0) > NOUN_SHARE,
  });
  const questionTerms = new Set(words.map((w) => w.term));
  const counted = countedPosition(tokens);
  for (const word of words) {
    if (taken.has(word.term)) continue;
    taken.add(word.term);
    const known = word.terms.length === 1 ? context.knows(word.term) : context.frequency(word.term) > 0;
    const alternatives: Alternative[] = [];
    for (const expander of expanders) {
      const found = expander.expand({ word, known, found: alternatives, taken, questionTerms }, context);
      alternatives.push(...found);
      if (expander.claims) for (const alternative of found) taken.add(alternative.term);
      if (expander.told === 'correction')
        corrections.push(...found.map((alternative) => ({ from: word.word, to: alternative.word })));
      if (expander.told === 'related' && !known && found.length > 0)
        related.push({ from: word.word, to: found.map((alternative) => alternative.word).join(', ') });
    }
    if (alternatives.length === 0) unknownWords.push(word.word);
    groups.push({
      word: word.word,
      weight: topicalWeight(context, word, alternatives),
      alternatives,
      reference: referenceOf(context, alternatives),
      ...(counted !== null && word.position <= counted && counted < word.position + word.word.split(' ').length
        ? { counted: true }
        : {}),
    });
  }
  const thresholds = coverageThresholds(
    groups,
    (term) => context.frequency(term),
    context.passageCount,
    context.tuning,
  );
  return { groups, thresholds, corrections, related, unknownWords, answerKind: answerKindOf(question) };
}

/**
 * A compound noun WordNet lists whose last word the corpus writes but whose first it never does
 * (a "hot dog" in a story of dogs): a thing of its own, not the corpus's, so read as one name
 * that must match as a whole. Matched word by word, the head alone would answer about the
 * corpus's thing, with the modifier's stand-ins covering for the rest.
 */
function isCompoundOfItsOwn(context: SearchContext, written: readonly string[]): boolean {
  const knows = (word: string): boolean => {
    const term = termOfWord(word);
    return term !== null && context.knows(term);
  };
  return (
    !knows(written[0]!) &&
    knows(written.at(-1)!) &&
    context.environment.wordnet.baseForms(written.join(' ')).some((form) => form.pos === 'n')
  );
}

/** The words after "how" that ask for a count of a thing named next. */
const COUNTING: ReadonlySet<string> = new Set(['many', 'much']);

/**
 * Where the thing a "how many" question counts stands: the last word of the run after "how many"
 * ("how many US troops will…": "troops"), or null when the question asks no such thing.
 */
function countedPosition(tokens: readonly QuestionToken[]): number | null {
  const at = tokens.findIndex(
    (token, i) => token.word === 'how' && COUNTING.has(tokens[i + 1]?.word ?? '') && tokens[i + 2]?.term,
  );
  if (at < 0) return null;
  let end = at + 2;
  while (tokens[end + 1]?.term) end++;
  return tokens[end]!.position;
}
