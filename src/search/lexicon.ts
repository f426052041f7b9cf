/**
 * What the passages teach about words besides where they occur, gathered while indexing: the
 * written forms of each term (the first is how a correction is shown: "embassy", not "embassi") and
 * the phrase each set of initials most often abbreviates ("fm" -> "Foreign Minister"). Any backend
 * builds it the same way, in one pass, in passage order.
 */

/** Written forms kept per term for telling stand-ins apart: a term rarely has more inflections than this. */
const MAX_FORMS = 8;

/** Separates a term's forms in one string (a form is letters, digits, periods, apostrophes and spaces). */
export const FORM_SEPARATOR = '|';

export interface SpelledOut {
  readonly terms: readonly string[];
  readonly count: number;
}

export class LexiconBuilder {
  /** Term -> its forms joined by FORM_SEPARATOR, first seen first. */
  readonly forms = new Map<string, string[]>();
  readonly initials = new Map<string, { terms: string[]; count: number }>();

  addForm(term: string, word: string): void {
    const forms = this.forms.get(term);
    if (!forms) this.forms.set(term, [word]);
    else if (forms.length < MAX_FORMS && !forms.includes(word)) forms.push(word);
  }

  /**
   * Per initials, the phrase most passages spell them with, by a majority vote in one pass
   * (Boyer-Moore): memory grows with the number of distinct initials, not of phrases.
   */
  addPhrase(initials: string, terms: string[]): void {
    const current = this.initials.get(initials);
    if (!current || current.count === 0) this.initials.set(initials, { terms, count: 1 });
    else if (sameTerms(current.terms, terms)) current.count++;
    else current.count--;
  }
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
