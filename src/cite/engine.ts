/**
 * The one place that touches citation-js. Loading it (and citeproc) takes a few hundred
 * milliseconds and building a citeproc engine for APA about two seconds, so nothing happens at
 * import time: the packages are required on first use, the vendored styles registered once, and
 * citation-js keeps one engine per style. `warmUpCitations()` pays all of it up front.
 *
 * `require` (through createRequire) rather than `import()`: the citation API is synchronous, and
 * the three packages are CommonJS anyway.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as CitationJs from '@citation-js/core';
import type { CiteItem } from '@citation-js/core';
import type { CslItem } from './csl.ts';
import { CSL_STYLES, CSL_TEMPLATES, patchStyle, type CslStyle } from './styles.ts';

type Core = typeof CitationJs;

/** Language of every CSL rendering: the corpus and its readers are English-language. */
const LANG = 'en-US';

let core: Core | undefined;

/** citation-js with the CSL and BibTeX plugins loaded and Dossier's styles registered. */
function citationJs(): Core {
  if (core !== undefined) return core;
  const require = createRequire(import.meta.url);
  const loaded = require('@citation-js/core') as Core;
  require('@citation-js/plugin-csl');
  require('@citation-js/plugin-bibtex');
  const styles = loaded.plugins.config.get('@csl').styles;
  for (const style of CSL_STYLES) {
    const template = CSL_TEMPLATES[style];
    if (template.kind === 'bundled') {
      if (!styles.has(template.name))
        throw new Error(`cite: @citation-js/plugin-csl no longer bundles the "${template.name}" style`);
    } else if (!styles.has(template.name)) {
      const xml = readFileSync(new URL(`./vendor/${template.file}`, import.meta.url), 'utf8');
      styles.add(template.name, patchStyle(xml, template));
    }
  }
  core = loaded;
  return loaded;
}

/** CSL-JSON normalised by citation-js; person names given as strings come back as family/given. */
export function cleanCsl(data: readonly object[]): Record<string, unknown>[] {
  return citationJs().plugins.input.util.clean(data, true);
}

/** Reference-list entries in plain text, in the style's order, one string per item (no line breaks). */
export function referenceEntries(items: readonly CslItem[], style: CslStyle): string[] {
  if (items.length === 0) return [];
  const entries = citationJs().plugins.output.format('bibliography', items, {
    format: 'text',
    template: CSL_TEMPLATES[style].name,
    lang: LANG,
    asEntryArray: true,
  });
  return entries.map(([, entry]) => entry.trim());
}

/** One in-text (parenthetical) citation of `item`, e.g. "(VOA News, 2020, para. 3)". */
export function inTextCitation(item: CslItem, style: CslStyle, cite: Omit<CiteItem, 'id'>): string {
  return citationJs()
    .plugins.output.format('citation', [item], {
      format: 'text',
      template: CSL_TEMPLATES[style].name,
      lang: LANG,
      entry: [{ id: item.id, ...cite }],
    })
    .trim();
}

/**
 * BibTeX entries as citation-js writes them (tab-indented fields), without trailing blank lines,
 * and with the month as BibTeX and biblatex both read it: citation-js writes a day into it
 * (`month = {sep 29}`), which neither reads; the month goes as its macro (`month = sep`, which
 * BibTeX spells out and Biber makes a number) and the day apart (`day = {29}`, biblatex's field).
 */
export function bibtexEntries(items: readonly CslItem[]): string {
  if (items.length === 0) return '';
  const text = citationJs().plugins.output.format('bibtex', items, { format: 'text' }).trim();
  return text.replace(
    /^\tmonth = \{([a-z]{3})(?: (\d{1,2}))?\},$/gm,
    (_, month: string, day: string | undefined) => `\tmonth = ${month},${day ? `\n\tday = {${day}},` : ''}`,
  );
}

/**
 * Loads citation-js and builds the citeproc engine of every text style, so that the first real
 * citation is as fast as the next ones. Synchronous and CPU-bound (about 2 s): call it once at
 * start-up, off any request path. Returns the milliseconds it took.
 */
export function warmUpCitations(): number {
  const started = performance.now();
  const probe: CslItem = {
    id: 'warm-up',
    'citation-key': 'warmup',
    type: 'article-newspaper',
    title: 'Warm-up',
    'container-title': 'Dossier',
    issued: { 'date-parts': [[2020, 1, 1]] },
  };
  for (const style of CSL_STYLES) {
    referenceEntries([probe], style);
    inTextCitation(probe, style, { locator: '1', label: 'paragraph' });
  }
  bibtexEntries([probe]);
  return performance.now() - started;
}
