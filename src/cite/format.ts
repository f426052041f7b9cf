/**
 * Citations of passages and whole-corpus bibliographies, in every style Dossier offers.
 *
 * Layout of `citePassage` (lines separated by "\n", no trailing newline):
 *
 * apa | mla | chicago — three lines, all but the quotation written by citation-js's CSL engine:
 *   1. the reference-list entry of the article;
 *   2. the in-text citation with the paragraph as locator: APA "(VOA News, 2020, para. 3)",
 *      MLA "(“US Threatens to Close Embassy in Baghdad,” par. 3)", Chicago "(VOA News 2020, par. 3)";
 *   3. the passage in double curly quotes; double quotation marks inside it become single ones,
 *      as all three styles require for a quotation within a quotation. Nothing else is changed.
 *
 * bibtex — one entry from citation-js's BibTeX output: @article (outlet known, as `journal`) or
 *   @misc (no outlet), keyed `dossier_<passage id>` (so citing two passages of one article gives
 *   two keys), with `note = {Paragraph 3, Dossier passage 3fa2c1-9b0e44}`.
 *
 * csl-json — the article's CSL-JSON item (as `toCslItem`) with the same `note`, plus the cite-item
 *   fields `locator` ("3") and `label` ("paragraph"), pretty-printed; citeproc-js and citation-js
 *   read the extra fields, other tools ignore them.
 *
 * `bibliography` — every source once: text styles as the style's sorted reference list, one entry a
 * line; `bibtex` as entries keyed `dossier_<source id>`; `csl-json` as a JSON array of items.
 */
import type { Passage, Source } from '../corpus/types.ts';
import { citationKey, itemForStyle, toCslItem, type CslItem } from './csl.ts';
import { bibtexEntries, inTextCitation, referenceEntries } from './engine.ts';
import { isCslStyle, type CitationStyle, type CslStyle } from './styles.ts';

/** Finished citations, per passage object and style: passages are immutable, and the GC frees the rest. */
const memo = new WeakMap<Passage, Map<CitationStyle, string>>();

/** The citation of one passage in `style`; see the layout above. */
export function citePassage(passage: Passage, style: CitationStyle): string {
  let byStyle = memo.get(passage);
  if (byStyle === undefined) {
    byStyle = new Map();
    memo.set(passage, byStyle);
  }
  let citation = byStyle.get(style);
  if (citation === undefined) {
    citation = renderPassage(passage, style);
    byStyle.set(style, citation);
  }
  return citation;
}

function passageNote(passage: Passage): string {
  return `Paragraph ${passage.paragraph}, Dossier passage ${passage.id}`;
}

/** The three parts of an APA, MLA or Chicago citation of a passage, for layouts other than ours (Markdown). */
export interface CitationParts {
  /** The reference-list entry of the article. */
  readonly reference: string;
  /** The in-text citation with the paragraph locator: "(VOA News, 2020, para. 5)". */
  readonly inText: string;
  /** The passage in quotation marks, inner double quotes made single. */
  readonly quotation: string;
}

export function citationParts(passage: Passage, style: CslStyle): CitationParts {
  const styled = itemForStyle(toCslItem(passage.source), passage.source, style);
  const [reference = ''] = referenceEntries([styled], style);
  const inText = inTextCitation(styled, style, { locator: String(passage.paragraph), label: 'paragraph' });
  return { reference, inText, quotation: quotation(passage.text) };
}

function renderPassage(passage: Passage, style: CitationStyle): string {
  const item = toCslItem(passage.source);
  if (isCslStyle(style)) {
    const { reference, inText, quotation: quoted } = citationParts(passage, style);
    return [reference, inText, quoted].join('\n');
  }
  const withNote: CslItem = { ...item, note: passageNote(passage) };
  if (style === 'bibtex') {
    return bibtexEntries([{ ...withNote, id: passage.id, 'citation-key': citationKey(passage.id) }]);
  }
  return JSON.stringify({ ...withNote, locator: String(passage.paragraph), label: 'paragraph' }, null, 2);
}

/**
 * Wraps a passage in “ ” and turns the double quotation marks inside it (curly or straight) into
 * single ones. A straight quote opens after a space, an opening bracket or a dash, else it closes.
 */
function quotation(text: string): string {
  const inner = text.replace(/[“”"]/g, (mark, offset: number) => {
    if (mark === '“') return '‘';
    if (mark === '”') return '’';
    return offset === 0 || /[\s([{—–-]/.test(text[offset - 1] ?? ' ') ? '‘' : '’';
  });
  return `“${inner}”`;
}

/** Items for a set of sources with ids (and keys) made unique: a repeated id gets `-2`, `-3`… */
function uniqueItems(sources: readonly Source[]): Array<{ source: Source; item: CslItem }> {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const item = toCslItem(source);
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    if (count > 1) {
      item.id = `${item.id}-${count}`;
      item['citation-key'] = citationKey(item.id);
    }
    return { source, item };
  });
}

/**
 * The whole corpus (or any set of sources) in one format: a reference list for apa, mla and
 * chicago (sorted by the style, one entry a line), BibTeX entries, or a CSL-JSON array. Sources
 * keep their given order in bibtex and csl-json. No trailing newline; empty input gives "" ("[]").
 */
export function bibliography(sources: readonly Source[], format: CitationStyle): string {
  const entries = uniqueItems(sources);
  if (format === 'csl-json')
    return JSON.stringify(
      entries.map(({ item }) => item),
      null,
      2,
    );
  if (format === 'bibtex') return bibtexEntries(entries.map(({ item }) => item));
  return referenceEntries(
    entries.map(({ source, item }) => itemForStyle(item, source, format)),
    format,
  ).join('\n');
}
