/**
 * Source → CSL-JSON: the one mapping from Dossier's metadata to the bibliographic model every
 * style is rendered from, plus the few per-style adjustments the styles' own rules call for.
 *
 * Rules: a value the source does not know is absent, never guessed (no access date, no "Anonymous",
 * no publisher). Dates keep their precision. Names are people only when they look like one.
 */
import type { PartialDate, Source } from '../corpus/types.ts';
import { cleanCsl } from './engine.ts';
import type { CslStyle } from './styles.ts';

/** A CSL name: a person (family/given, maybe particles) or an organisation (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

/** A CSL date with as many parts as are known: [year], [year, month] or [year, month, day]. */
export interface CslDate {
  'date-parts': [[number] | [number, number] | [number, number, number]];
}

/**
 * The CSL-JSON item of a source (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
 * Only the variables Dossier can know; `genre` and `publisher` appear only in style-adjusted items.
 */
export interface CslItem {
  id: string;
  /** The BibTeX key citation-js writes (letters, digits and `_` only, so it is used as given). */
  'citation-key': string;
  /** 'article-newspaper' when the outlet is known (outlet = the newspaper / news site), else 'webpage'. */
  type: 'article-newspaper' | 'webpage';
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: CslDate;
  URL?: string;
  genre?: string;
  publisher?: string;
  note?: string;
}

/** A BibTeX/CSL key from a Dossier id: `dossier_` and the id with anything but letters and digits as `_`. */
export function citationKey(id: string): string {
  return `dossier_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/**
 * The CSL-JSON item of a source, as exported (`csl-json`) and as every style starts from.
 *
 * - type: an online news article is 'article-newspaper' with the outlet as `container-title`
 *   (newspaper or news site): it gives APA's "Author. (Date). Title. Outlet. URL", MLA's
 *   "Author. “Title.” Outlet, Date, URL." and Chicago's "Author. Year. “Title.” Outlet, Month Day,
 *   Year." and, with no author, Chicago's outlet-first entry. Without an outlet a 'newspaper' would
 *   print Chicago's date twice ("2020, September 28, 2020"), so such a source is a 'webpage'.
 * - title: as the source has it; a derived title stays the bracketed description (see itemForStyle).
 * - author: see `authorNames`.
 * - issued: the date to its precision; no date → no `issued`, which APA and Chicago print "n.d.".
 */
export function toCslItem(source: Source): CslItem {
  const item: CslItem = {
    id: source.id,
    'citation-key': citationKey(source.id),
    type: source.outlet !== null ? 'article-newspaper' : 'webpage',
    title: source.title,
  };
  const author = source.author === null ? [] : authorNames(source.author, source.outlet);
  if (author.length > 0) item.author = author;
  if (source.outlet !== null) item['container-title'] = source.outlet;
  const issued = source.date === null ? undefined : cslDate(source.date);
  if (issued !== undefined) item.issued = issued;
  if (source.url !== null) item.URL = source.url;
  return item;
}

/** The date parts its precision allows; undefined when the value does not read as such a date. */
function cslDate(date: PartialDate): CslDate | undefined {
  const parts = { year: 1, month: 2, day: 3 }[date.precision];
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date.value);
  if (match === null) return undefined;
  const numbers = match.slice(1, 1 + parts).map((part) => (part === undefined ? Number.NaN : Number(part)));
  const [year, month, day] = numbers;
  if (year === undefined || numbers.some((n) => !Number.isInteger(n))) return undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  if (month === undefined) return { 'date-parts': [[year]] };
  if (day === undefined) return { 'date-parts': [[year, month]] };
  return { 'date-parts': [[year, month, day]] };
}

/**
 * Words that mark a byline as an organisation rather than a person: news agencies and desks,
 * outlets, companies, institutions. Checked on whole words, any case.
 */
const ORGANISATION_WORD =
  /\b(?:news|newsroom|press|agency|agence|staff|desk|wire|service|services|times|post|journal|herald|tribune|gazette|daily|media|network|broadcasting|radio|television|tv|associated|reuters|afp|ap|upi|bbc|cnn|voa|npr|inc|ltd|llc|corp|corporation|company|group|ministry|department|office|council|committee|university|institute|foundation|government)\b/i;

/** Several people in one byline: "A and B", "A & B", "A; B" (and "A, B and C", see below). */
const AUTHOR_SEPARATOR = /;|\s(?:and|&)\s/;

function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** True when a byline, or one name in it, names an organisation: the outlet itself, an agency, a desk… */
function isOrganisation(name: string, outlet: string | null): boolean {
  return (outlet !== null && sameName(name, outlet)) || ORGANISATION_WORD.test(name) || /\d/.test(name);
}

/** True when one name of a byline can be split into family/given: two to five words, or "Family, Given". */
function isPersonName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean).length;
  return name.includes(',') ? words >= 2 : words >= 2 && words <= 5;
}

/**
 * A byline as CSL names. An organisation ("VOA News", the outlet itself, an agency) is one
 * `literal` name, printed as written; people ("Jane Q. Reporter", "Ludwig van Beethoven",
 * "Doe, Jane") are split into family/given by citation-js's name parser; several people in one
 * byline ("A and B", "A, B and C", "A; B") become several names. A name that is neither (one word,
 * a long phrase) stays `literal`. A leading "By" is dropped.
 */
function authorNames(byline: string, outlet: string | null): CslName[] {
  const text = byline
    .replace(/^\s*by\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') return [];
  if (isOrganisation(text, outlet)) return [{ literal: text }];
  const parts = text
    .split(AUTHOR_SEPARATOR)
    // "A, B" lists people only when every part is a full name; "Doe, Jane" is one inverted name.
    .flatMap((part) => {
      const pieces = part.split(',').map((piece) => piece.trim());
      return pieces.length > 1 && pieces.every((piece) => piece.includes(' ')) ? pieces : [part];
    })
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.map((part): CslName => {
    if (!isPersonName(part)) return { literal: part };
    const parsed = cleanCsl([{ author: [part] }])[0]?.author;
    const name = Array.isArray(parsed) ? (parsed[0] as CslName | undefined) : undefined;
    return name?.family !== undefined && name.family !== '' ? name : { literal: part };
  });
}

/** Case protection: citeproc leaves text inside this span as it is (no title case, no sentence case). */
function noCase(text: string): string {
  return `<span class="nocase">${text}</span>`;
}

function withoutBrackets(description: string): string {
  const match = /^\[(.*)\]$/s.exec(description.trim());
  return match?.[1] ?? description;
}

/**
 * The item a given style renders, adjusted where the style's rules and the CSL style disagree
 * for online news. Returns a new item; `item` is not changed.
 *
 * Organisation author that is also the outlet ("VOA News" on VOA News):
 * - APA 7 (webpages on news sites): the site name is omitted when it is the author.
 * - MLA 9: a work by the organisation that publishes it starts with the title, skipping the
 *   author; the organisation stays once, as the outlet.
 * - Chicago: kept as author and outlet (CMOS lists an organisation as author even when it publishes).
 *
 * Derived title (`titleOrigin` 'derived', a bracketed description of an untitled article):
 * - APA: a description in square brackets, not italic, not title-cased, in the reference and the
 *   in-text citation: given to the APA style as `genre` with no title, which prints exactly that.
 * - MLA: a description is neither quoted nor italic, and keeps its case; the MLA style quotes any
 *   title inside a container, so the outlet moves to `publisher` (same place in plain text).
 * - Chicago: a descriptive title is not quoted and is capitalised sentence-style: given as `genre`
 *   with no title, which the Chicago style prints plain.
 */
export function itemForStyle(item: CslItem, source: Source, style: CslStyle): CslItem {
  const adjusted: CslItem = { ...item };
  const organisationIsOutlet =
    item.author?.length === 1 &&
    item.author[0]?.literal !== undefined &&
    item['container-title'] !== undefined &&
    sameName(item.author[0].literal, item['container-title']);
  if (organisationIsOutlet && style === 'apa') delete adjusted['container-title'];
  if (organisationIsOutlet && style === 'mla') delete adjusted.author;

  if (source.titleOrigin === 'derived' && item.title !== undefined) {
    const description = item.title;
    if (style === 'mla') {
      adjusted.title = noCase(description);
      if (adjusted['container-title'] !== undefined) {
        adjusted.publisher = adjusted['container-title'];
        delete adjusted['container-title'];
      }
    } else {
      delete adjusted.title;
      adjusted.genre = noCase(style === 'apa' ? withoutBrackets(description) : description);
    }
  }
  return adjusted;
}
