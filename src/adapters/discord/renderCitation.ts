import type { CitationStyle } from '../../cite/index.ts';
import type { View } from '../../present/view.ts';
import { BUDGET } from './limits.ts';
import { citationStyleRow, codeBlock, NO_MENTIONS, type DiscordMessage } from './render.ts';
import { fitEscaped, literal } from './text.ts';

/**
 * A citation as a member copies it on a phone: the citation alone in a code block in the
 * message's content (embed text does not copy on Discord mobile), its in-text form and the
 * quotation under it, apart; buttons switch the style in place.
 */
export function renderCitation(view: View, passageId: string, style: CitationStyle): DiscordMessage {
  const title = `**${fitEscaped(view.title, 200)}**`;
  const rest = view.items.flatMap((item) => (item.kind === 'entry' ? [item] : []));
  // The citation itself is never cut for what goes under it: the in-text form and the quote take what is left.
  const paste = view.paste
    ? fitEscaped(view.paste.text, BUDGET.content - title.length - 2, codeBlock(view.paste.syntax))
    : '';
  let room = BUDGET.content - title.length - paste.length - 4;
  const under = rest.map((entry) => {
    const line =
      entry.heading === 'Quote'
        ? `> ${fitEscaped(entry.body, Math.max(0, room - 2))}`
        : `${literal(entry.heading)}: ${fitEscaped(entry.body, Math.max(0, room - entry.heading.length - 4), (raw) => `\`${raw.replaceAll('`', '')}\``)}`;
    room -= line.length + 1;
    return line;
  });
  const content = [title, paste, under.join('\n')].filter(Boolean).join('\n');
  return { content, embeds: [], components: citationStyleRow(passageId, style), allowedMentions: NO_MENTIONS };
}
