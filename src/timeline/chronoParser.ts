/**
 * Parser: runs chrono-node over a sentence and keeps only the components chrono is certain of.
 *
 * chrono is configured from `casual` minus the stages that produce dates an event never has:
 * durations counted from the article ("in 90 days", "within 90 days", "three days later",
 * "+2 weeks") and the ends of periods ("by the end of the month"), which are deadlines.
 * Counts from another event of the story ("the next day") are dropped here too.
 *
 * Whether a result with a certain year is absolute ("Jan. 1, 2020") or counted from the
 * reference ("this year", "yesterday") is found by parsing again against a reference 400 days
 * later: an absolute date does not move.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision, PartialDate } from '../corpus/types.ts';
import { addDays, coarser, partsOf, referenceInstant } from './calendar.ts';
import type { Mention, MentionParser, SentenceContext } from './types.ts';

/** chrono stages left out, by class name. */
const DROPPED_STAGES = new Set([
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENEndOfCurrentMonthParser',
  'ENEndOfPeriodRefiner',
]);

function buildChrono(): chrono.Chrono {
  const parser = chrono.casual.clone();
  parser.parsers = parser.parsers.filter((stage) => !DROPPED_STAGES.has(stage.constructor.name));
  parser.refiners = parser.refiners.filter((stage) => !DROPPED_STAGES.has(stage.constructor.name));
  return parser;
}

const parser = buildChrono();

/** Reference for an article without a date: only results that ignore it are kept anyway. */
const UNDATED_REFERENCE: PartialDate = { value: '2000-06-15', precision: 'day' };
/** How far the second reference sits from the first; moves year, month, day and weekday. */
const SHIFT_DAYS = 400;

/**
 * Counted from another event of the story, not from the article ("the next day", "two days
 * earlier"), or not a date at all ("now"): chrono would count them from the article's date.
 */
const NARRATIVE_RELATIVE = /\b(?:earlier|before|later|after|prior|following|previous|next\s+day|now)\b/i;

/** Weeks and weekends are the window parser's: chrono would give them a false day. */
const WINDOW_WORDS = /\bweek(?:s|end|ends)?\b/i;
const WEEKDAY_NAME = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const WEEKDAY_MODIFIER = /^(?:on\s+)?(?:this\s+)?(last|past|next|coming)\b/i;
const TRAILING_PUNCTUATION = /(?<![\s,.;:!?])[\s,.;:!?]+$/;
const WRITTEN_YEAR = /\b\d{4}\b|['’]\d{2}\b/;

function parse(sentence: string, reference: PartialDate): chrono.ParsedResult[] {
  return parser.parse(sentence, { instant: referenceInstant(reference), timezone: 'UTC' }, { forwardDate: false });
}

function shifted(reference: PartialDate): PartialDate {
  const { y, m, d } = partsOf(reference);
  const day = addDays({ y, m: m ?? 7, d: d ?? 15 }, SHIFT_DAYS);
  return { value: `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`, precision: 'day' };
}

function finest(result: chrono.ParsedComponents): DatePrecision {
  if (result.isCertain('day')) return 'day';
  if (result.isCertain('month')) return 'month';
  return 'year';
}

/** The coarsest precision the unit words of a counted expression allow. */
function unitCap(text: string): DatePrecision | undefined {
  if (/\byears?\b/i.test(text)) return 'year';
  if (/\bmonths?\b/i.test(text)) return 'month';
  return undefined;
}

function classify(result: chrono.ParsedResult, moved: chrono.ParsedResult | undefined): Mention | null {
  const start = result.start;
  const text = result.text.replace(TRAILING_PUNCTUATION, '');
  const base = { index: result.index, text, origin: 'chrono' as const };
  const value = (component: chrono.Component): number => start.get(component)!;
  if (start.isCertain('year')) {
    const month = start.isCertain('month') ? value('month') : undefined;
    const day = month !== undefined && start.isCertain('day') ? value('day') : undefined;
    // Unaligned (chrono read the text differently the second time): trust a written year.
    const stable =
      moved === undefined
        ? WRITTEN_YEAR.test(text)
        : moved.start.isCertain('year') && moved.start.get('year') === value('year');
    if (stable) return { ...base, kind: 'absolute', year: value('year'), month, day, needs: null };
    if (WINDOW_WORDS.test(text) || NARRATIVE_RELATIVE.test(text) || /\bquarters?\b/i.test(text)) return null;
    const cap = unitCap(text);
    return {
      ...base,
      kind: 'relative',
      year: value('year'),
      month,
      day,
      cap,
      needs: cap ? coarser(finest(start), cap) : finest(start),
    };
  }
  if (start.isCertain('month')) {
    const day = start.isCertain('day') ? value('day') : undefined;
    // "Tuesday March 30": the weekday tells which year the writer meant.
    const weekday =
      day !== undefined && start.isCertain('weekday') && WEEKDAY_NAME.test(text) ? value('weekday') : undefined;
    return {
      ...base,
      kind: 'yearless',
      month: value('month'),
      day,
      ...(weekday !== undefined ? { weekday } : {}),
      needs: 'month',
    };
  }
  if (start.isCertain('weekday') && !WINDOW_WORDS.test(text) && WEEKDAY_NAME.test(text)) {
    const word = WEEKDAY_MODIFIER.exec(text)?.[1]?.toLowerCase();
    const modifier = word === 'last' || word === 'past' ? 'last' : (word as 'next' | 'coming' | undefined);
    return { ...base, kind: 'weekday', weekday: value('weekday'), modifier, needs: 'day' };
  }
  return null; // a time of day alone, or nothing chrono is sure of
}

/** Date mentions chrono finds in the sentence, with only their certain components. */
export const chronoParser: MentionParser = (context: SentenceContext) => {
  const reference = context.reference ?? UNDATED_REFERENCE;
  const results = parse(context.sentence, reference);
  if (results.length === 0) return [];
  const moved = new Map(parse(context.sentence, shifted(reference)).map((r) => [`${r.index}:${r.text}`, r]));
  return results.flatMap((result) => classify(result, moved.get(`${result.index}:${result.text}`)) ?? []);
};
