/**
 * The time each pathological input (bench/pathologicalInputs.ts) takes through ingest: reading
 * and cleaning (the loader), indexing, and the timeline's reading of its passages. Each input runs
 * in a fresh process with a time limit, so one that never finishes is reported, not waited for.
 * Part of `npm run bench` (target: under 200 ms per 100 KB each); also runs alone:
 * `node --import tsx bench/pathological.ts [--json]`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/load.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { extractEvents } from '../src/timeline/index.ts';
import { PATHOLOGICAL_INPUTS } from './pathologicalInputs.ts';
import { finished, round } from './process.ts';

export interface PathologicalRun {
  readonly shape: string;
  readonly kb: number;
  /** null: did not finish within the limit. */
  readonly loadMs: number | null;
  readonly indexMs: number | null;
  /** The timeline's reading of the passages: done when /timeline asks, not at ingest. */
  readonly timelineMs: number | null;
  /** Ingest (load and index) per 100 KB of input, the figure the target is stated in. */
  readonly per100KbMs: number | null;
  /** What the loader said of the file: "loaded, N passages" or its refusal. */
  readonly outcome: string;
}

/** Loads one input from a folder of its own, indexes it and reads its timeline, timing each. */
async function measureOne(index: number): Promise<PathologicalRun> {
  const input = PATHOLOGICAL_INPUTS[index]!;
  const text = input.text();
  const dir = await mkdtemp(join(tmpdir(), 'dossier-pathological-'));
  try {
    // Once on an ordinary article first: the word lists every build opens are not the input's cost.
    await writeFile(join(dir, 'warm-up.txt'), WARM_UP);
    const warm = await loadCorpus(dir, { maxArticleBytes: 1024 * 1024 });
    SearchIndex.build(warm);
    extractEvents(warm.passages);
    await rm(join(dir, 'warm-up.txt'));
    await writeFile(join(dir, input.file), text);
    const t0 = performance.now();
    const corpus = await loadCorpus(dir, { maxArticleBytes: 10 * 1024 * 1024 });
    const t1 = performance.now();
    SearchIndex.build(corpus);
    const t2 = performance.now();
    extractEvents(corpus.passages);
    const t3 = performance.now();
    const kb = round(Buffer.byteLength(text) / 1024);
    const outcome = corpus.errors[0] ? `refused: ${corpus.errors[0].message}` : `loaded, ${corpus.passages.length} passages`;
    return { shape: input.shape, kb, loadMs: round(t1 - t0), indexMs: round(t2 - t1), timelineMs: round(t3 - t2), per100KbMs: round(((t2 - t0) * 100) / kb), outcome };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const WARM_UP = 'Talks resume\n\nLONDON, March 3 (Reuters) - Talks between the two sides resumed on Tuesday after a pause of several months, officials said.\n\nThe talks began in 2019.\n';

const SELF = fileURLToPath(import.meta.url);

/** Every input, each in its own process, `limitMs` at most each. */
export async function runPathologicalBench(limitMs = 60_000, progress: (line: string) => void = () => undefined): Promise<PathologicalRun[]> {
  const runs: PathologicalRun[] = [];
  for (const [index, input] of PATHOLOGICAL_INPUTS.entries()) {
    progress(`pathological input: ${input.shape}`);
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--one', String(index)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    const { code, lastLine, stderr } = await finished(child);
    clearTimeout(timer);
    if (code === 0 && lastLine.startsWith('{')) runs.push(JSON.parse(lastLine) as PathologicalRun);
    else {
      const failed = code === null ? `did not finish in ${limitMs / 1000} s` : `failed: ${stderr.trim().split('\n').at(-1)}`;
      runs.push({ shape: input.shape, kb: round(Buffer.byteLength(input.text()) / 1024), loadMs: null, indexMs: null, timelineMs: null, per100KbMs: null, outcome: failed });
    }
  }
  return runs;
}

export function formatPathological(runs: readonly PathologicalRun[]): string {
  const ms = (value: number | null): string => (value === null ? '–' : value.toFixed(1));
  const rows = runs.map((run) => `| ${run.shape} | ${run.kb} | ${ms(run.loadMs)} | ${ms(run.indexMs)} | ${ms(run.per100KbMs)} | ${ms(run.timelineMs)} | ${run.outcome} |`);
  // An input that never finished is the slowest of all.
  const cost = (run: PathologicalRun): number => run.per100KbMs ?? Number.POSITIVE_INFINITY;
  const slowest = runs.reduce<PathologicalRun | undefined>((worst, run) => (worst === undefined || cost(run) > cost(worst) ? run : worst), undefined);
  return [
    '| pathological input | KB | load ms | index ms | ingest ms per 100 KB | timeline ms | outcome |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    slowest ? `slowest ingest: ${slowest.shape}, ${ms(slowest.per100KbMs)} ms per 100 KB (target under 200)` : '',
  ].join('\n');
}

if (process.argv[1] === SELF) {
  const one = process.argv.indexOf('--one');
  if (one >= 0) process.stdout.write(`${JSON.stringify(await measureOne(Number(process.argv[one + 1])))}\n`);
  else {
    const runs = await runPathologicalBench(60_000, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify({ pathological: runs })}\n` : `${formatPathological(runs)}\n`);
  }
}
