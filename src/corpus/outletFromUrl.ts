import { getDomainWithoutSuffix } from 'tldts';
import { EnglishFrequencies } from '../search/english.ts';

/** A domain name this short is initials ("bbc", "upi", "ndtv"): written in capitals. */
const INITIALS_LENGTH = 4;
/** A word the domain is split into must be this common in English ("mercury", "news"), so a made-up brand stays whole. */
const MIN_WORD_COUNT = 20;
/** Shorter words split names wrongly ("hindus tan times"); only "the" may open a name ("theguardian"). */
const MIN_WORD_LENGTH = 4;

/**
 * The outlet a page's address names, as a reader would say it: the registrable domain without
 * its suffix (the Public Suffix List, through `tldts`), "bbc.co.uk" -> "BBC", "mercurynews.com" ->
 * "Mercury News", "albanyherald.com" -> "Albany Herald"; a name that does not split into common
 * English words stays one word ("Aljazeera"). Null when the address has no domain.
 */
export function outletFromUrl(url: string, english: EnglishFrequencies = EnglishFrequencies.shared()): string | null {
  const label = getDomainWithoutSuffix(url)?.toLowerCase();
  if (!label || !/^[a-z0-9-]+$/.test(label)) return null;
  if (label.length <= INITIALS_LENGTH) return label.toUpperCase();
  const words = label.includes('-') ? label.split('-') : (splitIntoWords(label, english) ?? [label]);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/** The label as common English words (the fewest, then the commonest), or null when it has no such split. */
function splitIntoWords(label: string, english: EnglishFrequencies): string[] | null {
  // best[i]: the best split of label.slice(0, i): fewest words, then the largest sum of log counts.
  const best: Array<{ score: number; words: string[] } | null> = [{ score: 0, words: [] }];
  for (let end = 1; end <= label.length; end++) {
    best[end] = null;
    for (let start = Math.max(0, end - 20); start < end; start++) {
      const before = best[start];
      const word = label.slice(start, end);
      if (word.length < MIN_WORD_LENGTH && !(start === 0 && word === 'the')) continue;
      const count = english.count(word);
      if (!before || count < MIN_WORD_COUNT) continue;
      const score = before.score + Math.log(count);
      const current = best[end];
      const fewer = !current || before.words.length + 1 < current.words.length;
      if (fewer || (before.words.length + 1 === current!.words.length && score > current!.score))
        best[end] = { score, words: [...before.words, word] };
    }
  }
  const split = best[label.length];
  return split && split.words.length >= 2 ? split.words : null;
}
