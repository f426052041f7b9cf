import { defineCommand } from '../src/commandKit/command.ts';
import type { SourcesResult } from '../src/commandKit/results.ts';

export const sources = defineCommand({
  definition: {
    name: 'sources',
    description: 'List the articles Dossier answers from, with outlet, date and passage count',
    example: '/sources',
    options: [],
  },
  run(_args, context): SourcesResult {
    const { corpus } = context.library.current;
    const counts = new Map<string, number>();
    for (const passage of corpus.passages) counts.set(passage.source.id, (counts.get(passage.source.id) ?? 0) + 1);
    return {
      kind: 'sources',
      sources: corpus.sources.map((source) => ({ source, passages: counts.get(source.id) ?? 0 })),
      errors: corpus.errors,
    };
  },
});
