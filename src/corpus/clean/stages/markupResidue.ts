import { keepLines, mapText, type Stage } from '../draft.ts';

/** An HTML tag left in the text: "<p>", "</b>", '<a href="…">'. Bounded, so a page of unclosed "<a" costs linear time. */
const TAG = /<\/?[a-z][^<>]{0,500}>/gi;
/** Script and tracking lines a scrape keeps: "function(…", "window.…", "gtag(…", "var …", "dataLayer…", "{", "}". */
const SCRIPT_LINE = /^(?:\{|\}|function\s?\(|window\.|gtag\(|var |dataLayer)/;

/** A WordPress caption's closing shortcode: the caption runs from the line's start to it, the article's text after it. */
const CAPTION_CLOSE = '[/caption]';
/** A caption's opening shortcode is at most this long: '[caption id="attachment_1" align="alignnone" width="800"]'. */
const MAX_CAPTION_OPEN = 500;

/** The text with every caption opening shortcode removed, found by position so that no input makes it slow. */
function withoutCaptionOpeners(text: string): string {
  let result = '';
  let at = 0;
  let close = -1;
  for (;;) {
    const open = text.indexOf('[caption', at);
    if (open < 0) return result + text.slice(at);
    if (close < open) close = text.indexOf(']', open);
    if (close < 0) return result + text.slice(at);
    if (close - open <= MAX_CAPTION_OPEN && !text.slice(open + 1, close).includes('[')) {
      result += `${text.slice(at, open)} `;
      at = close + 1;
    } else {
      result += text.slice(at, open + 1);
      at = open + 1;
    }
  }
}

/** The text after the last caption shortcode that closes on the line, its caption dropped. */
function withoutCaptionShortcode(text: string): string {
  const close = text.lastIndexOf(CAPTION_CLOSE);
  return withoutCaptionOpeners(close < 0 ? text : text.slice(close + CAPTION_CLOSE.length)).trim();
}

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

/**
 * Tag and comment residue from scraped HTML: "<p>", "!-- Google tag (gtag.js) -->", "<script …";
 * and a WordPress caption's shortcodes, with the caption they hold ("… surveyed the damage[/caption] Prime Minister …").
 */
export const stripMarkupResidue: Stage = (draft) => {
  const withoutTags = mapText(draft, (text) => {
    const unmarked = text.includes('<') ? withoutComments(text).replace(TAG, ' ').replace(/ {2,}/g, ' ') : text;
    return unmarked.includes('[caption') || unmarked.includes(CAPTION_CLOSE)
      ? withoutCaptionShortcode(unmarked)
      : unmarked;
  });
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
