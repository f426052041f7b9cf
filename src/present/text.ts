import type { Failure } from '../failure.ts';
import { passageLabel } from './labels.ts';
import { isWholeQuote, type View, type ViewItem } from './view.ts';

export interface TextOptions {
  readonly color?: boolean;
  /** The terminal's width: lines wrap at spaces to it, so a word or a passage id is never split. None: lines as long as they are. */
  readonly width?: number;
  /** How the reader asks for the next page: the console's `/more`, or (by default) the same command again with `--offset`. */
  readonly nextPage?: 'more' | 'offset';
}

/** Draws a View as plain text for a terminal: the console and the CLI without --json. */
export function renderText(view: View, options: TextOptions = {}): string {
  // A document answer prints as the document itself, so it can be redirected to a file.
  if (view.file) return view.file.text;
  if (view.paste && view.items.length === 0) return view.paste.text;
  const text = drawText(view, options);
  return options.width ? wrapText(text, options.width) : text;
}

function drawText(view: View, options: TextOptions): string {
  const bold = (text: string) => (options.color ? `\x1b[1m${text}\x1b[22m` : text);
  const dim = (text: string) => (options.color ? `\x1b[2m${text}\x1b[22m` : text);
  const lines: string[] = [bold(view.title)];
  if (view.notice) lines.push(dim(view.notice));
  if (view.paste) lines.push('', view.paste.text);
  view.items.forEach((item, index) => lines.push('', ...renderItem(item, (view.firstNumber ?? 1) + index, bold, dim)));
  if (view.hint) lines.push('', view.hint);
  if (view.footer) lines.push('', dim(view.footer));
  if (view.nextOffset !== undefined) {
    const how = options.nextPage === 'more' ? 'type /more' : `repeat with --offset ${view.nextOffset}`;
    lines.push('', dim(`${view.nextLabel ?? 'More passages'}: ${how}`));
  }
  return lines.join('\n');
}

function renderItem(
  item: ViewItem,
  number: number,
  bold: (text: string) => string,
  dim: (text: string) => string,
): string[] {
  if (item.kind === 'entry') return [bold(item.heading), ...item.body.split('\n').map((line) => `  ${line}`)];
  const { start, end } = item.answer;
  const quote = isWholeQuote(item)
    ? item.quote
    : item.quote.slice(0, start) + bold(item.quote.slice(start, end)) + item.quote.slice(end);
  return [
    `${number}. “${quote}”`,
    dim(`   — ${item.byline} · “${item.title}” · ¶${item.paragraph} · id ${item.passageId}`),
    ...(item.alsoIn.length > 0 ? [dim(`   Also in: ${item.alsoIn.join('; ')}`)] : []),
  ];
}

/** Colour and boldness codes take no room on screen. */
const STYLE_CODE = /\x1b\[\d+m/g;

/**
 * Each line cut at spaces into lines of at most `width` visible characters; a continuation lines
 * up under the first line's text (after its indent, and its bullet or number). A word longer
 * than the width stays whole on its own line: never a split id.
 */
function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const visible = line.replace(STYLE_CODE, '');
      if (visible.length <= width) return [line];
      const hang = ' '.repeat(/^\s*(?:[•—-] |\d+\. “?)?/.exec(visible)![0].length);
      const indent = /^ */.exec(line)![0];
      const [first = '', ...words] = line.slice(indent.length).split(' ');
      const out: string[] = [];
      let current = indent + first;
      for (const word of words) {
        const candidate = `${current} ${word}`;
        if (candidate.replace(STYLE_CODE, '').length > width) {
          out.push(current);
          current = `${hang}${word}`;
        } else {
          current = candidate;
        }
      }
      return [...out, current];
    })
    .join('\n');
}

/** A failure as the terminal shows it: the message, then any passages offered instead. */
export function renderFailureText(failure: Pick<Failure, 'message' | 'suggestions'>): string {
  const suggestions = failure.suggestions ?? [];
  return [failure.message, ...suggestions.map((passage) => `  ${passage.id}  ${passageLabel(passage, 90)}`)].join('\n');
}
