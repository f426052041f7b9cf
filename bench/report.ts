/**
 * The benchmark's results: one row per engine and size, then the targets checked against
 * them (ratios of the two engines in the same run, so the machine cancels out).
 */

import type { IndexName } from '../src/search/indexChoice.ts';

/** One engine at one size: the fields of `--json`, plus everything the step measured in `details`. */
export interface BenchRun {
  readonly engine: 'dossier' | 'baseline';
  /** Dossier's index (null for the baseline). */
  readonly backend: IndexName | null;
  readonly passages: number;
  readonly buildMs: number;
  /** Dossier: reading the snapshot into a ready corpus and index (null for the baseline, which has none). */
  readonly snapshotLoadMs: number | null;
  readonly snapshotBytes: number | null;
  /** V8 heap in use plus external memory (typed arrays, buffers) after a forced GC, in MiB. */
  readonly heapMB: number;
  readonly rssMB: number;
  readonly queryP50Ms: number;
  readonly queryP99Ms: number;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

const number = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || Number.isNaN(value)
    ? '-'
    : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The targets, for the sizes this run has. */
export function checkTargets(runs: readonly BenchRun[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  // The targets are the compact index's, the index that answers from 100,000 passages (search/indexChoice.ts).
  const at = (engine: BenchRun['engine'], passages: number) =>
    runs.find(
      (run) =>
        run.engine === engine && run.passages === passages && run.backend === (engine === 'dossier' ? 'compact' : null),
    );
  const dossier100k = at('dossier', 100_000);
  const baseline100k = at('baseline', 100_000);
  if (dossier100k && baseline100k) {
    const ratio = baseline100k.queryP99Ms / dossier100k.queryP99Ms;
    checks.push({
      target: '100k: query p99 at least 3x lower than the baseline',
      measured: `${number(ratio, 1)}x (${number(dossier100k.queryP99Ms, 1)} vs ${number(baseline100k.queryP99Ms, 1)} ms)`,
      pass: ratio >= 3,
    });
  }
  if (dossier100k && dossier100k.snapshotLoadMs !== null) {
    const ratio = dossier100k.buildMs / dossier100k.snapshotLoadMs;
    checks.push({
      target: '100k: loading the snapshot at least 4x faster than rebuilding',
      measured: `${number(ratio, 1)}x (${number(dossier100k.snapshotLoadMs)} vs ${number(dossier100k.buildMs)} ms)`,
      pass: ratio >= 4,
    });
  }
  if (dossier100k) {
    const perPassage = (dossier100k.heapMB * 1024 * 1024) / dossier100k.passages / 1024;
    checks.push({
      target: '100k: heap under 3 KB per passage',
      measured: `${number(perPassage, 2)} KB`,
      pass: perPassage < 3,
    });
  }
  const dossier1m = at('dossier', 1_000_000);
  if (dossier1m) {
    checks.push({
      target: '1M: starts from its snapshot and answers with p99 under 50 ms',
      measured: `p99 ${number(dossier1m.queryP99Ms, 1)} ms, start ${number(dossier1m.snapshotLoadMs)} ms`,
      pass: dossier1m.snapshotLoadMs !== null && dossier1m.queryP99Ms < 50,
    });
    const peak =
      typeof dossier1m.details.peakRssMB === 'number' ? (dossier1m.details.peakRssMB as number) : dossier1m.rssMB;
    checks.push({
      target: '1M: within 4 GB',
      measured: `RSS ${number(dossier1m.rssMB)} MB, peak ${number(peak)} MB`,
      pass: peak < 4096,
    });
  }
  return checks;
}

export function formatReport(runs: readonly BenchRun[]): string {
  const header = [
    'engine',
    'passages',
    'build ms',
    'snap write ms',
    'snap MB',
    'snap load ms',
    'heap MB',
    'KB/passage',
    'RSS MB',
    'p50 ms',
    'p99 ms',
    'cpu p50',
    'cpu p99',
    'queries',
  ];
  const rows = runs.map((run) => [
    run.backend ? `${run.engine} (${run.backend})` : run.engine,
    number(run.passages),
    number(run.buildMs),
    number((run.details.snapshotWriteMs ?? run.details.miniSearchWriteMs) as number | undefined),
    run.snapshotBytes === null
      ? '-'
      : number((run.snapshotBytes + ((run.details.miniSearchBytes as number | undefined) ?? 0)) / 1024 / 1024, 1),
    number(run.snapshotLoadMs),
    number(run.heapMB),
    number((run.heapMB * 1024) / run.passages, 2),
    number(run.rssMB),
    number(run.queryP50Ms, 2),
    number(run.queryP99Ms, 2),
    number(run.details.queryCpuP50Ms as number | undefined, 2),
    number(run.details.queryCpuP99Ms as number | undefined, 2),
    number(run.details.queries as number | undefined),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const checks = checkTargets(runs);
  if (checks.length > 0) {
    out.push('', 'targets (same run, same machine):');
    for (const check of checks) out.push(`  ${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.measured}`);
  }
  return out.join('\n');
}
