import type { Block, Draft } from './draft.ts';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', quot: '"', apos: "'", nbsp: ' ', lt: '<', gt: '>', '#39': "'", rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', mdash: '—', ndash: '–', hellip: '…' };

/** Unicode, spacing and entity normalisation, then the split into blocks at blank lines. */
export function toDraft(body: string): Draft {
  const text = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity);
  const blocks: Block[] = text
    .split(/\n[ ]*\n/)
    .map((chunk) => ({ lines: chunk.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).filter((line) => line !== '') }))
    .filter((block) => block.lines.length > 0);
  return { blocks, meta: {} };
}
