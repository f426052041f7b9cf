import type { CitationParts, CitationStyle } from '../cite/index.ts';
import type { EditOutcome } from '../corpus/edits.ts';
import type { FileChanges } from '../corpus/fingerprint.ts';
import type { LoadError, PartialDate, Passage, Source } from '../corpus/types.ts';
import type { SearchResult } from '../search/engine.ts';
import type { TimelineEvent } from '../timeline/index.ts';
import type { CommandDefinition } from './definition.ts';

/**
 * What the commands return: plain data that the presenters (src/present), the JSON contract
 * (src/contract) and the adapters read. Declared here, below the commands, so that what reads a
 * result never depends on the command that makes it.
 */

export interface AskResult {
  readonly kind: 'ask';
  readonly query: string;
  readonly offset: number;
  readonly limit: number;
  readonly filters: { readonly from: string | null; readonly to: string | null; readonly sourceId: string | null };
  /** This page of the answer: `limit` passages from `offset`. */
  readonly search: SearchResult;
  /** Passages that answer in all, on every page (as far as a page may start: at most offset's maximum and a page). */
  readonly total: number;
}

export interface TimelineResult {
  readonly kind: 'timeline';
  readonly topic: string | null;
  /** Which end the timeline starts from: the latest events or the earliest. */
  readonly order: 'newest' | 'oldest';
  /** This page of the timeline, in `order`: `total` events from `offset`, at most `limit` of them. */
  readonly events: readonly TimelineEvent[];
  /** How many events were skipped before this page. */
  readonly offset: number;
  /** Events per page; null when none was asked for and every event is on the page. */
  readonly limit: number | null;
  /** Events in the whole timeline (topic and range applied), on every page. */
  readonly total: number;
  /** Whether events come after this page. */
  readonly more: boolean;
  /** Passage id -> other sources carrying the same paragraph (the corpus's), for citing each passage. */
  readonly alsoIn: ReadonlyMap<string, readonly Source[]>;
}

export interface CiteResult {
  readonly kind: 'cite';
  readonly style: CitationStyle;
  readonly citation: string;
  /** For APA, MLA and Chicago, the citation's parts, to lay out apart: the reference to paste, the in-text citation, the quotation. */
  readonly parts: CitationParts | null;
  readonly passage: Passage;
  readonly alsoIn: readonly Source[];
}

export interface ExportResult {
  readonly kind: 'export';
  /** A bibliography is written in one of the citation styles. */
  readonly format: CitationStyle;
  readonly sources: number;
  /** The bibliography itself: BibTeX entries, a CSL-JSON array, or a reference list. */
  readonly bibliography: string;
}

export interface SourcesResult {
  readonly kind: 'sources';
  readonly sources: ReadonlyArray<{ readonly source: Source; readonly passages: number }>;
  readonly errors: readonly LoadError[];
}

export interface HelpResult {
  readonly kind: 'help';
  readonly commands: readonly CommandDefinition[];
  /** What the corpus covers: its articles, who published them, and the dates they span. */
  readonly story: StoryScope;
}

export interface StoryScope {
  readonly articles: number;
  /** The outlets named, by how many articles each has, most first. */
  readonly outlets: readonly string[];
  /** Articles whose outlet nobody stated. */
  readonly unnamed: number;
  /** The first and last articles' dates; null when no article is dated. */
  readonly from: PartialDate | null;
  readonly to: PartialDate | null;
}

export type CorpusAction = 'status' | 'reload' | 'add' | 'replace' | 'remove' | 'meta';

export interface CorpusResult {
  readonly kind: 'corpus';
  readonly action: CorpusAction;
  /** The corpus now answering. */
  readonly sources: number;
  readonly passages: number;
  readonly loadedAt: Date;
  readonly errors: readonly LoadError[];
  /** Which index answers: "minisearch" or "compact" (src/search/indexChoice.ts). */
  readonly index: string;
  /** A rebuild is under way (status only says so; the numbers are those of the snapshot answering). */
  readonly reloading: boolean;
  /** Files added, removed and changed since the saved index (or the previous build); null for status. */
  readonly changes: FileChanges | null;
  /** Whether the index was rebuilt: false for a reload that found the folder as the live index was built from; null for status. */
  readonly rebuilt: boolean | null;
  /** What an add, replace, remove or meta did. */
  readonly edit: EditOutcome | null;
  /** How long the rebuild took. */
  readonly ms: number | null;
}

/** What any command returns. */
export type CommandResult =
  | AskResult
  | TimelineResult
  | CiteResult
  | ExportResult
  | SourcesResult
  | HelpResult
  | CorpusResult;
