import { blockText, endsLikeSentence, isHeadlineLike, looseKey, wordCount, type Block, type Draft, type Stage } from './draft.ts';

function isBody(block: Block): boolean {
  const text = blockText(block);
  return endsLikeSentence(text) && wordCount(text) >= 8;
}

/**
 * The title is the first headline-like line above the first paragraph (kickers of one or two words,
 * like "USA", are section labels, not titles). Pages that print the headline only at the foot, in a
 * share box, get it from a headline-like last block. Every repeat of the title leaves the text, and so
 * does the rest of the header above the first paragraph that is not itself a paragraph.
 */
export const extractTitle: Stage = (draft) => {
  const firstBody = draft.blocks.findIndex(isBody);
  const headerEnd = firstBody < 0 ? draft.blocks.length : firstBody;
  const header = draft.blocks.slice(0, headerEnd).flatMap((block) => block.lines);
  const last = draft.blocks.at(-1);
  const title =
    draft.meta.title ??
    header.find((line) => isHeadlineLike(line) && wordCount(line) >= 3) ??
    (last && firstBody >= 0 && draft.blocks.length - 1 > firstBody && last.lines.length === 1 && isHeadlineLike(last.lines[0]!) && wordCount(last.lines[0]!) >= 6 ? last.lines[0] : undefined);
  const titleKey = title === undefined ? undefined : looseKey(title);
  const blocks = draft.blocks
    .map((block, index) => ({
      ...block,
      lines: block.lines.filter((line) => looseKey(line) !== titleKey && !(index < headerEnd && isHeadlineLike(line))),
    }))
    .filter((block) => block.lines.length > 0);
  return { blocks, meta: title === undefined ? draft.meta : { ...draft.meta, title } };
};

/** A one-line block that reads as a heading ("Periodic attacks on US forces") labels the paragraphs below it. */
export const markHeadings: Stage = (draft) => ({
  ...draft,
  blocks: draft.blocks.map((block) => (block.lines.length === 1 && isHeadlineLike(block.lines[0]!) && wordCount(block.lines[0]!) <= 12 ? { ...block, heading: true } : block)),
});
