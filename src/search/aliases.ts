/**
 * Spelling variants and aliases of the entities news about one story names in many ways. Each
 * variant maps to one canonical token before stemming, in passages and questions alike, so
 * "Qasem", "Bagdad", "U.S." or "United States" find the passages that spell them otherwise.
 * Phrases are matched longest first; the country "US" is read from the original case (see analyzer).
 */
const GROUPS: ReadonlyArray<readonly [canonical: string, variants: readonly string[]]> = [
  ['usa', ['us', 'u s', 'usa', 'united states', 'united states of america', 'america', 'american', 'americans', 'washington']],
  ['washingtonpost', ['washington post']],
  ['whitehouse', ['white house']],
  ['statedepartment', ['state department', 'department of state']],
  ['baghdad', ['bagdad', 'baghdad']],
  ['qassem', ['qasem', 'qassim', 'qasim', 'ghassem', 'qassem']],
  ['soleimani', ['suleimani', 'sulaimani', 'soleimani']],
  ['kadhimi', ['kadhimi', 'kadhemi', 'kazemi', 'kazimi', 'khadimi']],
  ['muhandis', ['muhandis', 'mohandes', 'muhandes']],
  ['hezbollah', ['hezbollah', 'hizbollah', 'hizballah', 'hezballah']],
  ['sadr', ['sadr', 'sader']],
  ['iraq', ['iraq', 'iraqi', 'iraqis']],
  ['iran', ['iran', 'iranian', 'iranians']],
  ['britain', ['britain', 'british', 'briton', 'britons', 'uk', 'united kingdom']],
  ['isis', ['isis', 'isil', 'daesh', 'islamic state']],
  ['rouhani', ['rouhani', 'rohani']],
  ['pompeo', ['pompeo']],
];

/** Variant (space-separated words) -> canonical token. */
export const ALIASES: ReadonlyMap<string, string> = new Map(GROUPS.flatMap(([canonical, variants]) => variants.map((variant) => [variant, canonical] as const)));

/** Longest alias phrase, in words, so the analyzer knows how far to look ahead. */
export const LONGEST_ALIAS_WORDS = Math.max(...[...ALIASES.keys()].map((variant) => variant.split(' ').length));

/** Irregular forms a stemmer leaves apart from their base verb. */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map([
  ['said', 'say'], ['says', 'say'], ['told', 'tell'], ['sent', 'send'], ['met', 'meet'], ['took', 'take'],
  ['spoke', 'speak'], ['spoken', 'speak'], ['left', 'leave'], ['began', 'begin'], ['begun', 'begin'], ['fought', 'fight'],
  ['threatening', 'threaten'], ['killing', 'kill'], ['closure', 'close'], ['closing', 'close'], ['departure', 'depart'], ['withdrawal', 'withdraw'],
]);
