import { z } from 'zod';
import { parseIsoDate } from './dates.ts';
import { stemOf } from './files.ts';

/** Sidecar files sit beside the article they describe: `NAME.meta.json` for `NAME.txt` or `NAME.md`. */
export const SIDECAR_SUFFIX = '.meta.json';

/** A date as written, and one the calendar has: "2020-02-30" is refused here rather than read as unknown later. */
const isoDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => parseIsoDate(value) !== null, {
    error: (issue) => `must be a date the calendar has (${describeImpossible(String(issue.input))})`,
    abort: true,
  });

function describeImpossible(value: string): string {
  const [year, month] = value.split('-');
  if (Number(month) < 1 || Number(month) > 12) return `there is no month ${month}`;
  return `${year}-${month} has no day ${value.split('-')[2]}`;
}

/**
 * What a moderator may state or correct without touching the article. A value overrides what the
 * text says; `null` says "unknown" explicitly (the text's guess is dropped); an absent key defers to the text.
 */
export const sidecarSchema = z
  .object({
    /** Pins the source id, so ids survive even a title correction. */
    id: z
      .string()
      .regex(/^[a-z0-9]{4,16}$/, 'must be 4-16 lower-case letters or digits')
      .optional(),
    title: z.string().trim().min(1).optional(),
    outlet: z.string().trim().min(1).nullable().optional(),
    date: isoDate.nullable().optional(),
    url: z.string().url().nullable().optional(),
    author: z.string().trim().min(1).nullable().optional(),
  })
  .strict();

export type Sidecar = z.infer<typeof sidecarSchema>;

/** Parses a sidecar's text; returns an error message naming the problem rather than throwing. */
export function parseSidecar(text: string): { sidecar: Sidecar } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = sidecarSchema.safeParse(data);
  if (parsed.success) return { sidecar: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  return { error: field ? `field "${field}" ${issue.message}` : issue.message };
}

/** One sidecar per stem: `X.txt` and `X.md` would share `X.meta.json`, so the loader and edits never let two articles share a stem (see load.ts). */
export function sidecarNameFor(articleFile: string): string {
  return stemOf(articleFile) + SIDECAR_SUFFIX;
}
