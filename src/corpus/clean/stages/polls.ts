import { keepLines, wordCount, type Stage } from '../draft.ts';

const POLL_OPENING =
  /^(?:poll|quick poll|reader poll|vote|cast your vote|take (?:our|the) (?:poll|survey))\b\s?[:|-]?/i;
/** Answers a poll offers are a word or three each. */
const MAX_OPTION_WORDS = 3;
const MAX_QUESTION_WORDS = 30;

/**
 * Reader polls: a line announcing one ("Poll: …", "Vote now"), or a question followed by two or
 * more short answers ("Yes", "No", "Not sure"), with those answers.
 */
export const dropPolls: Stage = (draft) => {
  const { lines } = draft;
  const poll = lines.map((line) => POLL_OPENING.test(line.text) && wordCount(line.text) <= MAX_QUESTION_WORDS);
  const isOption = (i: number) =>
    i < lines.length &&
    !lines[i]!.listItem &&
    wordCount(lines[i]!.text) <= MAX_OPTION_WORDS &&
    !/[.!?]$/.test(lines[i]!.text);
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.text.endsWith('?') || wordCount(lines[i]!.text) > MAX_QUESTION_WORDS) continue;
    let end = i + 1;
    while (isOption(end)) end++;
    if (end - i - 1 < 2) continue;
    for (let j = i; j < end; j++) poll[j] = true;
  }
  return keepLines(draft, (_line, i) => !poll[i]);
};
