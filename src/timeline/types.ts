/**
 * Shapes shared by the timeline stages. The pipeline follows chrono's: parsers find candidate
 * date mentions in one sentence, then an ordered list of refiners narrows and resolves them.
 * Every stage is a pure function of its context (the sentence and the article's own date).
 */
import type { DatePrecision, PartialDate, Passage } from '../corpus/types.ts';

/** One dated event on the timeline. */
export interface TimelineEvent {
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY', cut to `precision`. */
  readonly date: string;
  readonly precision: DatePrecision;
  /** The sentence that dates the event, as printed in the passage. */
  readonly text: string;
  /** The first passage that tells it (in the order the passages were given). */
  readonly passage: Passage;
  /** The same event told by other articles' passages. */
  readonly alsoIn: readonly Passage[];
}

/** Whether the words around a mention look back (past) or ahead (future). */
export type Tense = 'past' | 'future';

/**
 * How a mention gets its date:
 * - `absolute`: states its own year ("Jan. 1, 2020", "in 2015");
 * - `relative`: counted from the article's date ("this year", "earlier this month", "yesterday");
 * - `yearless`: a month, or a month and day, without a year ("in July", "on January 8");
 * - `weekday`: a day of the week ("on Saturday");
 * - `window`: a vague stretch of time ("over the weekend", "in recent days") that can only be
 *   dated as coarsely as the whole stretch allows.
 */
type MentionKind = 'absolute' | 'relative' | 'yearless' | 'weekday' | 'window';

/** The vague stretches `window` mentions name. */
export type WindowName =
  | 'weekend'
  | 'last-weekend'
  | 'this-weekend'
  | 'next-weekend'
  | 'recent-days'
  | 'recent-weeks'
  | 'past-week'
  | 'this-week'
  | 'earlier-this-week'
  | 'later-this-week'
  | 'last-week'
  | 'next-week'
  | 'weeks-ago';

/** A date expression found in a sentence, before and after resolution. */
export interface Mention {
  /** Offset of the expression in the sentence. */
  readonly index: number;
  /** The expression as written ("on Saturday", "January 8"). */
  readonly text: string;
  /** Which parser found it, for overlap priority and debugging. */
  readonly origin: 'chrono' | 'window' | 'year';
  readonly kind: MentionKind;
  /** Components the text states (or, for `relative`, that chrono counted from the reference). */
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** 0 = Sunday ... 6 = Saturday. */
  readonly weekday?: number;
  /** For weekdays: "last", "next" or "(this) coming", which fix the direction without tense ("this" alone does not). */
  readonly modifier?: 'last' | 'next' | 'coming';
  /** For `window` mentions: which stretch, and how many units for "N weeks ago". */
  readonly window?: WindowName;
  readonly count?: number;
  /** Coarsest precision the words allow ("two months ago" is never a day). */
  readonly cap?: DatePrecision;
  /** How precise the article's date must be to resolve this mention; null when it needs none. */
  readonly needs: DatePrecision | null;
  /** The resolved, true date; set by the resolving refiners. */
  readonly date?: PartialDate;
  /**
   * Set for a background clause of a sentence that reports news of another day ("…, the deadliest
   * since the republic's founding in 1923"), or for any but the opening news of a sentence that
   * dates several events: the clause's bounds in the sentence, which is the text of this
   * mention's event, not the whole sentence.
   */
  readonly clause?: { readonly start: number; readonly end: number };
}

/** What every stage may look at: one sentence and its article's date. */
export interface SentenceContext {
  readonly sentence: string;
  /** The article's publication date; null when the article has none. */
  readonly reference: PartialDate | null;
  /** The tense of the clause around `sentence.slice(index, index + length)`. */
  tenseAt(index: number, length: number): Tense;
  /** Whether a noun names something that happens ("earthquake", "election"), so a year before it dates it. */
  isEventNoun(noun: string): boolean;
}

/** Finds candidate mentions in a sentence. */
export type MentionParser = (context: SentenceContext) => Mention[];

/** Narrows or resolves mentions; returns a new list and never mutates its input. */
export type MentionRefiner = (context: SentenceContext, mentions: readonly Mention[]) => Mention[];
