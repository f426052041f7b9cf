import { keepLines, type Stage } from '../draft.ts';
import { SITE_CHROME } from '../vocabulary.ts';

/** "7 min read", "2 of 5", "(Full-size photo)(All photos)": widgets with a number or a pair in them. */
const CHROME_PATTERN = /^(?:\d{1,3} min(?:ute)?s? read|\d{1,3} of \d{1,3}|full-size photo all photos|\d{1,6} comments?)$/;

/** A line as chrome is compared: lower case, punctuation at either end and brackets dropped, spaces single. */
function chromeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[()[\]{}]/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/** Whether a line is one chrome item, or several joined by separators ("Share | Tweet | Email"). */
export function isSiteChrome(text: string): boolean {
  if (text.length > 120) return false;
  return text.split(/\s?[|·•›»]\s?/).every((part) => {
    const key = chromeKey(part);
    return key === '' || SITE_CHROME.has(key) || CHROME_PATTERN.test(key);
  });
}

/** The site's interface around the article: navigation, widgets, account and theme links (vocabulary.ts). */
export const dropSiteChrome: Stage = (draft) => keepLines(draft, (line) => !isSiteChrome(line.text));
