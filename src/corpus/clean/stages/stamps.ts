import { parseDateStamp, parseIsoDate } from '../../dates.ts';
import { agencyNamed, endsWithCredit } from '../credits.ts';
import { PUBLICATION } from './outletStatements.ts';
import {
  BULLET_SYMBOL,
  firstBodyIndex,
  isBody,
  isHeadlineLike,
  PERSON_NAME,
  type Line,
  type Stage,
  type TextMeta,
} from '../draft.ts';

/** "By Jane Doe", "By JANE DOE, JOHN ROE and ANN POE", "By Jane Doe in Adana and John Roe in Maras". */
// Case-blind only in its label: under the i flag \p{Lu} takes lower case too, and "By midday Wednesday, …" is a sentence.
const BYLINE =
  /^(?:(?:[Ww]ritten|[Rr]eported|[Pp]osted|WRITTEN|REPORTED|POSTED) )?(?:[Bb]y|BY)\s+(\p{Lu}[\p{L}\p{N} .,'’&-]{1,100})$/u;
/** Where a date starts after the author's name in a byline: "Jane Doe March 14th, 2023", "Jane Doe 15 February 2022". */
const DATE_AFTER_NAME =
  /\s(?=(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}(?:st|nd|rd|th)? \p{Lu}\p{Ll}{2,8}\b))/u;
/** "… 2 min read": the reading time a site prints after its stamp. */
const READING_TIME = /\s?\d{1,3} min(?:ute)?s? read$/i;
/** "Written By Jane Doe|Last Updated: Aug 17, 2023, 02:25 PM IST|Source: Example": a byline, then its stamp and source, on one line. */
const PART_SEPARATOR = /\s?\|\s?/;
/** "Wednesday, July 10, 2024 | Back issues": a masthead's date of the current issue, beside a link to the paper's issues. */
const MASTHEAD_DATE = /\s?\|\s?(?:back issues|today['’]s paper|e-?edition|print edition)$/i;
/** Where a stamp's label is run into the end of the stamp before it, after a time zone or a digit ("UTCUpdated:"). */
const GLUED_STAMP_LABEL = /(?<=[\p{Lu}\d])(?=(?:Updated|Published|Posted|Last [Uu]pdated):)/u;
/** "Example Media Bureau", "Example Desk": a staff byline naming its outlet and no person. */
const OUTLET_DESK = /^(.{2,60}?) (?:[Bb]ureau|(?:[Nn]ews |[Ww]eb )?[Dd]esk)$/u;
/** "ByEX Correspondent": a byline the scrape glued to its initials. */
const GLUED_BYLINE = /^By(\p{Lu}{2}[\p{L}\p{N} .,'’&-]{1,100})$/u;
/** " | Edited by Jane Roe": the editor credited after the byline, not its author. */
const EDITOR = /\s?\|\s?(?:edited|produced|reviewed) by\s[^|]{2,60}$/i;
/** "EX Correspondent", "EX Bureau": a staff byline giving the outlet by its initials, and no person. */
const INITIALS_STAFF =
  /^(\p{Lu}{2,6}) (?:[Ss]taff|[Cc]orrespondent|[Rr]eporter|[Bb]ureau|(?:[Nn]ews |[Ww]eb )?[Dd]esk)$/u;
/** "- Jane Doe and John Roe": a byline set off by a dash. */
const DASH_BYLINE = /^[-–—]\s?(\p{Lu}[\p{L}.'’-]{0,25}(?: [\p{L}.'’-]{1,25}){1,8})$/u;
/** "Jane Doe | Example Wire": author and who the text comes from. */
const BYLINE_WITH_SOURCE = new RegExp(
  String.raw`^(${PERSON_NAME}) \| (\p{Lu}[\p{L}&.'’-]{0,25}(?: \p{Lu}[\p{L}&.'’-]{0,25}){0,3})$`,
  'u',
);
/** "Jane Doe – 2nd May 2023", "Jane Doe | 1 May 2023": an author and the date, on one line. */
const NAME_THEN_STAMP = new RegExp(String.raw`^(${PERSON_NAME}) [-–—|] (.{6,60})$`, 'u');
/** "SOURCE: NBC NEWS/REUTERS". */
const SOURCE_LINE = /^source\s?:\s?(.{2,80})$/i;
/** "Source: Bureau", "Source: Agencies": the outlet's own desk, or no one named, credited. */
const OWN_DESK = /^(?:(?:our |news |web |online )?(?:bureau|desk|staff)|agencies|wires?|internet|online)$/i;
/** "Example News and news agencies": an outlet crediting its own reporting, with the wires it drew on. */
const OWN_AND_AGENCIES = /^(\p{Lu}.{1,60}?) (?:and|with|&) (?:news |wire )?(?:agencies|wires)$/u;
/** "(Xinhua) 13:53, May 19, 2023": a credit and a stamp in one line. */
const CREDITED_STAMP = /^\(([^()]{2,40})\)\s?(.{4,60})$/;
/** "--IANS", "— Reuters", "(Xinhua)", "with AAP": an agency signing off the text, or credited alone on a line. */
const SIGN_OFF = /^(?:(?:[-–—]{1,2}|[Ww]ith)\s?(\p{L}[\p{L} .-]{1,40})|\((\p{L}[\p{L} .-]{1,40})\))$/u;
/** "jd/mm (dpa)": the editors' initials, then the agency the story is from. */
const EDITORS_SIGN_OFF = /^\p{Ll}{2,3}(?:\/\p{Ll}{2,3}){1,3} \((\p{L}[\p{L} .-]{1,30})\)$/u;
/** "The Example Post with AFP", "(Example 24 with AFP)", "Reporting by ANP": the outlet's desk with an agency, or the agency reporting. */
const WITH_AGENCY = /^\(?(?:.{2,60}? with|[Rr]eporting by) (\p{Lu}[\p{L} .-]{1,30})\)?$/u;
/** "The Associated Press contributed to this report.", "Reuters contributed reporting." */
const CONTRIBUTED =
  /^((?:the )?[\p{L}&.' -]{2,60}?) contributed(?: reporting)?(?: to this (?:report|story|article))?\.?$/iu;
/**
 * "Example News' Jane Doe, John Roe and Ann Poe contributed to this report.": an outlet's reporters,
 * listed; only with the report named, as a sentence of the story ("Rain, wind and ice contributed.") never is.
 */
const CONTRIBUTORS = /^([\p{L}&.'’, -]{2,120}?) contributed (?:reporting|to this (?:report|story|article))\.?$/iu;
/** "Example News' Jane Doe, …": whose reporters a contributor line lists. */
const CONTRIBUTORS_OF = /^((?:the )?[\p{L}&. -]{2,40}?)['’]s?\s/iu;
/** Labels and reading-time notes around a publication stamp: "2 min read Last Updated :", "First published on:", "This Article is From". */
const STAMP_LABEL =
  /^(?:\d{1,3} min(?:ute)?s? read\s?[|·]?\s?)?(?:(?:first |originally )?published(?: on)?|updated|last updated|posted|modified|(?:publish(?:ed)? )?date|this (?:article|story|report|page) is from)?\s?:?\s?/i;
/** "Reporting by Jane Doe in Northtown; Editing by John Roe", also in brackets: an agency's credits of its reporters and editors, below the story. */
const WIRE_CREDITS =
  /^(?:(?:additional )?reporting|writing|editing|compiled|graphics) by [^.]{3,200}?(?:;\s?(?:(?:additional )?reporting|writing|editing|compiled|graphics) by [^.;]{3,120}){1,4}\.?$/i;
/** "Author:", "Date:", "Tags:": the label of a page's detail, alone in a list item. */
const DETAILS_LABEL =
  /^(author|by|written by|date|published|posted|updated|source|tags?|categor(?:y|ies)|share|topics?)\s?:$/i;
/** A later stamp ("Updated …") never replaces the publication stamp. */
const UPDATE_LABEL = /^(?:\d{1,3} min(?:ute)?s? read\s?[|·]?\s?)?(?:last )?(?:updated|modified)\b/i;
/** Clock times and zones around a stamp: "| 6:15 AM IST", "at 15:22 IST", "3:26 PM". */
const CLOCK = /\s?(?:[|,·]|\bat\b)?\s?\b\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?(?:\s?[A-Z]{2,4}\b)?/gi;
/** "Example Staff", "Example Staff Writer", "Example News Correspondent": the outlet a staff byline may name after the author. */
const STAFF = /^(.{2,60}?) (staff(?: writers?| reporters?)?|correspondents?|reporters?|writers?)$/i;
/**
 * Whether a staff byline's name is the outlet's: a staff of one is the outlet's ("Example Staff"), a
 * correspondent or a reporter often a place's or a beat's ("Southvale Correspondent", "Senior
 * Reporter"), an outlet's only when it reads as a publication ("Example News Correspondent").
 */
function namesOutlet(staff: RegExpExecArray): boolean {
  return /^staff/i.test(staff[2]!) || PUBLICATION.test(staff[1]!);
}
/** "New York, March 11": a dateline on a line of its own, under the headline. */
const DATELINE_LINE = /^(\p{Lu}[\p{L}.'’-]{0,25}(?: \p{Lu}[\p{L}.'’-]{0,25}){0,3}),\s(\p{L}{3,9}\.? \d{1,2})$/u;
/** Stamps stand near the top: above the first paragraph, or among the page's first lines when a deck precedes them. */
const TOP_LINES = 8;
/**
 * A header is never longer than this: a page with no paragraph that reads as body text would
 * otherwise be all header, and every line of it read as a date (a few thousand lines: half a second).
 */
const MAX_HEADER_LINES = 60;
/** Wire agencies name the organisation behind a byline ("By VOA News") rather than a person. */
const ORGANISATION =
  /\b(?:news|press|agency|agence|reuters|associated|staff|desk|bureau|times|post|service|network|tv|radio|media)\b/i;

/** A journalist's role, as a byline sets it beside or under the name: "Reporter", "Editor at Large", "Example News Digital Reporter". */
const ROLE = String.raw`(?:[\p{Lu}][\p{L}-]* ){0,5}(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor(?: at [Ll]arge)?|[Ww]riter|[Cc]olumnist|[Pp]roducer|[Jj]ournalist)`;
/** "John Roe, Reporter", "Jane Doe, Senior Correspondent": the author and their role. */
const NAME_AND_ROLE = new RegExp(`^(${PERSON_NAME}), ${ROLE}$`, 'u');
/** "Editor at Large", "Example News Northtown Digital Reporter": a role alone, under the name. */
const ROLE_LINE = new RegExp(`^${ROLE}$`, 'u');

/** A person's name as a byline gives it before a comma. */
const PERSON = new RegExp(`^${PERSON_NAME}$`, 'u');
/**
 * "Example Media Group National Content Desk", "Example Holdings Foreign Desk": the desk of a group
 * that owns many outlets and serves them all (syndicated copy), not the outlet printing it.
 */
const GROUP = /\b(?:group|holdings|media|inc|llc|corp(?:oration)?|networks?)\b/i;
const DESK = /\b(?:desk|bureau)$/i;

/**
 * "Aug 07, 2021Jane DoeBusiness / Markets": a stamp run together with the byline and the section
 * that followed it, the scrape having dropped what separated them: the year runs into a capital.
 */
const GLUED_STAMP = /^(\p{Lu}\p{Ll}{2,8}\.? \d{1,2}, \d{4})(?=\p{Lu})(.{2,100})$/u;
/** The byline at the head of what a glued stamp runs into: a name whose last word runs into the next capital. */
const GLUED_NAME = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2})(?=\p{Lu})/u;

/** "01.01.2023": a day, month and year with full stops, as European sites print them. */
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** A stamp of more parts than this, or a part longer, is a line of something else. */
const MAX_STAMP_PARTS = 4;
const MAX_STAMP_PART_LENGTH = 30;

/** The date a stamp line gives, read without its labels, clock times and update notes ("5, October, 2022", "24 Nov, 2022 / Updated 2 years ago", "30 August 2023 Wednesday 04:21" too). */
export function stampDate(text: string): ReturnType<typeof parseDateStamp> {
  if (text.length > 100) return null;
  // Read before clock times are dropped: "01.01" of "01.01.2023" would pass for one; "4.3.2024" is 4 March.
  const dotted = DOTTED.exec(text.replace(STAMP_LABEL, '').split(/[\s|·•]/)[0]!);
  if (dotted) return parseIsoDate(`${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`);
  const bare = text
    .replace(STAMP_LABEL, '')
    // "Updated March 18, 2023 — 6.12pm, first published at 9.40am": the first printing's time, after the update's.
    .replace(/,?\s?(?:first|originally) published\b.{0,40}$/i, '')
    // "… at 11:32 am (Paris), updated at 12:05 pm": the place of the clock, and the update after the date.
    .replace(/,?\s?(?:updated|modified)\b.{0,40}$/i, '')
    .replace(/\s?\([\p{L} ]{2,30}\)/gu, '')
    .replace(CLOCK, ' ')
    .replace(/\|\s?(?:updated|modified)\s?:?\s?$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    // "30 August 2023 Wednesday": the weekday after the date.
    .replace(/ (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/i, '');
  // "Southvale - Mar 14, 2024 - CET", "03/14/2024March 14, 2024": the date among the stamp's parts.
  const parts = bare.replace(/(?<=\d)(?=\p{Lu}\p{Ll})/gu, ' | ').split(/\s?[|·•]\s?|\s\/\s|\s[-–—]\s/);
  const readPart = (part: string) =>
    parseDateStamp(part) ?? parseDateStamp(part.replace(/,/g, ' ').replace(/\s+/g, ' ').trim());
  const whole = parseDateStamp(bare) ?? readPart(parts[0]!);
  // A stamp's parts are short: a sentence with a dash and a date in it ("… the night. – July 20, 2023") is none.
  if (whole || parts.length > MAX_STAMP_PARTS || parts.some((part) => part.length > MAX_STAMP_PART_LENGTH))
    return whole;
  for (const part of parts.slice(1)) {
    const date = readPart(part);
    if (date) return date;
  }
  return null;
}

/** "01.01.2023, Example International": a stamp, then the outlet that printed it; also after the cut text of a card ("… in the town’s... 01.01.2023, Example International"). */
const STAMP_THEN_NAME = /(?:^|(?:\.\.\.|…)\s)([\d./-]{8,10}),\s(\p{Lu}[\p{L}&.'’ -]{1,40})$/u;

/** "Originally Published: …", "Updated: …": a stamp by its label, which no sentence of an article opens with. */
const FOOT_STAMP = /^(?:(?:first |originally )?published|posted|(?:last )?updated)(?: on| at)?\s?:\s?\S/i;
/** "Posted at 4:18 p.m.", "Updated 10:04 ET": a stamp of a time alone, furniture that dates nothing. */
const TIME_STAMP =
  /^(?:posted|updated|published|last updated)(?: at| on)?\s?:?\s?\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?\.?$/i;

/**
 * Bylines, publication stamps and credit lines become metadata and leave the text: in the page's
 * header ("By Jane Doe", "Jane Doe | Example Wire", "- Jane Doe", "Jane Doe – 2nd May 2023", "Feb 14, 2023, 3:26 PM |
 * Updated: 4:08 pm", "(Xinhua) 13:53, May 19, 2023", "SOURCE: …", a stamp glued to its byline), and anywhere, the agency's
 * sign-off ("--IANS", "The Associated Press contributed to this report."). The first of each kind
 * counts; a stamp of an update never replaces the publication stamp.
 */
export const extractStamps: Stage = (draft) => {
  let meta: TextMeta = draft.meta;
  let updated: TextMeta['date'];
  // A date alone on a line may be the site's calendar ("January 1, 2025" atop every page); a stamp
  // run together with the byline is the article's, and replaces it.
  let bareDate = false;
  const top = Math.min(Math.max(firstBodyIndex(draft.lines), TOP_LINES), MAX_HEADER_LINES);
  const setCredit = (credit: string): void => {
    if (meta.credit === undefined) meta = { ...meta, credit };
  };
  const setAuthor = (byline: string): void => {
    if (meta.author !== undefined) return;
    // "Jane Doe, Example Staff" is an author and an outlet; "Jane Doe, Associated Press" an author and an agency;
    // "Jane Doe, Example Media Group National Content Desk" an author and the owner's desk, which is no outlet.
    const comma = byline.lastIndexOf(', ');
    const after = comma > 0 ? byline.slice(comma + 2) : '';
    const initials = INITIALS_STAFF.exec(byline)?.[1];
    if (initials) {
      meta = { ...meta, author: byline };
      const initialsAgency = agencyNamed(initials);
      if (initialsAgency) setCredit(initialsAgency);
      else if (meta.outlet === undefined) meta = { ...meta, outlet: initials };
      return;
    }
    if (PERSON.test(byline.slice(0, comma)) && GROUP.test(after) && DESK.test(after)) {
      meta = { ...meta, author: byline.slice(0, comma) };
      return;
    }
    const staff = STAFF.exec(after);
    const agency = after ? agencyNamed(after) : null;
    if (staff || agency) {
      meta = { ...meta, author: byline.slice(0, comma) };
      if (agency) setCredit(agency);
      else if (meta.outlet === undefined && namesOutlet(staff!)) meta = { ...meta, outlet: staff![1]! };
      return;
    }
    const bylineAgency = agencyNamed(byline);
    if (bylineAgency) {
      setCredit(bylineAgency);
      return;
    }
    const desk = OUTLET_DESK.exec(byline)?.[1];
    // "Jane Doe and Example News staff", "KEXA Staff and Example Web Staff": a report shared by
    // newsrooms (a sister station's, a group's desk), of which the byline does not say which prints it.
    const shared = / and /i.test(byline);
    meta = {
      ...meta,
      author: byline,
      ...(ORGANISATION.test(byline) && !shared && meta.outlet === undefined ? { outlet: desk ?? byline } : {}),
    };
  };
  /**
   * "Associated Press" alone on a line above the article, under its headline or under a caption
   * that has its own credit: the agency the story is from. Under a caption without one, it is the
   * picture's credit (captions.ts).
   */
  const agencyAlone = (index: number): string | null => {
    if (index >= top || underCaption(index)) return null;
    return agencyNamed(draft.lines[index]!.text);
  };
  /** Whether the line stands under a caption without a credit of its own: "(Yonhap)" there credits the picture. */
  const underCaption = (index: number): boolean => {
    const above = draft.lines[index - 1]?.text;
    return above !== undefined && !isHeadlineLike(above) && !endsWithCredit(above);
  };
  /**
   * "- Author:", "- Jane Doe", "- Date:": a page's details set out as a list, each label an item
   * and its value the next. The labels go, an author's name or a date under its label becomes
   * metadata; every other list item is the article's.
   */
  const keepListItem = (index: number): boolean => {
    const label = (at: number): string | undefined => {
      const item = draft.lines[at];
      return item?.listItem ? DETAILS_LABEL.exec(item.text.replace(BULLET_SYMBOL, ''))?.[1]?.toLowerCase() : undefined;
    };
    if (label(index) !== undefined) return false;
    const above = label(index - 1);
    if (above === undefined) return true;
    const text = draft.lines[index]!.text.replace(BULLET_SYMBOL, '');
    if (/^(?:author|by|written by)$/.test(above) && PERSON.test(text)) {
      if (meta.author === undefined) meta = { ...meta, author: text };
      return false;
    }
    const date = /^(?:date|published|posted|updated)$/.test(above) ? stampDate(text) : null;
    if (date === null) return true;
    if (meta.date === undefined) meta = { ...meta, date };
    return false;
  };
  /** The line under a name that said who the name is ("Digital Reporter"), or the name under a lone "By". */
  let roleLine = -1;
  const keep = (line: Line, index: number): boolean => {
    const { text } = line;
    if (line.listItem) return keepListItem(index);
    // A name's role, or the name under a lone "By", read with the line above.
    if (index === roleLine) return false;
    // The day's issue, not the article's date: it goes without dating the page.
    if (MASTHEAD_DATE.test(text) && stampDate(text.replace(MASTHEAD_DATE, '')) !== null) return false;
    const signOff = SIGN_OFF.exec(text) ?? EDITORS_SIGN_OFF.exec(text) ?? WITH_AGENCY.exec(text);
    // Between a caption and the story's paragraphs, a bracketed agency is the picture's credit, not the story's.
    const below = draft.lines[index + 1];
    const signingAgency = signOff
      ? underCaption(index) && below !== undefined && isBody(below)
        ? null
        : agencyNamed(signOff[1] ?? signOff[2]!)
      : agencyAlone(index);
    if (signingAgency) {
      setCredit(signingAgency);
      return false;
    }
    if (WIRE_CREDITS.test(text.replace(/^\((.*)\)$/, '$1'))) return false;
    const contributed = CONTRIBUTED.exec(text) ?? CONTRIBUTORS.exec(text);
    if (contributed) {
      const agency = agencyNamed(contributed[1]!) ?? agencyNamed(CONTRIBUTORS_OF.exec(contributed[1]!)?.[1] ?? '');
      if (agency) setCredit(agency);
      return false;
    }
    // Unmistakable wherever it stands: a stamp, then the outlet that printed it.
    const named = STAMP_THEN_NAME.exec(text);
    const namedDate = named ? stampDate(named[1]!) : null;
    if (named && namedDate) {
      if (meta.date === undefined) meta = { ...meta, date: namedDate };
      const agency = agencyNamed(named[2]!);
      if (agency) setCredit(agency);
      else if (meta.outlet === undefined) meta = { ...meta, outlet: named[2]!.trim() };
      return false;
    }
    if (index >= top && !TIME_STAMP.test(text)) {
      // "Originally Published: March 3, 2023 at 4:12 PM EST" under the article: a stamp, wherever it stands.
      const footDate = FOOT_STAMP.test(text) ? stampDate(text) : null;
      if (footDate === null) return true;
      if (UPDATE_LABEL.test(text)) updated ??= footDate;
      else if (meta.date === undefined) meta = { ...meta, date: footDate };
      return false;
    }
    // Each part read as a line of its own (every one, for what it states); the line goes when every part was furniture.
    const keepParts = (parts: readonly string[]): boolean =>
      parts.map((part) => keep({ ...line, text: part }, index)).some(Boolean);
    // "Feb. 24, 2025, 6:29 PM UTCUpdated: Feb. 24, 2025, 7:56 PM UTC": two stamps the scrape ran together.
    const runTogether = text.split(GLUED_STAMP_LABEL);
    if (runTogether.length > 1) return keepParts(runTogether);
    const parts = text.split(PART_SEPARATOR);
    if (parts.length > 1 && BYLINE.test(parts[0]!) && !EDITOR.test(text)) return keepParts(parts);
    const unedited = text.replace(EDITOR, '');
    const byline = BYLINE.exec(unedited) ?? GLUED_BYLINE.exec(unedited);
    if (byline) {
      const author = byline[1]!.trim();
      // "By Jane Doe March 14th, 2023 2 min read": the byline and the stamp on one line.
      const at = author.search(DATE_AFTER_NAME);
      const date = at > 0 ? stampDate(author.slice(at + 1).replace(READING_TIME, '')) : null;
      setAuthor(date ? author.slice(0, at) : author);
      if (date && meta.date === undefined) meta = { ...meta, date };
      return false;
    }
    const withSource = BYLINE_WITH_SOURCE.exec(text);
    if (withSource) {
      setAuthor(withSource[1]!);
      const agency = agencyNamed(withSource[2]!);
      if (agency) setCredit(agency);
      else if (meta.outlet === undefined) meta = { ...meta, outlet: withSource[2]! };
      return false;
    }
    const nameStamp = NAME_THEN_STAMP.exec(text);
    const nameDate = nameStamp ? stampDate(nameStamp[2]!) : null;
    if (nameStamp && nameDate) {
      setAuthor(nameStamp[1]!);
      if (meta.date === undefined || bareDate) meta = { ...meta, date: nameDate };
      bareDate = false;
      return false;
    }
    const dash = DASH_BYLINE.exec(text);
    if (dash) {
      setAuthor(dash[1]!);
      return false;
    }
    // "John Roe, Reporter"; "Mary Major" over "Digital Reporter"; "By" over "Jane Doe": a byline set out otherwise.
    const withRole = NAME_AND_ROLE.exec(text);
    if (withRole) {
      setAuthor(withRole[1]!);
      return false;
    }
    const next = below?.text;
    if (next !== undefined && PERSON.test(text) && ROLE_LINE.test(next)) {
      setAuthor(text);
      roleLine = index + 1;
      return false;
    }
    if (/^(?:By|BY)$/.test(text) && next !== undefined && PERSON.test(next)) {
      setAuthor(next);
      roleLine = index + 1;
      return false;
    }
    const glued = GLUED_STAMP.exec(text);
    const gluedDate = glued ? stampDate(glued[1]!) : null;
    if (glued && gluedDate) {
      if (meta.date === undefined || bareDate) meta = { ...meta, date: gluedDate };
      bareDate = false;
      const name = GLUED_NAME.exec(glued[2]!)?.[1];
      if (name && meta.author === undefined) meta = { ...meta, author: name };
      return false;
    }
    const dateline = DATELINE_LINE.exec(text);
    const datelineDay = dateline ? monthDay(dateline[2]!) : undefined;
    if (dateline && datelineDay) {
      if (meta.dateline === undefined) meta = { ...meta, dateline: dateline[1]! };
      if (meta.datelineDay === undefined) meta = { ...meta, datelineDay };
      return false;
    }
    const source = SOURCE_LINE.exec(text);
    if (source) {
      const credited = source[1]!.trim();
      if (!OWN_DESK.test(credited)) setCredit(credited);
      const own = OWN_AND_AGENCIES.exec(credited)?.[1];
      if (own && meta.outlet === undefined) meta = { ...meta, outlet: own };
      return false;
    }
    if (TIME_STAMP.test(text)) return false;
    const credited = CREDITED_STAMP.exec(text);
    const date = stampDate(credited ? credited[2]! : text);
    if (date) {
      const creditedAgency = credited ? agencyNamed(credited[1]!) : null;
      if (creditedAgency) setCredit(creditedAgency);
      if (UPDATE_LABEL.test(text)) updated ??= date;
      else if (meta.date === undefined) {
        meta = { ...meta, date };
        bareDate = parseDateStamp(text) !== null;
      }
      return false;
    }
    return true;
  };
  const lines = draft.lines.filter(keep);
  if (meta.date === undefined && updated !== undefined) meta = { ...meta, date: updated };
  return lines.length === draft.lines.length && meta === draft.meta ? draft : { lines, meta };
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "May 18", "Sept. 7" as a month (1-12) and day, or undefined when it is no day of a month. */
export function monthDay(text: string): { month: number; day: number } | undefined {
  const match = /^(\p{L}{3,9})\.?\s(\d{1,2})$/u.exec(text.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(match[2]);
  return month > 0 && day >= 1 && day <= 31 ? { month, day } : undefined;
}
