import type { ErrorCode } from '../errorCodes.ts';
import type { Logger } from '../log.ts';
import type { FileChanges } from './fingerprint.ts';

/**
 * One `corpus_audit` log line per change to the corpus, whoever made it: who (a Discord user id,
 * "cli", "console" or "watcher"), what (action and target), when, and the result: "ok" with the
 * files that changed, "refused" (bad input, nothing changed) or "failed" (with the reason).
 * Written at info level even when the operator chose a quieter level; only "silent" silences it.
 */
export interface AuditEntry {
  readonly who: string;
  readonly via: string;
  readonly action: string;
  /** The file or source acted on, as the moderator named it; null for a reload. */
  readonly target: string | null;
  readonly at: Date;
  readonly result: 'ok' | 'refused' | 'failed';
  readonly summary?: string | null;
  readonly changes?: FileChanges | null;
  readonly sources?: number;
  readonly passages?: number;
  readonly errors?: number;
  readonly ms?: number | null;
  readonly code?: ErrorCode;
  readonly reason?: string;
  /** The underlying error of a failure, for the log only. */
  readonly err?: unknown;
}

export function writeAudit(log: Logger, entry: AuditEntry): void {
  const audit = log.level === 'silent' ? log : log.child({}, { level: 'info' });
  const { at, ...rest } = entry;
  const line = { event: 'corpus_audit', ...rest, at: at.toISOString() };
  const message = `corpus ${entry.action}: ${entry.result}`;
  if (entry.result === 'ok') audit.info(line, message);
  else audit.warn(line, message);
}
