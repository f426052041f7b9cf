import { defineCommand } from '../src/commandKit/command.ts';
import type { AskResult } from '../src/commandKit/results.ts';
import { findSource } from '../src/corpus/lookup.ts';
import { InputError } from '../src/errors.ts';
import { sourceChoices } from '../src/present/choices.ts';

export const DEFAULT_LIMIT = 5;

export const ask = defineCommand({
  definition: {
    name: 'ask',
    description: 'Ask a question about the story and get the passages that answer it',
    example: '/ask How long would closing the embassy take?',
    cooldownMs: 3000,
    options: [
      { name: 'question', kind: 'string', description: 'Your question, in plain English', required: true, positional: true, maxLength: 300 },
      { name: 'limit', kind: 'integer', description: `How many passages (default ${DEFAULT_LIMIT})`, min: 1, max: 20 },
      { name: 'from', kind: 'date', description: 'Only articles dated on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only articles dated on or before this day (YYYY-MM-DD)' },
      { name: 'source', kind: 'string', description: 'Only this article (its id from /sources)', autocomplete: true },
      { name: 'offset', kind: 'integer', description: 'Skip this many passages (for the next page)', min: 0, max: 200 },
    ],
  },
  async run(args, context): Promise<AskResult> {
    const snapshot = context.library.current;
    const from = args.from ?? null;
    const to = args.to ?? null;
    if (from && to && from > to) throw new InputError('bad_range', `The range is backwards: from ${from} is after to ${to}.`);
    const sourceId = args.source ? findSource(snapshot, args.source).id : null;
    const limit = args.limit ?? DEFAULT_LIMIT;
    const offset = args.offset ?? 0;
    const search = await snapshot.index.search({ question: args.question, limit, offset, from, to, sourceId });
    return { kind: 'ask', query: args.question, offset, limit, filters: { from, to, sourceId }, search };
  },
  complete(option, partial, context) {
    return option === 'source' ? sourceChoices(context.library.current, partial) : [];
  },
});
