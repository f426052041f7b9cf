import { createHash } from 'node:crypto';

/** Six hex digits: short enough to type, and 16.7M values make a clash within one source vanishingly rare. */
const ID_HEX_DIGITS = 6;
/**
 * Source ids that clash get this many instead (see settleSourceIds): six digits are too few for a
 * large corpus's sources (among 100,000 articles some 300 pairs share six), not for one article's paragraphs.
 */
export const LONG_ID_HEX_DIGITS = 12;

function shortHash(text: string, digits = ID_HEX_DIGITS): string {
  return createHash('sha256').update(text).digest('hex').slice(0, digits);
}

/** Text as it is compared for identity: Unicode-normalised, whitespace folded. Case and punctuation count. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A source's id is a hash of what identifies the article independent of its file name: its URL
 * when known, else its stated title, else the file name without extension (the only thing left).
 */
export function sourceId(identity: string, digits = ID_HEX_DIGITS): string {
  return shortHash(identity, digits);
}

/** What identifies an article, as hashed into its source id: its URL, else its title, else its file stem. */
export function sourceIdentity(known: { url: string | null; title: string | null; fileStem: string }): string {
  if (known.url) return `url:${known.url}`;
  if (known.title) return `title:${canonicalText(known.title).toLowerCase()}`;
  return `file:${known.fileStem}`;
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
