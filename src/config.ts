import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { CITATION_STYLES } from './cite/styles.ts';
import { INDEX_SETTINGS } from './search/indexChoice.ts';

/** Where the index is saved when INDEX_PATH is unset: a hidden file in the corpus folder, so each corpus (and every shard of one bot) has its own. */
export const DEFAULT_INDEX_FILE = '.dossier.index';
/** INDEX_PATH=off: nothing is saved, and every start reads every article. */
const INDEX_OFF = 'off';
/** Discord's attachment hosts: `/corpus add` downloads from these only. */
export const DISCORD_ATTACHMENT_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

/**
 * Every setting Dossier reads, validated once at start-up and frozen.
 * `.env.example` documents each one for operators; the descriptions here are for readers of the code.
 */
const schema = z.object({
  /** Bot token. Absent: `npm start` opens the local console instead of the bot. */
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  /** Application id for `npm run deploy`; when unset it is read from the token's own application. */
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{15,25}$/, 'must be a Discord snowflake (digits)')
    .optional(),
  /** Register commands in this guild only (instant); unset registers them globally. */
  DISCORD_GUILD_ID: z
    .string()
    .regex(/^\d{15,25}$/, 'must be a Discord snowflake (digits)')
    .optional(),
  /** REST base; the tests point it at a fake Discord on 127.0.0.1. */
  DISCORD_API_URL: z.string().url().default('https://discord.com/api'),
  /** Folder of articles, relative to the working directory. */
  CORPUS_DIR: z.string().min(1).default('corpus'),
  /** Articles larger than this are refused, so one huge upload cannot exhaust memory. */
  MAX_ARTICLE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  /**
   * Where the index is saved (a versioned binary snapshot), so a restart loads it instead of reading
   * and indexing every article again, and `corpus reload` can say what changed since. Unset:
   * `.dossier.index` in CORPUS_DIR; `off`: nothing is saved. See `indexPathOf`.
   */
  INDEX_PATH: z.string().trim().min(1).optional(),
  /**
   * Which index answers: `auto` (MiniSearch up to MINISEARCH_MAX_PASSAGES passages, the compact
   * index above), or `minisearch` or `compact` whatever the size. See src/search/indexChoice.ts.
   */
  SEARCH_INDEX: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(INDEX_SETTINGS, { error: `must be ${INDEX_SETTINGS.join(', ')}` }))
    .default('auto'),
  /**
   * Hosts `/corpus add` may download attachments from (comma-separated); the tests' fake Discord
   * serves them from 127.0.0.1. Redirects are followed only to these hosts.
   */
  DISCORD_ATTACHMENT_HOSTS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, 'must be host names, separated by commas'))
        .min(1, 'must name at least one host'),
    )
    .default([...DISCORD_ATTACHMENT_HOSTS]),
  /** Citation style of /cite and of the Cite button when the asker names none. */
  CITE_STYLE: z.enum(CITATION_STYLES).default('apa'),
  /**
   * Roles whose members count as moderators (for /corpus) besides members with Manage Server: a
   * comma-separated list of role ids. Unset: Manage Server alone decides.
   */
  MODERATOR_ROLE_IDS: z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{15,25}$/, 'must be role ids (digits), separated by commas')))
    .optional(),
  /** Reload the corpus by itself when files in CORPUS_DIR change (the bot only). Unset: false. */
  WATCH_CORPUS: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { error: 'must be true or false' }))
    .transform((text) => ['true', '1', 'yes', 'on'].includes(text))
    .optional(),
  /**
   * Run the bot as this many discord.js shards (processes), or `auto` for Discord's recommended
   * count. Unset: one process, no sharding. See src/adapters/discord/shards.ts.
   */
  SHARD_COUNT: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.union(
        [
          z.literal('auto'),
          z
            .string()
            .regex(/^[1-9]\d{0,4}$/, 'must be a whole number from 1, or auto')
            .transform(Number),
        ],
        { error: 'must be a whole number from 1, or auto' },
      ),
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type Config = Readonly<z.infer<typeof schema>>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses an environment (usually `process.env` after dotenv) into a frozen Config, or throws ConfigError naming each bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty value in .env means "not set", as operators expect from `KEY=`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    // The variable's name only: MODERATOR_ROLE_IDS, not MODERATOR_ROLE_IDS.0.
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}. See .env.example.`);
  }
  const config = parsed.data;
  if (config.MODERATOR_ROLE_IDS) Object.freeze(config.MODERATOR_ROLE_IDS);
  Object.freeze(config.DISCORD_ATTACHMENT_HOSTS);
  return Object.freeze(config);
}

/** The absolute path the index is saved at, or null with INDEX_PATH=off. A relative INDEX_PATH is from the working directory. */
export function indexPathOf(config: Pick<Config, 'INDEX_PATH' | 'CORPUS_DIR'>): string | null {
  const value = config.INDEX_PATH;
  if (value === undefined) return resolve(join(config.CORPUS_DIR, DEFAULT_INDEX_FILE));
  if (value.toLowerCase() === INDEX_OFF) return null;
  return isAbsolute(value) ? value : resolve(value);
}
