import { BULLET_SYMBOLS, endsLikeSentence, type Draft, type Line } from './draft.ts';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lt: '<',
  gt: '>',
  '#39': "'",
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};
/** A bullet or a list number opening a line: "• ", "- ", "1. ", "2) ". */
const BULLET = new RegExp(String.raw`^(?:${BULLET_SYMBOLS}|\d{1,2}[.)])\s+\S`);
/** Wrapped text fills the width: no line of it is longer than this, while a scraped paragraph usually is. */
const WRAP_WIDTH = 100;
/** Nor shorter than this: short lines of one width are a page's header (a kicker, a stamp), not wrapped prose. */
const MIN_WRAP_WIDTH = 40;

/**
 * Unicode, spacing and entity normalisation, then the page's lines as paragraphs. A blank line
 * always separates paragraphs. Within a run of lines, a page either puts a paragraph on each line
 * (as crawlers store pages) or wraps its paragraphs at a fixed width (as text and Markdown files
 * are often written): wrapped runs are joined, and elsewhere a line that goes on lower-case after a
 * line that did not end a sentence continues it. Runs of three or more spaces separate, as lines do.
 */
export function toDraft(body: string): Draft {
  const text = body
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(/&(#?\w{1,8});/g, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/(\S) {3,}(?=\S)/g, '$1\n');
  const lines: Line[] = [];
  for (const chunk of text.split(/\n *\n/)) {
    const run = chunk
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter((line) => line !== '');
    lines.push(...paragraphsOf(run));
  }
  return { lines, meta: {} };
}

function paragraphsOf(run: readonly string[]): Line[] {
  if (run.length === 0) return [];
  if (isWrapped(run)) return [{ text: run.join(' ') }];
  const bullets = run.map((line) => BULLET.test(line));
  // Each paragraph as its lines, joined once at the end: joining as it grows, and asking the grown
  // text whether it ends a sentence, took time in the square of a long run's length.
  const paragraphs: Array<{ parts: string[]; listItem?: boolean }> = [];
  run.forEach((line, i) => {
    // Two bulleted lines in a row make a list; a lone "- " line is a dash, not a list (a byline, say).
    const listItem = bullets[i]! && (bullets[i - 1] === true || bullets[i + 1] === true);
    const previous = paragraphs.at(-1);
    if (previous && !listItem && /^\p{Ll}/u.test(line) && !endsLikeSentence(previous.parts.at(-1)!))
      previous.parts.push(line);
    else paragraphs.push(listItem ? { parts: [line], listItem } : { parts: [line] });
  });
  return paragraphs.map(({ parts, listItem }) =>
    listItem ? { text: parts.join(' '), listItem } : { text: parts.join(' ') },
  );
}

/** Lines of one width, most ending mid-sentence and most going on in lower case: a paragraph wrapped by its writer. */
function isWrapped(run: readonly string[]): boolean {
  if (run.length < 2 || run.some((line) => BULLET.test(line))) return false;
  const full = run.slice(0, -1);
  const widest = full.reduce((most, line) => Math.max(most, line.length), 0);
  if (widest > WRAP_WIDTH || widest < MIN_WRAP_WIDTH || full.some((line) => line.length < 0.6 * widest)) return false;
  const midSentence = full.filter((line) => !endsLikeSentence(line)).length;
  const goesOnLower = run.slice(1).filter((line) => /^[\p{Ll}\d(,;]/u.test(line)).length;
  return midSentence * 2 >= full.length && goesOnLower * 2 >= full.length;
}
