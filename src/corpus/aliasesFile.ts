import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The moderators' list of names that stand for one another in their story, beside the articles:
 * what no general rule knows ("the high court" for the Supreme Court of one country, a club's
 * nickname, an outlet's initials). One line a thing: its name, then the other names it goes by.
 *
 *     # Names that stand for one another in this story.
 *     Supreme Court: [SCOTUS, the high court]
 *     Federal Reserve: the Fed
 *
 * Read at every load and reload, like the articles.
 */
export const ALIASES_FILE = 'aliases.yaml';

/** Longest a name may be, in characters: a name, not a paragraph. */
const MAX_NAME_LENGTH = 100;
const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const schema = z.record(name, z.union([name, z.array(name).min(1)]));

/** The groups of names the file lists, or in a few words why it cannot be read. */
export function parseAliases(text: string): { readonly groups: string[][] } | { readonly error: string } {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 0 });
  } catch (error) {
    return { error: `is not valid YAML (${(error as Error).message.split('\n')[0]})` };
  }
  if (data === null || data === undefined) return { groups: [] };
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    return {
      error: `must list each name with the other names it goes by ("Name: [other, other]"); ${issue.message.toLowerCase()}${where}`,
    };
  }
  return {
    groups: Object.entries(parsed.data).map(([main, others]) => [
      main,
      ...(typeof others === 'string' ? [others] : others),
    ]),
  };
}
