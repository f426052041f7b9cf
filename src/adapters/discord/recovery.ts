import { ComponentType, DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { Interaction } from 'discord.js';
import { RefusedError } from '../../commandKit/preconditions.ts';
import { describeFailure, type Failure } from '../../failure.ts';
import { dateLabel, outletLabel, shorten } from '../../present/labels.ts';
import { CITE_MENU_ID } from './buttons.ts';
import { renderNotice, type DiscordMessage } from './render.ts';
import { citeMenu } from './renderAnswer.ts';
import { literal } from './text.ts';
import type { Logger } from '../../log.ts';
import { replyPrivately } from './privateReply.ts';
import type { Outcome } from './responder.ts';

/**
 * What happens after an interaction failed: a refusal (a command there is not, a moderator
 * command, a cooldown) and bad input get their message privately (with the passages it offers
 * instead, to cite with one pick), anything else an apology with a
 * reference; Discord's own failures are logged only. The log gets the whole story.
 */
export async function recover(
  interaction: Interaction,
  error: unknown,
  command: string | undefined,
  log: Logger,
): Promise<{ outcome: Outcome; command?: string }> {
  const interactionId = interaction.id;
  if (isDiscordFailure(error)) {
    log.error(
      { event: 'discord_request_failed', interactionId, command, ...discordErrorFields(error) },
      'Discord refused or failed a response',
    );
    // Discord refused the answer itself (a 400): the asker still deserves a word.
    if (error instanceof DiscordAPIError && error.status === 400 && interaction.isRepliable() && !interaction.replied) {
      await replyPrivately(interaction, apology(interactionId)).catch(() => undefined);
    }
    return { outcome: 'failed', command };
  }
  const failure = describeFailure(error);
  if (error instanceof RefusedError)
    log.warn({ event: error.code, interactionId, command, userId: interaction.user.id }, 'request refused');
  else if (failure.unexpected)
    log.error({ event: 'interaction_failed', interactionId, command, err: error }, 'interaction failed');
  else log.info({ event: 'interaction_refused', interactionId, command, code: failure.code }, 'bad input');
  const outcome: Outcome = error instanceof RefusedError ? 'refused' : failure.unexpected ? 'failed' : 'invalid';
  if (!interaction.isRepliable()) return { outcome: 'failed', command };
  try {
    await replyPrivately(interaction, failure.unexpected ? apology(interactionId) : failureMessage(failure));
  } catch (replyError) {
    log.error(
      { event: 'discord_request_failed', interactionId, command, ...discordErrorFields(replyError) },
      'could not send the error reply',
    );
  }
  return { outcome, command };
}

/** A failure the asker can act on: its message, and the passages it offers instead to cite with one pick. */
function failureMessage(failure: Failure): string | DiscordMessage {
  const offered = failure.suggestions ?? [];
  if (offered.length === 0) return failure.message;
  const items = offered.map((passage) => ({
    passageId: passage.id,
    byline: `${outletLabel(passage.source)} · ${dateLabel(passage.source.date)}`,
    paragraph: passage.paragraph,
    quote: passage.text,
  }));
  const list = items.map(
    (item, index) =>
      `**${index + 1}.** ${literal(shorten(`${item.byline} · ¶${item.paragraph} · ${item.quote}`, 150))} · \`${item.passageId}\``,
  );
  const notice = renderNotice(failure.message);
  return {
    ...notice,
    content: [notice.content, ...list].join('\n'),
    components: [{ type: ComponentType.ActionRow, components: [citeMenu(CITE_MENU_ID, items, 1)] }],
  };
}

/** What the asker sees when Dossier failed: the shared message for unexpected failures, and a reference for the log. */
function apology(interactionId: string): string {
  return `${describeFailure(undefined).message} (Reference: ${interactionId}.)`;
}

function isDiscordFailure(error: unknown): error is DiscordAPIError | HTTPError | RateLimitError {
  return error instanceof DiscordAPIError || error instanceof HTTPError || error instanceof RateLimitError;
}

/**
 * What to log about a failed Discord request. Not the error object itself: its `url` holds the
 * interaction token and `requestBody` the whole message.
 */
export function discordErrorFields(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError)
    return { status: error.status, code: error.code, method: error.method, reason: error.message };
  if (error instanceof HTTPError) return { status: error.status, method: error.method, reason: error.message };
  if (error instanceof RateLimitError)
    return { status: 429, method: error.method, reason: `rate limited for ${error.timeToReset} ms` };
  return { reason: error instanceof Error ? error.message : String(error) };
}
