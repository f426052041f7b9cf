import { keepLines, mapText, type Stage } from '../draft.ts';

/**
 * Notices where an advertisement interrupts the article, and the controls of the video ad that
 * plays there ("Click to Skip Ad", "Closing in...", "Ad will close in 5 seconds"): a scrape keeps
 * their text wherever the player stood, often above the headline.
 */
const AD_BREAK =
  /^(?:(?:click to )?skip(?: this)? ad(?:vertisement)?|(?:ad )?closing in(?: \d{1,2}(?: seconds?)?)?|ad will close in \d{1,2}(?: seconds?)?|advertisement|story continues below(?: this)?(?: ad| advertisement)|continue reading(?: the main story| below)?|article continues (?:below|after)(?: this)?(?: ad| advertisement)?|scroll to continue(?: with content)?|ad break|sponsored message|paid content)$/;

/** Longer than any notice: such a line is text, whatever it says. */
const MAX_NOTICE_LENGTH = 80;

function isAdBreak(text: string): boolean {
  if (text.length > MAX_NOTICE_LENGTH) return false;
  return AD_BREAK.test(
    text
      .toLowerCase()
      .replace(/^[^\p{L}]+|(?<![^\p{L}])[^\p{L}]+$/gu, '')
      .replace(/\s+/g, ' '),
  );
}

/** "Hide AdPrime Minister …", "Hide AdAdvertisement": an ad slot's close button run into the line after it. */
// The control's words in any case, spelled out: under the i flag \p{Lu} would take "Close address" too.
const GLUED_AD_CONTROL = /^(?:[Hh]ide|HIDE|[Cc]lose|CLOSE) (?:[Aa]d|AD)(?=\p{Lu}|$)/u;

/**
 * "Advertisement", "Story continues below advertisement", an ad player's "Skip Ad" and their kind,
 * wherever the page breaks for an ad; and an ad slot's "Hide Ad" run into the paragraph after it.
 */
export const dropAdBreaks: Stage = (draft) =>
  keepLines(
    mapText(draft, (text) => text.replace(GLUED_AD_CONTROL, '')),
    (line) => !isAdBreak(line.text),
  );
