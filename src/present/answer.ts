import type { Hit } from '../search/engine.ts';
import { wordOffsets } from '../search/analyzer.ts';
import { givesAnswer, type AnswerKind } from '../search/answerKind.ts';
import { splitSentences } from '../text/sentences.ts';

/**
 * What makes an answer readable at a glance: the one sentence of each passage that answers the
 * question, and which passages of an answer tell the same fact as one before them (several
 * articles reporting it), so a reader sees the fact once and how many articles state it.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The sentence of the passage holding most of the question's matched words (the first such on a
 * tie), as offsets into the passage text; the whole passage when it is one sentence. A sentence
 * that gives the kind of answer the question asks for (a date for "when", a number for "how
 * many") counts one word more.
 */
export function answeringSentence(
  hit: Pick<Hit, 'passage' | 'matchedPositions'>,
  kind: AnswerKind | null = null,
): Span {
  const text = hit.passage.text;
  const sentences = splitSentences(text);
  if (sentences.length === 0) return { start: 0, end: text.length };
  const offsets = wordOffsets(text);
  const starts = hit.matchedPositions.map((position) => offsets[position]?.[0] ?? -1);
  let best = sentences[0]!;
  let bestCount = -1;
  for (const sentence of sentences) {
    const end = sentence.start + sentence.text.length;
    const count =
      starts.filter((start) => start >= sentence.start && start < end).length +
      (kind && givesAnswer(kind, sentence.text) ? 1 : 0);
    if (count > bestCount) [best, bestCount] = [sentence, count];
  }
  return { start: best.start, end: best.start + best.text.length };
}

/** Words too common to tell two facts apart. */
const COMMON = new Set(
  'the and for that with this from have has had was were are been will would could should said says its his her their they them than then there which who whom whose what when where while also into onto over after before about some'.split(
    ' ',
  ),
);

/**
 * Shared words, as a share of the shorter sentence's, from which two sentences state one fact:
 * fewer when they give the same numbers ("90 days"), which names alone (a minister, a city) never do.
 */
const SAME_FACT_SHARE = 0.6;
const SAME_NUMBERS_SHARE = 0.4;
/** At least this many words shared, whatever the share. */
const SAME_FACT_MIN_WORDS = 4;

function factWords(sentence: string): Set<string> {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => /\d/.test(word) || (word.length >= 3 && !COMMON.has(word))));
}

/**
 * For each sentence, the index of the first earlier one stating the same fact (most of the shorter
 * one's telling words in the other, and the same numbers where both give some), or null:
 * "closing the embassy is expected to take 90 days" in two articles' words is one fact.
 */
export function sameFacts(sentences: readonly string[]): Array<number | null> {
  const words = sentences.map(factWords);
  const repeats: Array<number | null> = [];
  words.forEach((mine, index) => {
    // Only sentences that repeat none are compared with: a repeat points at the first telling.
    const earlier = repeats.findIndex(
      (repeat, candidate) => repeat === null && candidate < index && sameFact(mine, words[candidate]!),
    );
    repeats.push(earlier === -1 ? null : earlier);
  });
  return repeats;
}

function sameFact(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): boolean {
  const numbers = (words: ReadonlySet<string>) =>
    [...words]
      .filter((word) => /\d/.test(word))
      .sort()
      .join(' ');
  const [mineNumbers, theirNumbers] = [numbers(mine), numbers(theirs)];
  const bothCount = mineNumbers !== '' && theirNumbers !== '';
  if (bothCount && mineNumbers !== theirNumbers) return false;
  const shared = [...mine].filter((word) => theirs.has(word)).length;
  return (
    shared >= SAME_FACT_MIN_WORDS &&
    shared >= (bothCount ? SAME_NUMBERS_SHARE : SAME_FACT_SHARE) * Math.min(mine.size, theirs.size)
  );
}
