import pino, { type Logger } from 'pino';

/** A pino logger writing JSON lines into memory, so tests can assert on what the bot logged. */
export interface CapturedLog {
  readonly log: Logger;
  /** Every line written so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Everything written so far, raw. */
  text(): string;
  /** Lines whose `event` is `event`. */
  events(event: string): Array<Record<string, unknown>>;
  clear(): void;
}

export function captureLog(level: pino.Level = 'debug'): CapturedLog {
  let buffer = '';
  const log = pino({ level, base: { app: 'dossier' } }, { write: (chunk: string) => void (buffer += chunk) });
  const lines = () =>
    buffer
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    log,
    lines,
    text: () => buffer,
    events: (event) => lines().filter((line) => line.event === event),
    clear: () => void (buffer = ''),
  };
}
