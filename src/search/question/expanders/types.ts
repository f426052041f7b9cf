import type { SearchContext } from '../../context.ts';
import type { Alternative, QuestionWord } from '../types.ts';

/** What an expander knows of the word it expands and of the question so far. */
export interface ExpansionState {
  readonly word: QuestionWord;
  /** The corpus has the word's own term (every term of a phrase, somewhere). */
  readonly known: boolean;
  /** Alternatives the expanders before this one found for the word. */
  readonly found: readonly Alternative[];
  /** Terms of the question's words read so far and the terms claimed for them (typo corrections). */
  readonly taken: ReadonlySet<string>;
  /** Every term of the question as written. */
  readonly questionTerms: ReadonlySet<string>;
}

/**
 * One way of finding what a question word may match in the corpus. The expanders run in order
 * (expanders/index.ts), each seeing what the ones before found.
 */
export interface Expander {
  readonly name: string;
  /**
   * How the asker is told of what it found: as a correction ("embasy" -> "embassy"), as related
   * words read for a word the corpus lacks ("afraid" -> "fear"), or not at all.
   */
  readonly told?: 'correction' | 'related';
  /** Its alternatives' terms are the word's: a later question word with one of them is not read again. */
  readonly claims?: boolean;
  expand(state: ExpansionState, context: SearchContext): readonly Alternative[];
}
