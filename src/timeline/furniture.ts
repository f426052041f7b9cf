/**
 * Sentences that are page furniture, not reporting: publication stamps, photo captions,
 * link lines. The loader removes most of them; this stage is the defence in depth that keeps
 * a stamp or a caption from ever dating an event.
 */

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?`;

/** Credit and link lines: "FILE - ...", "© Getty Images", "Photo: ...", "READ | ...". */
const FURNITURE_START = [
  /^FILE\b(?:\s+PHOTO)?\s*[-–—:]/,
  /^©/,
  /^\(?(?:photo|image|picture|video)s?(?:\s+credit)?\s*[:|]/i,
  /^(?:also\s+)?read\s*[|:]/i,
  /^(?:related|more)\s+(?:stories|coverage|news)\b/i,
  /^source\s*:/i,
  /^(?:updated|published|posted)\b.*\d{4}/i,
];

/**
 * A caption's dateline: a full date set off by a comma at the end of the sentence, maybe
 * followed by the place, as in "Iraqi security forces stand guard in front of the embassy in
 * Baghdad, Jan. 1, 2020." or "... at the White House, Sept. 27, 2020, in Washington."
 * Reporting writes "on Jan. 1, 2020" inside the clause instead. The place is at most two names
 * ("in Baghdad, Iraq."): a pattern free to run to the end from every comma takes quadratic time.
 * Tested on a trimmed sentence.
 */
const CAPTION_DATELINE = new RegExp(
  String.raw`,\s*(?:on\s+)?(?:${WEEKDAY},?\s+)?(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+${MONTH},?\s+\d{4})(?:,\s+(?:in|at|near|outside)\s+[A-Z][^,]*(?:,\s*[A-Z][^,]*)?|\.)?$`,
);

/** Words that stay lower case in a headline's Title Case. */
const MINOR_WORDS = /^(?:a|an|the|and|or|but|nor|for|of|in|on|at|to|by|up|as|vs|via|with|from|into|over|than)$/;

/** Words a stamp may hold besides the date itself. */
const STAMP_WORDS = new RegExp(
  String.raw`\b(?:${MONTH}|${WEEKDAY}|updated|published|posted|last|modified|first|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t|et|bst|cet|ist)(?=\W|$)`,
  'gi',
);
const BYLINE = /^[Bb]y\s+(?:[A-Z][\w.'’-]*\s*)+/;

/** True when the sentence is furniture and must not date anything. */
export function isFurniture(sentence: string): boolean {
  const text = sentence.trim();
  if (FURNITURE_START.some((pattern) => pattern.test(text))) return true;
  if (/(?:…|\.\.\.)$/.test(text)) return true; // a teaser cut short
  if (CAPTION_DATELINE.test(text)) return true;
  return isStamp(text) || isHeadline(text);
}

/**
 * A headline (a title, a link to another story): Title Case and no full stop, as in
 * "NY Times: Trump Paid $750 in US Income Taxes in 2016, 2017".
 */
function isHeadline(text: string): boolean {
  if (/[.!:;,"”’')]$/.test(text)) return false;
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const major = words.filter((word) => !MINOR_WORDS.test(word));
  if (major.length < 3) return false;
  return major.filter((word) => /^[A-Z]/.test(word)).length / major.length >= 0.8;
}

/** A publication stamp: a date (and time), maybe a byline, and nothing else. */
function isStamp(text: string): boolean {
  if (!/\b\d{4}\b|\d{1,2}\/\d{1,2}\/\d{2,4}/.test(text)) return false;
  const rest = text
    .replace(BYLINE, '')
    .replace(STAMP_WORDS, ' ')
    .replace(/[\d\s,.:/|\-–—()]+/g, '');
  return rest.length === 0;
}
