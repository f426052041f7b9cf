import { bibliography, CITATION_STYLES } from '../src/cite/index.ts';
import { defineCommand } from '../src/commandKit/command.ts';
import type { ExportResult } from '../src/commandKit/results.ts';
import { inWords } from '../src/text/inWords.ts';

/** What a reference manager imports. */
const DEFAULT_FORMAT = 'bibtex';

export const exportBibliography = defineCommand({
  definition: {
    name: 'export',
    slow: true,
    description: 'The bibliography of the whole corpus, for a reference manager',
    example: '/export format:bibtex',
    options: [
      {
        name: 'format',
        kind: 'string',
        description: `${inWords(CITATION_STYLES)} (default ${DEFAULT_FORMAT})`,
        choices: CITATION_STYLES,
        positional: true,
      },
    ],
  },
  run(args, context): ExportResult {
    const { sources } = context.library.current.corpus;
    const format = args.format ?? DEFAULT_FORMAT;
    return { kind: 'export', format, sources: sources.length, bibliography: bibliography(sources, format) };
  },
});
