import { InputError, UnknownPassageError } from '../errors.ts';
import type { Snapshot } from '../library.ts';
import { outletLabel, shorten } from '../present/labels.ts';
import { normalName } from './files.ts';
import type { LoadError, Passage, Source } from './types.ts';

/**
 * Finding what a user named, in every command alike: a source by its id or its file name, a
 * passage by its id, and, when the name names nothing, what to offer instead.
 */

/** Passages offered for an unknown passage id. */
const MAX_SUGGESTIONS = 5;

/** What a name names: a source, a file the corpus could not load, or nothing. */
export type SourceLookup =
  | { readonly kind: 'source'; readonly source: Source }
  | { readonly kind: 'refused'; readonly refused: LoadError }
  | { readonly kind: 'none' };

/** Looks a name up as a source id (in any case), then as a file name (in any Unicode form), loaded or not. */
export function lookupSource(snapshot: Pick<Snapshot, 'corpus' | 'sourceById'>, name: string): SourceLookup {
  const trimmed = name.trim();
  const byId = snapshot.sourceById.get(trimmed.toLowerCase());
  if (byId) return { kind: 'source', source: byId };
  const file = normalName(trimmed);
  const byFile = snapshot.corpus.sources.find((source) => normalName(source.file) === file);
  if (byFile) return { kind: 'source', source: byFile };
  const refused = snapshot.corpus.errors.find((error) => normalName(error.file) === file);
  return refused ? { kind: 'refused', refused } : { kind: 'none' };
}

/** The source a user named by id or file name; else an InputError (`unknown_source`) saying why, or which there are. */
export function findSource(snapshot: Pick<Snapshot, 'corpus' | 'sourceById'>, name: string): Source {
  const found = lookupSource(snapshot, name);
  if (found.kind === 'source') return found.source;
  if (found.kind === 'refused') {
    const { file, message } = found.refused;
    throw new InputError(
      'unknown_source',
      `${file} is not loaded (it ${message}); fix the file in the folder, or /corpus remove it.`,
    );
  }
  const ids = snapshot.corpus.sources.map((source) => source.id).join(', ') || 'none';
  throw new InputError('unknown_source', `No source "${name.trim()}". Sources: ${ids} (see /sources).`);
}

/**
 * The passage an id names; else an UnknownPassageError carrying the passages to offer: the same
 * paragraph text under another source id (a corrected title changes the source id), then the
 * passages of the source the id names.
 */
export function findPassage(snapshot: Pick<Snapshot, 'corpus' | 'sourceById' | 'passageById'>, id: string): Passage {
  const wanted = id.trim().toLowerCase();
  const passage = snapshot.passageById.get(wanted);
  if (passage) return passage;
  const [sourcePart = '', textPart = ''] = wanted.split('-');
  const sameText = textPart
    ? snapshot.corpus.passages.filter((candidate) => candidate.id.split('-')[1] === textPart)
    : [];
  const sameSource = snapshot.corpus.passages.filter((candidate) => candidate.source.id === sourcePart);
  const suggestions = [...new Set([...sameText, ...sameSource])].slice(0, MAX_SUGGESTIONS);
  const known = snapshot.sourceById.get(id.split('-')[0] ?? '');
  const message = known
    ? `No passage "${id}" in ${outletLabel(known)} · “${shorten(known.title, 80)}” now (the paragraph may have been edited). ` +
      'Its passages are listed; pick one, or find it again with /ask.'
    : `No passage "${id}". Passage ids look like 74ef57-d49f7e; find one with /ask or pick one from the list.`;
  throw new UnknownPassageError(message, suggestions);
}
