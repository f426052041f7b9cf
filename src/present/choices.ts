import type { Choice } from '../commandKit/command.ts';
import type { Snapshot } from '../library.ts';
import { sourceLine } from './labels.ts';

/** Discord shows at most 25 choices of at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Sources whose id, outlet, title or file contains every typed word; values are source ids. */
export function sourceChoices(snapshot: Snapshot, partial: string): Choice[] {
  const words = partial.toLowerCase().split(/\s+/).filter(Boolean);
  return snapshot.corpus.sources
    .filter((source) => {
      const haystack = `${source.id} ${source.outlet ?? ''} ${source.title} ${source.file}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, MAX_CHOICES)
    .map((source) => ({ name: sourceLine(source, MAX_CHOICE_LENGTH), value: source.id }));
}
