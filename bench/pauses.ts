/**
 * Event-loop pauses in the process that answers, measured while it answers: a 10 ms interval
 * timer whose late ticks are the pauses (a timer-lag sampler), beside perf_hooks'
 * `monitorEventLoopDelay` and the main thread's garbage collections.
 *
 * The answering itself blocks the loop too (a question is a few milliseconds of synchronous
 * search), and that is not a pause of the reload's making: the time questions ran inside a gap is
 * taken out of it (`longestPauseMs`), and the raw gap is kept beside it (`longestGapMs`).
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { round } from './process.ts';

/** A gap longer than this (beyond the timer's own interval) is counted as a pause. */
export const PAUSE_MS = 100;

export interface PauseReport {
  /** How long the sampler ran. */
  readonly ms: number;
  /** The longest gap between two ticks beyond the interval, less the time questions ran in it. */
  readonly longestPauseMs: number;
  /** When it ended, in ms since the sampler started: tells whether it came with the handover at the end of a reload or during the build. */
  readonly longestPauseAtMs: number;
  /** The pauses over PAUSE_MS: when each ended (ms since the sampler started) and how long it was; the first 50. */
  readonly pauses: ReadonlyArray<readonly [atMs: number, ms: number]>;
  /** Gaps counted as pauses (over PAUSE_MS, and over 1 s), question time taken out. */
  readonly pausesOver100Ms: number;
  readonly pausesOver1s: number;
  /** The longest gap beyond the interval, questions included. */
  readonly longestGapMs: number;
  /** monitorEventLoopDelay over the same time (questions included): max and p99. */
  readonly loopDelayMaxMs: number;
  readonly loopDelayP99Ms: number;
  /** Main-thread garbage collections: the longest, and how many took over PAUSE_MS. */
  readonly longestGcMs: number;
  readonly gcsOver100Ms: number;
}

export interface PauseRecorder {
  /** Notes that a question ran from `start` to `end` (performance.now()): its time is not a pause. */
  busy(start: number, end: number): void;
  stop(): PauseReport;
}

/** Starts sampling the event loop every `intervalMs`. */
export function recordPauses(intervalMs = 10): PauseRecorder {
  const started = performance.now();
  let last = started;
  let longestPause = 0;
  let longestPauseAt = 0;
  let longestGap = 0;
  let over100 = 0;
  let over1s = 0;
  const pauses: Array<readonly [number, number]> = [];
  let busy: Array<readonly [number, number]> = [];
  const tick = () => {
    const now = performance.now();
    let questions = 0;
    for (const [start, end] of busy) questions += Math.max(0, Math.min(end, now) - Math.max(start, last));
    busy = busy.filter(([, end]) => end > now);
    const gap = now - last - intervalMs;
    const pause = gap - questions;
    longestGap = Math.max(longestGap, gap);
    if (pause > longestPause) {
      longestPause = pause;
      longestPauseAt = now - started;
    }
    if (pause > PAUSE_MS) {
      over100++;
      if (pauses.length < 50) pauses.push([round(now - started, 0), round(pause, 1)]);
    }
    if (pause > 1000) over1s++;
    last = now;
  };
  const timer = setInterval(tick, intervalMs);
  const delay = monitorEventLoopDelay({ resolution: intervalMs });
  delay.enable();
  let longestGc = 0;
  let gcsOver100 = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEntry[]) {
      longestGc = Math.max(longestGc, entry.duration);
      if (entry.duration > PAUSE_MS) gcsOver100++;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  return {
    busy: (start, end) => void busy.push([start, end]),
    stop: () => {
      tick();
      clearInterval(timer);
      delay.disable();
      gc.disconnect();
      return {
        ms: round(performance.now() - started, 0),
        longestPauseMs: round(Math.max(0, longestPause), 1),
        longestPauseAtMs: round(longestPauseAt, 0),
        pauses,
        pausesOver100Ms: over100,
        pausesOver1s: over1s,
        longestGapMs: round(Math.max(0, longestGap), 1),
        loopDelayMaxMs: round(delay.max / 1e6, 1),
        loopDelayP99Ms: round(delay.percentile(99) / 1e6, 1),
        longestGcMs: round(longestGc, 1),
        gcsOver100Ms: gcsOver100,
      };
    },
  };
}
