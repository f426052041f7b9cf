import type { Progress } from '../../commandKit/command.ts';
import type { Logger } from '../../log.ts';
import { renderNotice, type DiscordMessage } from './render.ts';

/**
 * Progress of a long command (a reload) shown in Discord: the first report defers the reply and
 * shows "Reloading… 0/24 files"; later reports edit it, at most once per `intervalMs` (Discord
 * rate-limits edits); the answer replaces it at the end.
 */

/** What this module needs of an interaction. */
interface Deferrable {
  readonly deferred: boolean;
  readonly replied: boolean;
  deferReply(options: { flags?: number | undefined }): Promise<unknown>;
  editReply(message: DiscordMessage): Promise<unknown>;
}

export interface ProgressReplies {
  /** Acknowledges the interaction ("Dossier is thinking…"); once, however often it is called. */
  defer(): Promise<void>;
  /** Shows progress: the first report at once, later ones at most once per interval. */
  report(progress: Progress): void;
  /** Waits for edits under way and ignores later reports; call before the answer is sent. */
  settle(): Promise<void>;
  /** A progress message was shown: the answer must clear its text. */
  readonly shown: boolean;
}

const PROGRESS_INTERVAL_MS = 1000;

function progressText({ done, total }: Progress): string {
  return `Reloading… ${done}/${total} files`;
}

export function progressReplies(
  interaction: Deferrable,
  flags: number | undefined,
  options: { readonly log: Logger; readonly now?: () => number; readonly intervalMs?: number },
): ProgressReplies {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let deferring: Promise<void> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let lastEdit = -Infinity;
  let settled = false;
  let shown = false;
  const defer = (): Promise<void> => {
    deferring ??=
      interaction.deferred || interaction.replied
        ? Promise.resolve()
        : interaction.deferReply({ flags }).then(() => undefined);
    return deferring;
  };
  return {
    defer,
    report(progress) {
      if (settled || now() - lastEdit < intervalMs) return;
      lastEdit = now();
      chain = chain
        .then(async () => {
          if (settled) return;
          await defer();
          await interaction.editReply(renderNotice(progressText(progress)));
          shown = true;
        })
        .catch((error: unknown) =>
          options.log.warn(
            { event: 'progress_edit_failed', reason: error instanceof Error ? error.message : String(error) },
            'could not show progress',
          ),
        );
    },
    async settle() {
      settled = true;
      await chain;
    },
    get shown() {
      return shown;
    },
  };
}
