import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { FormatError, type ArticleFormat } from './types.ts';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

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

/** Markdown syntax that is presentation, not words the outlet printed. Order matters: images before links. */
const MARKDOWN_SYNTAX: ReadonlyArray<readonly [RegExp, string]> = [
  [/!\[[^\]]*\]\([^)]*\)/g, ''],
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/^#{1,6}\s+/gm, ''],
  [/^>\s?/gm, ''],
  [/(\*\*|__)(.+?)\1/g, '$2'],
  [/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1'],
  [/`([^`]*)`/g, '$1'],
  [/^\s*([-*_])(\s*\1){2,}\s*$/gm, ''],
];

export const markdown: ArticleFormat = {
  name: 'markdown',
  extensions: ['.md', '.markdown'],
  parse(text) {
    const match = FRONT_MATTER.exec(text);
    let meta = {};
    if (match) {
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
