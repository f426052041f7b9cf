/**
 * Parser: vague stretches of time counted from the article's date ("over the weekend",
 * "in recent days", "last week", "two weeks ago"). chrono would pin them to one day, which
 * would be false; they are kept as windows and later dated only as finely as the whole
 * window allows (a weekend inside September is "2020-09").
 */
import type { Mention, MentionParser, WindowName } from './types.ts';

const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

interface WindowPattern {
  readonly pattern: RegExp;
  readonly window: WindowName;
}

/** Tried in order; a later pattern never takes text an earlier one took. */
const PATTERNS: readonly WindowPattern[] = [
  { pattern: /\b(?:(?:over|during|on|at)\s+)?(?:this\s+)?past\s+weekend\b/gi, window: 'last-weekend' },
  { pattern: /\b(?:(?:over|during|on|at)\s+)?last\s+weekend\b/gi, window: 'last-weekend' },
  { pattern: /\b(?:(?:over|during|on|at)\s+)?next\s+weekend\b/gi, window: 'next-weekend' },
  { pattern: /\b(?:(?:over|during|on|at)\s+)?this\s+(?:coming\s+)?weekend\b/gi, window: 'this-weekend' },
  { pattern: /\b(?:over|during|on|at)\s+the\s+weekend\b/gi, window: 'weekend' },
  {
    pattern:
      /\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|couple\s+of\s+)?days\b|\bin\s+recent\s+days\b/gi,
    window: 'recent-days',
  },
  {
    pattern:
      /\b(?:in|over|during|for)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|couple\s+of\s+)?weeks\b/gi,
    window: 'recent-weeks',
  },
  { pattern: /\b(?:in|over|during)\s+the\s+(?:past|last)\s+week\b/gi, window: 'past-week' },
  { pattern: /\bearlier\s+this\s+week\b/gi, window: 'earlier-this-week' },
  { pattern: /\blater\s+this\s+week\b/gi, window: 'later-this-week' },
  { pattern: /\bthis\s+week\b/gi, window: 'this-week' },
  { pattern: /\blast\s+week\b/gi, window: 'last-week' },
  { pattern: /\bnext\s+week\b/gi, window: 'next-week' },
  { pattern: /\b(a|an|one|two|three|four|five|six|\d{1,2})\s+weeks?\s+ago\b/gi, window: 'weeks-ago' },
];

export const windowParser: MentionParser = (context) => {
  const mentions: Mention[] = [];
  const taken = (start: number, end: number): boolean =>
    mentions.some((m) => start < m.index + m.text.length && m.index < end);
  for (const { pattern, window } of PATTERNS) {
    for (const match of context.sentence.matchAll(pattern)) {
      if (taken(match.index, match.index + match[0].length)) continue;
      const countWord = window === 'weeks-ago' ? match[1]!.toLowerCase() : undefined;
      const count = countWord === undefined ? undefined : (COUNT_WORDS[countWord] ?? Number(countWord));
      mentions.push({
        index: match.index,
        text: match[0],
        origin: 'window',
        kind: 'window',
        window,
        count,
        needs: 'day',
      });
    }
  }
  return mentions;
};
