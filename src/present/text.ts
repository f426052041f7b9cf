import type { Failure } from '../failure.ts';
import { passageLabel } from './labels.ts';
import { isWholeQuote, type View, type ViewItem } from './view.ts';

/** Draws a View as plain text for a terminal: the console and the CLI without --json. */
export function renderText(view: View, options: { readonly color?: boolean } = {}): string {
  // A document answer prints as the document itself, so it can be redirected to a file.
  if (view.file) return view.file.text;
  if (view.paste && view.items.length === 0) return view.paste.text;
  const bold = (text: string) => (options.color ? `\x1b[1m${text}\x1b[22m` : text);
  const dim = (text: string) => (options.color ? `\x1b[2m${text}\x1b[22m` : text);
  const lines: string[] = [bold(view.title)];
  if (view.notice) lines.push(dim(view.notice));
  if (view.paste) lines.push('', view.paste.text);
  view.items.forEach((item, index) => lines.push('', ...renderItem(item, index, bold, dim)));
  if (view.hint) lines.push('', view.hint);
  if (view.footer) lines.push('', dim(view.footer));
  if (view.nextOffset !== undefined) lines.push('', dim(`${view.nextLabel ?? 'More passages'}: repeat with --offset ${view.nextOffset}`));
  return lines.join('\n');
}

function renderItem(item: ViewItem, index: number, bold: (text: string) => string, dim: (text: string) => string): string[] {
  if (item.kind === 'entry') return [bold(item.heading), ...item.body.split('\n').map((line) => `  ${line}`)];
  const { start, end } = item.answer;
  const quote = isWholeQuote(item) ? item.quote : item.quote.slice(0, start) + bold(item.quote.slice(start, end)) + item.quote.slice(end);
  return [
    `${index + 1}. “${quote}”`,
    dim(`   — ${item.byline} · “${item.title}” · ¶${item.paragraph} · id ${item.passageId}`),
    ...(item.alsoIn.length > 0 ? [dim(`   Also in: ${item.alsoIn.join('; ')}`)] : []),
  ];
}

/** A failure as the terminal shows it: the message, then any passages offered instead. */
export function renderFailureText(failure: Pick<Failure, 'message' | 'suggestions'>): string {
  const suggestions = failure.suggestions ?? [];
  return [failure.message, ...suggestions.map((passage) => `  ${passage.id}  ${passageLabel(passage, 90)}`)].join('\n');
}
