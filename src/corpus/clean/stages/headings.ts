import { EnglishFrequencies } from '../../../search/english.ts';
import { isCutShort, isHeadlineLike, wordCount, type Line, type Stage } from '../draft.ts';

/** A subheading is short; a longer line without a full stop is a deck or a caption, still text. */
const MAX_HEADING_WORDS = 12;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** "March 3, 2021: Court hears first motions", "Tuesday March 30, 10:04 a.m. ET", "2021-03-03 —": a heading that opens with a date. */
const DATED = new RegExp(
  String.raw`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s)?(?:${MONTH}\s\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s${MONTH}|\d{4}-\d{2}-\d{2})\b`,
  'i',
);

/** A heading this long has no clause in it: "…, which connects the sea with the Re" is a sentence. */
const MAX_HEADING_WORDS_WITH_COMMA = 7;

/**
 * The page's last line, where a stored excerpt may stop anywhere: in a name ("… with the Re"),
 * after one letter ("… received t"), inside a quotation ("“Officials are held so") or after a
 * clause no heading has. It is the start of a paragraph, not a heading with nothing under it.
 */
function isCutExcerptEnd(text: string): boolean {
  // The letters after the last space or hyphen: "… the decade-lon" ends in "lon".
  const last = text.split(/[\s-]/).at(-1) ?? '';
  const opened = (text.match(/[“"]/g) ?? []).length - (text.match(/”/g) ?? []).length;
  return (
    (/^\p{L}{1,4}$/u.test(last) && EnglishFrequencies.shared().isCutOff(last)) ||
    (/^\p{L}$/u.test(last) && last !== 'I' && last !== 'A' && last !== 'a') ||
    (text.includes('“') ? opened > 0 : opened % 2 === 1) ||
    (wordCount(text) > MAX_HEADING_WORDS_WITH_COMMA && /,\s/.test(text))
  );
}

/** Whether a heading opens with a date: it dates the section under it, and is an event of its own. */
export function isDatedHeading(text: string): boolean {
  return DATED.test(text);
}

/** "The suspects were identified as:" above a list: the sentence that the list completes, not a label over it. */
export function isListLead(text: string, next: Line | undefined): boolean {
  return next?.listItem === true && text.endsWith(':');
}

/**
 * A line that reads as a heading ("Periodic attacks on US forces") labels the paragraphs below
 * it; a line cut short ("… the metro in Belo Horizonte,", the last line of an excerpt stopped
 * mid-name) is text the scrape cut, not a heading. A heading that opens with a date ("March 3, 2021: Court hears first motions", a live
 * blog's "Tuesday March 30, 10:04 a.m. ET") labels them too, and stays a passage: the timeline
 * reads its event, and dates the section's "on Wednesday" from it.
 */
export const markHeadings: Stage = (draft) => {
  const headingLike = draft.lines.map(
    (line, i) =>
      !line.listItem &&
      isHeadlineLike(line.text) &&
      wordCount(line.text) <= MAX_HEADING_WORDS &&
      !isCutShort(line.text) &&
      !isListLead(line.text, draft.lines[i + 1]) &&
      // "Jane Doe, architect, born 12 June 1931; died 18 February 2024": clauses a semicolon joins are text.
      !/;\s/.test(line.text) &&
      !(i === draft.lines.length - 1 && isCutExcerptEnd(line.text)),
  );
  return { ...draft, lines: draft.lines.map((line, i) => (headingLike[i] ? { ...line, heading: true } : line)) };
};
