import { createHash } from 'node:crypto';

/** Six hex digits: short enough to type, and 16.7M values make a clash within one source vanishingly rare. */
const ID_HEX_DIGITS = 6;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, ID_HEX_DIGITS);
}

/** Text as it is compared for identity: Unicode-normalised, whitespace folded. Case and punctuation count. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A source's id is a hash of what identifies the article independent of its file name: its URL
 * when known, else its stated title, else the file name without extension (the only thing left).
 */
export function sourceId(identity: { url: string | null; title: string | null; fileStem: string }): string {
  if (identity.url) return shortHash(`url:${identity.url}`);
  if (identity.title) return shortHash(`title:${canonicalText(identity.title).toLowerCase()}`);
  return shortHash(`file:${identity.fileStem}`);
}

/**
 * `<source id>-<text hash>`: the same text in the same source keeps its id across runs, reloads and
 * reordering; editing one paragraph changes only that paragraph's id. The nth repeat of an identical
 * paragraph within one article gets a `-n` suffix.
 */
export function passageId(source: string, text: string, occurrence: number): string {
  const id = `${source}-${shortHash(canonicalText(text))}`;
  return occurrence > 1 ? `${id}-${occurrence}` : id;
}

export const PASSAGE_ID_PATTERN = /^[0-9a-z]{4,16}-[0-9a-f]{6}(?:-\d+)?$/;
