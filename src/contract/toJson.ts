import type { CommandResult } from '../commandKit/results.ts';
import type { Passage, Source } from '../corpus/types.ts';
import type { Failure } from '../failure.ts';
import {
  askSchema,
  citeSchema,
  corpusEditSchema,
  corpusReloadSchema,
  corpusStatusSchema,
  errorSchema,
  exportSchema,
  helpSchema,
  sourcesSchema,
  timelineSchema,
} from './schema.ts';

function sourceJson(source: Source) {
  return {
    id: source.id,
    title: source.title,
    outlet: source.outlet,
    date: source.date?.precision === 'day' ? source.date.value : null,
    file: source.file,
    published: source.date ? { value: source.date.value, precision: source.date.precision } : null,
    url: source.url,
    author: source.author,
  };
}

function passageJson(passage: Passage, alsoIn: readonly Source[]) {
  return {
    id: passage.id,
    text: passage.text,
    paragraph: passage.paragraph,
    source: sourceJson(passage.source),
    alsoIn: alsoIn.map(sourceJson),
  };
}

/** A command's result as the contract's JSON document, validated before it leaves. */
export function resultJson(result: CommandResult): unknown {
  switch (result.kind) {
    case 'ask':
      return askSchema.parse({
        query: result.query,
        results: result.search.hits.map((hit) => ({ ...passageJson(hit.passage, hit.alsoIn), score: hit.score })),
        more: result.search.more,
        corrections: result.search.corrections,
        ignored: result.search.ignoredWords ?? [],
        total: result.total,
      });
    case 'timeline': {
      const alsoInOf = (passage: Passage) => result.alsoIn.get(passage.id) ?? [];
      return timelineSchema.parse({
        events: result.events.map((event) => ({
          date: event.date,
          precision: event.precision,
          text: event.text,
          passage: passageJson(event.passage, alsoInOf(event.passage)),
          alsoIn: event.alsoIn.map((passage) => passageJson(passage, alsoInOf(passage))),
        })),
        topic: result.topic,
        total: result.total,
        more: result.more,
        order: result.order,
      });
    }
    case 'cite':
      return citeSchema.parse({
        style: result.style,
        citation: result.citation,
        passage: passageJson(result.passage, result.alsoIn),
      });
    case 'export':
      return exportSchema.parse({ format: result.format, sources: result.sources, bibliography: result.bibliography });
    case 'sources':
      return sourcesSchema.parse({
        sources: result.sources.map(({ source, passages }) => ({ ...sourceJson(source), passages })),
        errors: result.errors,
      });
    case 'help':
      return helpSchema.parse({
        commands: result.commands.map((definition) => ({
          name: definition.name,
          description: definition.description,
          example: definition.example,
          options: definition.options.map((option) => ({
            name: option.name,
            description: option.description,
            required: option.required ?? false,
          })),
        })),
      });
    case 'corpus':
      return corpusJson(result);
  }
}

/** `corpus status` and `corpus reload` as the contract has them; the other actions add what they did. */
function corpusJson(result: Extract<CommandResult, { kind: 'corpus' }>): unknown {
  const status = {
    sources: result.sources,
    passages: result.passages,
    loadedAt: result.loadedAt.toISOString(),
    errors: result.errors.map(({ file, message }) => ({ file, message })),
    index: result.index,
  };
  if (result.action === 'status') return corpusStatusSchema.parse(status);
  const changes = result.changes ?? { added: [], removed: [], changed: [] };
  const reload = {
    ...status,
    changes: { added: [...changes.added], removed: [...changes.removed], changed: [...changes.changed] },
    rebuilt: result.rebuilt ?? true,
  };
  if (result.action === 'reload' || !result.edit) return corpusReloadSchema.parse(reload);
  return corpusEditSchema.parse({
    ...reload,
    action: result.action,
    file: result.edit.file,
    summary: result.edit.summary,
  });
}

export function errorJson(failure: Pick<Failure, 'code' | 'message' | 'suggestions'>): unknown {
  const suggestions = failure.suggestions?.map((passage) => passageJson(passage, []));
  return errorSchema.parse({
    error: { code: failure.code, message: failure.message, ...(suggestions ? { suggestions } : {}) },
  });
}
