import { agencyNamed, isCreditLine } from '../credits.ts';
import type { Draft, Line, Stage, TextMeta } from '../draft.ts';

/** A name as mastheads and promos write it: one to five words, each starting with a capital or a digit, "The" allowed first. */
const NAME = String.raw`(?:The )?[\p{Lu}\d][\p{L}\d&.'’-]{0,30}(?: [\p{Lu}\d&][\p{L}\d&.'’-]{0,30}){0,4}`;
/** "© 2023 Example Times", "Copyright 2024 Example Media Inc. All rights reserved.", "(c) Example". */
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s?(?:©\s?)?(?:\d{4}(?:\s?[-–]\s?\d{4})?,?\s)?/i;
/** A copyright holder that is a company owning publications, not the publication a reader knows. */
const CORPORATE =
  /\b(?:inc|llc|ltd|limited|corp|corporation|co|company|group|holdings|media|enterprises|communications|plc|gmbh|s\.?a)\.?$/i;
/** "Watch CBS News", "MORE FROM EXAMPLE NEWS", "Listen to Example Radio": the outlet inviting to more of itself. */
const INVITES_TO_ITSELF = new RegExp(
  String.raw`^(?:watch|more from|listen to|download the|get the)\s(${NAME})(?:\sapp|\slive)?$`,
  'iu',
);
/** "Track Latest News Live on Example.com and get news updates …": a promo naming the site. */
const PROMO_ON_SITE =
  /^(?:track|follow|get|read|watch|download|visit|find|catch)\b[^.]{0,120}?\bon ([\p{L}\d-]{2,40})\.(?:com|net|org|co\.uk|co\.in|in|co|news|tv)\b/iu;
/** "Example Today International Edition": a print edition's masthead. */
const EDITION = new RegExp(
  String.raw`^${NAME} (?:International|National|US|U\.S\.|UK|Asia|Europe|Digital|Print|Online|Weekend|Morning|Evening|Sunday|Daily) Edition$`,
  'u',
);
const MAX_STATEMENT_WORDS = 60;

/** The outlet a line states, `null` when it states none but is still such a line (a copyright owner, a picture's copyright), or undefined for other lines. */
function statedOutlet(line: Line): string | null | undefined {
  const { text } = line;
  if (line.listItem || text.split(' ').length > MAX_STATEMENT_WORDS) return undefined;
  const copyright = COPYRIGHT.exec(text);
  if (copyright) {
    const holder = text
      .slice(copyright[0].length)
      .split(/[.,;|]\s|\.$/)[0]!
      .trim();
    if (holder === '' || isCreditLine(holder) || CORPORATE.test(holder) || agencyNamed(holder)) return null;
    return holder;
  }
  if (EDITION.test(text)) return text;
  const invitation = INVITES_TO_ITSELF.exec(text) ?? PROMO_ON_SITE.exec(text);
  if (invitation && !agencyNamed(invitation[1]!)) return invitation[1]!;
  return undefined;
}

/**
 * Lines where the page names its publisher: a copyright line, a print edition's masthead, an
 * invitation to more of the outlet ("Watch Example News", "… on Example.com"). They leave the
 * text, and the first outlet they name becomes the article's. A copyright held by a company
 * ("Example Media Inc.") or a picture service names no outlet.
 */
export const extractOutletStatements: Stage = (draft: Draft) => {
  let meta: TextMeta = draft.meta;
  const lines = draft.lines.filter((line) => {
    const outlet = statedOutlet(line);
    if (outlet === undefined) return true;
    if (outlet !== null && meta.outlet === undefined) meta = { ...meta, outlet };
    return false;
  });
  return lines.length === draft.lines.length ? draft : { lines, meta };
};
