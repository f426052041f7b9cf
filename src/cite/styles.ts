/**
 * The citation styles Dossier offers, and the CSL style behind each text style.
 *
 * Pure data and parsing: nothing here loads citation-js or reads a file (see ./engine.ts).
 */
import { InputError } from '../errors.ts';

/** Every style `cite` accepts, in the order they are offered to users. */
export const CITATION_STYLES = ['apa', 'mla', 'chicago', 'bibtex', 'csl-json'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** Each style's name as users read it, the same on every button, title and help line. */
export const STYLE_LABELS: { readonly [S in CitationStyle]: string } = {
  apa: 'APA',
  mla: 'MLA',
  chicago: 'Chicago',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
};

/** The styles rendered as formatted text by a CSL style (the others are data formats). */
export const CSL_STYLES = ['apa', 'mla', 'chicago'] as const;
export type CslStyle = (typeof CSL_STYLES)[number];

export function isCslStyle(style: string): style is CslStyle {
  return (CSL_STYLES as readonly string[]).includes(style);
}

/**
 * Reads a style name as a user typed it: surrounding spaces and letter case do not matter.
 * @throws InputError `unknown_style` naming the value and the accepted styles.
 */
export function parseCitationStyle(value: string): CitationStyle {
  const normalised = value.trim().toLowerCase();
  const style = CITATION_STYLES.find((candidate) => candidate === normalised);
  if (style === undefined) {
    throw new InputError(
      'unknown_style',
      `Unknown citation style "${value}". Use one of: ${CITATION_STYLES.join(', ')}.`,
    );
  }
  return style;
}

/** An exact text replacement applied to a vendored style's XML before it is registered. */
interface StylePatch {
  /** Why the official style is adjusted, for the reader of this file. */
  readonly why: string;
  /** Text that must occur exactly once in the style; loading fails loudly otherwise. */
  readonly find: string;
  readonly replace: string;
}

/** Where the CSL XML of a text style comes from. */
export type CslTemplate =
  /** A style bundled with @citation-js/plugin-csl, used as is. */
  | { readonly kind: 'bundled'; readonly name: string; readonly title: string }
  /** An official style vendored in ./vendor (see vendor/README.md), registered under `name`. */
  | {
      readonly kind: 'vendored';
      readonly name: string;
      readonly title: string;
      readonly file: string;
      readonly patches: readonly StylePatch[];
    };

/** MLA 9 and CMOS abbreviate "paragraph" as "par." (plural "pars."); the en-US CSL locale has APA's "para.". */
const PARAGRAPH_PAR = '<term name="paragraph" form="short"><single>par.</single><multiple>pars.</multiple></term>';

/**
 * The CSL style behind each text style. Vendored styles are registered under a `dossier-` name,
 * because they are patched and must not be mistaken for (or clash with) the official ones.
 */
export const CSL_TEMPLATES: { readonly [S in CslStyle]: CslTemplate } = {
  apa: { kind: 'bundled', name: 'apa', title: 'APA Style 7th edition' },
  mla: {
    kind: 'vendored',
    name: 'dossier-mla',
    title: 'Modern Language Association 9th edition',
    file: 'modern-language-association.csl',
    patches: [
      {
        why: 'MLA 9 abbreviates paragraph "par." (style-local locale terms override the en-US locale)',
        find: '<locale xml:lang="en"><date',
        replace: `<locale xml:lang="en"><terms>${PARAGRAPH_PAR}</terms><date`,
      },
      {
        why: 'the locator label and number are joined without a space ("par.3"); MLA writes "par. 3"',
        find: '<group><label variable="locator" form="short"/><text variable="locator"/></group>',
        replace: '<group delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>',
      },
    ],
  },
  chicago: {
    kind: 'vendored',
    name: 'dossier-chicago-author-date',
    title: 'Chicago Manual of Style 17th edition (author-date)',
    file: 'chicago-author-date.csl',
    patches: [
      {
        why: 'CMOS abbreviates paragraph "par." (style-local locale terms override the en-US locale)',
        find: '<locale xml:lang="en"><terms>',
        replace: `<locale xml:lang="en"><terms>${PARAGRAPH_PAR}`,
      },
    ],
  },
};

/**
 * Applies a vendored style's patches in order.
 * @throws Error when an anchor is missing or ambiguous: the vendored file changed under the patch.
 */
export function patchStyle(xml: string, template: Extract<CslTemplate, { kind: 'vendored' }>): string {
  let patched = xml;
  for (const patch of template.patches) {
    const at = patched.indexOf(patch.find);
    if (at < 0 || patched.indexOf(patch.find, at + 1) >= 0) {
      throw new Error(
        `cite: patch "${patch.why}" expects its anchor exactly once in vendor/${template.file}; update the patch or the file`,
      );
    }
    patched = patched.slice(0, at) + patch.replace + patched.slice(at + patch.find.length);
  }
  return patched;
}
