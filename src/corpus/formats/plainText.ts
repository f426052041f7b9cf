import type { ArticleFormat } from './types.ts';

/** The scraper's marker: an optional ` date YYYY-MM-DD` at the very start of the file, before the text. */
const DATE_MARKER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/;

export const plainText: ArticleFormat = {
  name: 'text',
  extensions: ['.txt'],
  parse(text) {
    const marker = DATE_MARKER.exec(text);
    if (!marker) return { body: text, meta: {} };
    return { body: text.slice(marker[0].length), meta: { date: marker[1]! } };
  },
};
