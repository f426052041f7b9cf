/**
 * The corpus as the engine sees it. `Source` and `Passage` are the public
 * shapes of ../shared/CONTRACT.md plus internal fields the JSON contract does
 * not print (the contract serialiser in src/contract picks the public ones).
 */

/** How much of a date is known. An event or article never gets a false day. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date with its precision: "2020-09-28", "2020-07" or "2020". */
export interface PartialDate {
  /** ISO form cut to the precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly value: string;
  readonly precision: DatePrecision;
}

/** Where a metadata value came from, so readers can tell stated from corrected. */
export type MetaOrigin = 'text' | 'front-matter' | 'sidecar' | 'derived';

export interface Source {
  /** Stable short id (hex), derived from url, else title, else file stem; a sidecar may pin it. */
  readonly id: string;
  /** The article's title; when no title is known it is a bracketed description, and `titleOrigin` is 'derived'. */
  readonly title: string;
  readonly titleOrigin: MetaOrigin;
  readonly outlet: string | null;
  /** Publication date, null when neither the text nor the sidecar states one. */
  readonly date: PartialDate | null;
  readonly url: string | null;
  readonly author: string | null;
  /** Who the outlet credits for the reporting ("SOURCE: NBC NEWS/REUTERS"), when stated. */
  readonly credit: string | null;
  /** File name relative to the corpus folder. */
  readonly file: string;
}

export interface Passage {
  /** Stable id: `<source id>-<text hash>`; the same text in the same source keeps it. */
  readonly id: string;
  /** The cleaned paragraph, as quoted to users. */
  readonly text: string;
  /** 1-based position in its article after cleaning. */
  readonly paragraph: number;
  readonly source: Source;
  /** Nearest section heading above the paragraph, when the article has one. */
  readonly section: string | null;
}

/** A file that could not be loaded, with a reason a moderator can act on. */
export interface LoadError {
  readonly file: string;
  readonly message: string;
}

export interface Corpus {
  readonly sources: readonly Source[];
  readonly passages: readonly Passage[];
  /** Passage id -> the other sources carrying the same paragraph, or nearly. */
  readonly alsoIn: ReadonlyMap<string, readonly Source[]>;
  /** Passage id -> id of the group of near-identical passages it belongs to. */
  readonly duplicateGroup: ReadonlyMap<string, string>;
  readonly errors: readonly LoadError[];
  /** Names that stand for one another in this story, from the moderators' aliases file beside the articles. */
  readonly aliases?: ReadonlyArray<readonly string[]>;
}
