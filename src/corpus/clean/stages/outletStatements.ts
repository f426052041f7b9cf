import { getPublicSuffix } from 'tldts';
import { EnglishFrequencies } from '../../../search/english.ts';
import { agencyNamed, isCreditLine, staffCreditOutlet } from '../credits.ts';
import { SITE_CHROME } from '../vocabulary.ts';
import { firstBodyIndex, type Draft, type Line, type Stage, type TextMeta } from '../draft.ts';
import { isSignUpBox } from './newsletterBoxes.ts';

/** A name as mastheads and promos write it: one to five words, each starting with a capital or a digit, "The" allowed first. */
export const NAME = String.raw`(?:The )?[\p{Lu}\d][\p{L}\d&.'’-]{0,30}(?: [\p{Lu}\d&][\p{L}\d&.'’-]{0,30}){0,4}`;
/** "© 2023 Example Times", "Copyright 2024 Example Media Inc. All rights reserved.", "(c) Example". */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s?(?:©\s?)?(?:\d{4}(?:\s?[-–]\s?\d{4})?,?\s)?/i;
/** A copyright holder that is a company owning publications, not the publication a reader knows. */
const CORPORATE =
  /\b(?:inc|llc|ltd|limited|corp|corporation|co|company|group|holdings|media|enterprises|communications|plc|gmbh|s\.?a)\.?$/i;
/**
 * "Watch CBS News", "MORE FROM EXAMPLE NEWS", "Listen to Example Radio", "Download the Example
 * News app for the latest", "Catch all the Business News … and Latest News Updates on Example Mint.":
 * the outlet inviting to more of itself.
 */
const INVITES_TO_ITSELF = new RegExp(
  String.raw`^(?:(?:download|get) the (${NAME}) app\b[^.!]{0,60}[.!]?|(?:watch|more from|listen to|download the|get the)\s(${NAME})(?:\slive)?|catch (?:all )?the\b[^.!]{0,120}\bupdates? on (${NAME})\.?)$`,
  'iu',
);
const WHOLE_NAME = new RegExp(`^${NAME}$`, 'u');
/**
 * Whether a name a case-blind pattern caught is written as a name ("Example News", not "the video"
 * of "Watch the video"): under the i flag \p{Lu} takes lower case too, so the capitals are checked here.
 */
function isName(text: string): boolean {
  return WHOLE_NAME.test(text) && !/^the\s/.test(text);
}
/** "Follow Example News on Google News": the outlet asking to be followed where news sites are, never a person. */
const ON_GOOGLE_NEWS = new RegExp(String.raw`[Ff]ollow (${NAME}) on Google News\b`, 'u');
/** "Example.com » News » …": a breadcrumb whose first crumb is the site's address, as the site writes it. */
const BREADCRUMB_SITE = /^([\p{L}\d-]{2,40}\.(?:com|net|org|co\.uk|co\.in|in|news))\s{0,3}[»›]\s/u;
/** "Track Latest News Live on Example.com and get news updates …": a promo naming the site. */
const PROMO_ON_SITE =
  /^(?:track|follow|get|read|watch|download|visit|find|catch)\b[^.]{0,120}?\bon ([\p{L}\d-]{2,40})\.(?:com|net|org|co\.uk|co\.in|in|co|news|tv)\b/iu;
/** "Example Today International Edition": a print edition's masthead. */
const EDITION = new RegExp(
  String.raw`^${NAME} (?:International|National|US|U\.S\.|UK|Asia|Europe|Digital|Print|Online|Weekend|Morning|Evening|Sunday|Daily) Edition$`,
  'u',
);
/** "Example Logo": the masthead as a picture, by its alternative text. */
const LOGO = new RegExp(`^(${NAME}) (?:logo|Logo|LOGO)$`, 'u');
/**
 * "If you buy through an Example link, we may earn an affiliate commission", "Example may earn a
 * commission when you buy through links": the site's own disclosure, naming the site.
 */
const AFFILIATE = new RegExp(
  String.raw`^(?:if|when) you (?:buy|shop|purchase|click)[^.]{0,40}? (?:through|via|from|on) (?:an? )?(${NAME}) links?\b[^.]{0,60}\b(?:commission|affiliate)|^(${NAME}) (?:may|might|can|will) (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?commission`,
  'iu',
);
/** "Welcome to Example": the site greeting its reader, a line of its own. */
const WELCOME = new RegExp(`^(?:welcome|Welcome|WELCOME) to (${NAME})[.!]?$`, 'u');
/** "Example.com would like to send you notifications": the browser's prompt names the site asking. */
const NOTIFICATIONS = /^([\p{L}\d][\p{L}\d.-]{1,60}) would like to send you (?:push )?notifications\b/iu;
/** "… offers, events and updates from Example.", "you agree to Example’s Terms": whose mail a sign-up box sends, whose terms it binds to. */
const BOX_OWNER = new RegExp(
  String.raw`\b(?:(?:updates|offers|news|emails?|messages|alerts) from (${NAME})|agree to (${NAME})['’]s (?:Terms|Privacy))`,
  'u',
);
/** A name ends at the end of its sentence or clause ("from Example. Read our privacy notice"). */
const CLAUSE_END = /[.,;:!?](?:\s|$)/;
/** The words a publication's name ends in, or holds: the kind of publication it is ("Example Daily", "EXAMPLE NEWS"). */
const PUBLICATION_NOUN =
  'Daily|DAILY|News|NEWS|Times|TIMES|Post|POST|Herald|HERALD|Tribune|TRIBUNE|Journal|JOURNAL|Gazette|GAZETTE|Chronicle|CHRONICLE|Telegraph|TELEGRAPH|Observer|OBSERVER';
const MASTHEAD = new RegExp(String.raw`^((?:[\p{Lu}\d][\p{L}\d&'’-]{0,30} ){1,3})(?:${PUBLICATION_NOUN})$`, 'u');
/** A word that names a kind of publication, anywhere in a name ("Example News Correspondent"). */
export const PUBLICATION = new RegExp(String.raw`\b(?:${PUBLICATION_NOUN})\b`, 'u');

/** Whether a line is a publication's name alone ("The Example Times", "Northtown Daily News"). */
export function isPublicationName(text: string): boolean {
  return MASTHEAD.test(text);
}
const MAX_STATEMENT_WORDS = 60;

/** "SaltWire.com" -> "SaltWire": a site's address written as its name, without the public suffix. */
function siteName(address: string): string {
  const suffix = getPublicSuffix(address);
  const name = suffix && address.toLowerCase().endsWith(`.${suffix}`) ? address.slice(0, -suffix.length - 1) : address;
  return name.replace(/^www\./i, '');
}

/**
 * A masthead stands first on the page, or in capitals among the lines above the article; its
 * name is a name, not a section's ordinary words ("LATEST NEWS", "WORLD NEWS").
 */
function mastheadName(line: Line, index: number, header: number, english: EnglishFrequencies): string | undefined {
  const { text } = line;
  if (line.heading || line.listItem || !(index === 0 || (index < header && text === text.toUpperCase())))
    return undefined;
  const words = MASTHEAD.exec(text)?.[1]?.trim().split(' ');
  if (!words || words.every((word) => english.isOrdinaryWord(word))) return undefined;
  return text;
}

/** The outlet a line states, `null` when it states none but is still such a line (a copyright owner, a picture's copyright), or undefined for other lines. */
function statedOutlet(line: Line, inHeader: boolean, next: Line | undefined): string | null | undefined {
  const { text } = line;
  if (line.listItem) return undefined;
  const owner = isSignUpBox(text) ? BOX_OWNER.exec(text) : null;
  if (owner) return (owner[1] ?? owner[2]!).split(CLAUSE_END)[0]!;
  if (text.split(' ').length > MAX_STATEMENT_WORDS) return undefined;
  const notifying = NOTIFICATIONS.exec(text);
  if (notifying) return siteName(notifying[1]!);
  const affiliate = AFFILIATE.exec(text);
  if (affiliate && isName(affiliate[1] ?? affiliate[2]!)) return affiliate[1] ?? affiliate[2]!;
  const greeting = LOGO.exec(text) ?? WELCOME.exec(text);
  // The publisher's logo and greeting stand atop the page; a logo further down belongs to an embed
  // ("Example logo" on a video), an agency's or a platform's ("Twitter Logo") is never the publisher's,
  // and a logo a picture credit follows is a photograph of a company's logo, not the masthead.
  if (greeting)
    return !inHeader ||
      (next !== undefined && isCreditLine(next.text)) ||
      agencyNamed(greeting[1]!) ||
      SITE_CHROME.has(greeting[1]!.toLowerCase())
      ? null
      : greeting[1]!;
  const copyright = COPYRIGHT.exec(text);
  // The holder ends at its sentence or clause, or before a place in brackets ("The Example Gazette (Northtown, Ex.)").
  if (copyright) {
    const holder = text
      .slice(copyright[0].length)
      .split(/[.,;|]\s|\.$|\s\(/)[0]!
      .trim();
    if (holder === '' || isCreditLine(holder) || CORPORATE.test(holder) || agencyNamed(holder)) return null;
    return holder;
  }
  if (EDITION.test(text)) return text;
  const invitation = INVITES_TO_ITSELF.exec(text);
  // "Watch Example News live": the pattern reads case-blind, so its name may take the "live" along.
  const invitedName = invitation
    ? (invitation[1] ?? invitation[2] ?? invitation[3])!.replace(/\slive$|\.$/i, '')
    : undefined;
  const invited =
    (invitedName !== undefined && isName(invitedName) ? invitedName : undefined) ??
    (PROMO_ON_SITE.exec(text) ?? ON_GOOGLE_NEWS.exec(text))?.[1];
  if (invited && !agencyNamed(invited)) return invited;
  return undefined;
}

/**
 * Lines where the page names its publisher: a copyright line, a masthead (in print, as a logo, or
 * as a name atop the page), a greeting ("Welcome to Example"), an invitation to more of the outlet
 * ("Watch Example News", "… on Example.com"), its affiliate disclosure ("… through an Example link, we may earn
 * an affiliate commission"), the site's prompt for notifications, a sign-up box
 * saying whose mail it sends or whose terms it binds to, its invitation to follow it on Google News; failing those, a staff photographer's credit ("Credit: Jane
 * Doe/EX"), or a breadcrumb that opens with the site's address ("Example.com » News »", which stays). They leave the text (the credit is left for captions), and the first outlet they name becomes the
 * article's. A copyright held by a company ("Example Media Inc.") or a picture service names no
 * outlet. Sign-up boxes are read here, before they go as furniture.
 */
export const extractOutletStatements: Stage = (draft: Draft) => {
  let meta: TextMeta = draft.meta;
  const header = firstBodyIndex(draft.lines);
  const english = EnglishFrequencies.shared();
  // A staff photographer's credit names the publication too, but a syndicated picture's credit may
  // name another: it counts only when no line states the outlet. The credit stays, for captions to drop.
  const credited = draft.lines.map((line) => (line.listItem ? undefined : staffCreditOutlet(line.text))).find(Boolean);
  const lines = draft.lines.filter((line, index) => {
    const stated = statedOutlet(line, index < header, draft.lines[index + 1]);
    const outlet = stated === undefined ? mastheadName(line, index, header, english) : stated;
    if (outlet === undefined) return true;
    if (outlet !== null && meta.outlet === undefined)
      meta = INVITES_TO_ITSELF.test(line.text) ? { ...meta, outlet, outletInvited: true } : { ...meta, outlet };
    return false;
  });
  if (meta.outlet === undefined && credited !== undefined) meta = { ...meta, outlet: credited };
  // A breadcrumb names the site and stays: its last crumb may be the only copy of the headline.
  const crumb = draft.lines
    .slice(0, header)
    .map((line) => BREADCRUMB_SITE.exec(line.text)?.[1])
    .find(Boolean);
  if (meta.outlet === undefined && crumb !== undefined) meta = { ...meta, outlet: crumb };
  return lines.length === draft.lines.length && meta === draft.meta ? draft : { lines, meta };
};
