import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { AttachmentBuilder } from 'discord.js';
import {
  CHART_FONT_FAMILY,
  CHART_MIN_DATES,
  countDates,
  timelineChart,
  type ChartOptions,
} from '../../present/timelineChart.ts';
import type { TimelineEvent } from '../../timeline/index.ts';

/**
 * The timeline's picture as a PNG for a Discord message. The SVG comes from
 * ../../present/timelineChart.ts; resvg draws it with the DejaVu Sans Condensed files of the
 * `dejavu-fonts-ttf` package and never with system fonts, so the picture has its text, and the
 * same text, on any machine.
 */

export const TIMELINE_IMAGE_NAME = 'timeline.png';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
/** The only fonts resvg may use: the bundled DejaVu Sans Condensed, regular and bold. */
export const CHART_FONTS: NonNullable<ResvgRenderOptions['font']> = {
  fontFiles: [join(fontDir, 'DejaVuSansCondensed.ttf'), join(fontDir, 'DejaVuSansCondensed-Bold.ttf')],
  loadSystemFonts: false,
  defaultFontFamily: CHART_FONT_FAMILY,
  sansSerifFamily: CHART_FONT_FAMILY,
};

export interface TimelinePng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The PNG of a timeline's picture, or null when it has fewer than three dates (the list says it all). */
export async function timelinePng(
  events: readonly TimelineEvent[],
  options: ChartOptions = {},
): Promise<TimelinePng | null> {
  if (countDates(events) < CHART_MIN_DATES) return null;
  return svgToPng(timelineChart(events, options).svg);
}

/** An SVG drawn at its own size with the bundled fonts, off the main thread (resvg renders on libuv's pool). */
export async function svgToPng(svg: string): Promise<TimelinePng> {
  const image = await renderAsync(svg, { font: CHART_FONTS, fitTo: { mode: 'original' }, logLevel: 'off' });
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The picture as a message attachment, shown in the embed as `attachment://timeline.png`. */
export async function timelineAttachment(
  events: readonly TimelineEvent[],
  options: ChartOptions = {},
): Promise<AttachmentBuilder | null> {
  const picture = await timelinePng(events, options);
  if (!picture) return null;
  return new AttachmentBuilder(picture.png, {
    name: TIMELINE_IMAGE_NAME,
    description: 'The events of this page of the timeline, to scale, oldest at the top',
  });
}
