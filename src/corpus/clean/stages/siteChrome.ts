import { keepLines, type Stage } from '../draft.ts';
import { SITE_CHROME } from '../vocabulary.ts';

/**
 * "7 min read", "2 of 5", "(Full-size photo)(All photos)": widgets with a number or a pair in them;
 * "This article is more than 4 years old": the page's note on its age; "Updates to our Terms of
 * Use", "We are updating our Terms of Use. Please review …": the site's notice of its terms; "This
 * is a carousel. Use Next and Previous buttons to navigate": a slideshow's instructions for screen
 * readers; "Our Standards: The Example Trust Principles.": an agency's link to its principles; "We’re
 * sorry, this feature is currently unavailable.": a widget that did not load; "Tags: Northtown FC,
 * Jane Doe": the page's tags; "An official website of the Exampleland government / Here’s how you
 * know": a government site's banner; "We value your privacy", "Accept and continue": a consent
 * banner's heading and buttons; "Your source for the latest research news": the site's tagline.
 */
const CHROME_PATTERN =
  /^(?:\d{1,3} min(?:ute)?s? read|we(?:['’]re| are) sorry,? this feature is (?:currently |temporarily )?unavailable\b.{0,120}|(?:tags|tagged|filed under)\s?:\s.{2,200}|an official website of the\b.{2,60}\bgovernment|here['’]s how you know|we value your privacy|cite this (?:page|article)|(?:accept|reject|agree)(?: all)?(?: cookies)?(?: and continue| and close)?|manage (?:cookie )?(?:preferences|settings|options)|your (?:trusted )?(?:source|home|destination) for\b.{3,60}|\d{1,3} of \d{1,3}|full-size photo all photos|\d{1,6} comments?|this (?:article|story|content) is (?:more|over) than \d{1,3} (?:years?|months?) old|(?:updates? to|we are updating|we(?:'ve| have) updated) our (?:terms|privacy)\b.{0,120}|this is a (?:carousel|slideshow)\b.{0,80}|our standards: .{3,80})$/;
/**
 * Notes on how the article was published, longer than a chrome line: the print edition's ("A
 * version of this article appears in print on March 4, 2023, Section B, Page 1 …", "This article
 * appears in the April 2024 print edition with the headline …"); a reprint's ("Disclaimer: This
 * story has been auto-generated from a syndicated feed.", "Distributed by Example Content Agency,
 * LLC.", "Visit The Example Gazette at www.examplegazette.com"); an update's ("Editor’s note: This
 * story has been updated with comments from …"); the press regulator's code the site keeps; the rights notice ("All rights reserved. This material …
 * may not be reproduced …"); a republication's or an archive's ("This article was first published in
 * … on 14 August 1998"); a source's ("Materials provided by …"); the review policy ("Our experts
 * continually monitor …").
 */
const PUBLISHING_NOTE =
  /^(?:A version of this (?:article|story) appears in print\b.{0,240}|this (?:article|story) appears in the\b.{0,60}\bprint edition\b.{0,240}|distributed by\b.{2,60}\b(?:content agency|syndicate|syndication)\b.{0,40}|visit\b.{2,80}\bat www\.[\w.-]{3,60}|(?:editor['’]s note:\s?)?this (?:story|article|report) (?:has been|was) (?:updated|corrected)\b.{0,200}|this (?:website|site) and (?:its |associated )?(?:newspapers|publications|titles) (?:adheres?|subscribes?) to\b.{0,200}|(?:all rights reserved\.?\s?)?this material\b.{0,200}\bmay not be (?:reproduced|published|broadcast|rewritten|redistributed)\b.{0,300}|this (?:article|story) was (?:first|originally) published (?:in|on|by)\b.{0,300}|materials? provided by\b.{2,300}|our (?:experts|editors|team) (?:continually|regularly|constantly) (?:monitor|review|update)\b.{0,200}|(?:disclaimer:?\s?)?this (?:story|article|report) (?:has (?:not )?been|was|is)\b.{0,60}\b(?:auto-generated|published) from an? (?:syndicated|agency) (?:news )?feed\b.{0,160})$/i;

/**
 * "We and our 214 partners store and/or access information on a device …", "With your permission
 * we and our partners may use precise geolocation data …": a consent banner's text.
 */
const CONSENT =
  /^(?:we and our (?:\d{1,4} )?(?:partners|vendors)\b|with your (?:permission|consent),? we and our (?:partners|vendors)\b)/i;
const MAX_CONSENT_WORDS = 150;

/** "(555) 291-2543 Contact Us Getting It There.": a site's contact strip, a telephone number beside "Contact Us". */
const PHONE = /\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b/;
const CONTACT_US = /\bcontact us\b/i;
const MAX_STRIP_WORDS = 20;

/**
 * An icon's description for screen readers, printed as text: "Close icon Two crossed lines that
 * form an 'X'. It indicates a way to close an interaction", "Chevron icon It indicates an
 * expandable section", "Email icon An envelope."
 */
const ICON_DESCRIPTION =
  /^(?:[\p{L}-]+ ){1,3}[Ii]con (?:(?:A|An|The|Two|Three) |(?:[^.]{0,80}\. )?It (?:indicates|symbolizes|symobilizes)\b)/u;
const MAX_ICON_WORDS = 40;

/** "Home Latest World Business Opinion": a navigation bar, its first link home, the rest its sections, one word each. */
const NAV_BAR = /^Home(?: [\p{Lu}][\p{L}&-]*){3,12}$/u;

/** "57m agoDrivers warned …", "1h ago'Arrogant' …": a ticker of the site's latest stories, its age run into the headline. */
const TICKER_ITEM = /^\d{1,3} ?(?:m|mins?|h|hrs?|d) ago(?=\S)/;

/** A line as chrome is compared: lower case, punctuation at either end and brackets dropped, spaces single. */
function chromeKey(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[()[\]{}!?]/g, ' ')
      // A skip-links list numbers its items: "1. Main content".
      .replace(/^\s*\d{1,2}\.\s/, '')
      .replace(/^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}&])[^\p{L}\p{N}&]+$/gu, '')
      .replace(/\s+/g, ' ')
  );
}

/** Chrome items of several words, longest first, for lines that run two together ("Latest Posts skip to Main Content"). */
const PHRASES = [...SITE_CHROME].filter((item) => item.includes(' ')).sort((a, b) => b.length - a.length);

/** Every word of any chrome item: a line with a word outside it cannot be chrome run together, and is not matched phrase by phrase (article lines are most lines). */
const CHROME_WORDS = new Set([...SITE_CHROME].flatMap((item) => item.split(' ')));

/** Whether a line is one chrome item, or several joined by separators ("Share | Tweet | Email") or run together. */
function isSiteChrome(text: string): boolean {
  if (text.length > 120) return false;
  return text.split(/\s?[|·•›»]\s?/).every((part) => {
    const key = chromeKey(part);
    if (key === '' || SITE_CHROME.has(key) || CHROME_PATTERN.test(key)) return true;
    if (!key.split(' ').every((word) => CHROME_WORDS.has(word))) return false;
    let rest = ` ${key} `;
    for (const phrase of PHRASES) rest = rest.split(` ${phrase} `).join(' ');
    return (
      rest.trim() !== key &&
      rest
        .trim()
        .split(' ')
        .every((word) => word === '' || SITE_CHROME.has(word))
    );
  });
}

/**
 * The site's interface around the article: navigation (a bar of sections too), widgets, account and
 * theme links (vocabulary.ts), consent banners, its contact strip, its icons' descriptions, its
 * ticker of latest stories, and its notes on how the article was published.
 */
export const dropSiteChrome: Stage = (draft) =>
  keepLines(
    draft,
    ({ text }) =>
      !isSiteChrome(text) &&
      !PUBLISHING_NOTE.test(text) &&
      !TICKER_ITEM.test(text) &&
      !(CONSENT.test(text) && text.split(' ').length <= MAX_CONSENT_WORDS) &&
      !(NAV_BAR.test(text) && text.split(' ').some((word) => SITE_CHROME.has(word.toLowerCase()))) &&
      !(text.split(' ').length <= MAX_STRIP_WORDS && CONTACT_US.test(text) && PHONE.test(text)) &&
      !(ICON_DESCRIPTION.test(text) && text.split(' ').length <= MAX_ICON_WORDS),
  );
