import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { RawValue } from '../../commandKit/args.ts';
import { SUBCOMMAND, type CommandDefinition } from '../../commandKit/definition.ts';
import { attachmentUploads } from './attachments.ts';
import { answerWithin } from './answerWithin.ts';
import type { StoredQuestion } from './buttons.ts';
import { readAttachments, readOptions } from './options.ts';
import { progressReplies } from './progress.ts';
import type { Outcome, Responder } from './responder.ts';
import { resultMessage, type ResultMessage } from './resultMessage.ts';

/**
 * Answers a slash command: admitted by dispatch first (a refusal throws, before anything is
 * acknowledged or downloaded, and recovery.ts replies to it privately), then run through the same
 * dispatcher. Publicly, unless the asker chose `hide`, the command answers privately by
 * convention (/help, /corpus), or nothing answers: those only the asker sees. A slow command is
 * acknowledged first; a long one shows its progress.
 */
export async function answerSlashCommand(
  interaction: ChatInputCommandInteraction,
  responder: Responder,
): Promise<Outcome> {
  const { raw: leaves, hide, subcommand } = readOptions(interaction.options.data);
  const context = responder.requestContext(interaction);
  const admitted = responder.dispatcher.admit(interaction.commandName, context.invoker);
  // A subcommand (`/corpus status`) travels to the command kit as the `subcommand` option.
  const raw = { ...onePage(admitted.definition, leaves), ...(subcommand ? { [SUBCOMMAND]: subcommand } : {}) };
  const privately = hide || admitted.definition.private === true;
  const flags = privately ? MessageFlags.Ephemeral : undefined;
  const question: StoredQuestion = {
    command: admitted.definition.name,
    options: withoutOffset(raw),
    ownerId: interaction.user.id,
  };
  // Attached files are downloaded only if the command reads them.
  const uploads = attachmentUploads(readAttachments(interaction.options.data), responder.downloads);
  const replies = progressReplies(interaction, flags, {
    log: responder.log,
    now: responder.now,
    ...(responder.progressIntervalMs !== undefined ? { intervalMs: responder.progressIntervalMs } : {}),
  });
  let answer: ResultMessage;
  try {
    answer = await answerWithin(admitted.definition.slow ? 0 : responder.deferAfterMs, replies.defer, async () => {
      const result = await admitted.run(raw, { ...context, uploads, progress: replies.report });
      const commandIds = () => responder.commandMentions.ids(interaction.client, interaction.guildId);
      return resultMessage(result, question, interaction.attachmentSizeLimit, responder, {
        private: privately,
        commandIds,
      });
    });
  } finally {
    await replies.settle();
  }
  const { message, empty } = answer;
  if (!interaction.deferred) {
    await interaction.reply({ ...message, flags: privately || empty ? MessageFlags.Ephemeral : undefined });
  } else if (empty && !privately) {
    // "Thinking…" was shown to everyone: nothing to show them, so it goes, and the asker alone is told.
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(replies.shown ? { content: '', ...message } : message);
  }
  return 'answered';
}

/** A message has room for one page: a command gets the page defaults it declares (`limit`, `order`) where the asker gave none. */
export function onePage(
  definition: CommandDefinition,
  raw: Readonly<Record<string, RawValue>>,
): Readonly<Record<string, RawValue>> {
  return { ...definition.pageDefaults, ...raw };
}

function withoutOffset(raw: Readonly<Record<string, RawValue>>): Record<string, RawValue> {
  const { offset: _offset, ...rest } = raw;
  return rest;
}
