import { defineCommand } from '../src/commandKit/command.ts';
import { InputError } from '../src/errors.ts';
import type { Snapshot } from '../src/library.ts';
import { sourceChoices } from '../src/present/choices.ts';
import type { SearchResult } from '../src/search/engine.ts';

export const DEFAULT_LIMIT = 5;

export interface AskResult {
  readonly kind: 'ask';
  readonly query: string;
  readonly offset: number;
  readonly limit: number;
  readonly filters: { readonly from: string | null; readonly to: string | null; readonly sourceId: string | null };
  readonly search: SearchResult;
}

/** Finds the source a user named by id or by file name; unknown names get the list to choose from. */
export function resolveSource(snapshot: Snapshot, name: string): string {
  const byId = snapshot.sourceById.get(name.toLowerCase());
  if (byId) return byId.id;
  const byFile = snapshot.corpus.sources.find((source) => source.file === name);
  if (byFile) return byFile.id;
  const ids = snapshot.corpus.sources.map((source) => source.id).join(', ');
  throw new InputError('unknown_source', `No source "${name}". Sources: ${ids} (see /sources).`);
}

export const ask = defineCommand({
  definition: {
    name: 'ask',
    description: 'Ask a question about the story and get the passages that answer it',
    example: '/ask How long would closing the embassy take?',
    options: [
      { name: 'question', kind: 'string', description: 'Your question, in plain English', required: true, positional: true, maxLength: 300 },
      { name: 'limit', kind: 'integer', description: `How many passages (default ${DEFAULT_LIMIT})`, min: 1, max: 20 },
      { name: 'from', kind: 'date', description: 'Only articles dated on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only articles dated on or before this day (YYYY-MM-DD)' },
      { name: 'source', kind: 'string', description: 'Only this article (its id from /sources)', autocomplete: true },
      { name: 'offset', kind: 'integer', description: 'Skip this many passages (for the next page)', min: 0, max: 200 },
    ],
  },
  run(args, context): AskResult {
    const snapshot = context.library.current;
    const from = args.from ?? null;
    const to = args.to ?? null;
    if (from && to && from > to) throw new InputError('bad_range', `The range is backwards: from ${from} is after to ${to}.`);
    const sourceId = args.source ? resolveSource(snapshot, args.source) : null;
    const limit = args.limit ?? DEFAULT_LIMIT;
    const offset = args.offset ?? 0;
    const search = snapshot.index.search({ question: args.question, limit, offset, from, to, sourceId });
    return { kind: 'ask', query: args.question, offset, limit, filters: { from, to, sourceId }, search };
  },
  complete(option, partial, context) {
    return option === 'source' ? sourceChoices(context.library.current, partial) : [];
  },
});
