import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../../config.ts';

/**
 * The discord.js client: only the Guilds intent (slash commands need nothing else, and no
 * privileged intent has to be approved), REST pointed at DISCORD_API_URL, and no message of
 * the bot's can mention anyone unless a reply says otherwise (none does).
 */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_URL },
    allowedMentions: { parse: [] },
  });
}
