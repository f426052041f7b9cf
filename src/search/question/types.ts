import type { AnswerKind } from '../answerKind.ts';
import type { CoverageThresholds } from '../ranking/abstain.ts';
import type { MatchKind } from '../tuning.ts';

/**
 * A unit of the question as read (read.ts): a word, a phrase a name table knows ("United
 * Kingdom"), or a name of several capitalised words ("Bank of England"). Each becomes a group.
 */
export interface QuestionWord {
  readonly kind: 'word' | 'phrase' | 'name';
  /** As written, lower case; a phrase's or name's words joined by spaces. */
  readonly word: string;
  /** Its search terms (stop words left out). */
  readonly terms: readonly string[];
  /** The terms joined by spaces: the one term of a word. */
  readonly term: string;
  /** Index of its first word in the question, counting every word. */
  readonly position: number;
  /** The word after it as written, stop word or not, for phrases a dictionary lists ("crack down"). */
  readonly following?: string;
  /** The two words before, nearest first: "the" before a word says it is no verb, "would" that it is one. */
  readonly preceding?: readonly string[];
  /** Written as initials: their capitals, lower case ("BoE" -> "be"). */
  readonly initials?: string;
  readonly capitalised: boolean;
}

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
  /** The thing a "how many" question asks to count ("troops"): its number should stand beside it. */
  readonly counted?: true;
}

/** What the reading tells the asker: words read as another, read through related words, or not at all. */
interface ReadingNotes {
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly related: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly unknownWords: readonly string[];
}

/** A question read: its word groups, the coverage it must be answered with, and what the reading tells the asker. */
export interface Interpretation extends ReadingNotes {
  readonly groups: readonly Group[];
  readonly thresholds: CoverageThresholds;
  /** The kind of answer the question asks for ("when": a date), if any. */
  readonly answerKind: AnswerKind | null;
}
