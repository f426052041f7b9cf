/**
 * `npm run bench [-- --sizes 10000,100000,1000000] [--json]`: Dossier's engine beside plain
 * MiniSearch on the same generated corpus and questions, in the same run, each measurement in a
 * fresh process (bench/measure.ts). Reports; asserts nothing.
 *
 * Options:
 *   --sizes N,N,…       passages per corpus (default 10000,100000)
 *   --json              print {"runs": [...]} instead of a table
 *   --questions N       questions per size (default 300)
 *   --seed N            corpus and question seed (default 42)
 *   --engines a,b       dossier and/or baseline (default both)
 *   --backends a,b      Dossier's indexes: compact and/or minisearch (default both; the same ranking, each started
 *                       from its saved files as the bot starts)
 *   --baseline-budget S seconds of questions the baseline gets per size (default 60; it needs seconds each at scale)
 *   --dir PATH          where snapshots and question files go (default: a temporary folder, removed after)
 *   --reload a,b        after the engines, per size, the event-loop pauses while a reload rebuilds
 *                       (bench/reload.ts): where (worker or here) and, after a colon, what changed in
 *                       the folder (touch: one article; replace: all of it); default
 *                       worker:touch,worker:replace,here:touch; none: no reloads
 *   --pathological yes|no  last, each pathological input's ingest time per 100 KB (bench/pathological.ts;
 *                       target under 200 ms each); default yes
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_NAMES, type IndexName } from '../src/search/indexChoice.ts';
import type { MeasureOptions } from './measure.ts';
import { finished, positiveInteger, readArgs, UsageError } from './process.ts';
import { formatPathological, type PathologicalComparison, runPathologicalBench } from './pathological.ts';
import { formatReloads, parseReloadCases, runReloadBench, type ReloadCase, type ReloadRun } from './reload.ts';
import { formatReport, type BenchRun } from './report.ts';

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly json: boolean;
  readonly questions: number;
  readonly seed: number;
  readonly engines: ReadonlyArray<'dossier' | 'baseline'>;
  readonly backends: ReadonlyArray<IndexName>;
  readonly baselineBudgetSeconds: number;
  readonly dir: string | null;
  /** Reloads whose pauses are measured per size (none: the engines only). */
  readonly reload: readonly ReloadCase[];
  /** Time the pathological inputs' ingest (bench/pathological.ts) after the rest. */
  readonly pathological: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  sizes: [10_000, 100_000],
  json: false,
  questions: 300,
  seed: 42,
  engines: ['dossier', 'baseline'],
  backends: ['compact', 'minisearch'],
  baselineBudgetSeconds: 60,
  dir: null,
  reload: parseReloadCases('worker:touch,worker:replace,here:touch'),
  pathological: true,
};

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: { -readonly [K in keyof BenchOptions]: BenchOptions[K] } = { ...DEFAULT_OPTIONS };
  const positive = (flag: string, value: string | undefined): number => positiveInteger('bench', flag, value);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case '--json':
        options.json = true;
        break;
      case '--sizes': {
        const list = value();
        options.sizes = (list ?? '').split(',').map((size) => positive('--sizes', size));
        break;
      }
      case '--questions':
        options.questions = positive(flag, value());
        break;
      case '--seed':
        options.seed = positive(flag, value());
        break;
      case '--engines': {
        const engines = (value() ?? '').split(',');
        if (engines.some((engine) => engine !== 'dossier' && engine !== 'baseline'))
          throw new UsageError(
            `bench: --engines takes dossier and/or baseline, got ${JSON.stringify(engines.join(','))}`,
          );
        options.engines = engines as Array<'dossier' | 'baseline'>;
        break;
      }
      case '--backends': {
        const backends = (value() ?? '').split(',');
        if (backends.some((backend) => !(INDEX_NAMES as readonly string[]).includes(backend)))
          throw new UsageError(
            `bench: --backends takes ${INDEX_NAMES.join(' and/or ')}, got ${JSON.stringify(backends.join(','))}`,
          );
        options.backends = backends as IndexName[];
        break;
      }
      case '--baseline-budget':
        options.baselineBudgetSeconds = positive(flag, value());
        break;
      case '--reload':
        try {
          options.reload = parseReloadCases(value() ?? '');
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        break;
      case '--pathological': {
        const answer = value();
        if (answer !== 'yes' && answer !== 'no') throw new UsageError('bench: --pathological takes yes or no');
        options.pathological = answer === 'yes';
        break;
      }
      case '--dir':
        options.dir = value() ?? null;
        if (!options.dir) throw new UsageError('bench: --dir needs a folder');
        break;
      default:
        throw new UsageError(`bench: unknown option ${JSON.stringify(flag)} (see bench/main.ts)`);
    }
  }
  return options;
}

const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));

/** Heap limit per step: the serve step gets 4 GB, the bot's budget at a million passages; builds and the baseline more. */
function heapLimitMB(step: string, passages: number): number {
  if (step === 'dossier-serve') return 4096;
  if (step === 'baseline') return passages >= 500_000 ? 16_384 : 8192;
  return 8192;
}

/** Runs one step in a fresh Node process and returns the JSON it prints. */
export async function runStep(step: string, options: MeasureOptions): Promise<Record<string, unknown>> {
  const args = [
    '--expose-gc',
    `--max-old-space-size=${heapLimitMB(step, options.passages)}`,
    '--import',
    'tsx',
    MEASURE,
    step,
    JSON.stringify(options),
  ];
  const { code, signal, stderr, lastLine } = await finished(
    spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  if (code === 0 && lastLine.startsWith('{')) return JSON.parse(lastLine) as Record<string, unknown>;
  throw new Error(
    `bench: ${step} at ${options.passages} passages failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
  );
}

/** Measures every engine at every size; `progress` hears what starts. */
export async function runBench(
  options: BenchOptions,
  progress: (line: string) => void = () => undefined,
): Promise<BenchRun[]> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'dossier-bench-')));
  await mkdir(dir, { recursive: true });
  const runs: BenchRun[] = [];
  try {
    for (const passages of options.sizes) {
      const measure = (backend: IndexName): MeasureOptions => ({
        passages,
        seed: options.seed,
        questions: options.questions,
        snapshotPath: join(dir, `dossier-${passages}-${backend}.snapshot`),
        questionsPath: join(dir, `questions-${passages}.json`),
        baselineBudgetMs: options.baselineBudgetSeconds * 1000,
        backend,
      });
      for (const backend of options.engines.includes('dossier') ? options.backends : []) {
        progress(`dossier (${backend}): building ${passages} passages`);
        const build = await runStep('dossier-build', measure(backend));
        progress(`dossier (${backend}): starting from its saved files and answering ${options.questions} questions`);
        const serve = await runStep('dossier-serve', measure(backend));
        runs.push(toRun('dossier', backend, passages, { ...build, ...serve }));
      }
      if (options.engines.includes('baseline')) {
        progress(`baseline: building plain MiniSearch over ${passages} passages and asking (fuzzy + prefix)`);
        runs.push(toRun('baseline', null, passages, await runStep('baseline', measure('compact'))));
      }
    }
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
  return runs;
}

function toRun(
  engine: BenchRun['engine'],
  backend: IndexName | null,
  passages: number,
  measured: Record<string, unknown>,
): BenchRun {
  const number = (key: string): number | null => (typeof measured[key] === 'number' ? (measured[key] as number) : null);
  return {
    engine,
    backend,
    passages,
    buildMs: number('buildMs')!,
    snapshotLoadMs: number('snapshotLoadMs'),
    snapshotBytes: number('snapshotBytes'),
    heapMB: number('heapMB')!,
    rssMB: number('rssMB')!,
    queryP50Ms: number('queryP50Ms')!,
    queryP99Ms: number('queryP99Ms')!,
    details: measured,
  };
}

/** The reload pauses at every size (bench/reload.ts), each corpus in a folder of its own under `--dir` or a temporary one. */
export async function runReloads(
  options: BenchOptions,
  progress: (line: string) => void = () => undefined,
): Promise<ReloadRun[]> {
  if (options.reload.length === 0) return [];
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'dossier-bench-reload-')));
  const runs: ReloadRun[] = [];
  try {
    for (const passages of options.sizes) {
      runs.push(
        ...(await runReloadBench(
          {
            passages,
            seed: options.seed,
            dir: join(dir, `reload-${passages}`),
            cases: options.reload,
            idleSeconds: 10,
            questionEveryMs: 50,
          },
          progress,
        )),
      );
    }
  } finally {
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  }
  return runs;
}

async function main(): Promise<number> {
  const options = readArgs(parseBenchArgs);
  if (!options) return 2;
  const started = performance.now();
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const runs = await runBench(options, progress);
  const reloads = await runReloads(options, progress);
  const pathological: PathologicalComparison | null = options.pathological
    ? await runPathologicalBench(60_000, null, progress)
    : null;
  if (options.json) process.stdout.write(`${JSON.stringify({ runs, reloads, pathological }, null, 2)}\n`);
  else {
    const tables = [
      formatReport(runs),
      ...(reloads.length > 0 ? [formatReloads(reloads)] : []),
      ...(pathological ? [formatPathological(pathological)] : []),
    ];
    process.stdout.write(
      `${tables.join('\n\n')}\n(${Math.round((performance.now() - started) / 1000)} s, seed ${options.seed}, ${options.questions} questions per size)\n`,
    );
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
