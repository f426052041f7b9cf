import { filterLines, looseKey, mapLines, type Draft, type Stage } from './draft.ts';

/** Tag and comment residue from scraped HTML: "<p>", "!-- Google tag (gtag.js) -->", "<script ...". */
export const stripMarkupResidue: Stage = (draft) => {
  const withoutTags = mapLines(draft, (line) => line.replace(/<\/?[a-z][^>]*>/gi, ' ').replace(/<!--.*?-->/g, ' ').replace(/ {2,}/g, ' ').trim());
  return filterLines(withoutTags, (line) => !/^<?!?--/.test(line) && !/-->$/.test(line) && !/^(?:\{|\}|function\s*\(|window\.|gtag\(|var |dataLayer)/.test(line));
};

/** "READ | Headline", "Also read: Headline", "WATCH: ..." — links to other stories. */
const LINK_LINE = /^(?:read(?: more| also)?|also read|see also|watch|listen|click here|related)\s*[|:»>]/i;

/** "© Getty Images", "Photo: AFP", "Image credit: Reuters" — credits of pictures the scrape dropped. */
const IMAGE_CREDIT = /^(?:©|\(c\)\s|copyright\s|(?:photo|image|picture|photograph|file photo)(?:\s*credit)?s?\s*[:|]|credit\s*:)/i;

export const dropLinkLinesAndCredits: Stage = (draft) =>
  filterLines(draft, (line) => !LINK_LINE.test(line) && !IMAGE_CREDIT.test(line) && !/^(?:\S+\s){0,3}\(?(?:getty images|afp|reuters|ap) ?(?:photo)?\)?$/i.test(line));

/**
 * Photo captions. A caption cut short by the page ("… Pictures on the wall…") is furniture, and so is
 * the full caption that repeats its opening words; "FILE - " and "FILE PHOTO:" lines are captions by convention.
 */
export const dropCaptions: Stage = (draft) => {
  const truncated = draft.blocks.flatMap((block) => block.lines).filter((line) => /(?:…|\.\.\.)$/.test(line) && !/[.!?]["'”’]?\s*(?:…|\.\.\.)$/.test(line));
  const openings = truncated.map((line) => looseKey(line).split(' ').slice(0, 6).join(' ')).filter((opening) => opening.split(' ').length >= 4);
  return filterLines(
    draft,
    (line) => !truncated.includes(line) && !/^FILE(?: PHOTO)?\s*[-–—:]/.test(line) && !openings.some((opening) => looseKey(line).startsWith(opening)),
  );
};

/** Headings that start the page's list of other stories; everything from one of them on is not the article. */
const TAIL_HEADING = /^(?:related(?: stories| articles| news| coverage| posts| content| reading)?|more coverage|more(?: [\w.]+){0,3} (?:news|stories)|read more|recommended(?: for you)?|you may also like|most (?:read|popular)|trending(?: now)?|latest news|also on [\w ]+)$/i;

export const cutRelatedTail: Stage = (draft) => {
  // Only below the article's first paragraph, so a "Related" kicker above a headline costs nothing.
  const start = draft.blocks.findIndex((block) => block.lines.length > 0 && block.lines.join(' ').split(' ').length > 12);
  for (let b = Math.max(start, 0) + 1; b < draft.blocks.length; b++) {
    const block = draft.blocks[b]!;
    const at = block.lines.findIndex((line) => TAIL_HEADING.test(line.replace(/[:.]$/, '')));
    if (at >= 0) {
      const kept = block.lines.slice(0, at);
      return { ...draft, blocks: [...draft.blocks.slice(0, b), ...(kept.length > 0 ? [{ ...block, lines: kept }] : [])] };
    }
  }
  return draft;
};

/**
 * Author hover cards glued into a sentence by the scrape: the printed name, the person's full name,
 * their latest headlines, then "MORE" — "Mike PompeoMike PompeoBiden should … MORE told".
 * The printed name stays; the card goes. The full name must end with the printed name's last word.
 */
const HOVER_CARD = /(\p{Lu}[\p{L}'’.-]*)(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)*? \1)(?:(?! MORE\b).)*? MORE\b/gu;

export const unglueHoverCards: Stage = (draft: Draft) => mapLines(draft, (line) => line.replace(HOVER_CARD, '$1'));
