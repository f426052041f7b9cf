/**
 * Scores an extracted timeline against a gold one (each story's timeline.gold.json under eval/stories/).
 *
 * An extracted event matches a gold event when its sentence contains the gold snippet (both
 * lower-cased, curly quotes made straight, whitespace runs made one space) and it is told by
 * one of the gold event's source files. It is found at the exact date when date and precision
 * are both equal. An extracted event that matches no gold event is junk.
 */
import type { DatePrecision } from '../corpus/types.ts';
import { normalizeForMatch } from '../text/match.ts';
import type { TimelineEvent } from './types.ts';

interface GoldEvent {
  readonly date: string;
  readonly precision: DatePrecision;
  /** An exact short substring of the dating sentence. */
  readonly snippet: string;
  /** Corpus file names of the articles that tell the event. */
  readonly sources: readonly string[];
}

export interface GoldTimeline {
  readonly about: string;
  readonly events: readonly GoldEvent[];
}

export interface TimelineScore {
  /** Gold events in all. */
  readonly goldEvents: number;
  /** Gold events some extracted event tells, at whatever date. */
  readonly found: number;
  /** Gold events told by an extracted event at the gold date and precision. */
  readonly exactDate: number;
  /** Extracted events that tell a gold event at another date or precision. */
  readonly wrongDate: number;
  /** Extracted events that tell no gold event. */
  readonly junk: number;
  /** Extracted events at an exact gold date / all extracted events (1 when none were extracted). */
  readonly precision: number;
  /** exactDate / goldEvents (1 when the gold is empty). */
  readonly recall: number;
  /** Gold events told exactly by more than one extracted event (a merge that did not happen). */
  readonly duplicates: number;
  /** Exact matches whose event lists other source files than the gold event (a merge missed or gone wrong). */
  readonly sourceMismatches: number;
  /** For reading a failure: what was missed, misdated and extra. */
  readonly details: {
    readonly missed: readonly GoldEvent[];
    readonly wrong: readonly {
      readonly event: Pick<TimelineEvent, 'date' | 'precision' | 'text'>;
      readonly gold: GoldEvent;
    }[];
    readonly junk: readonly Pick<TimelineEvent, 'date' | 'precision' | 'text'>[];
    readonly mismatchedSources: readonly { readonly gold: GoldEvent; readonly sources: readonly string[] }[];
  };
}

const brief = (event: TimelineEvent) => ({ date: event.date, precision: event.precision, text: event.text });

export function scoreTimeline(events: readonly TimelineEvent[], gold: GoldTimeline): TimelineScore {
  const snippets = gold.events.map((g) => normalizeForMatch(g.snippet));
  const exactBy = new Map<GoldEvent, TimelineEvent[]>();
  const foundSet = new Set<GoldEvent>();
  const wrong: { event: ReturnType<typeof brief>; gold: GoldEvent }[] = [];
  const junk: ReturnType<typeof brief>[] = [];
  for (const event of events) {
    const text = normalizeForMatch(event.text);
    const files = [event.passage, ...event.alsoIn].map((p) => p.source.file);
    const candidates = gold.events.filter(
      (g, i) =>
        text.includes(snippets[i]!) && (g.sources.length === 0 || g.sources.some((file) => files.includes(file))),
    );
    if (candidates.length === 0) {
      junk.push(brief(event));
      continue;
    }
    const exact = candidates.find((g) => g.date === event.date && g.precision === event.precision);
    if (exact) {
      foundSet.add(exact);
      exactBy.set(exact, [...(exactBy.get(exact) ?? []), event]);
    } else {
      foundSet.add(candidates[0]!);
      wrong.push({ event: brief(event), gold: candidates[0]! });
    }
  }
  const mismatchedSources: { gold: GoldEvent; sources: string[] }[] = [];
  for (const [g, matches] of exactBy) {
    const expected = [...new Set(g.sources)].sort().join('\n');
    for (const event of matches) {
      const sources = [...new Set([event.passage, ...event.alsoIn].map((p) => p.source.file))].sort();
      if (g.sources.length > 0 && sources.join('\n') !== expected) mismatchedSources.push({ gold: g, sources });
    }
  }
  const correct = [...exactBy.values()].reduce((sum, matches) => sum + matches.length, 0);
  return {
    goldEvents: gold.events.length,
    found: foundSet.size,
    exactDate: exactBy.size,
    wrongDate: wrong.length,
    junk: junk.length,
    precision: events.length === 0 ? 1 : correct / events.length,
    recall: gold.events.length === 0 ? 1 : exactBy.size / gold.events.length,
    duplicates: [...exactBy.values()].filter((matches) => matches.length > 1).length,
    sourceMismatches: mismatchedSources.length,
    details: { missed: gold.events.filter((g) => !exactBy.has(g)), wrong, junk, mismatchedSources },
  };
}
