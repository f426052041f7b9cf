import { defineCommand } from '../src/commandKit/command.ts';
import type { HelpResult, StoryScope } from '../src/commandKit/results.ts';
import type { PartialDate, Source } from '../src/corpus/types.ts';

export const help = defineCommand({
  definition: {
    name: 'help',
    description: 'What Dossier can do, with an example of each command',
    example: '/help',
    private: true,
    options: [],
  },
  run(_args, context): HelpResult {
    return {
      kind: 'help',
      commands: context.catalog.filter((definition) => !definition.moderatorOnly || context.invoker.isModerator),
      story: storyScope(context.library.current.corpus.sources),
    };
  },
});

/** What the articles cover, for a newcomer to know what to ask about. */
function storyScope(sources: readonly Source[]): StoryScope {
  const counts = new Map<string, number>();
  for (const source of sources) if (source.outlet) counts.set(source.outlet, (counts.get(source.outlet) ?? 0) + 1);
  const dates = sources
    .flatMap((source) => (source.date ? [source.date] : []))
    .sort((a, b) => a.value.localeCompare(b.value));
  return {
    articles: sources.length,
    outlets: [...counts].sort((a, b) => b[1] - a[1]).map(([outlet]) => outlet),
    unnamed: sources.filter((source) => !source.outlet).length,
    from: dates[0] ?? null,
    to: latest(dates),
  };
}

/** The last date: by where it ends, so a year (2020) counts as later than a day within it. */
function latest(dates: readonly PartialDate[]): PartialDate | null {
  return dates.reduce<PartialDate | null>(
    (last, date) => (last === null || `${date.value}~` > `${last.value}~` ? date : last),
    null,
  );
}
