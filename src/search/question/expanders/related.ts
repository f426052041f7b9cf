import { termOfWord } from '../../analyzer.ts';
import type { SearchContext } from '../../context.ts';
import { CLOSENESS, type PartOfSpeech, type Relation } from '../../wordnet.ts';
import type { Alternative } from '../types.ts';
import type { Expander } from './types.ts';

/**
 * Words WordNet relates to the question word (or to the phrase it starts: "crack down") in their
 * common senses, that the corpus writes: "afraid" -> "fear", "spokesman" -> "spokesperson". For
 * single words (not names or phrases), and for known words too when the tuning says so.
 */
export const relatedWords: Expander = {
  name: 'related',
  told: 'related',
  expand({ word, known, questionTerms, taken }, context) {
    if (word.kind !== 'word' || (known && !context.tuning.expandKnownWords)) return [];
    return standIns(context, word.word, word.following, word.preceding, word.term).filter(
      (a) => !questionTerms.has(a.term) && !taken.has(a.term),
    );
  },
};

/** The stand-ins of a word in its neighbours' context, best first, at most `maxStandIns` (cached per index). */
function standIns(
  context: SearchContext,
  word: string,
  following: string | undefined,
  preceding: readonly string[] | undefined,
  own: string,
): Alternative[] {
  const key = `${word}|${following ?? ''}|${(preceding ?? []).slice(0, 2).join(' ')}|${own}`;
  let alternatives = context.standIns.get(key);
  if (!alternatives) context.standIns.set(key, (alternatives = findStandIns(context, word, following, preceding, own)));
  return alternatives;
}

/**
 * The stand-ins, found lazily: WordNet reaches hundreds of words from a common one ("city" ->
 * every city), but only the best `maxStandIns` count, and their order (weight, then rarity) needs
 * no costly check. So terms are taken best-first by the most their paths could weigh, and only
 * those are checked (common sense, written form) until enough hold. The result is the list
 * `wordnet.related` would give through the same filters, sorted and cut, including which word
 * and relation stand for each term (the first met, among equals, as that would).
 */
function findStandIns(
  context: SearchContext,
  word: string,
  following: string | undefined,
  preceding: readonly string[] | undefined,
  own: string,
): Alternative[] {
  const { wordnet } = context.environment;
  const { relationWeight, maxStandIns } = context.tuning;
  const lookups = following ? [`${word} ${following}`, word] : [word];
  const parts = partsOfSpeechAfter(context, preceding ?? [], following);
  interface Path {
    readonly relation: Relation;
    readonly pos: PartOfSpeech;
    readonly offset: number;
    readonly index: number;
  }
  interface Reached {
    readonly lookup: number;
    readonly word: string;
    readonly paths: Path[];
  }
  const byTerm = new Map<string, Map<string, Reached>>();
  lookups.forEach((lookup, lookupIndex) => {
    wordnet
      .paths(lookup, lookup === word ? parts : undefined)
      .forEach(({ word: relatedWord, relation, pos, offset }, index) => {
        const term = singleTerm(relatedWord);
        if (term === null || term === own || !context.knows(term)) return;
        let words = byTerm.get(term);
        if (!words) byTerm.set(term, (words = new Map()));
        const key = `${lookupIndex}|${relatedWord}`;
        let reached = words.get(key);
        if (!reached) words.set(key, (reached = { lookup: lookupIndex, word: relatedWord, paths: [] }));
        reached.paths.push({ relation, pos, offset, index });
      });
  });

  /** What `related` makes of a word: its closest relation through a common sense, and when it first got one. */
  const settle = (reached: Reached): { relation: Relation; first: number } | null => {
    let best: Relation | null = null;
    let first = -1;
    for (const path of reached.paths) {
      if (best !== null && CLOSENESS.indexOf(best) <= CLOSENESS.indexOf(path.relation)) continue;
      if (!wordnet.isCommonSense(reached.word, path.pos, path.offset)) continue;
      if (best === null) first = path.index;
      best = path.relation;
    }
    return best === null ? null : { relation: best, first };
  };
  interface Entry {
    readonly term: string;
    readonly frequency: number;
    weight: number;
    exact: Alternative | null;
  }
  const entries: Entry[] = [...byTerm].map(([term, words]) => {
    let weight = 0;
    for (const reached of words.values())
      for (const path of reached.paths) weight = Math.max(weight, relationWeight[path.relation]);
    return { term, frequency: context.frequency(term), weight, exact: null };
  });
  const before = (a: Entry, b: Entry): number =>
    b.weight - a.weight || a.frequency - b.frequency || (a.term < b.term ? -1 : 1);
  const chosen: Alternative[] = [];
  // Best last, so taking the next is a pop.
  entries.sort((a, b) => before(b, a));
  while (chosen.length < maxStandIns && entries.length > 0) {
    const entry = entries.pop()!;
    if (entry.exact) {
      chosen.push(entry.exact);
      continue;
    }
    // The weight this term really gets: its best word that holds, the first met among equals.
    let exact: { alternative: Alternative; lookup: number; first: number } | null = null;
    for (const reached of byTerm.get(entry.term)!.values()) {
      const settled = settle(reached);
      if (!settled || !writtenAs(context, entry.term, reached.word)) continue;
      const weight = relationWeight[settled.relation];
      const earlier =
        exact !== null &&
        (reached.lookup < exact.lookup || (reached.lookup === exact.lookup && settled.first < exact.first));
      if (!exact || weight > exact.alternative.weight || (weight === exact.alternative.weight && earlier)) {
        exact = {
          alternative: { term: entry.term, weight, word: reached.word, how: settled.relation },
          lookup: reached.lookup,
          first: settled.first,
        };
      }
    }
    if (!exact) continue;
    entry.weight = exact.alternative.weight;
    entry.exact = exact.alternative;
    // Back in line at its real weight (never ahead of where it was: searched from the end).
    let at = entries.length;
    while (at > 0 && before(entries[at - 1]!, entry) < 0) at--;
    entries.splice(at, 0, entry);
  }
  return chosen;
}

/** Words after which the next word is a noun or adjective (determiners, possessives) or a verb (modals, "to"). */
const BEFORE_NOUN = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'my',
  'our',
  'your',
  'this',
  'these',
  'those',
  'every',
  'each',
  'any',
  'some',
  'no',
]);
const BEFORE_VERB = new Set([
  'to',
  'would',
  'will',
  'could',
  'can',
  'should',
  'might',
  'may',
  'must',
  'did',
  'does',
  'do',
  'didn',
  'doesn',
  'don',
  'wouldn',
  'couldn',
  'won',
  'ca',
]);

/**
 * The parts of speech a word can be between the words around it, read the simplest way: after
 * "the" or "its" a noun, or an adjective when a noun may follow ("their game" is no adjective
 * "game", "their big game" has one); after "the" and an adjective a noun ("the wrong signal" is
 * no verb "signal"); after "would" or "to" a verb ("would send"). Elsewhere any.
 */
function partsOfSpeechAfter(
  context: SearchContext,
  [previous, beforeThat]: readonly string[],
  following: string | undefined,
): readonly PartOfSpeech[] | undefined {
  if (previous && BEFORE_NOUN.has(previous)) {
    const nounNext =
      following !== undefined && (context.environment.wordnet.partOfSpeechShares(following)?.n ?? 0) >= 0.5;
    return nounNext ? ['n', 'a'] : ['n'];
  }
  if (previous && BEFORE_VERB.has(previous)) return ['v'];
  if (
    previous &&
    beforeThat &&
    BEFORE_NOUN.has(beforeThat) &&
    (context.environment.wordnet.partOfSpeechShares(previous)?.a ?? 0) > 0.5
  )
    return ['n'];
  return undefined;
}

/**
 * Whether the corpus writes the term as a form of the word: the stemmer joins "indicator" to
 * "indicating" and "condemnable" to "condemned", but the articles' "indicating" is no indicator.
 */
function writtenAs(context: SearchContext, term: string, word: string): boolean {
  const { wordnet } = context.environment;
  const lemmas = new Set(wordnet.baseForms(word).map((form) => form.lemma));
  lemmas.add(word);
  for (const form of context.backend.writtenForms(term)) {
    if (form === word || wordnet.baseForms(form).some((base) => lemmas.has(base.lemma))) return true;
  }
  return false;
}

const singleTerms = new Map<string, string | null>();

/** The one search term a dictionary word analyzes to, or null for a phrase or a stop word (cached: WordNet's words are finite). */
function singleTerm(word: string): string | null {
  let term = singleTerms.get(word);
  if (term === undefined) {
    term = word.includes(' ') ? null : termOfWord(word);
    singleTerms.set(word, term);
  }
  return term;
}
