/**
 * The tense around a date mention, so that a bare "Saturday" or "January" points backwards in
 * a report of what happened and forwards in "will meet on Saturday". The marker nearest the
 * mention inside its clause decides; then the nearest in the sentence; news reports the past,
 * so with no marker at all the answer is 'past'.
 */
import type { Tense } from './types.ts';

/** Phrases that look ahead. "would" counts: "announced it would withdraw by November". */
const FUTURE =
  /\b(?:will|won['’]t|shall|would|going\s+to|(?:is|are|be|being)\s+(?:expected|set|scheduled|slated|poised|due|planned)|(?:was|were)\s+(?:expected|set|scheduled|slated|poised|due|planned)\s+(?:to|for)|plans?\s+to|planning\s+to|intends?\s+to|next|upcoming|coming|ahead\s+of|later\s+this)\b|['’]ll\b/gi;

/** Irregular past forms and words that only report the past. */
const PAST_WORDS = new Set([
  'said',
  'told',
  'was',
  'were',
  'had',
  'did',
  'met',
  'held',
  'came',
  'went',
  'took',
  'made',
  'began',
  'left',
  'gave',
  'sent',
  'led',
  'fought',
  'saw',
  'spoke',
  'wrote',
  'struck',
  'won',
  'lost',
  'paid',
  'sought',
  'brought',
  'bought',
  'thought',
  'knew',
  'became',
  'fell',
  'rose',
  'ran',
  'shot',
  'stood',
  'got',
  'flew',
  'drove',
  'broke',
  'chose',
  'stole',
  'swore',
  'tore',
  'woke',
  'forgot',
  'hid',
  'meant',
  'kept',
  'felt',
  'dealt',
  'built',
  'spent',
  'sank',
  'withdrew',
  'drew',
  'grew',
  'threw',
  'overthrew',
  'ago',
  'earlier',
  'previously',
  'already',
  'former',
  'formerly',
]);

/** Words ending in -ed that are not past tenses. */
const NOT_PAST = new Set([
  'need',
  'speed',
  'seed',
  'feed',
  'greed',
  'breed',
  'proceed',
  'exceed',
  'succeed',
  'indeed',
  'embed',
  'hundred',
  'kindred',
  'sacred',
  'naked',
  'wicked',
  'wretched',
  'rugged',
  'ragged',
  'shed',
  'bed',
  'red',
]);

/** Auxiliaries after which an -ed word is a participle that carries no tense of its own. */
const PASSIVE_AUX = /\b(?:be|been|being|is|are|am|to)\s+$/i;

/** Where a clause begins or ends. */
const CLAUSE_BREAK =
  /[,;:()—–]|\b(?:that|which|who|whom|whose|while|but|because|although|though|whereas|whether|if|unless)\b/gi;

interface Marker {
  readonly start: number;
  readonly end: number;
  readonly tense: Tense;
}

function markers(sentence: string): Marker[] {
  const found: Marker[] = [];
  for (const match of sentence.matchAll(FUTURE)) {
    found.push({ start: match.index, end: match.index + match[0].length, tense: 'future' });
  }
  const inFuture = (index: number): boolean =>
    found.some((m) => m.tense === 'future' && index >= m.start && index < m.end);
  for (const match of sentence.matchAll(/[A-Za-z’']+(?:-[A-Za-z]+)*/g)) {
    const word = match[0];
    const index = match.index;
    if (inFuture(index) || word.includes('-')) continue;
    const lower = word.toLowerCase();
    const sentenceInitial = sentence.slice(0, index).trim() === '';
    if (word !== lower && !sentenceInitial) continue; // names: "United", "Ahmed"
    const past =
      PAST_WORDS.has(lower) ||
      (lower.length >= 5 &&
        lower.endsWith('ed') &&
        !NOT_PAST.has(lower) &&
        !PASSIVE_AUX.test(sentence.slice(0, index)));
    if (past) found.push({ start: index, end: index + word.length, tense: 'past' });
  }
  return found;
}

function clauseAround(sentence: string, index: number, length: number): { start: number; end: number } {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at + match[0].length <= index) start = at + match[0].length;
    else if (at >= index + length) {
      end = at;
      break;
    }
  }
  return { start, end };
}

function nearest(found: readonly Marker[], index: number, length: number): Marker | undefined {
  const distance = (m: Marker): number => (m.end <= index ? index - m.end : Math.max(0, m.start - (index + length)));
  return [...found].sort((a, b) => distance(a) - distance(b))[0];
}

/** The tense of the clause around `sentence.slice(index, index + length)`. */
export function tenseAt(sentence: string, index: number, length: number): Tense {
  const all = markers(sentence).filter((m) => m.end <= index || m.start >= index + length);
  const clause = clauseAround(sentence, index, length);
  const inClause = all.filter((m) => m.start >= clause.start && m.end <= clause.end);
  return (nearest(inClause, index, length) ?? nearest(all, index, length))?.tense ?? 'past';
}
