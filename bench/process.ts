/**
 * What both benchmarks (`npm run bench`, `npm run bench:startup`) need: memory and time figures
 * measured the same way, their command lines read the same way, and a measuring step run in a
 * fresh Node process whose last stdout line is its JSON.
 */
import type { ChildProcess } from 'node:child_process';

export const MB = 1024 * 1024;

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Heap in use plus memory outside it (typed arrays, buffers) and RSS, after a full collection. */
export function memory(): { heapMB: number; rssMB: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('the benchmark steps need node --expose-gc');
  collect();
  collect();
  const usage = process.memoryUsage();
  return { heapMB: round((usage.heapUsed + usage.external) / MB), rssMB: round(usage.rss / MB) };
}

/** This process's largest RSS so far. */
export function peakRssMB(): number {
  return round(process.resourceUsage().maxRSS / 1024);
}

export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;
}

/** p50, p99 and the slowest of some durations, in ms to two decimals. */
export function timings(times: readonly number[]): { p50: number; p99: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: round(percentile(sorted, 0.5), 2),
    p99: round(percentile(sorted, 0.99), 2),
    max: round(sorted.at(-1) ?? Number.NaN, 2),
  };
}

/** A command line the benchmark cannot run: printed as is, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A flag's value as a positive whole number ("100_000" allowed), or a UsageError naming the command and flag. */
export function positiveInteger(command: string, flag: string, value: string | undefined): number {
  const number = Number(value?.replace(/_/g, ''));
  if (!Number.isInteger(number) || number <= 0)
    throw new UsageError(`${command}: ${flag} needs a positive whole number, got ${JSON.stringify(value ?? '')}`);
  return number;
}

/** Reads the command line with `parse`; a UsageError is printed and becomes `null` (exit 2), anything else is thrown. */
export function readArgs<T>(
  parse: (argv: readonly string[]) => T,
  argv: readonly string[] = process.argv.slice(2),
): T | null {
  try {
    return parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}

/** Waits for a step's process to end: its exit, and everything it wrote. */
export function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; lastLine: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, lastLine: stdout.trim().split('\n').at(-1) ?? '' }),
    );
  });
}
