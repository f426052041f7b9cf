import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { present } from '../../present/present.ts';
import { answerWithin } from './answerWithin.ts';
import { parseButtonId, type ButtonAction } from './buttons.ts';
import { replyPrivately } from './privateReply.ts';
import { citationStyleRow, renderView } from './render.ts';
import type { Outcome, Responder } from './responder.ts';
import { resultMessage } from './resultMessage.ts';

/**
 * Answers the buttons under an answer: "More" shows the next page in place, "Cite" a private
 * citation of one passage (and its style buttons switch style in place). Both continue an answer
 * already given, so they take no cooldown; a button Dossier no longer knows says so.
 */

/** The command behind the Cite buttons. */
export const CITE_COMMAND = 'cite';

const MESSAGES = {
  expired: 'This answer has expired; ask again.',
  staleButton: 'This button no longer works; ask again.',
} as const;

export async function answerButton(interaction: ButtonInteraction, responder: Responder): Promise<Outcome> {
  const action = parseButtonId(interaction.customId);
  if (!action) {
    await replyPrivately(interaction, MESSAGES.staleButton);
    return 'expired';
  }
  return action.kind === 'more' ? showMore(interaction, action, responder) : showCitation(interaction, action, responder);
}

async function showMore(interaction: ButtonInteraction, action: Extract<ButtonAction, { kind: 'more' }>, responder: Responder): Promise<Outcome> {
  const question = responder.answers.get(action.key);
  if (!question) {
    await replyPrivately(interaction, MESSAGES.expired);
    return 'expired';
  }
  const raw = { ...question.options, offset: action.offset };
  const message = await answerWithin(responder.deferAfterMs, () => interaction.deferUpdate(), async () => {
    const result = await responder.dispatcher.run(question.command, raw, responder.requestContext(interaction), { followUp: true });
    return resultMessage(result, question, interaction.attachmentSizeLimit, responder, action.key);
  });
  // The next page replaces the answer in place.
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.update(message);
  return 'answered';
}

async function showCitation(interaction: ButtonInteraction, action: Extract<ButtonAction, { kind: 'cite' }>, responder: Responder): Promise<Outcome> {
  if (!responder.dispatcher.catalog.some((definition) => definition.name === CITE_COMMAND)) {
    await replyPrivately(interaction, MESSAGES.staleButton);
    return 'expired';
  }
  // Building a citation engine can take seconds the first time: acknowledge first. The Cite
  // button under an answer gets a private reply; a style button sits on that private reply
  // and replaces it in place.
  if (action.style === null) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  else await interaction.deferUpdate();
  const raw = { passage: action.passageId, ...(action.style ? { style: action.style } : {}) };
  const result = await responder.dispatcher.run(CITE_COMMAND, raw, responder.requestContext(interaction), { followUp: true });
  const style = result.kind === 'cite' ? result.style : null;
  const message = renderView(present(result));
  await interaction.editReply(style ? { ...message, components: citationStyleRow(action.passageId, style) } : message);
  return 'answered';
}
