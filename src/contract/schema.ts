import { z } from 'zod';
import { CITATION_STYLES } from '../cite/styles.ts';
import { ERROR_CODES, type ErrorCode } from '../errorCodes.ts';
import { INDEX_NAMES } from '../search/indexChoice.ts';

/**
 * The JSON printed by `cli … --json`, as ../shared/CONTRACT.md defines it. Fields may be added,
 * never renamed or removed. Every document is checked against these schemas before it is printed,
 * and the tests check the CLI's output against them too.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const sourceSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  date: day.nullable(),
  file: z.string(),
  // Additions: date precision for partial dates, and the rest of the citation metadata.
  published: z.object({ value: z.string(), precision: z.enum(['day', 'month', 'year']) }).nullable(),
  url: z.string().nullable(),
  author: z.string().nullable(),
});

const passageSchema = z.object({
  id: z.string(),
  text: z.string(),
  paragraph: z.number().int().positive(),
  source: sourceSchema,
  alsoIn: z.array(sourceSchema),
});

export const askSchema = z.object({
  query: z.string(),
  results: z.array(passageSchema.extend({ score: z.number() })),
  // Additions: paging and how the question was read.
  more: z.boolean(),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
  // Addition: a word no article has that only helped to ask, left out to answer.
  ignored: z.array(z.string()),
  // Addition: how many passages answer on every page together.
  total: z.number().int().nonnegative(),
});

export const timelineSchema = z.object({
  events: z.array(
    z.object({
      date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
      precision: z.enum(['day', 'month', 'year']),
      text: z.string(),
      passage: passageSchema,
      // Addition: the same event as other articles tell it.
      alsoIn: z.array(passageSchema),
    }),
  ),
  topic: z.string().nullable(),
  // Additions: paging. `events` is every event unless --limit or --offset asks for a page.
  total: z.number().int().nonnegative(),
  more: z.boolean(),
  // Addition: which end the events start from (oldest unless --order newest).
  order: z.enum(['oldest', 'newest']),
});

export const citeSchema = z.object({
  style: z.enum(CITATION_STYLES),
  citation: z.string(),
  passage: passageSchema,
});

export const exportSchema = z.object({
  format: z.enum(CITATION_STYLES),
  sources: z.number().int().nonnegative(),
  bibliography: z.string(),
});

export const sourcesSchema = z.object({
  sources: z.array(sourceSchema.extend({ passages: z.number().int().nonnegative() })),
  errors: z.array(z.object({ file: z.string(), message: z.string() })),
});

export const helpSchema = z.object({
  commands: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      example: z.string(),
      options: z.array(z.object({ name: z.string(), description: z.string(), required: z.boolean() })),
    }),
  ),
});

const loadErrorSchema = z.object({ file: z.string(), message: z.string() });

/** `corpus status --json`, exactly as the contract says. */
export const corpusStatusSchema = z.object({
  sources: z.number().int().nonnegative(),
  passages: z.number().int().nonnegative(),
  loadedAt: z.iso.datetime(),
  errors: z.array(loadErrorSchema),
  /** Which index answers (src/search/indexChoice.ts). */
  index: z.enum(INDEX_NAMES),
});

/**
 * `corpus reload --json`: the status of the index now answering, the files added, removed and
 * changed since the saved index (or the previous build), and (an addition) whether anything was
 * rebuilt: false when the folder lists as the live index was built from.
 */
export const corpusReloadSchema = corpusStatusSchema.extend({
  changes: z.object({ added: z.array(z.string()), removed: z.array(z.string()), changed: z.array(z.string()) }),
  rebuilt: z.boolean(),
});

/** `corpus add|replace|remove|meta --json` (not in the contract): a reload's document, and what the change did. */
export const corpusEditSchema = corpusReloadSchema.extend({
  action: z.enum(['add', 'replace', 'remove', 'meta']),
  file: z.string(),
  summary: z.string(),
});

export const errorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    // Addition: for an unknown passage id, the passages to pick from instead.
    suggestions: z.array(passageSchema).optional(),
  }),
});
