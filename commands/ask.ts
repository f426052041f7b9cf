import { defineCommand } from '../src/commandKit/command.ts';
import type { AskResult } from '../src/commandKit/results.ts';
import { findSource } from '../src/corpus/lookup.ts';
import { InputError } from '../src/errors.ts';
import { sourceChoices } from '../src/present/choices.ts';

const DEFAULT_LIMIT = 5;
/** Passages on one page for an adapter that shows pages: the answer and three more fit a phone screen. */
const PAGE_SIZE = 4;
const MAX_LIMIT = 20;
const MAX_OFFSET = 200;

export const ask = defineCommand({
  definition: {
    name: 'ask',
    description: 'Ask a question about the story and get the passages that answer it',
    example: '/ask What did officials say would happen next?',
    cooldownMs: 3000,
    pageDefaults: { limit: PAGE_SIZE },
    options: [
      {
        name: 'question',
        kind: 'string',
        description: 'Your question, in plain English',
        required: true,
        positional: true,
        maxLength: 300,
      },
      {
        name: 'limit',
        kind: 'integer',
        description: `How many passages (default ${DEFAULT_LIMIT})`,
        min: 1,
        max: MAX_LIMIT,
      },
      { name: 'from', kind: 'date', description: 'Only articles dated on or after this day (YYYY-MM-DD)' },
      { name: 'to', kind: 'date', description: 'Only articles dated on or before this day (YYYY-MM-DD)' },
      { name: 'source', kind: 'string', description: 'Only this article (its id from /sources)', autocomplete: true },
      {
        name: 'offset',
        kind: 'integer',
        description: 'Skip this many passages (for the next page)',
        min: 0,
        max: MAX_OFFSET,
      },
    ],
  },
  async run(args, context): Promise<AskResult> {
    const snapshot = context.library.current;
    const from = args.from ?? null;
    const to = args.to ?? null;
    if (from && to && from > to)
      throw new InputError('bad_range', `The range is backwards: from ${from} is after to ${to}.`);
    const sourceId = args.source ? findSource(snapshot, args.source).id : null;
    const limit = args.limit ?? DEFAULT_LIMIT;
    const offset = args.offset ?? 0;
    const request = { question: args.question, from, to, sourceId };
    const search = await snapshot.index.search({ ...request, limit, offset });
    // How many pages there are: every passage a page could reach, counted once and cached for the next pages.
    const total =
      search.more || offset > 0
        ? (await snapshot.index.search({ ...request, limit: MAX_OFFSET + MAX_LIMIT, offset: 0 })).hits.length
        : offset + search.hits.length;
    return { kind: 'ask', query: args.question, offset, limit, filters: { from, to, sourceId }, search, total };
  },
  complete(option, partial, context) {
    return option === 'source' ? sourceChoices(context.library.current, partial) : [];
  },
});
