import pino, { type Logger, type Level } from 'pino';

export type { Logger };

/**
 * One JSON line per event on stderr, so stdout stays free for the CLI's JSON contract.
 * The redaction is a second fence: no code path logs the token, and if one ever did, it prints as [redacted].
 */
export function createLogger(level: Level | 'silent'): Logger {
  return pino(
    {
      level,
      base: { app: 'dossier' },
      redact: {
        paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
