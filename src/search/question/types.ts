import type { Term } from '../analyzer.ts';
import type { MatchKind } from '../tuning.ts';

/** A word of the question as read (analyzer.ts): its term, its written form and its neighbours. */
export type QuestionWord = Term;

/** One way a question word can be matched: itself, its typo correction, or a related word. */
export interface Alternative {
  readonly term: string;
  readonly weight: number;
  /** The related word as written, for explaining the match. */
  readonly word: string;
  readonly how: MatchKind;
}

/** One word of the question and the ways it may be matched. */
export interface Group {
  readonly word: string;
  /** How much the word says about the question's topic (see SearchTuning). */
  readonly weight: number;
  readonly alternatives: readonly Alternative[];
  /** The word itself or its typo correction, when the corpus has it: the term whose rarity the group carries. */
  readonly reference: string | null;
}

/** What the reading tells the asker: words read as another, read through related words, or not at all. */
export interface ReadingNotes {
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly related: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly unknownWords: readonly string[];
}

/** A question read: its word groups and what the reading tells the asker. */
export interface Interpretation extends ReadingNotes {
  readonly groups: readonly Group[];
}
