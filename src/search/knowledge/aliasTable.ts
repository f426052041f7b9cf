import { analyze, wordKey } from '../analyzer.ts';

/** Terms are told apart from written words in the one map by a mark no word has. */
function termsKey(terms: readonly string[]): string {
  return `=${terms.join(' ')}`;
}

/** One name of a thing: how it is written, and the terms a passage holds when it writes it so. */
export interface AliasVariant {
  readonly written: string;
  readonly terms: readonly string[];
}

/**
 * Names that stand for one another ("UK", "United Kingdom", "British"), looked up by the words of
 * a question (lower case, punctuation aside, "of" and "the" included). Built from groups of
 * names: general knowledge (countries.ts) and what a corpus's moderators list (aliases file).
 * A name in two groups belongs to both: its variants are all of theirs.
 */
export class AliasTable {
  private readonly groups = new Map<string, AliasVariant[]>();
  /** The most words any name has, so a reader knows how far to look ahead. */
  readonly longestWords: number;

  constructor(groups: ReadonlyArray<readonly string[]>) {
    let longest = 1;
    for (const group of groups) {
      const variants = group
        .map((written) => ({ written, key: wordKey(written), terms: analyze(written).map((term) => term.term) }))
        .filter((variant) => variant.key !== '' && variant.terms.length > 0);
      for (const variant of variants) {
        longest = Math.max(longest, variant.key.split(' ').length);
        // By the words as written, and by their terms, so "Americans" finds the group of "American".
        for (const key of new Set([variant.key, termsKey(variant.terms)])) {
          const known = this.groups.get(key) ?? [];
          for (const other of variants)
            if (!known.some((k) => k.terms.join(' ') === other.terms.join(' ')))
              known.push({ written: other.written, terms: other.terms });
          this.groups.set(key, known);
        }
      }
    }
    this.longestWords = longest;
  }

  /**
   * The names that stand for the words given (lower case, one space between) or for their terms
   * (`terms`), the words' own included; undefined when none does.
   */
  variantsOf(words: string, terms?: readonly string[]): readonly AliasVariant[] | undefined {
    return this.groups.get(words) ?? (terms ? this.groups.get(termsKey(terms)) : undefined);
  }

  /**
   * The table of these groups, made once per list: every index opened with the same environment
   * (each reload) would otherwise analyse its thousands of country names again, tens of
   * milliseconds in one step in the thread that answers.
   */
  static of(groups: ReadonlyArray<readonly string[]>): AliasTable {
    let table = made.get(groups);
    if (!table) made.set(groups, (table = new AliasTable(groups)));
    return table;
  }

  /** This table and another's groups together. */
  static merged(...tables: ReadonlyArray<ReadonlyArray<readonly string[]>>): AliasTable {
    return new AliasTable(tables.flat());
  }
}

const made = new WeakMap<ReadonlyArray<readonly string[]>, AliasTable>();
