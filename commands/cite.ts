import { CITATION_STYLES, citePassage, type CitationStyle } from '../src/cite/index.ts';
import { defineCommand, type Choice } from '../src/commandKit/command.ts';
import type { Passage, Source } from '../src/corpus/types.ts';
import { UnknownPassageError } from '../src/errors.ts';
import type { Snapshot } from '../src/library.ts';
import { MAX_CHOICES } from '../src/present/choices.ts';
import { outletLabel, passageLabel, shorten } from '../src/present/labels.ts';

/** Suggestions offered for an unknown passage id. */
const MAX_SUGGESTIONS = 5;

export interface CiteResult {
  readonly kind: 'cite';
  readonly style: CitationStyle;
  readonly citation: string;
  readonly passage: Passage;
  readonly alsoIn: readonly Source[];
}

/**
 * The passages to offer for an id that names none: the same paragraph text under another source
 * id (a corrected title changes the source id), then the passages of the source the id names.
 */
function nearest(snapshot: Snapshot, id: string): Passage[] {
  const [sourcePart = '', textPart = ''] = id.split('-');
  const sameText = textPart ? snapshot.corpus.passages.filter((passage) => passage.id.split('-')[1] === textPart) : [];
  const sameSource = snapshot.corpus.passages.filter((passage) => passage.source.id === sourcePart);
  return [...new Set([...sameText, ...sameSource])].slice(0, MAX_SUGGESTIONS);
}

export function findPassage(snapshot: Snapshot, id: string): Passage {
  const passage = snapshot.passageById.get(id.trim().toLowerCase());
  if (passage) return passage;
  const suggestions = nearest(snapshot, id.trim().toLowerCase());
  const known = snapshot.sourceById.get(id.split('-')[0] ?? '');
  const message = known
    ? `No passage "${id}" in ${outletLabel(known)} · “${shorten(known.title, 80)}” now (the paragraph may have been edited). Its passages are listed; pick one, or find it again with /ask.`
    : `No passage "${id}". Passage ids look like 74ef57-d49f7e; find one with /ask or pick one from the list.`;
  throw new UnknownPassageError(message, suggestions);
}


function passageChoices(snapshot: Snapshot, partial: string): Choice[] {
  const typed = partial.trim().toLowerCase();
  let passages: readonly Passage[];
  if (typed === '') passages = snapshot.corpus.passages;
  else if (/^[0-9a-f]{1,6}(?:-[0-9a-f]{0,6})?$/.test(typed)) passages = snapshot.corpus.passages.filter((passage) => passage.id.startsWith(typed));
  else passages = snapshot.index.search({ question: typed, limit: MAX_CHOICES }).hits.map((hit) => hit.passage);
  return passages.slice(0, MAX_CHOICES).map((passage) => ({ name: passageLabel(passage), value: passage.id }));
}

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
