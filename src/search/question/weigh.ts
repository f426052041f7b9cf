import { ALIASES } from '../aliases.ts';
import type { SearchContext } from '../context.ts';
import type { Alternative, QuestionWord } from './types.ts';

/**
 * How much a word names the question's topic: 1, fading for everyday words (by how common it is
 * in English), less for a verb, adjective, adverb or span of time (by how WordNet's tagged texts
 * use it; a word WordNet lacks is a name, a number or a typo, and counts fully), and less for a
 * known word the corpus has everywhere. A typo is rated by the word it was read as; a name the
 * frequency list lacks stays as rare as can be.
 */
export function topicalWeight(context: SearchContext, { word, following, term }: QuestionWord, alternatives: readonly Alternative[], known: boolean): number {
  const { tuning, wordnet, english } = context.environment;
  const reference = referenceOf(alternatives);
  const rated = context.isEnglish(word) || reference === null ? word : (context.surface(reference) ?? word);
  const { from, to } = tuning.everydayZipf;
  const everyday = Math.min(1, Math.max(tuning.minTopicality, (to - english.zipf(rated)) / (to - from)));
  let kind = 1;
  if (!ALIASES.has(word)) {
    const phrase = following && wordnet.knows(`${word} ${following}`) ? `${word} ${following}` : word;
    const shares = wordnet.partOfSpeechShares(phrase);
    if (shares) kind = shares.n * (wordnet.isTimeNoun(phrase) ? tuning.timeWeight : 1) + tuning.helperWeight * (1 - shares.n);
    // WordNet lists content words only: a common word it lacks is a function word or an
    // irregular form ("else", "whose", "came"), a rare one a name, a number or a typo.
    else if (english.zipf(rated) >= tuning.functionWordZipf) kind = tuning.helperWeight;
  }
  const ubiquity = known ? (context.idf(context.frequency(term)) / context.idf(1)) ** tuning.ubiquityExponent : 1;
  return everyday * kind * ubiquity;
}

/** The word itself or its typo correction, when the corpus has it: the term whose rarity the group carries. */
export function referenceOf(alternatives: readonly Alternative[]): string | null {
  return alternatives.find((a) => a.how === 'exact' || a.how === 'typo')?.term ?? null;
}
