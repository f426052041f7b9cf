import type { PartialDate, Source } from './types.ts';

/**
 * One string or object for each value that sources repeat. A snapshot's sources arrive as JSON,
 * and a parse makes every value anew: at a million passages, 110,000 sources held 110,000 copies
 * of "front-matter", of each outlet's name and of each day's date. Each copy is one more object for
 * every full garbage collection of the thread that answers to mark (docs/scaling.md, "Reloads off
 * the event loop"); shared, they are a few thousand.
 */
const REPEATED_FIELDS = ['titleOrigin', 'outlet', 'author', 'credit'] as const;

/** A function giving each source with its repeated values shared with the sources it was given before (a new object; fields and key order unchanged). */
export function sourceValueSharer(): (source: Source) => Source {
  const strings = new Map<string, string>();
  const dates = new Map<string, PartialDate>();
  const shared = <T>(value: T): T => {
    if (typeof value !== 'string') return value;
    const kept = strings.get(value);
    if (kept !== undefined) return kept as T;
    strings.set(value, value);
    return value;
  };
  const sharedDate = (date: PartialDate | null): PartialDate | null => {
    if (date === null || typeof date !== 'object') return date;
    const key = `${date.value} ${date.precision}`;
    const kept = dates.get(key);
    if (kept) return kept;
    const made = { value: shared(date.value), precision: shared(date.precision) };
    dates.set(key, made);
    return made;
  };
  return (source) => {
    const copy: Record<string, unknown> = { ...source };
    if ('date' in source) copy.date = sharedDate(source.date);
    for (const field of REPEATED_FIELDS) if (field in source) copy[field] = shared(source[field]);
    return copy as unknown as Source;
  };
}
