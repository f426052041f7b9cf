import { ComponentType, MessageFlags } from 'discord.js';
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { CitationStyle } from '../../cite/index.ts';
import { present } from '../../present/present.ts';
import { answerWithin } from './answerWithin.ts';
import { CITE_MENU_ID, parseButtonId, POST_ID, type ButtonAction } from './buttons.ts';
import { NO_MENTIONS, renderNotice, type ComponentRow, type DiscordMessage } from './render.ts';
import { renderCitation } from './renderCitation.ts';
import type { Outcome, Responder } from './responder.ts';
import { fullPassagesMessage, resultMessage, withPostButton } from './resultMessage.ts';

/**
 * Answers the controls under an answer: Prev and Next page it (in place for the asker; anyone
 * else gets their own private copy), "Full passages" shows its paragraphs privately, "Cite a
 * passage…" and the style buttons a private citation, "Post to channel" posts a private answer
 * for everyone. They continue an answer already given, so they take no cooldown. A control
 * Dossier no longer knows is taken off the message, and the presser told why.
 */

/** The command behind the citation menu and buttons. */
export const CITE_COMMAND = 'cite';

const MESSAGES = {
  expired: 'This answer has expired, so its buttons are gone; ask again for more.',
  staleButton: 'This button no longer works; ask again.',
} as const;

export async function answerButton(interaction: ButtonInteraction, responder: Responder): Promise<Outcome> {
  const action = parseButtonId(interaction.customId);
  if (!action) return expire(interaction, MESSAGES.staleButton);
  switch (action.kind) {
    case 'page':
      return turnPage(interaction, action, responder);
    case 'full':
      return showFull(interaction, action, responder);
    case 'cite':
      return showCitation(interaction, action.passageId, action.style, responder);
    case 'post':
      return postToChannel(interaction);
  }
}

/** "Cite a passage…": the picked passage's citation, privately. */
export async function answerSelect(interaction: StringSelectMenuInteraction, responder: Responder): Promise<Outcome> {
  const [passageId] = interaction.values;
  if (interaction.customId !== CITE_MENU_ID || passageId === undefined)
    return expire(interaction, MESSAGES.staleButton);
  return showCitation(interaction, passageId, null, responder);
}

/** A control pressed or picked under a message. */
type Pressed = ButtonInteraction | StringSelectMenuInteraction;

type PageAction = Extract<ButtonAction, { kind: 'page' | 'full' }>;

async function turnPage(interaction: ButtonInteraction, action: PageAction, responder: Responder): Promise<Outcome> {
  const question = responder.answers.get(action.key);
  if (!question) return expire(interaction, MESSAGES.expired);
  const raw = { ...question.options, offset: action.offset };
  const context = responder.requestContext(interaction);
  if (interaction.user.id !== question.ownerId) {
    // Another member's answer stays as they left it: the presser pages a copy of their own.
    const copy = { ...question, ownerId: interaction.user.id };
    return replyPrivately(interaction, responder, async () => {
      const result = await responder.dispatcher.run(copy.command, raw, context, { followUp: true });
      return (await resultMessage(result, copy, interaction.attachmentSizeLimit, responder, { private: true })).message;
    });
  }
  const message = await answerWithin(
    responder.deferAfterMs,
    () => interaction.deferUpdate(),
    async () => {
      const result = await responder.dispatcher.run(question.command, raw, context, { followUp: true });
      const shownPrivately = interaction.message.flags.has(MessageFlags.Ephemeral);
      return (
        await resultMessage(result, question, interaction.attachmentSizeLimit, responder, {
          key: action.key,
          private: shownPrivately,
        })
      ).message;
    },
  );
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.update(message);
  return 'answered';
}

async function showFull(interaction: ButtonInteraction, action: PageAction, responder: Responder): Promise<Outcome> {
  const question = responder.answers.get(action.key);
  if (!question) return expire(interaction, MESSAGES.expired);
  const context = responder.requestContext(interaction);
  return replyPrivately(interaction, responder, async () => {
    const result = await responder.dispatcher.run(
      question.command,
      { ...question.options, offset: action.offset },
      context,
      { followUp: true },
    );
    return fullPassagesMessage(result, responder.citeMenus);
  });
}

/**
 * A passage's citation: a new private reply when picked under an answer; a style button on a
 * private citation replaces it in place, and on a posted one gives the presser their own copy.
 */
async function showCitation(
  interaction: Pressed,
  passageId: string,
  style: CitationStyle | null,
  responder: Responder,
): Promise<Outcome> {
  if (!responder.dispatcher.catalog.some((definition) => definition.name === CITE_COMMAND))
    return expire(interaction, MESSAGES.staleButton);
  const inPlace = style !== null && interaction.message.flags.has(MessageFlags.Ephemeral);
  // Building a citation engine can take seconds the first time: acknowledge first.
  if (inPlace) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const raw = { passage: passageId, ...(style ? { style } : {}) };
  const result = await responder.dispatcher.run(CITE_COMMAND, raw, responder.requestContext(interaction), {
    followUp: true,
  });
  const message =
    result.kind === 'cite'
      ? withPostButton(renderCitation(present(result), result.passage.id, result.style))
      : renderNotice('This is not a citation.');
  await interaction.editReply(message);
  return 'answered';
}

/** Posts the private answer the button sits under for the whole channel, without the button. */
async function postToChannel(interaction: ButtonInteraction): Promise<Outcome> {
  const { message } = interaction;
  await interaction.reply({
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds.map((embed) => embed.toJSON()),
    components: controlsOf(interaction, (customId) => customId !== POST_ID),
    allowedMentions: NO_MENTIONS,
  });
  return 'answered';
}

/** Answers with a message only the presser sees, acknowledged first when it takes a while. */
async function replyPrivately(
  interaction: Pressed,
  responder: Responder,
  work: () => Promise<DiscordMessage>,
): Promise<Outcome> {
  const message = await answerWithin(
    responder.deferAfterMs,
    () => interaction.deferReply({ flags: MessageFlags.Ephemeral }),
    work,
  );
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  return 'answered';
}

/**
 * A control whose answer is gone: the message keeps only the controls that still work (the
 * citation menu and buttons, which need no stored question), and the presser is told privately.
 */
async function expire(interaction: Pressed, text: string): Promise<Outcome> {
  await interaction.update({
    components: controlsOf(
      interaction,
      (customId) => parseButtonId(customId)?.kind === 'cite' || customId === CITE_MENU_ID || customId === POST_ID,
    ),
  });
  await interaction.followUp({ ...renderNotice(text), flags: MessageFlags.Ephemeral });
  return 'expired';
}

/** The rows of controls of the message pressed, keeping those whose custom id `keep` accepts; rows left empty go. */
function controlsOf(interaction: Pressed, keep: (customId: string) => boolean): ComponentRow[] {
  return interaction.message.components.flatMap((row) => {
    if (row.type !== ComponentType.ActionRow) return [];
    const json = row.toJSON() as ComponentRow;
    const components = json.components.filter((component) => 'custom_id' in component && keep(component.custom_id));
    return components.length > 0 ? [{ ...json, components }] : [];
  });
}
