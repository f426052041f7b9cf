import { compoundHead } from './compoundHead.ts';
import { exactWord } from './exact.ts';
import { spelledOutInitials } from './initials.ts';
import { relatedWords } from './related.ts';
import { typoCorrection } from './typo.ts';
import type { Expander } from './types.ts';

export type { Expander, ExpansionState } from './types.ts';

/**
 * The expanders, in order: each sees what the ones before found for the word. A typo is only
 * looked for when neither the word nor initials it spells out are in the corpus; related words
 * come last, and never repeat a term already found.
 */
export const EXPANDERS: readonly Expander[] = [exactWord, spelledOutInitials, typoCorrection, compoundHead, relatedWords];
