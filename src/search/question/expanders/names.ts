import { analyze } from '../../analyzer.ts';
import type { SearchContext } from '../../context.ts';
import type { Alternative } from '../types.ts';
import type { Expander } from './types.ts';
import { editDistance, maxEdits } from '../../fuzzy.ts';
import { NAME_JOINERS } from '../read.ts';
import { variantSpellings } from './spellingVariants.ts';

/** Passages read to see how the corpus writes a name: a name is rarely in more, and a few say enough. */
const MAX_PASSAGES_READ = 50;
/** A name's last word is a name itself (a surname, "Pompeo") when everyday English hardly uses it. */
const MAX_SURNAME_ZIPF = 3;

/**
 * Whether some passage has the terms side by side, in order (small words such as "of" between
 * them allowed): the corpus names the thing. Stops at the first such passage.
 */
function standsTogether(context: SearchContext, terms: readonly string[]): boolean {
  for (const doc of context.backend.passagesWithAll(terms, MAX_PASSAGES_READ)) {
    const analyzed = analyze(context.corpus.passages[doc]!.text);
    for (let i = 0; i + terms.length <= analyzed.length; i++) {
      let j = 0;
      while (
        j < terms.length &&
        analyzed[i + j]!.term === terms[j] &&
        (j === 0 || analyzed[i + j]!.position - analyzed[i + j - 1]!.position <= 2)
      )
        j++;
      if (j === terms.length) return true;
    }
  }
  return false;
}

/** Passages read for the first names the corpus gives a surname: a few say enough. */
const MAX_FIRST_NAME_PASSAGES = 20;

/**
 * Whether the corpus gives the surname one of these first names somewhere, spelt its way or
 * another ("Qasem" for "Qassem"): then the surname alone is that person. "Colin Powell" is not a
 * corpus's "Jerome Powell", nor "Colin Marren" its Marren River.
 */
function givesFirstName(context: SearchContext, head: string, given: readonly string[]): boolean {
  for (const doc of context.backend.passagesWithAll([head], MAX_FIRST_NAME_PASSAGES)) {
    const analyzed = analyze(context.corpus.passages[doc]!.text);
    for (let i = 1; i < analyzed.length; i++) {
      const before = analyzed[i - 1]!;
      if (analyzed[i]!.term !== head || analyzed[i]!.position - before.position !== 1) continue;
      if (given.some((mine) => editDistance(mine, before.word, maxEdits(mine, true)) <= maxEdits(mine, true)))
        return true;
    }
  }
  return false;
}

/**
 * A name of several words ("Bank of England", "Janet Yellen") matches as that name: its words
 * together, in that order, somewhere in the corpus. A person is also mentioned by surname alone
 * ("Yellen"), so a last word that is a name itself stands for the whole, when the corpus gives
 * that surname this first name somewhere ("Colin Powell" is not the corpus's "Jerome Powell"). A name
 * whose words the corpus has only apart ("Champions League" where one article says "league",
 * another "champions") is not in the corpus at all: the group gets no alternative, and the
 * question is about something the corpus does not cover, unless its other words carry it.
 */
export const wholeNames: Expander = {
  name: 'names',
  expand({ word }, context) {
    if (word.kind !== 'name') return [];
    const alternatives: Alternative[] = [];
    if (context.knowsAll(word.terms) && standsTogether(context, word.terms))
      alternatives.push({ term: word.term, weight: 1, word: word.word, how: 'exact' });
    // The name with one word spelt as the corpus also spells it ("Qasem Soleimani", "Qassem Soleimani").
    const written = word.word.split(' ').filter((part) => !NAME_JOINERS.has(part));
    if (written.length === word.terms.length) {
      written.forEach((part, i) => {
        for (const variant of variantSpellings(context, part, word.terms[i]!)) {
          const terms = word.terms.map((term, j) => (j === i ? variant.term : term));
          if (standsTogether(context, terms))
            alternatives.push({
              term: terms.join(' '),
              weight: context.tuning.aliasWeight,
              word: written.map((w, j) => (j === i ? variant.form : w)).join(' '),
              how: 'alias',
            });
        }
      });
    }
    const head = word.terms.at(-1)!;
    const lastWord = word.word.slice(word.word.lastIndexOf(' ') + 1);
    if (word.terms.length < 2 || !context.knows(head) || context.environment.english.zipf(lastWord) >= MAX_SURNAME_ZIPF)
      return alternatives;
    if (givesFirstName(context, head, word.word.split(' ').slice(0, -1)))
      alternatives.push({ term: head, weight: context.tuning.namePartWeight, word: lastWord, how: 'name-part' });
    return alternatives;
  },
};
