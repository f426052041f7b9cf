/**
 * The same event told by several articles appears once: events with the same date and
 * precision whose sentences are near-identical (word-shingle Jaccard similarity) merge, the
 * first keeping its passage and the others listed in `alsoIn`. Articles that rewrite an event
 * in their own words stay separate events; that is a reader's judgement, not string matching.
 */
import type { Passage } from '../corpus/types.ts';
import type { TimelineEvent } from './types.ts';

export interface MergeOptions {
  /** Minimum Jaccard similarity of the two sentences' word 3-shingles. Default 0.5. */
  readonly similarity: number;
  /** Words per shingle. Default 3. */
  readonly shingleSize: number;
}

const DEFAULT_MERGE_OPTIONS: MergeOptions = { similarity: 0.5, shingleSize: 3 };

/** Lower case, straight quotes, words only. */
function normalizeWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[‘’ʼ`]/g, "'")
      .replace(/[“”]/g, '"')
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  );
}

function shingles(text: string, size: number): Set<string> {
  const words = normalizeWords(text);
  if (words.length <= size) return new Set([words.join(' ')]);
  const result = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(' '));
  return result;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** An event before merging: one sentence of one passage, one date. */
export interface EventMention {
  readonly date: string;
  readonly precision: TimelineEvent['precision'];
  readonly text: string;
  readonly passage: Passage;
}

interface Group {
  readonly first: EventMention;
  readonly texts: Set<string>[];
  readonly alsoIn: Passage[];
}

/** Merges in input order, so the first passage given is the one an event keeps. */
export function mergeEvents(mentions: readonly EventMention[], options: Partial<MergeOptions> = {}): TimelineEvent[] {
  const { similarity, shingleSize } = { ...DEFAULT_MERGE_OPTIONS, ...options };
  const groups: Group[] = [];
  // Only events of the same date and precision can merge: look among those alone, or a large
  // corpus's timeline would compare every sentence with every event.
  const byDate = new Map<string, Group[]>();
  for (const mention of mentions) {
    const own = shingles(mention.text, shingleSize);
    const key = `${mention.date} ${mention.precision}`;
    const sameDate = byDate.get(key);
    const group = sameDate?.find((g) => g.texts.some((text) => jaccard(text, own) >= similarity));
    if (!group) {
      const created = { first: mention, texts: [own], alsoIn: [] };
      groups.push(created);
      if (sameDate) sameDate.push(created);
      else byDate.set(key, [created]);
      continue;
    }
    group.texts.push(own);
    const known = [group.first.passage, ...group.alsoIn].some((p) => p.source.id === mention.passage.source.id);
    if (!known) group.alsoIn.push(mention.passage);
  }
  return groups.map(({ first, alsoIn }) => ({ ...first, alsoIn }));
}
