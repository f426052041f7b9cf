import { blockText, wordCount, type Draft, type Stage, type TextMeta } from './draft.ts';
import { cutRelatedTail, dropCaptions, dropLinkLinesAndCredits, stripMarkupResidue, unglueHoverCards } from './furniture.ts';
import { toDraft } from './normalize.ts';
import { extractDateline, extractStamps } from './stamps.ts';
import { extractTitle, markHeadings } from './titles.ts';

export type { TextMeta } from './draft.ts';

/**
 * The cleaning stages, in order. Furniture goes first so that stamps and titles are judged on what
 * remains; headings are marked last, when only the article's own lines are left.
 */
export const CLEANING_STAGES: readonly Stage[] = [
  stripMarkupResidue,
  dropLinkLinesAndCredits,
  cutRelatedTail,
  dropCaptions,
  unglueHoverCards,
  extractStamps,
  extractTitle,
  markHeadings,
  extractDateline,
];

export interface CleanParagraph {
  readonly text: string;
  readonly section: string | null;
}

export interface CleanArticle {
  readonly paragraphs: readonly CleanParagraph[];
  readonly meta: TextMeta;
}

/** Fewer words than this is a label or a stray fragment, not a passage anyone would quote. */
const MIN_PARAGRAPH_WORDS = 4;

export function cleanArticle(body: string, stages: readonly Stage[] = CLEANING_STAGES): CleanArticle {
  const draft = stages.reduce<Draft>((current, stage) => stage(current), toDraft(body));
  const paragraphs: CleanParagraph[] = [];
  let section: string | null = null;
  for (const block of draft.blocks) {
    const text = blockText(block);
    if (block.heading) section = text;
    else if (wordCount(text) >= MIN_PARAGRAPH_WORDS) paragraphs.push({ text, section });
  }
  return { paragraphs, meta: draft.meta };
}
