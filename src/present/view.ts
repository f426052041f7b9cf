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
  /** Who published it: the outlet, or where none is known the article's title ("VOA News"). */
  readonly outlet: string;
  /** When: "Sep 28, 2020", "undated". */
  readonly date: string;
  /** The article's title as a reader sees it (a derived description without brackets). */
  readonly title: string;
  readonly paragraph: number;
  readonly quote: string;
  /** The sentence that answers best, as offsets into `quote` (all of it when it is one sentence). */
  readonly answer: { readonly start: number; readonly end: number };
  /** Other outlets carrying the same paragraph, as source lines. */
  readonly alsoIn: readonly string[];
  /**
   * Other articles that state this passage's answer (the same paragraph elsewhere, or another
   * passage of this page telling the same fact), named as in a byline: "also reported by 2 other articles".
   */
  readonly alsoReportedBy: readonly string[];
  /** Index in the view's items of an earlier passage stating the same fact; a summary shows that one only. */
  readonly repeats: number | null;
}

export interface EntryItem {
  readonly kind: 'entry';
  readonly heading: string;
  readonly body: string;
  /** Text to show exactly as is, in a fixed-width block (BibTeX, CSL-JSON, a reference list). */
  readonly preformatted?: boolean;
  /** What a preformatted body is written in, for highlighting: plain text unless said. */
  readonly syntax?: Syntax;
  /**
   * When the entry lists dated events (a timeline's date and its events), the same lines as
   * parts, for renderers that lay them out and shorten them to their own room; `body` holds them as text.
   */
  readonly events?: readonly EventLine[];
  /**
   * Moments the body names, as it writes them ("2020-09-28 14:05:09 UTC"): a renderer that can
   * show a time in each reader's own zone (Discord's timestamps) puts that in their place.
   */
  readonly times?: ReadonlyArray<{ readonly text: string; readonly at: Date }>;
}

/** One event under its date: the whole sentence, where it was told, and the passage to cite. */
export interface EventLine {
  readonly text: string;
  /** "VOA News" or "VOA News, Republic World" when several articles tell it. */
  readonly outlets: string;
  readonly passageId: string;
}

export type ViewItem = PassageItem | EntryItem;

export type Syntax = 'bibtex' | 'json' | 'text';

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
  /** Offset of the previous page, when this is not the first. */
  readonly previousOffset?: number;
  /** Number of the first item, counted over every page (6 on the second page of five); 1 when absent. */
  readonly firstNumber?: number;
  /** Which page this is of how many, for a request shown a page at a time. */
  readonly page?: { readonly number: number; readonly count: number };
  /** What the next page holds, for a "More …" button or hint ("More events"); passages when absent. */
  readonly nextLabel?: string;
  /**
   * Text the reader copies as is (a citation): Discord shows it alone in a code block, which copies
   * whole on a phone; a terminal prints it plain, and only it when the view has no items, so it
   * redirects to a file.
   */
  readonly paste?: { readonly text: string; readonly syntax: Syntax };
  /**
   * A document that is itself the answer (a bibliography): the terminal prints it as is, Discord
   * attaches it as a file, so nothing of it is cut.
   */
  readonly file?: { readonly name: string; readonly text: string };
}

/** The answering sentence is the whole passage: bolding it would single nothing out. */
export function isWholeQuote(item: Pick<PassageItem, 'quote' | 'answer'>): boolean {
  return item.quote.slice(0, item.answer.start).trim() === '' && item.quote.slice(item.answer.end).trim() === '';
}

/** Where a date's events come from: each outlet (or set of outlets) once, with its passages' ids in order, for a reader to find and cite them. */
export function eventSources(
  events: readonly EventLine[],
): Array<{ readonly outlets: string; readonly passageIds: readonly string[] }> {
  const byOutlets = new Map<string, string[]>();
  for (const { outlets, passageId } of events) {
    const ids = byOutlets.get(outlets) ?? [];
    if (!ids.includes(passageId)) ids.push(passageId);
    byOutlets.set(outlets, ids);
  }
  return [...byOutlets].map(([outlets, passageIds]) => ({ outlets, passageIds }));
}
