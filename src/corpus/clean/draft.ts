import type { PartialDate } from '../types.ts';

/** What the cleaning stages learn about the article from its own text. */
export interface TextMeta {
  readonly title?: string;
  readonly author?: string;
  readonly outlet?: string;
  readonly date?: PartialDate;
  readonly credit?: string;
  readonly dateline?: string;
}

/** A block is a run of non-blank lines; `heading` marks a section heading rather than a paragraph. */
export interface Block {
  readonly lines: readonly string[];
  readonly heading?: boolean;
}

/** The article between stages: its blocks, and the metadata found so far. */
export interface Draft {
  readonly blocks: readonly Block[];
  readonly meta: TextMeta;
}

/** One cleaning step. Stages are pure and run in a fixed order (see pipeline.ts). */
export type Stage = (draft: Draft) => Draft;

/** Applies `keep` to every line, dropping lines it rejects and blocks left empty. */
export function filterLines(draft: Draft, keep: (line: string) => boolean): Draft {
  const blocks = draft.blocks
    .map((block) => ({ ...block, lines: block.lines.filter(keep) }))
    .filter((block) => block.lines.length > 0);
  return { ...draft, blocks };
}

export function mapLines(draft: Draft, map: (line: string) => string): Draft {
  return filterLines({ ...draft, blocks: draft.blocks.map((block) => ({ ...block, lines: block.lines.map(map) })) }, (line) => line.trim() !== '');
}

export function blockText(block: Block): string {
  return block.lines.join(' ').replace(/\s+/g, ' ').trim();
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Ends like a sentence: terminal punctuation, possibly inside a closing quote or bracket. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’)\]]*$/.test(text.trim());
}

/**
 * A headline, kicker or subheading: a short line with no sentence ending.
 * ("US Threatens to Close Embassy in Baghdad", "Periodic attacks on US forces", "USA")
 */
export function isHeadlineLike(text: string): boolean {
  const words = wordCount(text);
  return words >= 1 && words <= 25 && !endsLikeSentence(text);
}

/** Text compared loosely: case, punctuation and spacing ignored ("U.S." equals "US"). */
export function looseKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
