/**
 * The transport-neutral form of an answer. Presenters turn command results into a View; the
 * terminal renderer and the Discord renderer each draw a View, so both show the same answer.
 */

export type Tone = 'answer' | 'info' | 'empty';

export interface PassageItem {
  readonly kind: 'passage';
  readonly passageId: string;
  /** "VOA News · Sep 28, 2020" */
  readonly byline: string;
  readonly title: string;
  readonly paragraph: number;
  readonly quote: string;
  /** The sentence that answers best, as offsets into `quote`, when the passage has several. */
  readonly emphasis: { readonly start: number; readonly end: number } | null;
  /** Other outlets carrying the same paragraph, as source lines. */
  readonly alsoIn: readonly string[];
}

export interface EntryItem {
  readonly kind: 'entry';
  readonly heading: string;
  readonly body: string;
  /** Text to show exactly as is, in a fixed-width block (BibTeX, CSL-JSON). */
  readonly preformatted?: boolean;
  /**
   * When the entry lists dated events (a timeline's date and its events), the same lines as
   * parts, for renderers that lay them out and shorten them to their own room; `body` holds them as text.
   */
  readonly events?: readonly EventLine[];
}

/** One event under its date: the whole sentence, where it was told, and the passage to cite. */
export interface EventLine {
  readonly text: string;
  /** "VOA News" or "VOA News, Republic World" when several articles tell it. */
  readonly outlets: string;
  readonly passageId: string;
}

export type ViewItem = PassageItem | EntryItem;

export interface View {
  readonly tone: Tone;
  readonly title: string;
  /** A line above the items: how the question was read, or why nothing was found. */
  readonly notice?: string;
  readonly items: readonly ViewItem[];
  /** A suggestion for the asker when there is nothing to show. */
  readonly hint?: string;
  readonly footer?: string;
  /** Offset of the next page of the same request, when there is one. */
  readonly nextOffset?: number;
  /** What the next page holds, for a "More …" button or hint ("More events"); passages when absent. */
  readonly nextLabel?: string;
  /**
   * A document that is itself the answer (a bibliography): the terminal prints it as is, Discord
   * attaches it as a file, so nothing of it is cut.
   */
  readonly file?: { readonly name: string; readonly text: string };
}
