import { keepLines, type Stage } from '../draft.ts';

/** An embedded tweet's signature: "— Jane Doe (@janedoe) March 10, 2023", ending the tweet's line or on its own. */
const SIGNATURE = /[—–-]\s?[^()\n]{1,60}\(@\w{1,30}\)(?:\s\p{L}{3,9}\.? \d{1,2}, \d{4})?$/u;
/** Links only a tweet carries. */
const TWEET_LINK = /\b(?:pic\.twitter\.com\/\w|t\.co\/\w)/;
/** A tweet is at most 280 characters; with its links and signature, a line of about this. */
const MAX_TWEET_LENGTH = 400;

/**
 * Embedded tweets: a line with a tweet's signature or its links goes, and so does the tweet's
 * text on the line above a signature standing alone.
 */
export const dropTweets: Stage = (draft) => {
  const { lines } = draft;
  const tweet = lines.map((line) => line.text.length <= MAX_TWEET_LENGTH && (SIGNATURE.test(line.text) || TWEET_LINK.test(line.text)));
  for (let i = 1; i < lines.length; i++) {
    if (tweet[i] && /^[—–-]/.test(lines[i]!.text) && lines[i - 1]!.text.length <= MAX_TWEET_LENGTH) tweet[i - 1] = true;
  }
  return keepLines(draft, (_line, i) => !tweet[i]);
};
