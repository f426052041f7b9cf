/**
 * Splits a passage into sentences without breaking on abbreviations ("Gen.", "U.S.", "Jan.",
 * "Sept.", "Mr."). Each sentence keeps its offset in the passage and its text as printed.
 */

export interface SentenceSpan {
  /** The sentence, trimmed, exactly as printed otherwise. */
  readonly text: string;
  /** Offset of `text` in the passage. */
  readonly start: number;
}

/** Words that end in a period without ending the sentence. Case-sensitive on purpose. */
const ABBREVIATIONS = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Messrs',
  'Dr',
  'Prof',
  'Rev',
  'Hon',
  'Sen',
  'Sens',
  'Rep',
  'Reps',
  'Gov',
  'Pres',
  'Gen',
  'Gens',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Cmdr',
  'Adm',
  'Sgt',
  'Cpl',
  'Pvt',
  'Brig',
  'Cdr',
  'St',
  'Mt',
  'Ft',
  'Ave',
  'Blvd',
  'Rd',
  'Jr',
  'Sr',
  'No',
  'Nos',
  'vs',
  'Vs',
  'etc',
  'approx',
  'Dept',
  'Univ',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Bros',
  'Est',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'Mon',
  'Tue',
  'Tues',
  'Wed',
  'Thu',
  'Thurs',
  'Fri',
  'Sat',
  'Sun',
]);

/** Dotted initialisms ("U.S", "U.N", "a.m") and single initials ("J"). */
const INITIALISM = /^(?:[A-Za-z]\.)+[A-Za-z]?$|^[A-Z]$/;

/** Words that, after an initialism such as "U.S.", show a new sentence has begun. */
const SENTENCE_STARTERS = new Set([
  'The',
  'A',
  'An',
  'It',
  'He',
  'She',
  'They',
  'We',
  'I',
  'You',
  'This',
  'That',
  'These',
  'Those',
  'But',
  'And',
  'In',
  'On',
  'At',
  'After',
  'Before',
  'Since',
  'When',
  'While',
  'However',
  'There',
  'His',
  'Her',
  'Their',
  'Its',
]);

/** Candidate end of sentence: terminal punctuation, closing quotes or brackets, then space. */
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["'”’)\]]*)(\s+)/g;
/** What a new sentence may start with. */
const OPENER = /^["'“‘([]?[A-Z0-9]/;

export function splitSentences(passage: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const push = (from: number, to: number): void => {
    const raw = passage.slice(from, to);
    const text = raw.trim();
    if (text.length > 0) sentences.push({ text, start: from + raw.indexOf(text) });
  };
  // Lines never run into each other: a line break always ends a sentence.
  const lines = /[^\n]+/g;
  for (let line = lines.exec(passage); line; line = lines.exec(passage)) {
    const lineText = line[0];
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let match = BOUNDARY.exec(lineText); match; match = BOUNDARY.exec(lineText)) {
      const end = match.index + match[1]!.length + match[2]!.length;
      const next = lineText.slice(match.index + match[0].length);
      if (next.length === 0 || !OPENER.test(next)) continue;
      if (match[1] === '.' && match[2] === '' && !endsSentence(lineText.slice(start, match.index), next)) continue;
      push(line.index + start, line.index + end);
      start = match.index + match[0].length;
    }
    push(line.index + start, line.index + lineText.length);
  }
  return sentences;
}

const LETTER_OR_PERIOD = /[A-Za-z.]/;

/** Whether the period after `before` ends the sentence, given the text that follows. */
function endsSentence(before: string, next: string): boolean {
  // The run of letters and periods that ends `before`, read backwards: a pattern anchored at the
  // end would be tried from every run of letters before it.
  let start = before.length;
  while (start > 0 && LETTER_OR_PERIOD.test(before[start - 1]!)) start--;
  if (start === before.length) return true;
  const word = before.slice(start);
  const bare = word.replace(/^\.+/, '');
  if (ABBREVIATIONS.has(bare)) return false;
  if (INITIALISM.test(bare)) {
    const nextWord = /^["'“‘(]?([A-Za-z]+)/.exec(next)?.[1] ?? '';
    return SENTENCE_STARTERS.has(nextWord);
  }
  return true;
}
