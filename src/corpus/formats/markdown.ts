import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FormatError, type ArticleFormat } from './types.ts';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/**
 * An article's metadata is a few lines; the YAML reader checks keys for duplicates in time
 * quadratic in their number, so front matter longer than this is refused rather than read.
 */
const MAX_FRONT_MATTER_CHARS = 16 * 1024;

const frontMatterSchema = z
  .object({
    title: z.string().optional(),
    outlet: z.string().optional(),
    // YAML may read an unquoted date as a number (2020) or a string; both are fine.
    date: z.union([z.string(), z.number()]).transform(String).optional(),
    url: z.string().optional(),
    author: z.string().optional(),
  })
  .passthrough();

/**
 * Markdown syntax that is presentation, not words the outlet printed. Order matters: images before
 * links, rules before emphasis. Every pattern runs in time linear in the text (test/regex-safety):
 * brackets never nest, and emphasis marks are dropped one by one where they open or close a word
 * rather than paired, since finding a closer for each opener takes quadratic time on a page of
 * openers.
 */
const MARKDOWN_SYNTAX: ReadonlyArray<readonly [RegExp, string]> = [
  [/!\[[^\][]*\]\([^()]*\)/g, ''],
  [/\[([^\][]*)\]\([^()]*\)/g, '$1'],
  [/^#{1,6}[ \t]+/gm, ''],
  [/^>[ \t]?/gm, ''],
  [/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, ''],
  [/\*\*|(?<!\w)__|__(?!\w)/g, ''],
  [/(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])/g, ''],
  [/`([^`\n]*)`/g, '$1'],
];

export const markdown: ArticleFormat = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  parse(text) {
    const match = FRONT_MATTER.exec(text);
    let meta = {};
    if (match) {
      if (match[1]!.length > MAX_FRONT_MATTER_CHARS) {
        throw new FormatError(
          `front matter is ${Math.ceil(match[1]!.length / 1024)} KB, over the ${MAX_FRONT_MATTER_CHARS / 1024} KB an article's metadata needs (is the text between the two '---' lines the article?)`,
        );
      }
      let data: unknown;
      try {
        data = parseYaml(match[1]!);
      } catch (error) {
        throw new FormatError(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
      }
      const parsed = frontMatterSchema.safeParse(data ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new FormatError(`front matter field "${issue.path.join('.')}" ${issue.message.toLowerCase()}`);
      }
      meta = parsed.data;
    }
    let body = match ? text.slice(match[0].length) : text;
    for (const [pattern, replacement] of MARKDOWN_SYNTAX) body = body.replace(pattern, replacement);
    return { body, meta };
  },
};
