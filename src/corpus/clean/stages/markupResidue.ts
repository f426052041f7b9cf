import { keepLines, mapText, type Stage } from '../draft.ts';

/** An HTML tag left in the text: "<p>", "</b>", '<a href="…">'. Bounded, so a page of unclosed "<a" costs linear time. */
const TAG = /<\/?[a-z][^<>]{0,500}>/gi;
/** Script and tracking lines a scrape keeps: "function(…", "window.…", "gtag(…", "var …", "dataLayer…", "{", "}". */
const SCRIPT_LINE = /^(?:\{|\}|function\s?\(|window\.|gtag\(|var |dataLayer)/;

/** The text with every "<!-- … -->" comment removed, found by position so that no input makes it slow. */
function withoutComments(text: string): string {
  let result = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open < 0) return result + text.slice(at);
    const close = text.indexOf('-->', open + 4);
    result += `${text.slice(at, open)} `;
    if (close < 0) return result;
    at = close + 3;
  }
}

/** Tag and comment residue from scraped HTML: "<p>", "!-- Google tag (gtag.js) -->", "<script …". */
export const stripMarkupResidue: Stage = (draft) => {
  const withoutTags = mapText(draft, (text) =>
    text.includes('<') ? withoutComments(text).replace(TAG, ' ').replace(/ {2,}/g, ' ') : text,
  );
  return keepLines(
    withoutTags,
    ({ text }) =>
      !text.startsWith('!--') &&
      !text.startsWith('<!--') &&
      !text.startsWith('--') &&
      !text.endsWith('-->') &&
      !SCRIPT_LINE.test(text),
  );
};
