import { mapText, type Stage } from '../draft.ts';

/** How far a card runs from the glued name to its "MORE": a name and a few headlines. */
const MAX_CARD_LENGTH = 400;
/** A name of a few words: the card repeats the person's full name. */
const MAX_NAME_WORDS = 5;
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]{0,30}$/u;
/** A lower-case letter glued to a capital: where the card's full name starts. */
const GLUE = /(?<=\p{Ll})\p{Lu}/gu;

/**
 * Author hover cards glued into a sentence by the scrape: the printed name, the person's full name,
 * their latest headlines, then "MORE" — "Mike PompeoMike PompeoBiden should … MORE told". The
 * printed name stays; the card goes. The full name must end with the printed name's last word.
 * Found by scanning for a lower-case letter glued to a capital, then looking a bounded way ahead,
 * so the time it takes grows with the text, whatever the text is.
 */
function unglueHoverCards(text: string): string {
  // Every card ends in "MORE": most lines have none, and are spared the scan.
  if (!text.includes(' MORE')) return text;
  let result = '';
  let copied = 0;
  for (const { index: glue } of text.matchAll(GLUE)) {
    if (glue < copied) continue;
    const wordStart = lastWordStart(text, glue);
    const printed = text.slice(wordStart, glue);
    if (!NAME_WORD.test(printed)) continue;
    const cardEnd = cardEndAfter(text, glue, printed);
    if (cardEnd < 0) continue;
    result += text.slice(copied, glue);
    copied = cardEnd;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

function lastWordStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 32 && /[\p{L}'’.-]/u.test(text[start - 1]!)) start--;
  return start;
}

/** Where the card starting at `from` ends (after its " MORE"), or -1 when what follows is no card of `printed`. */
function cardEndAfter(text: string, from: number, printed: string): number {
  const window = text.slice(from, from + MAX_CARD_LENGTH);
  const words = window.split(' ', MAX_NAME_WORDS + 1);
  let length = 0;
  for (let n = 0; n < Math.min(words.length, MAX_NAME_WORDS); n++) {
    const word = words[n]!;
    // The full name's last word is the printed one, with the card's headline glued on (or not).
    if (
      n > 0 &&
      word.startsWith(printed) &&
      (word.length === printed.length || /\p{Lu}/u.test(word[printed.length]!))
    ) {
      const more = window.indexOf(' MORE', length + printed.length);
      if (more < 0 || /[\p{L}]/u.test(window[more + 5] ?? ' ')) return -1;
      return from + more + 5;
    }
    if (!/^\p{Lu}/u.test(word)) return -1;
    length += word.length + 1;
  }
  return -1;
}

/** Cards glued into the text, in every line. */
export const dropHoverCards: Stage = (draft) => mapText(draft, unglueHoverCards);
