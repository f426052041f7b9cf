/** Metadata an article file states about itself (front matter, a date marker). Raw strings: validated by the loader. */
export interface StatedMeta {
  readonly title?: string;
  readonly outlet?: string;
  readonly date?: string;
  readonly url?: string;
  readonly author?: string;
}

export interface ParsedArticle {
  /** The article text with the format's own syntax removed: paragraphs separated by blank lines. */
  readonly body: string;
  readonly meta: StatedMeta;
}

/** One supported kind of article file. Adding a format is adding one of these to formats/index.ts. */
export interface ArticleFormat {
  readonly name: string;
  readonly extensions: readonly string[];
  /** Throws FormatError for a file of this kind that cannot be read as an article. */
  parse(text: string): ParsedArticle;
}

export class FormatError extends Error {
  override readonly name = 'FormatError';
}
