import { extname } from 'node:path';
import { inWords } from '../../text/inWords.ts';
import { html } from './html.ts';
import { markdown } from './markdown.ts';
import { plainText } from './plainText.ts';
import type { ArticleFormat } from './types.ts';

export type { ArticleFormat, ParsedArticle } from './types.ts';
export { FormatError } from './types.ts';

/** Every article format the loader reads; a new format is one more entry. */
const FORMATS: readonly ArticleFormat[] = [plainText, markdown, html];

export function formatFor(file: string): ArticleFormat | undefined {
  const extension = extname(file).toLowerCase();
  return FORMATS.find((format) => format.extensions.includes(extension));
}

export const SUPPORTED_EXTENSIONS: readonly string[] = FORMATS.flatMap((format) => format.extensions);

/** The file types as an option's description names them: each format's first extension (".txt, .md or .html"). */
export const ARTICLE_TYPES_IN_WORDS = inWords(FORMATS.map((format) => format.extensions[0]!));
