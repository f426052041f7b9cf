import type { PartialDate, Passage, Source } from '../corpus/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "Sep 28, 2020", "Jul 2020", "2020", or "undated": never more precise than what is known. */
export function dateLabel(date: PartialDate | null): string {
  if (!date) return 'undated';
  const [year, month, day] = date.value.split('-');
  if (date.precision === 'year') return year!;
  const monthName = MONTHS[Number(month) - 1]!;
  return date.precision === 'month' ? `${monthName} ${year}` : `${monthName} ${Number(day)}, ${year}`;
}

/** The outlet, or a plain statement that it is unknown (never a guess). */
export function outletLabel(source: Source): string {
  return source.outlet ?? 'Unknown outlet';
}

/** Cuts text at a word boundary to at most `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > max * 0.5 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** One line naming a source: "VOA News · Sep 28, 2020 · US Threatens to Close Embassy in Baghdad". */
export function sourceLine(source: Source, max = 100): string {
  return shorten(`${outletLabel(source)} · ${dateLabel(source.date)} · ${source.title}`, max);
}

/** "VOA News · Sep 28, 2020 · ¶3 The United States is threatening…": what a picker shows. */
export function passageLabel(passage: Passage, max = 100): string {
  return shorten(`${outletLabel(passage.source)} · ${dateLabel(passage.source.date)} · ¶${passage.paragraph} ${passage.text}`, max);
}
