import { MessageFlags } from 'discord.js';
import type { RepliableInteraction } from 'discord.js';
import { renderNotice, type DiscordMessage } from './render.ts';

/** A private reply (a notice, or a message of its own) that works whatever state the interaction is in. */
export async function replyPrivately(interaction: RepliableInteraction, text: string | DiscordMessage): Promise<void> {
  const body = typeof text === 'string' ? renderNotice(text) : text;
  const message = { ...body, flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
    return;
  }
  // Already acknowledged (deferred, possibly in public): the private note goes as a follow-up,
  // and a public "thinking…" placeholder is removed rather than left spinning.
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral && !interaction.isMessageComponent()) {
    await interaction.deleteReply().catch(() => undefined);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(body);
    return;
  }
  await interaction.followUp(message);
}
