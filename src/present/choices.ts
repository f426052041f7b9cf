import type { Choice } from '../commandKit/command.ts';
import type { Passage } from '../corpus/types.ts';
import type { Snapshot } from '../library.ts';
import { passageLabel, sourceLine } from './labels.ts';

/** Discord shows at most 25 choices of at most 100 characters. */
const MAX_CHOICES = 25;
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

/** Passages for what is typed: all of them, those whose id starts so, or those that answer it as a question; values are passage ids. */
export async function passageChoices(snapshot: Snapshot, partial: string): Promise<Choice[]> {
  const typed = partial.trim().toLowerCase();
  let passages: readonly Passage[];
  if (typed === '') passages = snapshot.corpus.passages;
  else if (/^[0-9a-f]{1,6}(?:-[0-9a-f]{0,6})?$/.test(typed))
    passages = snapshot.corpus.passages.filter((passage) => passage.id.startsWith(typed));
  else passages = (await snapshot.index.search({ question: typed, limit: MAX_CHOICES })).hits.map((hit) => hit.passage);
  return passages.slice(0, MAX_CHOICES).map((passage) => ({ name: passageLabel(passage), value: passage.id }));
}
