import { EnglishFrequencies } from '../../../search/english.ts';
import { agencyNamed } from '../credits.ts';
import { isDatelineAlone } from './dateline.ts';
import { isDatedHeading } from './headings.ts';
import { isPublicationName } from './outletStatements.ts';
import { stampDate } from './stamps.ts';
import {
  closesAbbreviation,
  endsLikeSentence,
  isBody,
  isTitleCase,
  isCutShort,
  isHeadlineLike,
  looseKey,
  wordCount,
  type Line,
  type Stage,
} from '../draft.ts';

/** A headline has at least this many words; fewer is a kicker or a section label ("USA", "WORLD NEWS"). */
const MIN_TITLE_WORDS = 3;
/** Paragraphs of the article a headline is compared with, to tell it is this article's. */
const OPENING_PARAGRAPHS = 2;
/** A sentence under the headline this long opens the article; a shorter one is a label ("Updated."). */
const MIN_SENTENCE_WORDS = 5;
/** A headline printed only at the foot of a page, in a share box, is a full one. */
const MIN_FOOT_TITLE_WORDS = 6;
/** Symbols a page puts before a headline: a close button, a bullet, an arrow. */
const LEADING_SYMBOLS = /^[^\p{L}\p{N}"'“‘(¿¡$£€]+/u;
/** A stamp glued to the end of a headline: "… earthquake zone 2023-02-07 16:03:27". */
const TRAILING_STAMP = /\s(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)$/;
const FUNCTION_WORDS = /^(?:a|an|and|as|at|by|for|from|in|into|of|on|or|over|the|to|with)$/i;

/** "Summary", "Key points": a label over the story's points in short lines, set above its first paragraph. */
const SUMMARY_LABEL = /^(?:summary|key points|highlights|in brief|at a glance|the big picture)\s?:?$/i;

/** "Talks resume Talks resume": a headline the scrape printed twice on one line. */
function undoubled(text: string): string {
  const half = text.length >> 1;
  return text.length % 2 === 1 && text.slice(0, half) === text.slice(half + 1) ? text.slice(0, half) : text;
}

/** "Brazil | Police roadblocks raise fears…", "Headline | Example Site": the headline is the longest part. */
function withoutSectionLabel(text: string): string {
  const parts = text.split(/\s\|\s/);
  if (parts.length < 2) return text;
  return parts.reduce((longest, part) => (wordCount(part) > wordCount(longest) ? part : longest));
}

/** A quotation standing alone: a pull quote, not a headline. */
function isPullQuote(text: string): boolean {
  return /^["'“‘].*["'”’]$/.test(text) && !/["'”’][^"'”’]*\s[^"'“‘]/.test(text.slice(1, -1));
}

/** An editor's slug, a few capitalised nouns ("Bank Collapse Fed Review", "Failed Bank CEOs"): it labels a picture, it does not tell the story. */
function isSlug(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length <= 4 &&
    words.every((word) => /^[\p{Lu}\d]/u.test(word) && !FUNCTION_WORDS.test(word)) &&
    !/\d/.test(text)
  );
}

/** From this Zipf value (ten in a hundred thousand words) a word is an everyday one. */
const EVERYDAY_ZIPF = 5;

/** "What we know so far", "What you need to know": a label of everyday words only, which names nothing. */
function namesNothing(text: string): boolean {
  const english = EnglishFrequencies.shared();
  return (text.toLowerCase().match(/[\p{L}'’]+/gu) ?? []).every((word) => english.zipf(word) >= EVERYDAY_ZIPF);
}

/** Some sites' headlines run long ("… would have cost just £5,000 extra' - and the cheap version … is BANNED in America"). */
const MAX_TITLE_WORDS = 40;

/**
 * "Big Breaking! Rescuers Reach Families In Collapsed Block: What's Next?": a headline in title case that
 * asks or exclaims. It ends as a sentence does, but no paragraph capitalises nearly every word.
 */
function isTitleCaseCall(text: string): boolean {
  return /[?!]["'”’)]?$/.test(text) && isTitleCase(text);
}

/** A deck sums the story up in a long sentence; few headlines run this long. */
const MIN_DECK_WORDS = 20;

/**
 * "Jane Doe, 52, and her son were found dead at their farm on the night of June 7" above "Why Were
 * a Mother and Son Killed on Their Farm?": a magazine prints its deck above the headline. A long
 * line in sentence case followed by one in title case is deck and headline, in that order; the
 * other way round, the title case line below would be a kicker or a link, and the first line stands.
 */
function headlineUnderDeck(candidates: readonly string[]): string | undefined {
  const [deck, headline] = candidates;
  return deck !== undefined &&
    headline !== undefined &&
    wordCount(deck) >= MIN_DECK_WORDS &&
    !isTitleCase(deck) &&
    isTitleCase(headline)
    ? headline
    : undefined;
}

/** A headline that asks is short: a longer question opens the article. */
const MAX_ASKING_HEADLINE_WORDS = 15;

/**
 * "What exactly did the bank's failure tell us?" above the article, where the page has no other
 * headline: a question in sentence case, one sentence, not quoted, with the article's paragraphs
 * under it. It reads as a paragraph, so it stands where the first paragraph would.
 */
function askingHeadline(lines: readonly Line[], headerEnd: number): string | undefined {
  const line = lines[headerEnd];
  const next = lines[headerEnd + 1];
  if (line === undefined || next === undefined || !isBody(next)) return undefined;
  const { text } = line;
  return /\?$/.test(text) &&
    wordCount(text) <= MAX_ASKING_HEADLINE_WORDS &&
    !/[.!?]\s/.test(text) &&
    !/^["'“‘]/.test(text) &&
    /^\p{Lu}/u.test(text)
    ? text
    : undefined;
}

/** A site's name after its headline is a few words. */
const MAX_SITE_WORDS = 4;

/**
 * "Deadly floods strand thousands - Metro Example" above "Deadly floods strand thousands": the
 * headline as the browser's title bar gives it, the site's name after it, where the page prints
 * it bare as well. The bare one is the headline; the name is the outlet's, unless it names
 * nothing (" - Live updates") or an agency.
 */
function siteSuffix(first: string, candidates: readonly string[]): { headline: string; site: string } | undefined {
  for (const text of candidates) {
    if (text === first || !first.startsWith(text)) continue;
    const site = /^\s?[-–—|]\s(\p{Lu}[^-–—|]{1,60})$/u.exec(first.slice(text.length))?.[1]?.trim();
    if (site !== undefined && wordCount(site) <= MAX_SITE_WORDS && !namesNothing(site) && !agencyNamed(site))
      return { headline: text, site };
  }
  return undefined;
}

/** A paragraph that opens the article: not a headline in title case that asks or exclaims. */
const opensArticle = (line: Line): boolean => isBody(line) && !isTitleCaseCall(line.text);

function isCandidate(line: Line): boolean {
  const text = line.text;
  return (
    !line.listItem &&
    wordCount(text) <= MAX_TITLE_WORDS &&
    (!endsLikeSentence(text) || isTitleCaseCall(text) || closesAbbreviation(text)) &&
    wordCount(text) >= MIN_TITLE_WORDS &&
    !isCutShort(text) &&
    !text.endsWith(':') &&
    !isPullQuote(text) &&
    !isSlug(text) &&
    !isDatedHeading(text) &&
    !namesNothing(text) &&
    !STATION_OR_FIRM.test(text) &&
    // "The Example Times": the masthead, however often printed.
    !isPublicationName(text) &&
    // A headline names something, with a capital: "menu menu menu pakistan" is a menu run into a section label.
    /\p{Lu}/u.test(text)
  );
}

/** "Radio Northtown 1040 AM", "Doe & Roe LLP": a station by its frequency, a firm by its legal form: names, not headlines. */
const STATION_OR_FIRM = /(?:\b\d{2,4}(?:\.\d)? ?(?:AM|FM)|\b(?:LLP|LLC|Inc\.?|Ltd\.?|PLC|GmbH))$/u;

/** Content words of a text, for telling whether a headline tells the same story as the first paragraph. */
function contentWords(text: string): string[] {
  return looseKey(text)
    .split(' ')
    .filter((word) => word.length > 3);
}

/** The first letters of a text's content words: how a headline's words are looked for in it ("collapse", "collapsed"). */
function wordStems(text: string): Set<string> {
  return new Set(contentWords(text).map((word) => word.slice(0, 5)));
}

/** How many of a headline's words are among the stems of a text. */
function wordsShared(title: string, stems: ReadonlySet<string>): { shared: number; of: number } {
  const words = contentWords(title);
  return { shared: words.filter((word) => stems.has(word.slice(0, 5))).length, of: words.length };
}

/** Most of a headline's words are in the article's first paragraph: it sums up the article. */
function echoesLede(title: string, lede: string): boolean {
  const { shared, of } = wordsShared(title, wordStems(lede));
  return of > 0 && shared * 2 >= of;
}

function sharesWords(title: string, stems: ReadonlySet<string>): boolean {
  const { shared, of } = wordsShared(title, stems);
  return of === 0 || shared > 0;
}

/**
 * The headline the page states, never its furniture. It is a headline-like line above the first
 * paragraph (not a kicker, a pull quote, a slug or a line cut off mid-sentence): the first, or the
 * same headline printed clean where the first has a breadcrumb glued to it ("NewsWorldEarthquake
 * toll…"). A page that prints its headline only at the foot, in a share box, gets it from a last
 * line that sums up the first paragraph. Every repeat of the title leaves the text, and so does
 * the rest of the header above the first paragraph: lines that are no paragraph themselves. A line
 * cut off mid-word ("… filed its lawsuit thre") is never a headline, at the top or at the foot.
 */
export const extractTitle: Stage = (draft) => {
  const { lines } = draft;
  const firstParagraph = lines.findIndex(opensArticle);
  const headerEnd = firstParagraph < 0 ? lines.length : firstParagraph;
  const header = lines.slice(0, headerEnd);
  // A headline that shares no word with the article's opening is another story's (a ticker or a promo
  // above it, "Click to skip ad"): the first that does is the page's. The opening is the first
  // paragraphs, and a deck or teaser of prose between the headline and them (it sums up the article too).
  // Walked from the header's foot up, each line's opening is the one below it and what that line
  // adds: time linear in the header, however long (a page with no paragraph is all header).
  const opening = wordStems(
    lines
      .slice(headerEnd)
      .filter(opensArticle)
      .slice(0, OPENING_PARAGRAPHS)
      .map((line) => line.text)
      .join(' '),
  );
  // The header ends at the first paragraph: below it there is an opening unless the page has no paragraph.
  let anyOpening = headerEnd < lines.length;
  // A line the header prints twice (the page's title, then its headline) is the page's own, whatever the opening says.
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const line of header) {
    const key = looseKey(line.text);
    (seen.has(key) ? twice : seen).add(key);
  }
  const candidates: string[] = [];
  for (let index = header.length - 1; index >= 0; index--) {
    const line = header[index]!;
    if (isCandidate(line) && (!anyOpening || sharesWords(line.text, opening) || twice.has(looseKey(line.text))))
      candidates.push(line.text);
    if (isHeadlineLike(line.text)) continue;
    for (const stem of wordStems(line.text)) opening.add(stem);
    anyOpening = true;
  }
  candidates.reverse();
  // A breadcrumb glued to the headline ("NewsWorldEarthquake toll…") when the page prints the headline clean as well.
  const first = candidates[0];
  const unglued =
    first === undefined
      ? undefined
      : candidates.find((text) => text !== first && looseKey(first).endsWith(looseKey(text)));
  const last = lines.at(-1);
  const lede = lines[headerEnd];
  const atFoot =
    last &&
    lede &&
    last !== lede &&
    lines.length - 1 > headerEnd &&
    isCandidate(last) &&
    wordCount(last.text) >= MIN_FOOT_TITLE_WORDS &&
    echoesLede(last.text, lede.text)
      ? last.text
      : undefined;
  const suffixed = first === undefined ? undefined : siteSuffix(first, candidates);
  const own = unglued ?? suffixed?.headline ?? headlineUnderDeck(candidates) ?? first;
  // A quotation alone on the page's first line, right above its first paragraph, is the headline
  // when the page has no other: some sites headline a story with what its subject said.
  const opener = lines[0];
  const quoted =
    opener && headerEnd === 1 && isPullQuote(opener.text) && wordCount(opener.text) >= MIN_TITLE_WORDS
      ? opener.text
      : undefined;
  let title = draft.meta.title ?? own ?? atFoot ?? quoted ?? askingHeadline(lines, headerEnd);
  let meta = draft.meta;
  if (suffixed && meta.outlet === undefined && draft.meta.title === undefined)
    meta = { ...meta, outlet: suffixed.site };
  if (title !== undefined && draft.meta.title === undefined) {
    title = withoutSectionLabel(undoubled(title));
    const stamp = TRAILING_STAMP.exec(title);
    if (stamp) {
      const date = stampDate(stamp[1]!);
      if (date && meta.date === undefined) meta = { ...meta, date };
      title = title.slice(0, stamp.index);
    }
    title = title.replace(LEADING_SYMBOLS, '').trim();
    meta = { ...meta, title };
  }
  const summaryFrom = header.findIndex((line) => SUMMARY_LABEL.test(line.text));
  const summaryPoint = (index: number): boolean => summaryFrom >= 0 && index >= summaryFrom && index < headerEnd;
  const titleKey = title === undefined ? undefined : looseKey(title);
  const titleAt = titleKey === undefined ? -1 : lines.findIndex((line) => looseKey(line.text).endsWith(titleKey));
  const keeps = (line: Line, index: number): boolean => {
    const key = looseKey(line.text);
    if (titleKey !== undefined && (key === titleKey || (index < headerEnd && key.endsWith(titleKey)))) return false;
    // A dated heading ("March 3, 2021: Court hears first motions") is the story's, not the page's header;
    // a short sentence under the headline opens the article ("The company provided this statement.").
    return (
      index >= headerEnd ||
      line.listItem === true ||
      isDatelineAlone(line.text) ||
      isBody(line) ||
      isDatedHeading(line.text) ||
      (titleAt >= 0 && index > titleAt && endsLikeSentence(line.text) && wordCount(line.text) >= MIN_SENTENCE_WORDS) ||
      (!isHeadlineLike(line.text) && !endsLikeSentence(line.text))
    );
  };
  // "Summary" over the story's points, above its first paragraph: the label goes, the points are a list of the article's.
  const kept: Line[] = [];
  lines.forEach((line, index) => {
    if (summaryPoint(index)) {
      if (index !== summaryFrom) kept.push({ ...line, listItem: true });
    } else if (keeps(line, index)) kept.push(line);
  });
  return { lines: kept, meta };
};
