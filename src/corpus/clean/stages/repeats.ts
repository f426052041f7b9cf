import {
  endsLikeSentence,
  firstBodyIndex,
  isHeadlineLike,
  keepLines,
  looseKey,
  wordCount,
  type Draft,
  type Line,
  type Stage,
} from '../draft.ts';
import { splitSentences } from '../../../text/sentences.ts';

/** A line this long repeated is the page repeating itself; a shorter one ("Read more", a label) is for other stages. */
const MIN_REPEATED_WORDS = 8;
/** Words that identify a paragraph's opening, to find the teasers that cut it short. */
const OPENING_WORDS = 8;
/** Paragraphs compared per opening: a page of lines that all open alike is not worth quadratic time. */
const MAX_SAME_OPENING = 4;

/** Words a reprint may change in one place ("went into" for "entered") and still be the same paragraph. */
const MAX_CHANGED_WORDS = 3;

/** A day or a month: a paragraph that changes one says when, which is news. */
const DATE_WORD =
  /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * The same paragraph with one short run of words changed, none of them a number or a date: a
 * caption restating the text above it, not an update (a new figure or day is news).
 */
function isReworded(key: string, seen: string): boolean {
  const a = key.split(' ');
  const b = seen.split(' ');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const changed = [...a.slice(head, a.length - tail), ...b.slice(head, b.length - tail)];
  return (
    changed.length > 0 &&
    changed.length <= MAX_CHANGED_WORDS &&
    !changed.some((word) => /\d/.test(word) || DATE_WORD.test(word))
  );
}

/** A sentence printed again and again on one line is at least this long ("Six people have died."). */
const MIN_SELF_REPEAT_WORDS = 3;

/**
 * "Six people have died. Six people have died.": one sentence printed twice or more on a line (a
 * picture's alternative text, then its caption; a headline and its copy): the line's first copy,
 * as written, or null when the line is no such repetition.
 */
function firstCopy(text: string): string | null {
  const words = text.split(' ');
  const keys = words.map(looseKey);
  for (let copies = 2; copies * MIN_SELF_REPEAT_WORDS <= words.length; copies++) {
    if (words.length % copies !== 0) continue;
    const size = words.length / copies;
    if (keys.every((key, i) => i < size || key === keys[i - size])) return words.slice(0, size).join(' ');
  }
  return null;
}

/**
 * A line printed twice over is read once: it goes where the page printed it on a line before (the
 * caption under its deck), and stays as one copy where it did not (a headline).
 */
const readOnce: Stage = (draft) => {
  const seen = new Set<string>();
  const lines: Line[] = [];
  for (const line of draft.lines) {
    const copy = line.heading ? null : firstCopy(line.text);
    const text = copy ?? line.text;
    if (copy !== null && seen.has(looseKey(copy))) continue;
    seen.add(looseKey(text));
    lines.push(copy === null ? line : { ...line, text });
  }
  return lines.length === draft.lines.length && lines.every((line, i) => line === draft.lines[i])
    ? draft
    : { ...draft, lines };
};

/** Words in a row a caption takes over from a paragraph above it, as one run. */
const RESTATED_RUN = 12;
/** Runs are found by overlapping pieces of this many words. */
const PIECE_WORDS = 8;

/**
 * Pieces of the paragraphs read so far, each with the paragraph it comes from, to find a caption
 * that restates a paragraph above it: "As the toll rises, it has been revealed contractors that
 * worked on the refurbishment could have spent just £5,000 more" under "Contractors that worked
 * on the refurbishment could have spent just £5,000 more, it has been revealed." A caption ends
 * without a full stop; an article's sentence ends with one, and may quote a paragraph at will.
 */
class Restated {
  private readonly pieces = new Map<string, number>();
  private paragraphs = 0;

  remember(key: string): void {
    const words = key.split(' ');
    const paragraph = this.paragraphs++;
    for (let i = 0; i + PIECE_WORDS <= words.length; i++) {
      const piece = words.slice(i, i + PIECE_WORDS).join(' ');
      if (!this.pieces.has(piece)) this.pieces.set(piece, paragraph);
    }
  }

  /** Whether the line holds a run of RESTATED_RUN words or more of one paragraph read before. */
  holdsRun(key: string): boolean {
    const words = key.split(' ');
    const needed = RESTATED_RUN - PIECE_WORDS + 1;
    let run = 0;
    let from = -1;
    for (let i = 0; i + PIECE_WORDS <= words.length; i++) {
      const paragraph = this.pieces.get(words.slice(i, i + PIECE_WORDS).join(' '));
      run = paragraph !== undefined && (run === 0 || paragraph === from) ? run + 1 : paragraph !== undefined ? 1 : 0;
      from = paragraph ?? -1;
      if (run >= needed) return true;
    }
    return false;
  }
}

/** A quotation alone on its line: "“We treated it as a rounding error. It was the whole story.”" */
const QUOTATION_ALONE = /^["“‘].{10,400}["”’]$/;
/** A pull quote's sentences are words of the text: each this long at least, to be found in a paragraph. */
const MIN_QUOTED_WORDS = 3;
/** Pull quotes looked for per page: a page of quotations alone is an interview, not worth the time. */
const MAX_PULL_QUOTES = 20;

/**
 * A pull quote: a quotation alone on its line, every sentence of which a paragraph of the page
 * says too, with its speaker between ("“We treated it as a rounding error,” she said. “It was
 * the whole story.”"). The paragraph stays; the quote, set in large type beside it, goes.
 */
function dropPullQuotes(draft: Draft): Draft {
  const quotes = draft.lines.flatMap((line, index) =>
    !line.heading && !line.listItem && QUOTATION_ALONE.test(line.text) ? [index] : [],
  );
  if (quotes.length === 0 || quotes.length > MAX_PULL_QUOTES) return draft;
  const paragraphs = draft.lines.map((line) => looseKey(line.text));
  const pulled = new Set(
    quotes.filter((index) => {
      const sentences = splitSentences(draft.lines[index]!.text)
        .map((sentence) => looseKey(sentence.text))
        .filter((key) => key.split(' ').length >= MIN_QUOTED_WORDS);
      return (
        sentences.length > 0 &&
        paragraphs.some(
          (paragraph, at) =>
            at !== index &&
            paragraph.length > paragraphs[index]!.length &&
            sentences.every((key) => paragraph.includes(key)),
        )
      );
    }),
  );
  return pulled.size === 0 ? draft : keepLines(draft, (_line, index) => !pulled.has(index));
}

/**
 * A paragraph the page prints again (a teaser box, a "most read" list, a second copy of the
 * story below the first, a caption restating a paragraph in other words), whole, cut short or
 * with a few words changed, goes; its first printing stays. So do a caption that takes a long run
 * of words over from a paragraph above it, a sentence printed twice over on one line, and a pull quote.
 * Compared by loose key (case and punctuation aside).
 */
export const dropRepeats: Stage = (draft) => {
  const byOpening = new Map<string, string[]>();
  const restated = new Restated();
  const once = dropPullQuotes(readOnce(draft));
  // Above the first paragraph, a headline printed twice is for the title to judge: the longer
  // printing may carry the site's name ("… - Example Metro"), the shorter be the page's own.
  const header = firstBodyIndex(once.lines);
  return keepLines(once, (line, index) => {
    if (line.heading || line.listItem || wordCount(line.text) < MIN_REPEATED_WORDS) return true;
    if (index < header && isHeadlineLike(line.text)) return true;
    const key = looseKey(line.text.replace(/(?:…|\.\.\.)$/, ''));
    if (endsLikeSentence(line.text)) restated.remember(key);
    else if (restated.holdsRun(key)) return false;
    const opening = key.split(' ', OPENING_WORDS).join(' ');
    const earlier = byOpening.get(opening) ?? [];
    if (earlier.some((seen) => seen.startsWith(key))) return false;
    const reworded = earlier.some((seen) => isReworded(key, seen));
    // A reworded copy is remembered too: the page may print it once more, cut short.
    if (earlier.length < MAX_SAME_OPENING) byOpening.set(opening, [...earlier, key]);
    return !reworded;
  });
};
