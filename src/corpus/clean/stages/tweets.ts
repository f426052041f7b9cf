import { keepLines, type Stage } from '../draft.ts';

/** The end of an embedded tweet's signature: "(@janedoe) March 10, 2023", ending the tweet's line or on its own. */
const HANDLE_AT_END = /\(@\w{1,30}\)(?:\s\p{L}{3,9}\.? \d{1,2}, \d{4})?$/u;
const DASHES = '—–-';
/** The signer's name between the dash and the handle is at most this long. */
const MAX_NAME_LENGTH = 60;

/**
 * Whether a line ends in a tweet's signature: "— Jane Doe (@janedoe) March 10, 2023", a dash, a
 * name without brackets and the handle. Walked back from the handle rather than matched with one
 * pattern, whose search from every dash of a long line would take quadratic time.
 */
function hasSignature(text: string): boolean {
  const handle = HANDLE_AT_END.exec(text);
  if (!handle) return false;
  for (let i = handle.index - 1; i >= 0 && i >= handle.index - MAX_NAME_LENGTH - 2; i--) {
    const char = text[i]!;
    if (char === '(' || char === ')' || char === '\n') return false;
    if (!DASHES.includes(char)) continue;
    // The name may follow one space after the dash: "— Jane Doe" or "—Jane Doe".
    const after = handle.index - i - 1;
    const longest = MAX_NAME_LENGTH + (/\s/.test(text[i + 1] ?? '') ? 1 : 0);
    if (after >= 1 && after <= longest) return true;
  }
  return false;
}
/** Links only a tweet carries. */
const TWEET_LINK = /\b(?:pic\.twitter\.com\/\w|t\.co\/\w)/;
/** A tweet is at most 280 characters; with its links and signature, a line of about this. */
const MAX_TWEET_LENGTH = 400;

/** "— #DIS", "— Jane Do": the start of a signature, where the excerpt ends. */
const CUT_SIGNATURE = /^[—–] ?\S[^.!?]{0,40}$/;

/**
 * Embedded tweets: a line with a tweet's signature or its links goes, and so does the tweet's
 * text on the line above a signature standing alone, or above the start of one that ends a page
 * which embeds tweets (the excerpt cut it off).
 */
export const dropTweets: Stage = (draft) => {
  const { lines } = draft;
  const tweet = lines.map(
    (line) => line.text.length <= MAX_TWEET_LENGTH && (hasSignature(line.text) || TWEET_LINK.test(line.text)),
  );
  const last = lines.length - 1;
  if (last > 0 && CUT_SIGNATURE.test(lines[last]!.text) && tweet.some(Boolean)) tweet[last] = true;
  for (let i = 1; i < lines.length; i++) {
    if (tweet[i] && /^[—–-]/.test(lines[i]!.text) && lines[i - 1]!.text.length <= MAX_TWEET_LENGTH) tweet[i - 1] = true;
  }
  return keepLines(draft, (_line, i) => !tweet[i]);
};
