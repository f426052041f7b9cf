import { CITATION_STYLES, citationParts, citePassage, isCslStyle } from '../src/cite/index.ts';
import { defineCommand } from '../src/commandKit/command.ts';
import type { CiteResult } from '../src/commandKit/results.ts';
import { findPassage } from '../src/corpus/lookup.ts';
import type { Passage } from '../src/corpus/types.ts';
import { UnknownPassageError } from '../src/errors.ts';
import type { Snapshot } from '../src/library.ts';
import { passageChoices } from '../src/present/choices.ts';

/** Passages offered when what was typed names several. */
const MAX_CANDIDATES = 5;
/** What an id, or the start of one, looks like: `74ef57-d49f7e`, `74ef57-d4`, `74ef57`. */
const ID_PREFIX = /^[0-9a-f]{1,6}(?:-[0-9a-f]{0,6})?$/;

export const cite = defineCommand({
  definition: {
    name: 'cite',
    description: 'Cite a passage in your style: APA, MLA, Chicago, BibTeX or CSL-JSON',
    example: '/cite 74ef57-d49f7e style:mla',
    options: [
      {
        name: 'passage',
        kind: 'string',
        description: 'Passage id (from /ask), its first characters, or words it says',
        required: true,
        positional: true,
        autocomplete: true,
        maxLength: 100,
      },
      { name: 'style', kind: 'string', description: 'Citation style (default apa)', choices: CITATION_STYLES },
    ],
  },
  async run(args, context): Promise<CiteResult> {
    const snapshot = context.library.current;
    const passage = await resolvePassage(snapshot, args.passage);
    const style = args.style ?? context.preferences?.citeStyle ?? 'apa';
    return {
      kind: 'cite',
      style,
      citation: citePassage(passage, style),
      parts: isCslStyle(style) ? citationParts(passage, style) : null,
      passage,
      alsoIn: snapshot.corpus.alsoIn.get(passage.id) ?? [],
    };
  },
  complete(option, partial, context) {
    return option === 'passage' ? passageChoices(context.library.current, partial) : [];
  },
});

/**
 * The passage a user means: its id; the start of an id only one passage has; words only one
 * passage says. When they mean several, an UnknownPassageError offers them (those that say the
 * words, else those that answer them as a question); an id that names none, findPassage's offer.
 */
async function resolvePassage(snapshot: Snapshot, typed: string): Promise<Passage> {
  const wanted = typed.trim().toLowerCase();
  const exact = snapshot.passageById.get(wanted);
  if (exact) return exact;
  const { passages } = snapshot.corpus;
  if (ID_PREFIX.test(wanted)) {
    const starting = passages.filter((passage) => passage.id.startsWith(wanted));
    if (starting.length === 1) return starting[0]!;
    if (starting.length === 0) return findPassage(snapshot, typed);
    throw new UnknownPassageError(
      `${starting.length} passages have ids starting “${wanted}”; pick one.`,
      starting.slice(0, MAX_CANDIDATES),
    );
  }
  const saying = firstTellings(
    snapshot,
    passages.filter((passage) => passage.text.toLowerCase().includes(wanted)),
  );
  if (saying.length === 1) return saying[0]!;
  if (saying.length > 1)
    throw new UnknownPassageError(
      `${saying.length} passages say “${typed.trim()}”; pick one.`,
      saying.slice(0, MAX_CANDIDATES),
    );
  const answering = (await snapshot.index.search({ question: typed, limit: MAX_CANDIDATES })).hits.map(
    (hit) => hit.passage,
  );
  if (answering.length === 0)
    throw new UnknownPassageError(`No passage says or answers “${typed.trim()}”; find one with /ask.`, []);
  throw new UnknownPassageError(
    `No passage says “${typed.trim()}” word for word; these answer it. Pick one.`,
    answering,
  );
}

/** Passages without the republished copies of one before them (the same paragraph, or nearly, in another article). */
function firstTellings(snapshot: Snapshot, passages: readonly Passage[]): Passage[] {
  const kept: Passage[] = [];
  for (const passage of passages) {
    const copy = kept.some((first) =>
      (snapshot.corpus.alsoIn.get(first.id) ?? []).some((source) => source.id === passage.source.id),
    );
    if (!copy) kept.push(passage);
  }
  return kept;
}
