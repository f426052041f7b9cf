import { aliasNames } from './aliases.ts';
import { exactWord } from './exact.ts';
import { irregularForms } from './inflections.ts';
import { spelledOutInitials } from './initials.ts';
import { phraseSynonyms } from './phraseSynonyms.ts';
import { shortAmounts } from './shortAmounts.ts';
import { spellingVariants } from './spellingVariants.ts';
import { wholeNames } from './names.ts';
import { regionalSpellings } from './regionalSpellings.ts';
import { relatedWords } from './related.ts';
import { roleNouns } from './roleNouns.ts';
import { nearWords } from './neighbours.ts';
import { typoCorrection } from './typo.ts';
import type { Expander } from './types.ts';

export type { Expander } from './types.ts';

/**
 * The expanders, in order: each sees what the ones before found for the word. The word itself,
 * a name as a whole, the other names of the same thing, its spelling across the Atlantic, an amount typed short ("10k"), the verb's other forms, a role's for a
 * man, a woman or anyone ("spokesman", "spokesperson"), and initials the
 * articles spell out come first; a typo is only looked for when none of those found anything (or
 * when the word is real English the corpus hardly uses beside a neighbour it uses a lot);
 * related words (WordNet's, then words news uses alike) come last, and never repeat a term already found.
 */
export const EXPANDERS: readonly Expander[] = [
  exactWord,
  wholeNames,
  aliasNames,
  spellingVariants,
  regionalSpellings,
  shortAmounts,
  irregularForms,
  roleNouns,
  spelledOutInitials,
  typoCorrection,
  phraseSynonyms,
  relatedWords,
  nearWords,
];
