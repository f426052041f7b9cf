import { ApplicationCommandType, DiscordAPIError, REST, Routes } from 'discord.js';
import type { APIApplication } from 'discord.js';
import { describeFailure } from '../../failure.ts';
import type { Config } from '../../config.ts';
import { OperationalError } from '../../errors.ts';
import { TOKEN_REJECTED } from './bot.ts';
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { messageCommands } from './messageCommands.ts';
import { slashCommands } from './slashCommands.ts';

/** Every command Dossier registers: its slash commands, then its message context-menu commands. */
function applicationCommands(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...slashCommands(), ...messageCommands()];
}

/**
 * `npm run deploy`: registers the slash and context-menu commands, in one guild (instant) when DISCORD_GUILD_ID is
 * set, else globally. A PUT replaces the whole set, so a removed command disappears too.
 */

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly applicationId: string;
  readonly guildId: string | null;
  /** Names of the registered commands, as Discord stored them: "/ask" for a slash command, "Find sources" for a context-menu one. */
  readonly commands: readonly string[];
}

export async function deployCommands(
  config: Config,
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[] = applicationCommands(),
): Promise<DeployResult> {
  const token = config.DISCORD_TOKEN;
  if (!token)
    throw new OperationalError(
      'token_missing',
      'DISCORD_TOKEN is not set; deploy needs the bot token (see .env.example).',
    );
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(token);
  try {
    const applicationId =
      config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const guildId = config.DISCORD_GUILD_ID ?? null;
    const route = guildId
      ? Routes.applicationGuildCommands(applicationId, guildId)
      : Routes.applicationCommands(applicationId);
    const stored = (await rest.put(route, { body: commands })) as ReadonlyArray<{ name: string; type?: number }>;
    const named = (command: { name: string; type?: number }) =>
      (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput
        ? `/${command.name}`
        : command.name;
    return { scope: guildId ? 'guild' : 'global', applicationId, guildId, commands: stored.map(named) };
  } catch (error) {
    throw deployFailure(error, config);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

function deployFailure(error: unknown, config: Config): Error {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return new OperationalError('token_rejected', TOKEN_REJECTED);
    if (error.status === 403 || error.status === 404) {
      const where = config.DISCORD_GUILD_ID
        ? ` in guild ${config.DISCORD_GUILD_ID} (is the bot in it, invited with the applications.commands scope?)`
        : '';
      return new OperationalError(
        'deploy_refused',
        `Discord refused to register the commands${where}: ${error.message}. Check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.`,
      );
    }
    return new OperationalError('deploy_refused', `Discord refused the commands: ${error.message}`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new OperationalError(
    'discord_unreachable',
    `Could not reach Discord at ${config.DISCORD_API_URL}: ${reason}`,
    { cause: error },
  );
}

/** The deploy command's whole behaviour: one line on success or failure, and the exit code. */
export async function runDeploy(
  config: Config,
  out: { stdout: { write(text: string): unknown }; stderr: { write(text: string): unknown } } = process,
): Promise<number> {
  try {
    const result = await deployCommands(config);
    const where =
      result.scope === 'guild'
        ? `in guild ${result.guildId} (available now)`
        : 'globally (Discord may take up to an hour to show changes)';
    out.stdout.write(
      `Registered ${result.commands.length} commands (${result.commands.join(', ')}) ${where} for application ${result.applicationId}.\n`,
    );
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    out.stderr.write(`deploy: ${failure.unexpected && error instanceof Error ? error.message : failure.message}\n`);
    return 1;
  }
}
