import type { AskResult } from '../commandKit/results.ts';
import { citationParts, type CslStyle } from '../cite/index.ts';

/** Styles whose citations have an in-text form and a reference entry (not BibTeX or CSL-JSON). */

/** Escapes what Markdown would read as formatting, so a quote pastes exactly as the outlet printed it. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^([#+-]|\d+\.)(?=\s)/, '\\$1');
}

/**
 * An answer ready to paste into a paper or a report: each passage as a block quote followed by its
 * in-text citation and passage id, then the references of the articles quoted, in `style`.
 */
export function askMarkdown(result: AskResult, style: CslStyle): string {
  const lines = [`## ${escapeMarkdown(result.query)}`, ''];
  const hits = result.search.hits;
  if (hits.length === 0) return [...lines, '_No passage in the corpus answers this question._', ''].join('\n');
  const references = new Map<string, string>();
  for (const hit of hits) {
    const parts = citationParts(hit.passage, style);
    lines.push(
      `> ${escapeMarkdown(hit.passage.text)}`,
      '>',
      `> — ${escapeMarkdown(parts.inText)} · passage \`${hit.passage.id}\``,
      '',
    );
    references.set(hit.passage.source.id, parts.reference);
  }
  lines.push(
    '### References',
    '',
    ...[...references.values()].sort().map((reference) => `- ${escapeMarkdown(reference)}`),
    '',
  );
  return lines.join('\n');
}
