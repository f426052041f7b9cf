import { agencyNamed, endsWithCredit, isCreditLine, reportsSpeech } from '../credits.ts';
import {
  endsLikeSentence,
  firstBodyIndex,
  isBody,
  isHeadlineLike,
  keepLines,
  looseKey,
  mapText,
  wordCount,
  type Line,
  type Stage,
} from '../draft.ts';
import { splitSentences } from '../../../text/sentences.ts';

/** A label above a caption ("A man being rescued in Northtown") is a few words at most. */
const MAX_LABEL_WORDS = 8;
/** Opening words a full caption shares with the copy the page cut short. */
const SHARED_OPENING_WORDS = 6;

/** "FILE - …", "FILE PHOTO: …", "1 of 3 | …", "Image: …", "Image caption, …": captions by their own conventions. */
const CAPTION_OPENING =
  /^(?:file(?: photo)?\s?[-–—:]|\d{1,2} of \d{1,2}\s?\||(?:image|photo|picture|video)\s?:\s|(?:image|photo|video) caption\b)/i;
/** "Photo:", "Credit:": a credit's label alone on its line, the credit on the next. */
const BARE_CREDIT_LABEL = /^(?:photo|image|picture|credit)s?\s?:$/i;
/** "Image caption,": a label whose caption is the next line. */
const CAPTION_LABEL = /^(?:image|photo|video) caption\s?[,:]?$/i;
/** "Harbour strike FILE PHOTO: …", "Harbour strike FILE - …": the picture's short label run into the caption, whose "FILE" is in capitals. */
const LABELLED_FILE_CAPTION = /^(?:[\p{L}\d'’-]+ ){1,5}(?:FILE PHOTO\s?[-–—:]|FILE [-–—])\s/u;
/**
 * "… before the refurbishment (left) and after (right)", "The mayor (pictured) …", "Jane Doe, seen
 * leaving court on Monday, faces …": where a picture's subject stands or what it shows, said only
 * by its caption when the line has no full stop.
 */
const PICTURE_POSITION =
  /\((?:left|right|centre|center|pictured|seen|shown|top|bottom|above|below|inset)\b|, (?:pictured|seen|shown) [^,]{3,80},/i;

/** "Brazilian President Jane Doe.": a name and its title, with a full stop and no verb: the label of a picture. */
const NAME_LABEL = /^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,5}\.$/u;

/** The months in full, and a day of one in full as agencies' captions write it: "January 1, 2023". */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const FULL_DATE = String.raw`(?:${MONTHS}) \d{1,2}, \d{4}`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

/**
 * "… at the palace on January 1, 2023 in Northtown, Exampleland.": a picture agency's caption,
 * dated and placed by its formula (the month in full, no comma after the year, the city and the
 * country), ending the line's first sentence. News copy writes "on Jan. 1, 2023, in Northtown".
 */
const AGENCY_CAPTION_DATE = new RegExp(
  String.raw`\bon ${FULL_DATE} in \p{Lu}[\p{L}'’.-]{0,25}(?: \p{Lu}[\p{L}'’.-]{0,25}){0,3}, \p{Lu}[\p{L}'’.-]{0,25}(?: \p{Lu}[\p{L}'’.-]{0,25}){0,3}\.(?:\s|$)`,
  'u',
);

/**
 * "Soccer Football - Example Cup - Final - Harbour Stadium, Northtown - August 20, 2023 …": a
 * picture agency's sports caption, its sport, event, occasion and place set off by dashes, then the date.
 */
const SPORTS_CAPTION_DATE = new RegExp(String.raw`^(?:[^-–\n]{2,100} [-–] ){2,6}${FULL_DATE}\b`, 'u');

/**
 * "NORTHTOWN, EXAMPLELAND – JANUARY 3: Jane Doe walks …": a picture agency's caption, its place
 * and day in capitals before a colon (a news dateline gives the outlet or agency, not the day).
 */
const PLACE_AND_DAY_CAPTION = new RegExp(
  String.raw`^\p{Lu}[\p{Lu} .,'’-]{1,60} [-–—] (?:${MONTHS.toUpperCase()}) \d{1,2}: `,
  'u',
);

/**
 * "Jane Doe, founder of Example Inc., arrives at court on Monday, November 4, 2019, in Northtown.":
 * one sentence naming someone (its abbreviations' periods before a comma), then what they do on a weekday given with its full date, as
 * agencies caption pictures (news copy says "on Monday" or "on Nov. 4").
 */
const NAMED_WEEKDAY_CAPTION = new RegExp(
  String.raw`^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}, (?:[^.!?]|\.(?=,)){0,200}\bon ${WEEKDAY}, ${FULL_DATE}\b[^.!?]{0,200}\.?$`,
  'u',
);

/**
 * "Jane Doe is led out of the courthouse after the verdict Thursday, March 2, 2023, in Northtown,
 * Exampleland.": a newspaper network's caption with no credit. A name, then what they do in the
 * present tense on a past day given with its weekday, its full date and its place after a comma;
 * news copy tells a past day in the past tense. A possessive is no name ("Jane Doe's lawyers say").
 */
const PRESENT_TENSE_DATED_CAPTION = new RegExp(
  String.raw`^\p{Lu}[\p{L}.-]*(?:['’]\p{Lu}[\p{L}-]*)?(?: \p{Lu}[\p{L}.-]*(?:['’]\p{Lu}[\p{L}-]*)?){1,3} (?:is|are|\p{Ll}{2,20}s) [^.!?]{0,200}\b${WEEKDAY}, ${FULL_DATE}, in \p{Lu}`,
  'u',
);

function isAgencyCaption(text: string): boolean {
  const dated = AGENCY_CAPTION_DATE.exec(text);
  return (
    (dated !== null && !/[.!?]\s/.test(text.slice(0, dated.index))) ||
    SPORTS_CAPTION_DATE.test(text) ||
    PLACE_AND_DAY_CAPTION.test(text) ||
    NAMED_WEEKDAY_CAPTION.test(text) ||
    PRESENT_TENSE_DATED_CAPTION.test(text)
  );
}

/** A card's date and outlet after its cut text: "… 01.01.2023, Sputnik International", "… Jan 1, 2023". */
const CARD_STAMP = /\s(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\p{Lu}\p{Ll}{2,8}\.? \d{1,2}, \d{4})(?:, [^,.…]{2,40})?$/u;

/** A caption or card the page cut short is a few lines of print; a longer line is the article's text cut short (a paywall's teaser). */
const MAX_TRUNCATED_WORDS = 60;

/**
 * Cut short by the page, not by its sentence: "… Pictures on the wall…" (a sentence ending before
 * the ellipsis is quoted text), also with the card's date and outlet after it.
 */
function isTruncated(line: string): boolean {
  if (wordCount(line) > MAX_TRUNCATED_WORDS) return false;
  const text = line.replace(CARD_STAMP, '');
  return /(?:…|\.\.\.)$/.test(text) && !/[.!?]["'”’]?\s?(?:…|\.\.\.)$/.test(text);
}

/**
 * Photo captions and credits. A credit line goes ("David Paul Morris/Bloomberg/Getty Images",
 * "Photo: Bloomberg"), with the caption above it and a short label above that (but never the
 * page's first headline-like line, where its headline stands); so does a line ending in its credit ("… (AP
 * Photo/Khalil Hamra)"), a caption cut short by the page with the full copy that repeats its
 * opening, a caption printed twice below the header, "FILE - " captions (their label run in before
 * them too: "Harbour strike FILE PHOTO: …"), a picture agency's
 * captions by their date and place (its sports captions by their dashes), a line with no full stop that says where a picture's
 * subject stands ("… before the refurbishment (left)"), and a placed caption run into the end of a paragraph.
 */
export const dropCaptions: Stage = (page) => {
  const draft = mapText(page, (text) =>
    withoutGluedCaption(withoutGluedCredits(withoutCaptionBeforeDateline(text.replace(CREDIT_BEFORE_DATELINE, '')))),
  );
  const { lines } = draft;
  const credit = lines.map((line) => isCreditLine(line.text));
  // The page's first headline-like line is where its headline stands: never a caption or a label.
  const headline = lines.findIndex((line) => isHeadlineLike(line.text) && wordCount(line.text) >= 3);
  const deck = deckUnder(lines, headline);
  const caption = lines.map(
    (line, i) =>
      credit[i]! ||
      (!line.listItem &&
        (endsWithCredit(line.text) ||
          CAPTION_OPENING.test(line.text) ||
          LABELLED_FILE_CAPTION.test(line.text) ||
          isAgencyCaption(line.text) ||
          (isTruncated(line.text) && i !== deck) ||
          NAME_LABEL.test(line.text) ||
          (PICTURE_POSITION.test(line.text) && !endsLikeSentence(line.text)))),
  );
  // The line above a credit is its caption, unless it reports what someone said (a paragraph above a picture with
  // none), or it is the article's last paragraph and the "credit" an agency's name alone: the agency signing off.
  const lastParagraph = lines.findLastIndex(isBody);
  const signsOff = (i: number): boolean => i - 1 === lastParagraph && agencyNamed(lines[i]!.text) !== null;
  for (let i = 1; i < lines.length; i++)
    if (credit[i] && !caption[i - 1] && i - 1 !== headline && !reportsSpeech(lines[i - 1]!.text) && !signsOff(i))
      caption[i - 1] = true;
  // The caption under a label ("Image caption,"), and the copy of a caption above it without its credit.
  for (let i = 1; i < lines.length; i++) {
    if (CAPTION_LABEL.test(lines[i - 1]!.text)) caption[i] = true;
    // "Photo:" over "Radio Northtown / Jane Doe": the credit under its bare label, whoever it names.
    if (BARE_CREDIT_LABEL.test(lines[i - 1]!.text) && wordCount(lines[i]!.text) <= MAX_LABEL_WORDS) caption[i] = true;
    if (caption[i] && !credit[i] && looseKey(lines[i]!.text).startsWith(looseKey(lines[i - 1]!.text)))
      caption[i - 1] = true;
  }
  // One label above a caption, never a label above a label.
  const labelled = [...caption];
  for (let i = 0; i < lines.length - 1; i++)
    if (labelled[i + 1] && !credit[i + 1] && !caption[i] && i !== headline && isLabel(lines[i]!)) caption[i] = true;
  const header = firstBodyIndex(lines);
  for (let i = Math.max(1, header); i < lines.length; i++) {
    if (looseKey(lines[i]!.text) !== looseKey(lines[i - 1]!.text)) continue;
    caption[i] = true;
    // The article's first paragraph printed twice (as the deck, then the lede) keeps one copy; a caption printed twice goes.
    if (i - 1 !== header) caption[i - 1] = true;
  }
  // The full copy of a caption the page cut short opens with the same words and then says it
  // otherwise ("… on January 1, 2020. Pictures on the wall…" above "… Jan. 1, 2020."). A line the
  // cut copy is the very start of is a paragraph that a teaser repeats: it stays.
  const cut = new Map<string, string>();
  for (const line of lines) {
    const key = looseKey(line.text);
    if (isTruncated(line.text) && opening(key).split(' ').length >= 4) cut.set(opening(key), key);
  }
  const kept = keepLines(draft, (line, i) => {
    if (caption[i]) return false;
    const key = looseKey(line.text);
    const shortened = cut.get(opening(key));
    return shortened === undefined || key.startsWith(shortened);
  });
  // Only in the lines kept: a run of captions, each with its credit, is judged whole above.
  return mapText(kept, withoutInlineCaptions);
};

const opening = (key: string): string => key.split(' ', SHARED_OPENING_WORDS).join(' ');

/**
 * The line under the headline, where a deck stands ("Convicted killer negotiates a 27-year sentence
 * …"): a deck the page cut short is still the article's summary. Not when the cut line repeats
 * the opening of another line (a teaser of the first paragraph) or ends a sentence before the cut
 * (a caption that goes on, "… on January 1, 2020. Pictures on the wall…"). -1 when there is none.
 */
function deckUnder(lines: readonly Line[], headline: number): number {
  const under = lines[headline + 1];
  if (headline < 0 || under === undefined || splitSentences(under.text).length > 1) return -1;
  const start = opening(looseKey(under.text));
  return lines.some((line) => line !== under && opening(looseKey(line.text)) === start) ? -1 : headline + 1;
}

/** "Northtown: Students look at a model … (XYZ Photo)": a caption opening with the place of its picture, its credit in brackets. */
const PLACED_CAPTION = /^\p{Lu}[\p{L}-]{1,25}(?: \p{Lu}[\p{L}-]{1,25}){0,2}: \p{Lu}.*[)\]]$/u;
/** "Credit: Jane Doe", "Photo: Example": a credit's own label, no place. */
const CREDIT_LABEL = /^(?:credit|photo|image|picture|source|video|file)s?:/i;

/**
 * "… the search went on overnight. Northtown: Volunteers carry supplies into the town hall.(XYZ
 * file photo)": a placed caption with its credit run into the end of a paragraph.
 * The caption goes, the paragraph stays.
 */
function withoutGluedCaption(text: string): string {
  if (!endsWithCredit(text)) return text;
  const last = splitSentences(text).at(-1);
  return last && last.start > 0 && PLACED_CAPTION.test(last.text) && !CREDIT_LABEL.test(last.text)
    ? text.slice(0, last.start).trimEnd()
    : text;
}

/** "Photo by Jane Doe-Pool/Getty Images(NORTHTOWN, Ex.) -- The jury …": a picture's credit run into the dateline that opens the paragraph. */
const CREDIT_BEFORE_DATELINE =
  /^(?:Photo|Photograph|Image|Picture)(?: credit)?(?: by\s|:\s?)[^()\n]{3,80}?(?=\(\p{Lu}[\p{Lu}\p{L} .,'’-]{1,40}\)\s?(?:--|[-–—]))/u;
/**
 * "Workers pump water out of the depot. — AFP picNORTHTOWN, March 20 — …": a caption whose credit
 * ("— AFP pic") the scrape ran into the dateline in capitals that opens the paragraph: the credit's
 * "pic" glued to the place, and the caption's sentence before a dash.
 */
const PIC_BEFORE_DATELINE = /\spic(?=\p{Lu}{3}[\p{Lu} .'’-]{0,30},)/u;
const CAPTION_AND_CREDIT = /[.!?] [–—-] ?[^–—.!?]{2,40}$/u;

/** The paragraph without the caption and credit run into its dateline. */
function withoutCaptionBeforeDateline(text: string): string {
  const pic = PIC_BEFORE_DATELINE.exec(text);
  if (!pic) return text;
  const before = text.slice(0, pic.index);
  const credit = CAPTION_AND_CREDIT.exec(before);
  return credit && credit.index >= 10 ? text.slice(pic.index + pic[0].length) : text;
}
/** "…outCredit: ": a credit's label run into the last word of its caption, as no sentence of a paragraph writes it. */
const GLUED_CREDIT_LABEL = /(?<=\p{Ll})Credit:\s?/gu;
/** How far a credit run into the next sentence may go: "Credit: GettyNorthtown's …", "Credit: Jane Doe/AFPThe …". */
const MAX_GLUED_CREDIT = 40;
/** Where a sentence ends, the next one starting with a capital (with or without a space). */
const SENTENCE_END = /[.!?]["'”’]?(?=\s?["'“‘]?\p{Lu})/gu;

/**
 * "… at the club's pitch.Rivals have been praised for helping Northtown outCredit: GettyNorthtown's
 * clash was off due to a waterlogged pitchCredit: PAA storm meant …": the captions of a page's
 * pictures and their credits, run into a paragraph with no space on either side. Each caption
 * goes (from the end of the sentence before it) with its credit (to where the next sentence's
 * first word is run into it); the paragraph's own sentences stay. A credit whose end cannot be
 * told is left as it is.
 */
function withoutGluedCredits(text: string): string {
  if (!text.includes('Credit:')) return text;
  // Where each sentence ends, read once: labels and caption starts both move forward, so the text is read in linear time.
  const stops = Array.from(text.matchAll(SENTENCE_END), (stop) => stop.index + stop[0].length);
  let next = 0;
  let kept = '';
  let from = 0;
  for (const label of text.matchAll(GLUED_CREDIT_LABEL)) {
    if (label.index < from) continue;
    const end = gluedCreditEnd(text, label.index + label[0].length);
    if (end < 0) continue;
    while (next < stops.length && stops[next]! <= label.index) next++;
    const before = stops[next - 1];
    kept += `${text.slice(from, before !== undefined && before > from ? before : from).trimEnd()} `;
    from = end;
  }
  return from === 0 ? text : (kept + text.slice(from)).replace(/\s+/g, ' ').trim();
}

/** Where a credit run into the next sentence ends: before the capital of a word run into its last letter; -1 when there is none near. */
function gluedCreditEnd(text: string, start: number): number {
  const limit = Math.min(text.length, start + MAX_GLUED_CREDIT);
  for (let at = start + 2; at < limit; at++) {
    const letter = text[at]!;
    const next = text[at + 1] ?? ' ';
    if (/\p{Lu}/u.test(letter) && /\p{L}/u.test(text[at - 1]!) && /[\p{Ll}\s'’]/u.test(next)) return at;
    if (/[.!?]/.test(letter)) return -1;
  }
  return -1;
}

/** A picture's credit in brackets after a full sentence, with the paragraph going on after it: "… board. (AP Photo/Jane Doe, File) During …". */
const INLINE_CREDIT = /[.!?]["'”’]? ([([][^()[\]]{3,80}[)\]]) (?=\p{Lu})/gu;

/**
 * "… in 2011. Former minister Jane Doe, pictured in 2017, spoke on Wednesday. (AP Photo/John Roe,
 * File) During her …": a caption and its credit that the page printed inside a paragraph. The
 * sentence before the credit is the caption; both go, the paragraph's own sentences stay.
 */
function withoutInlineCaptions(text: string): string {
  let kept = '';
  let from = 0;
  for (const match of text.matchAll(INLINE_CREDIT)) {
    if (!isCreditLine(match[1]!)) continue;
    const end = match.index + match[0].indexOf(match[1]!);
    const caption = splitSentences(text.slice(from, end)).at(-1);
    if (!caption) continue;
    kept += text.slice(from, from + caption.start);
    from = end + match[1]!.length + 1;
  }
  return from === 0 ? text : kept + text.slice(from);
}

function isLabel(line: Line): boolean {
  return isHeadlineLike(line.text) && wordCount(line.text) <= MAX_LABEL_WORDS && !endsLikeSentence(line.text);
}
