import type { EventEmitter } from 'node:events';

/** What asks a long-running process (the bot, the shard manager) to finish and leave. */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Listens for SIGTERM or SIGINT from now on: `requested` settles with the first, and `release`
 * removes the listeners (call it once the process no longer waits, so Node's default comes back).
 */
export function listenForStop(signals: Pick<EventEmitter, 'once' | 'off'>): {
  readonly requested: Promise<NodeJS.Signals>;
  release(): void;
} {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const requested = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  for (const name of STOP_SIGNALS) signals.once(name, onSignal);
  return { requested, release: () => void STOP_SIGNALS.forEach((name) => signals.off(name, onSignal)) };
}
