/**
 * The citation engine: a passage or a set of sources in APA 7, MLA 9, Chicago author-date
 * (17th ed.), BibTeX or CSL-JSON. Pure functions of their arguments; citation-js is loaded on
 * first use (see ./engine.ts), and `warmUpCitations()` does that ahead of time.
 */
export {
  CITATION_STYLES,
  CSL_STYLES,
  STYLE_LABELS,
  isCslStyle,
  parseCitationStyle,
  type CitationStyle,
  type CslStyle,
} from './styles.ts';
export { citePassage, citationParts, bibliography, type CitationParts } from './format.ts';
export { toCslItem, type CslItem, type CslName, type CslDate } from './csl.ts';
export { warmUpCitations } from './engine.ts';
