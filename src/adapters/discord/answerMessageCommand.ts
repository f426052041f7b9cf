import { MessageFlags } from 'discord.js';
import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { InputError } from '../../errors.ts';
import { shorten } from '../../present/labels.ts';
import { onePage } from './answerSlashCommand.ts';
import { answerWithin } from './answerWithin.ts';
import { MESSAGE_COMMANDS } from './messageCommands.ts';
import type { Outcome, Responder } from './responder.ts';
import { resultMessage } from './resultMessage.ts';

/**
 * Answers a message context-menu command ("Find sources"): the message's text, as plain words,
 * fills the command's option, and the answer goes privately to whoever asked, who may post it.
 */
export async function answerMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  responder: Responder,
): Promise<Outcome> {
  const entry = MESSAGE_COMMANDS.find((command) => command.name === interaction.commandName);
  if (!entry)
    throw new InputError('unknown_command', `“${interaction.commandName}” is no longer one of Dossier's commands.`);
  const context = responder.requestContext(interaction);
  const admitted = responder.dispatcher.admit(entry.command, context.invoker);
  const limit = admitted.definition.options.find((option) => option.name === entry.option)?.maxLength;
  const text = plainText(interaction.targetMessage.content);
  if (text === '') throw new InputError('empty_query', 'That message has no text to find sources for.');
  const raw = onePage(admitted.definition, { [entry.option]: limit ? shorten(text, limit) : text });
  const question = { command: entry.command, options: raw, ownerId: interaction.user.id };
  const { message } = await answerWithin(
    responder.deferAfterMs,
    () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    async () => {
      const result = await admitted.run(raw, context);
      return resultMessage(result, question, interaction.attachmentSizeLimit, responder, { private: true });
    },
  );
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  return 'answered';
}

/** A message's words without Discord's markup: mentions, custom emoji, links, markdown marks. */
function plainText(content: string): string {
  return content
    .replace(/<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_~`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
