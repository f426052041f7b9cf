import { MessageFlags } from 'discord.js';
import type { RepliableInteraction } from 'discord.js';
import { renderNotice } from './render.ts';

/** A private reply that works whatever state the interaction is in. */
export async function replyPrivately(interaction: RepliableInteraction, text: string): Promise<void> {
  const message = { ...renderNotice(text), flags: MessageFlags.Ephemeral } as const;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
    return;
  }
  // Already acknowledged (deferred, possibly in public): the private note goes as a follow-up,
  // and a public "thinking…" placeholder is removed rather than left spinning.
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral && !interaction.isMessageComponent()) {
    await interaction.deleteReply().catch(() => undefined);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply(renderNotice(text));
    return;
  }
  await interaction.followUp(message);
}
