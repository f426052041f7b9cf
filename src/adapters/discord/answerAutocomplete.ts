import type { AutocompleteInteraction } from 'discord.js';
import type { Choice } from '../../commandKit/command.ts';
import { DISCORD_LIMITS } from './limits.ts';
import type { Outcome, Responder } from './responder.ts';
import { clip } from './text.ts';

/** Answers an option being typed with the command's completions; a completion that fails offers none and is logged. */
export async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  { dispatcher, log, requestContext }: Responder,
): Promise<Outcome> {
  const focused = interaction.options.getFocused(true);
  let choices: readonly Choice[] = [];
  try {
    choices = await dispatcher.complete(
      interaction.commandName,
      focused.name,
      String(focused.value),
      requestContext(interaction),
    );
  } catch (error) {
    const fields = {
      interactionId: interaction.id,
      command: interaction.commandName,
      option: focused.name,
      err: error,
    };
    log.error({ event: 'autocomplete_failed', ...fields }, 'autocomplete failed');
  }
  await interaction.respond(fitChoices(choices));
  return 'answered';
}

/** At most 25 choices; names cut to 100 characters; values that Discord would refuse are dropped. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  return choices
    .filter((choice) => choice.value.length > 0 && choice.value.length <= DISCORD_LIMITS.choiceValue)
    .slice(0, DISCORD_LIMITS.choices)
    .map((choice) => ({
      name: clip(choice.name.trim() || choice.value, DISCORD_LIMITS.choiceName),
      value: choice.value,
    }));
}
