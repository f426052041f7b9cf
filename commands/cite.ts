import { CITATION_STYLES, citePassage } from '../src/cite/index.ts';
import { defineCommand } from '../src/commandKit/command.ts';
import type { CiteResult } from '../src/commandKit/results.ts';
import { findPassage } from '../src/corpus/lookup.ts';
import { passageChoices } from '../src/present/choices.ts';

export const cite = defineCommand({
  definition: {
    name: 'cite',
    description: 'Cite a passage in your style: APA, MLA, Chicago, BibTeX or CSL-JSON',
    example: '/cite 74ef57-d49f7e style:mla',
    options: [
      { name: 'passage', kind: 'string', description: 'Passage id (from /ask), or type words to find one', required: true, positional: true, autocomplete: true, maxLength: 100 },
      { name: 'style', kind: 'string', description: 'Citation style (default apa)', choices: CITATION_STYLES },
    ],
  },
  run(args, context): CiteResult {
    const snapshot = context.library.current;
    const passage = findPassage(snapshot, args.passage);
    const style = args.style ?? context.preferences?.citeStyle ?? 'apa';
    return { kind: 'cite', style, citation: citePassage(passage, style), passage, alsoIn: snapshot.corpus.alsoIn.get(passage.id) ?? [] };
  },
  complete(option, partial, context) {
    return option === 'passage' ? passageChoices(context.library.current, partial) : [];
  },
});
