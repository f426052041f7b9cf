import type { SearchContext } from '../context.ts';
import type { Alternative, QuestionWord } from './types.ts';

/** Shorter unknown words are too near too many everyday words to be read as one of them mistyped. */
const MIN_SLIP_LENGTH = 5;

/**
 * How much a word names the question's topic: 1, fading for everyday words (by how common it is
 * in English), less for a verb, adjective, adverb or span of time (by how WordNet's tagged texts
 * use it; a word WordNet lacks is a name, a number or a typo, and counts fully), and less for a
 * word the corpus has everywhere (in any of its ways of writing it). A typo is rated by the word
 * it was read as; a name the frequency list lacks stays as rare as can be. A name or phrase is
 * rated by its rarest word.
 */
export function topicalWeight(
  context: SearchContext,
  unit: QuestionWord,
  alternatives: readonly Alternative[],
): number {
  const { word, following } = unit;
  const { tuning, wordnet, english } = context.environment;
  const reference = referenceOf(context, alternatives);
  // A word no list knows, one slip from an everyday word, is that word mistyped ("suposed"): it weighs as one.
  const slip =
    reference === null && alternatives.length === 0 && !context.isEnglish(word) && word.length >= MIN_SLIP_LENGTH
      ? english.commonNeighbour(word, tuning.functionWordZipf)
      : null;
  const rated = slip ?? (context.isEnglish(word) || reference === null ? word : (context.surface(reference) ?? word));
  const { from, to } = tuning.everydayZipf;
  const everyday = Math.min(1, Math.max(tuning.minTopicality, (to - english.zipf(rated)) / (to - from)));
  let kind = 1;
  // A name or a known phrase names a thing: it counts fully.
  if (unit.kind === 'word' && !context.aliases.variantsOf(word)) {
    const phrase = slip ?? (following && wordnet.knows(`${word} ${following}`) ? `${word} ${following}` : word);
    const shares = wordnet.partOfSpeechShares(phrase);
    if (shares)
      kind = shares.n * (wordnet.isTimeNoun(phrase) ? tuning.timeWeight : 1) + tuning.helperWeight * (1 - shares.n);
    // WordNet lists content words only: a common word it lacks is a function word or an
    // irregular form ("else", "whose", "came"), a rare one a name, a number or a typo.
    else if (english.zipf(rated) >= tuning.functionWordZipf) kind = tuning.helperWeight;
  }
  const ubiquity =
    reference !== null ? (context.idf(context.frequency(reference)) / context.idf(1)) ** tuning.ubiquityExponent : 1;
  return everyday * kind * ubiquity;
}

/** Ways of matching that are the word itself, written otherwise: their passages are the word's. */
const SAME_WORD: ReadonlySet<Alternative['how']> = new Set(['exact', 'alias', 'inflection', 'typo']);

/**
 * The term whose rarity the group carries: the word itself or another way of writing it (a
 * variant, another name, a typo's correction), the one the corpus uses most, since all of them
 * speak of the one thing ("Bagdad" once, "Baghdad" everywhere). Null when the corpus has none.
 */
export function referenceOf(context: SearchContext, alternatives: readonly Alternative[]): string | null {
  let best: { term: string; frequency: number } | null = null;
  for (const alternative of alternatives) {
    if (!SAME_WORD.has(alternative.how)) continue;
    const frequency = context.frequency(alternative.term);
    if (!best || frequency > best.frequency) best = { term: alternative.term, frequency };
  }
  return best?.term ?? null;
}
