import type { QuestionToken } from '../analyzer.ts';
import type { AliasTable } from '../knowledge/aliasTable.ts';
import type { QuestionWord } from './types.ts';

/** Small words a name may have inside it: "Bank of England", "Department of the Treasury". */
export const NAME_JOINERS: ReadonlySet<string> = new Set([
  'of',
  'the',
  'and',
  'de',
  'du',
  'la',
  'le',
  'van',
  'von',
  'bin',
  'al',
  'el',
]);
/** A question mostly in capitals (Title Case, or shouting) says nothing about which words are names. */
const MOSTLY_CAPITALISED = 0.7;
/** Names typed in lower case are looked for up to this many words long ("bank of america"). */
const LONGEST_LOWER_CASE_NAME = 3;

/** What reading a question needs to know besides its words. */
export interface ReadingKnowledge {
  /** Names that stand for one another, whose multi-word forms are read as one phrase. */
  readonly aliases: AliasTable;
  /** An everyday English word, so no name when it opens the question. */
  everyday(word: string): boolean;
  /** Words typed in lower case that are a name all the same, or name one thing the corpus lacks as a whole ("colin powell", "hot dog"). */
  isName(words: readonly string[]): boolean;
  /** A noun of everyday English that the corpus never writes ("youth" in a story that has none). */
  isAbsentNoun(word: string, term: string): boolean;
}

/**
 * The first stage: the question's units, from its tokens (analyzer.ts, `questionTokens`). Words
 * the name table knows together are one phrase ("united kingdom"); two or more capitalised words
 * in a row are one name ("Bank of England", "Champions League"), which must match as that name;
 * every other word with a term is a word. Stop words and the words that frame a question ("tell
 * me", "how many") search for nothing.
 */
export function readQuestion(
  tokens: readonly QuestionToken[],
  { aliases, everyday, isName, isAbsentNoun }: ReadingKnowledge,
): QuestionWord[] {
  const content = tokens.filter((token) => token.term !== null);
  const namesReadable =
    content.filter((token) => token.capitalised).length < MOSTLY_CAPITALISED * content.length || content.length < 3;
  const units: QuestionWord[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = phraseAt(tokens, i, aliases);
    const length =
      phrase ||
      (namesReadable && startsName(tokens[i]!, everyday) ? wholeName(tokens, i, aliases) : 0) ||
      lowerCaseNameAt(tokens, i, isName);
    if (length > 0) {
      // A noun the corpus never writes, just before a name, names another thing of that name
      // ("the youth Grand Prix", "the club Open"): the name is read with it, and must match so.
      const before = units.at(-1);
      if (
        phrase === 0 &&
        before?.kind === 'word' &&
        before.position === tokens[i]!.position - 1 &&
        isAbsentNoun(before.word, before.term)
      ) {
        units.pop();
        units.push(unit(tokens, i - 1, length + 1, 'name'));
      } else units.push(unit(tokens, i, length, phrase > 0 ? 'phrase' : 'name'));
      i += length;
      continue;
    }
    if (tokens[i]!.term !== null) units.push(unit(tokens, i, 1, 'word'));
    i++;
  }
  return units;
}

/** The longest phrase of two or more words the name table knows, starting at i (0 when none). */
function phraseAt(tokens: readonly QuestionToken[], i: number, aliases: AliasTable): number {
  for (let length = Math.min(aliases.longestWords, tokens.length - i); length >= 2; length--) {
    const span = tokens.slice(i, i + length);
    if (span.some((token) => token.term !== null) && aliases.variantsOf(span.map((token) => token.word).join(' ')))
      return length;
  }
  return 0;
}

/** A name word: capitalised, a search term, and not initials (initials stand on their own: "XBC UK"). */
function isNameWord(token: QuestionToken | undefined): boolean {
  return token?.capitalised === true && token.term !== null && token.initials === undefined;
}

/** The question's first word is capitalised by grammar: it starts a name only when it is no everyday word ("Janet Yellen said…", not "Besides Americans…"). */
function startsName(token: QuestionToken, everyday: (word: string) => boolean): boolean {
  return token.position > 0 || !everyday(token.word);
}

/** The length of a name of two or more capitalised words starting at i, joined by small words inside it (0 when none). */
function nameAt(tokens: readonly QuestionToken[], i: number): number {
  if (!isNameWord(tokens[i])) return 0;
  let end = i + 1;
  let words = 1;
  while (end < tokens.length) {
    if (isNameWord(tokens[end])) {
      end++;
      words++;
    } else if (NAME_JOINERS.has(tokens[end]!.word) && isNameWord(tokens[end + 1])) end++;
    else break;
  }
  return words >= 2 ? end - i : 0;
}

/**
 * A name's length at i, or 0 when each of its words is a name the table knows alone ("Iraqi and
 * Iranian", "Iraqi, Iranian"): two things named side by side, each matched as itself.
 */
function wholeName(tokens: readonly QuestionToken[], i: number, aliases: AliasTable): number {
  const length = nameAt(tokens, i);
  const parts = tokens.slice(i, i + length).filter((token) => !NAME_JOINERS.has(token.word));
  return parts.every((token) => aliases.variantsOf(token.word)) ? 0 : length;
}

/** The length of a name typed in lower case starting at i (0 when none): the longest span that `isName` accepts. */
function lowerCaseNameAt(tokens: readonly QuestionToken[], i: number, isName: ReadingKnowledge['isName']): number {
  if (tokens[i]!.term === null) return 0;
  for (let length = Math.min(LONGEST_LOWER_CASE_NAME, tokens.length - i); length >= 2; length--) {
    const span = tokens.slice(i, i + length);
    const last = span.at(-1)!;
    if (last.term === null || span.slice(1, -1).some((token) => token.term === null && !NAME_JOINERS.has(token.word)))
      continue;
    const terms = span.flatMap((token) => (token.term === null ? [] : [token.term]));
    if (terms.length >= 2 && isName(span.map((token) => token.word))) return length;
  }
  return 0;
}

function unit(tokens: readonly QuestionToken[], i: number, length: number, kind: QuestionWord['kind']): QuestionWord {
  const span = tokens.slice(i, i + length);
  const terms = span.flatMap((token) => (token.term === null ? [] : [token.term]));
  const first = span[0]!;
  const following = tokens[i + length]?.word;
  const preceding = [tokens[i - 1]?.word, tokens[i - 2]?.word].filter((word) => word !== undefined);
  return {
    kind,
    word: span.map((token) => token.word).join(' '),
    terms,
    term: terms.join(' '),
    position: first.position,
    ...(following !== undefined ? { following } : {}),
    preceding,
    ...(length === 1 && first.initials ? { initials: first.initials } : {}),
    capitalised: first.capitalised,
  };
}
