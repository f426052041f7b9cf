import { parseDateStamp } from '../dates.ts';
import type { Block, Draft, Stage, TextMeta } from './draft.ts';

const BYLINE = /^by\s+(\p{Lu}[\p{L}\p{N} .,'’&-]{1,80})$/iu;
const CREDIT = /^source\s*:\s*(.{2,80})$/i;
const UPDATED = /^(?:published|updated|posted|last updated)\s*:?\s*/i;
/** "BAGHDAD (Reuters) - ", "WASHINGTON — ", "Baghdad, Sept 28 (AFP) – " at the start of the first paragraph. */
const DATELINE = /^((?:\p{Lu}[\p{Lu}\p{L} .'-]{1,30}?)(?:,\s*[\p{L}. ]{2,20}?)?)\s*(?:\(([^)]{2,30})\))?\s*[-–—]{1,2}\s+(?=\p{Lu})/u;

/** Wire agencies name the organisation behind a byline ("By VOA News") rather than a person. */
const ORGANISATION = /\b(?:news|press|agency|agence|reuters|associated|staff|desk|bureau|times|post|service|network|tv|radio|media)\b/i;

/**
 * Bylines, publication stamps and "SOURCE:" credit lines, near the top of the article, become
 * metadata and leave the text. Only the first of each kind counts; later ones (in a tail that
 * survived) are left for other stages to judge.
 */
export const extractStamps: Stage = (draft) => {
  let meta: TextMeta = draft.meta;
  const blocks: Block[] = [];
  const headerEnd = Math.min(draft.blocks.length, 6);
  draft.blocks.forEach((block, index) => {
    if (index >= headerEnd) {
      blocks.push(block);
      return;
    }
    const lines = block.lines.filter((line) => {
      const byline = BYLINE.exec(line);
      if (byline && meta.author === undefined) {
        const name = byline[1]!.trim();
        meta = { ...meta, author: name, ...(ORGANISATION.test(name) && meta.outlet === undefined ? { outlet: name } : {}) };
        return false;
      }
      const credit = CREDIT.exec(line);
      if (credit && meta.credit === undefined) {
        meta = { ...meta, credit: credit[1]!.trim() };
        return false;
      }
      const date = parseDateStamp(line.replace(UPDATED, ''));
      if (date) {
        if (meta.date === undefined) meta = { ...meta, date };
        return false;
      }
      return true;
    });
    if (lines.length > 0) blocks.push({ ...block, lines });
  });
  return { blocks, meta };
};

/** A dateline opening the first paragraph moves to metadata; the paragraph starts at its first word. */
export const extractDateline: Stage = (draft) => {
  const index = draft.blocks.findIndex((block) => !block.heading && block.lines.join(' ').split(' ').length > 12);
  const first = draft.blocks[index];
  if (!first) return draft;
  const match = DATELINE.exec(first.lines[0]!);
  if (!match || match[1]!.trim() !== match[1]!.trim().toUpperCase() && !match[2]) return draft;
  const lines = [first.lines[0]!.slice(match[0].length), ...first.lines.slice(1)];
  const blocks = draft.blocks.map((block, b) => (b === index ? { ...block, lines } : block));
  return { blocks, meta: { ...draft.meta, dateline: match[1]!.trim(), ...(match[2] && !draft.meta.credit ? { credit: match[2].trim() } : {}) } };
};
