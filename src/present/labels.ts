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

/** Longest a title stands in for an unknown outlet. */
const NAME_TITLE_LENGTH = 48;

/** The title as a reader sees it: a description Dossier derived reads as plain words, without its brackets and ellipsis. */
export function displayTitle(source: Source): string {
  return source.titleOrigin === 'derived' ? source.title.replace(/^\[|(?:…|\.{3})?\]$/g, '') : source.title;
}

/** What names a source in a line: its outlet, or, where no page or moderator states it, its title (never "Unknown outlet"). */
export function outletLabel(source: Source): string {
  return source.outlet ?? shorten(displayTitle(source), NAME_TITLE_LENGTH);
}

/** Cuts text at a word boundary to at most `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > max * 0.5 ? cut.slice(0, boundary) : cut).replace(/(?<![\s,;:.–—-])[\s,;:.–—-]+$/, '')}…`;
}

/** One line naming a source: "VOA News · Sep 28, 2020 · US Threatens to Close Embassy in Baghdad", or its title and date when the outlet is unknown. */
export function sourceLine(source: Source, max = 100): string {
  return shorten(
    source.outlet
      ? `${source.outlet} · ${dateLabel(source.date)} · ${displayTitle(source)}`
      : `${displayTitle(source)} · ${dateLabel(source.date)}`,
    max,
  );
}

/** "VOA News · Sep 28, 2020 · ¶3 The United States is threatening…": what a picker shows. */
export function passageLabel(passage: Passage, max = 100): string {
  return shorten(
    `${outletLabel(passage.source)} · ${dateLabel(passage.source.date)} · ¶${passage.paragraph} ${passage.text}`,
    max,
  );
}
