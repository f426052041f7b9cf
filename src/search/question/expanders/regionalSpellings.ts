import type { Expander } from './types.ts';
import { writtenForms } from './writtenForms.ts';

/**
 * How American and British English spell the same word apart, as endings: "center" and
 * "centre", "labor" and "labour", "organize" and "organise", "defense" and "defence", "catalog"
 * and "catalogue", "canceled" and "cancelled". Each is tried both ways.
 */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/([^aeiou])er(s?)$/, '$1re$2'],
  [/([^aeiou])re(s?)$/, '$1er$2'],
  [/([^aeiou])or(s|ed|ing|ful|ite|ites)?$/, '$1our$2'],
  [/our(s|ed|ing|ful|ite|ites)?$/, 'or$1'],
  [/([iy])z(e|es|ed|ing|ation|ations|er|ers)$/, '$1s$2'],
  [/([iy])s(e|es|ed|ing|ation|ations|er|ers)$/, '$1z$2'],
  [/ense$/, 'ence'],
  [/ence$/, 'ense'],
  [/([^aeiou])og(s?)$/, '$1ogue$2'],
  [/ogue(s?)$/, 'og$1'],
  [/([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2'],
];
/** Shorter words are spelled alike on both sides of the Atlantic ("over", "for"). */
const MIN_LENGTH = 5;

/**
 * A word spelled the other side of the Atlantic's way: a question asks about a "center", the
 * article writes "centre". Only spellings the corpus writes are added, as the same word.
 */
export const regionalSpellings: Expander = {
  name: 'regional spellings',
  claims: true,
  expand({ word, found }, context) {
    if (word.kind !== 'word' || word.word.length < MIN_LENGTH || !/^\p{Ll}+$/u.test(word.word)) return [];
    const seen = new Set([word.term, ...found.map((alternative) => alternative.term)]);
    const forms = SPELLINGS.flatMap(([ending, replacement]) =>
      ending.test(word.word) ? [word.word.replace(ending, replacement)] : [],
    );
    return writtenForms(forms, seen, context, 'alias', context.tuning.aliasWeight);
  },
};
