import { withDate, type Article } from './article.ts';
import { dateSpan, pastDatesMentioned } from './dates.ts';
import type { PartialDate } from './types.ts';

/** A dateline's day is read in the year that puts it within this many days of the corpus's middle date, or not at all. */
const MAX_DISTANCE_DAYS = 183;
/** A dateline's day after a date its article reports is read in the first year that puts it on or after that date. */
const YEAR_DAYS = 366;
/** A stamp read from a page this long after every other article of the story (and longer than they span) is the site's clock, not the article's date. */
const CLOCK_GAP_DAYS = 366;
/** The corpus tells a story's time span only when this many of its articles are dated. */
const MIN_DATED = 5;
const DAY_MS = 86_400_000;

/**
 * Article dates, learned from the corpus: a story's articles are written within months of one
 * another. An article whose only date is a dateline's day without its year ("WASHINGTON, May 18
 * (Xinhua) --", "New York, March 11") gets the year that puts the day nearest the middle of the
 * corpus's dated articles (one far from every such year stays undated), or, when the article's
 * sentences about the past give full dates, the first year that puts it on or after the latest. And a stamp read from a
 * page's text more than a year after every other dated article, and further after them than they
 * span ("Sunday, Feb 01, 2026" printed by a site on the day it was scraped, in a story of a few
 * months), is the site's clock: the article is undated instead.
 */
export function dateFromCorpus(articles: readonly Article[]): Article[] {
  const dated = articles
    .flatMap((article) => (article.source.date ? [dayOf(article.source.date)] : []))
    .sort((a, b) => a - b);
  if (dated.length === 0) return [...articles];
  const middle = dated[Math.floor(dated.length / 2)]!;
  const middleYear = new Date(middle).getUTCFullYear();
  // The days articles are dated, each once, in order: the other articles' earliest and latest days
  // are read from its ends, once per article rather than by filtering every date for each.
  const datedDays = [...new Set(dated)];
  return articles.map((article) => {
    const date = article.source.date;
    if (date && article.dateFromText && dated.length >= MIN_DATED) {
      const own = dayOf(date);
      const latestOther = datedDays.at(-1) !== own ? datedDays.at(-1) : datedDays.at(-2);
      const earliestOther = datedDays[0] !== own ? datedDays[0] : datedDays[1];
      // A story its articles follow over years (a trial, then its appeals) may go on a year later.
      const span = latestOther === undefined ? 0 : latestOther - earliestOther!;
      if (latestOther !== undefined && own - latestOther > Math.max(CLOCK_GAP_DAYS * DAY_MS, span))
        return withDate(article, null);
    }
    if (!article.datelineDay || date) return article;
    const { month, day } = article.datelineDay;
    const days = [middleYear - 1, middleYear, middleYear + 1, middleYear + 2]
      .map((year) => Date.UTC(year, month - 1, day))
      .filter((time) => new Date(time).getUTCDate() === day);
    // The article reports what its own sentences date in the past: it is dated on or after the latest
    // of those ("New Delhi, Aug 21" on a study of a landing "on August 23, 2023" is of a later year).
    const floor = latestPastMention(article);
    const best =
      floor === undefined
        ? days
            .filter((time) => Math.abs(time - middle) <= MAX_DISTANCE_DAYS * DAY_MS)
            .sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0]
        : days.find((time) => time >= floor && time - floor < YEAR_DAYS * DAY_MS);
    return best === undefined
      ? article
      : withDate(article, { value: new Date(best).toISOString().slice(0, 10), precision: 'day' });
  });
}

/** The latest full date the article's sentences about the past mention, as a time, if any. */
function latestPastMention(article: Article): number | undefined {
  const days = article.passages.flatMap((passage) => pastDatesMentioned(passage.text));
  return days.length === 0 ? undefined : Math.max(...days.map((day) => Date.parse(`${day}T00:00:00Z`)));
}

function dayOf(date: PartialDate): number {
  return Date.parse(`${dateSpan(date).first}T00:00:00Z`);
}
