import { bibliography, type CitationStyle } from '../src/cite/index.ts';
import { defineCommand } from '../src/commandKit/command.ts';
import type { ExportResult } from '../src/commandKit/results.ts';

/** The citation styles, data formats first: what a reference manager imports. */
export const EXPORT_FORMATS = ['bibtex', 'csl-json', 'apa', 'mla', 'chicago'] as const satisfies readonly CitationStyle[];

export const exportBibliography = defineCommand({
  definition: {
    name: 'export',
    slow: true,
    description: 'The bibliography of the whole corpus, for a reference manager',
    example: '/export format:bibtex',
    options: [{ name: 'format', kind: 'string', description: 'bibtex (default), csl-json, apa, mla or chicago', choices: EXPORT_FORMATS, positional: true }],
  },
  run(args, context): ExportResult {
    const { sources } = context.library.current.corpus;
    const format = args.format ?? 'bibtex';
    return { kind: 'export', format, sources: sources.length, bibliography: bibliography(sources, format) };
  },
});
