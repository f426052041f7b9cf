import type { View } from '../../present/view.ts';
import { mentionCommands } from './commandMentions.ts';
import { BUDGET } from './limits.ts';
import { COLORS, NO_MENTIONS, type DiscordMessage } from './render.ts';
import { fitEscaped, literal } from './text.ts';

/**
 * /help as Discord shows it: what the story covers, then each command as a clickable mention
 * (`</ask:id>`, which runs it when clicked) with what it does and an example. Mentions work in an
 * embed's description, not in field names, so the commands are lines of the description.
 */
export function renderHelp(view: View, commandIds: ReadonlyMap<string, string>): DiscordMessage {
  const intro = view.notice ? `*${literal(view.notice)}*` : '';
  const lines = view.items.flatMap((item) => {
    if (item.kind !== 'entry') return [];
    const heading = commandIds.has(item.heading.slice(1))
      ? mentionCommands(item.heading, commandIds)
      : `**${literal(item.heading)}**`;
    return [`${heading} — ${mentionCommands(literal(item.body), commandIds)}`];
  });
  const description = [intro, lines.join('\n')].filter(Boolean).join('\n\n');
  return {
    embeds: [
      {
        title: fitEscaped(view.title, BUDGET.embedTitle),
        color: COLORS[view.tone],
        description: description.slice(0, BUDGET.embedDescription),
      },
    ],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}
