import { createRequire } from 'node:module';

/**
 * The irregular past forms of English verbs, from the `english-verbs-irregular` package (569
 * verbs): a question asks what someone will "tell" or "sell", an article reports what they
 * "told" or "sold". Read once, on first use.
 */
export interface IrregularVerbs {
  /** The verb's forms besides the one given: "sell" -> ["sold"], "sold" -> ["sell"], "bid" -> ["bade", "bidden"]. */
  formsBeside(word: string): readonly string[];
}

let shared: IrregularVerbs | undefined;

export function irregularVerbs(): IrregularVerbs {
  if (!shared) {
    const table = createRequire(import.meta.url)('english-verbs-irregular/dist/verbs.json') as Record<
      string,
      string[][]
    >;
    const lexemes = new Map<string, Set<string>>();
    for (const [base, pasts] of Object.entries(table)) {
      const forms = new Set([base, ...pasts.flat()]);
      for (const form of forms) {
        const known = lexemes.get(form);
        // A form shared by two verbs ("lay": lie and lay; "found": find and found) belongs to both.
        lexemes.set(form, known ? new Set([...known, ...forms]) : forms);
      }
    }
    shared = { formsBeside: (word) => [...(lexemes.get(word) ?? [])].filter((form) => form !== word) };
  }
  return shared;
}
