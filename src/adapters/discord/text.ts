import { escapeMarkdown } from 'discord.js';
import { shorten } from '../../present/labels.ts';

/**
 * Text helpers for Discord: cutting raw text to a budget (at a sentence, else a word boundary),
 * and making untrusted text inert (markdown escaped, mentions broken). Cut first, escape after:
 * a cut never lands inside markup Dossier added, and `fitEscaped` re-checks the escaped length.
 */

/** A sentence end (punctuation, optional closing quote) followed by a space. */
const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)/g;

/**
 * Cuts `text` to at most `max` characters: at the last sentence end if one falls in the last
 * 40% of the budget ("… sentence. …"), else at a word boundary (`shorten`), ending with "…".
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 2) return '…'.slice(0, max);
  let sentenceEnd = -1;
  for (const match of text.slice(0, max - 2).matchAll(SENTENCE_END)) sentenceEnd = match.index + match[0].length;
  if (sentenceEnd >= max * 0.6) return `${text.slice(0, sentenceEnd)} …`;
  return shorten(text, max);
}

/** Zero-width space: shown as nothing, but stops Discord reading a mention. */
const ZWSP = '\u200b';

/** `@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>` shown as typed, never as mentions. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<(@[!&]?|#)(?=\d)/g, `<$1${ZWSP}`);
}

/**
 * Untrusted text made literal: markdown escaped (including headings and lists), mentions defused.
 * Brackets are escaped here rather than by `escapeMarkdown`'s `maskedLink`, whose greedy pattern
 * escapes only the first of several links on a line.
 */
export function literal(text: string): string {
  const escaped = escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: false });
  return defuseMentions(escaped.replace(/[[\]]/g, '\\$&'));
}

/**
 * Cuts raw text so that, once `transform` (escaping, decoration) is applied, it fits in `max`.
 * Escaping only adds characters, so the cut shrinks until the transformed text fits.
 */
export function fitEscaped(text: string, max: number, transform: (raw: string) => string = literal): string {
  let budget = max;
  for (;;) {
    const out = transform(clip(text, budget));
    if (out.length <= max || budget <= 1) return out.length <= max ? out : out.slice(0, max);
    budget -= Math.max(1, out.length - max);
  }
}
