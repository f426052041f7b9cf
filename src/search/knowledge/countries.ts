import { createRequire } from 'node:module';

interface CountryRecord {
  readonly name: { readonly common: string; readonly official: string };
  /** The ISO code, listed among the alternative spellings. */
  readonly cca2: string;
  readonly altSpellings: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/** "Republic of Turkey" also names the country as "Turkey": the form of a state is not its name. */
const STATE_FORM =
  /^(?:the )?(?:(?:federal |federative |islamic |democratic |people's |socialist |arab |united |hashemite |plurinational |bolivarian |cooperative )*(?:republic|kingdom|states?|federation|commonwealth|sultanate|emirate|principality|grand duchy|union)) of (?:the )?(.+)$/i;
/** Latin letters only: the search reads English. */
const LATIN = /^[\p{Script=Latin}\d .'’,()-]+$/u;

/**
 * Every country's names: the common and official name, the alternative spellings and short forms
 * the `world-countries` package lists ("UK", "USA", "UAE", "DR Congo", "Turkiye"), the short name
 * inside an official one ("Republic of Turkey" -> "Turkey") and the demonym ("Brazilian",
 * "Kenyan"). A question naming a country one way finds passages naming it another. Not its ISO
 * code: news does not name a country so, and the codes are other things' initials ("MP" is the
 * Northern Mariana Islands', "PM" Saint Pierre and Miquelon's, "TV" Tuvalu's). "US" is read apart (analyzer.ts).
 */
export function countryNames(isEnglishWord: (word: string) => boolean): ReadonlyArray<readonly string[]> {
  const records = createRequire(import.meta.url)('world-countries') as readonly CountryRecord[];
  return records.map((country) => {
    const names = new Set<string>([
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((spelling) => spelling !== country.cca2),
    ]);
    for (const name of [...names]) {
      const short = STATE_FORM.exec(name)?.[1];
      if (short) names.add(short);
    }
    const demonym = country.demonyms?.eng;
    if (demonym) names.add(demonym.m).add(demonym.f);
    // A two-letter code that is also a word ("IN", "IT", "CD") would read every such word as the country.
    return [...names].filter(
      (name) => LATIN.test(name) && !name.includes(',') && !(name.length <= 3 && isEnglishWord(name.toLowerCase())),
    );
  });
}
