import type { Progress } from '../../commandKit/command.ts';

/** Where a long task's progress goes on a terminal: `report` as it goes, `end` when it is over (clears the bar). */
export interface ProgressSink {
  report(progress: Progress): void;
  end(): void;
}

const WIDTH = 24;
/** Redraws at most this often; the last state is always drawn. */
const REDRAW_MS = 80;

/**
 * A one-line progress bar, redrawn in place with a carriage return: `Reloading [#########-------] 9/24 files`.
 * Only for a terminal (stderr a TTY): the caller decides, so piped output never holds control characters.
 */
export function progressBar(
  stream: { write(text: string): unknown },
  label = 'Reloading',
  now: () => number = Date.now,
): ProgressSink {
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    report({ done, total }) {
      if (done < total && now() - drawnAt < REDRAW_MS) return;
      drawnAt = now();
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
