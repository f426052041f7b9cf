import type { SearchContext } from '../../context.ts';
import { termOfWord } from '../../analyzer.ts';
import { correctTerm, editDistance, maxEdits } from '../../fuzzy.ts';
import type { Alternative } from '../types.ts';
import type { Expander, ExpansionState } from './types.ts';

/**
 * A real word is read as a neighbour only when the corpus uses the neighbour this many times more,
 * at least so often and in at least this share of its passages: the story's own word ("trial" in a
 * trial's coverage), not one a few passages happen to use ("share" for "shard").
 */
const PREFERRED_RATIO = 20;
const MIN_PREFERRED_FREQUENCY = 3;
const MIN_PREFERRED_SHARE = 0.015;
/** A real word the corpus uses more often than this is taken as meant, never as a typo. */
const MAX_TYPO_FREQUENCY = 2;
/** Real words shorter than this have too many neighbours to guess between ("cat", "car", "can"). */
const MIN_REAL_WORD_LENGTH = 4;
/**
 * A word this common in English (Zipf, about thirty in a million words) is meant as written: people
 * mistype rare words into rare ones ("trail", "boarder", "loosing"), and a question says "cash" or
 * "till" on purpose.
 */
const MAX_TYPO_ZIPF = 4.5;

/**
 * Typos. A word the corpus lacks, that is no English word and no initials it spells out, is read
 * as the closest word the corpus has, by its written forms or by its stem, whichever is nearer
 * ("embasy" -> "embassy", "evacuaton" -> "evacuation"), or else as two words run together
 * ("harbourtv" -> "Harbour TV"), or else as a word cut short ("refurb" -> "refurbishment"). A real English word the corpus hardly
 * uses is also read as a neighbour one letter away that the corpus uses far more, beside its
 * own reading ("trail" in a corpus about a trial, "boarder" in one about a border), at a lower weight.
 */
export const typoCorrection: Expander = {
  name: 'typo',
  told: 'correction',
  claims: true,
  expand(state, context) {
    const { word, known, found } = state;
    if (word.kind !== 'word' || found.some((alternative) => alternative.how !== 'exact')) return [];
    if (!known && !context.isEnglish(word.word)) return misspelt(state, context);
    return realWordTypo(state, context);
  },
};

function misspelt({ word, taken }: ExpansionState, context: SearchContext): Alternative[] {
  // The word is no English word: most likely a name, misspelt.
  const limit = maxEdits(word.word, true);
  let best: { term: string; form: string; distance: number; frequency: number } | null = null;
  for (const candidate of context.backend.formsNear(word.word, limit)) {
    const distance = editDistance(word.word, candidate.form, limit);
    // Nearest, then commonest, then first in the alphabet: the same choice whatever order a backend lists them in.
    const better =
      !best ||
      distance < best.distance ||
      (distance === best.distance &&
        (candidate.frequency > best.frequency ||
          (candidate.frequency === best.frequency && candidate.form < best.form)));
    if (better) best = { ...candidate, distance };
  }
  const byStem = best ? null : correctTerm(word.term, (term, edits) => context.backend.termsNear(term, edits));
  const cut = best || byStem ? null : cutShort(word.word, context);
  const term = best?.term ?? byStem ?? runTogether(word.word, context) ?? cut?.term;
  if (!term || taken.has(term)) return [];
  const written = best?.form ?? (term === cut?.term ? cut.form : null) ?? context.surface(term) ?? term;
  return [{ term, weight: context.tuning.correctedWeight, word: written, how: 'typo' }];
}

/** A word cut short to fewer letters than this is too many words' beginning ("tol": told, toll, tolerance). */
const MIN_CUT_LENGTH = 4;
/** A beginning that this many written forms share is no one word's. */
const MAX_COMPLETIONS = 40;

/**
 * "refurb", "investig": a word the asker cut short, read as the commonest word the corpus writes
 * that begins so (ties to the shortest form), when few words do.
 */
function cutShort(word: string, context: SearchContext): { term: string; form: string } | null {
  if (word.length < MIN_CUT_LENGTH || !/^\p{Ll}+$/u.test(word)) return null;
  const completions = context.backend.formsStarting(word, MAX_COMPLETIONS + 1);
  // Both backends list at most the limit, in their own orders: past it, no choice is made at all.
  if (completions.length > MAX_COMPLETIONS) return null;
  let best: (typeof completions)[number] | null = null;
  for (const candidate of completions) {
    const better =
      !best ||
      candidate.frequency > best.frequency ||
      (candidate.frequency === best.frequency &&
        (candidate.form.length < best.form.length ||
          (candidate.form.length === best.form.length && candidate.form < best.form)));
    if (better) best = candidate;
  }
  return best;
}

/** A word run together from two shorter than this is too easily two other words' pieces. */
const MIN_RUN_TOGETHER_LENGTH = 5;
const MIN_PART_LENGTH = 2;

/**
 * "harbourtv", "ticketrefunds": two words the asker ran together, read as the two the corpus writes
 * apart ("Harbour TV", "ticket refunds"): the split whose parts the corpus has together most often.
 */
function runTogether(word: string, context: SearchContext): string | null {
  if (word.length < MIN_RUN_TOGETHER_LENGTH || !/^\p{Ll}+$/u.test(word)) return null;
  let best: { phrase: string; frequency: number } | null = null;
  for (let at = MIN_PART_LENGTH; at <= word.length - MIN_PART_LENGTH; at++) {
    const first = termOfWord(word.slice(0, at));
    const second = termOfWord(word.slice(at));
    if (!first || !second || !context.knows(first) || !context.knows(second)) continue;
    const phrase = `${first} ${second}`;
    const frequency = context.frequency(phrase);
    if (frequency > 0 && (!best || frequency > best.frequency)) best = { phrase, frequency };
  }
  return best?.phrase ?? null;
}

function realWordTypo({ word, taken }: ExpansionState, context: SearchContext): Alternative[] {
  if (word.word.length < MIN_REAL_WORD_LENGTH || !/^\p{Ll}+$/u.test(word.word)) return [];
  const own = context.frequency(word.term);
  // A word the corpus uses is what the asker meant.
  if (own > MAX_TYPO_FREQUENCY) return [];
  const { english } = context.environment;
  const zipf = english.zipf(word.word);
  if (zipf >= MAX_TYPO_ZIPF) return [];
  const least = Math.max(MIN_PREFERRED_FREQUENCY, MIN_PREFERRED_SHARE * context.passageCount, PREFERRED_RATIO * own);
  let best: { term: string; form: string; frequency: number } | null = null;
  for (const candidate of context.backend.formsNear(word.word, 1)) {
    // A typo keeps the first letter; another first letter is another word ("cutting", "putting").
    if (candidate.term === word.term || candidate.form[0] !== word.word[0]) continue;
    if (candidate.frequency < least) continue;
    // A slip of the keys gives a rarer word than the one meant, never a commoner one.
    if (english.zipf(candidate.form) < zipf) continue;
    if (
      !best ||
      candidate.frequency > best.frequency ||
      (candidate.frequency === best.frequency && candidate.form < best.form)
    )
      best = candidate;
  }
  if (!best || taken.has(best.term)) return [];
  return [{ term: best.term, weight: context.tuning.realWordTypoWeight, word: best.form, how: 'typo' }];
}
