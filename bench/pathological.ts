/**
 * The time each pathological input (bench/pathologicalInputs.ts) takes through ingest: reading
 * and cleaning (the loader) and indexing, with the timeline's reading of its passages beside.
 * Each input runs in a fresh process with a time limit, so one that never finishes is reported,
 * not waited for. Part of `npm run bench` (target: ingest under 200 ms per 100 KB each); also runs
 * alone:
 *
 *   node --import tsx bench/pathological.ts [--json] [--against PATH]
 *
 * `--against PATH` times the same inputs on another checkout of Dossier (an older commit, with
 * its node_modules) too, alternating the two per input so both see the same machine load.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Corpus } from '../src/corpus/types.ts';
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
  /**
   * The same in CPU time (every thread of the process: the garbage collector's helpers too, so it
   * may exceed the wall time): on a shared machine, a check that a slow row is the input's and not
   * the machine's. The target is judged on the wall time.
   */
  readonly per100KbCpuMs: number | null;
  /** What the loader said of the file: "loaded, N passages" or its refusal. */
  readonly outcome: string;
}

const HERE = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SELF = fileURLToPath(import.meta.url);
/** Ordinary articles loaded (three times) before the input. */
const WARM_UP_ARTICLES = 20;
/** Ingests of each input; the figures are their medians. */
const INGESTS = 3;
/** An ordinary article of a few kilobytes: a dateline, thirty paragraphs, dates and numbers in them. */
const WARM_UP_PARAGRAPHS = [
  'LONDON, March 3 (Reuters) - Talks between the two sides resumed on Tuesday after a pause of several months, officials said.',
  ...Array.from(
    { length: 30 },
    (_, i) =>
      `The ${i + 2}th round of talks, first held in 2019, went on for ${i + 3} hours on March ${(i % 27) + 1}, a spokesperson for the ministry told reporters, and "more work remains".`,
  ),
];
/** That article in each reader's format: a first page compiles the code that reads it, which is no input's cost. */
const WARM_UPS: Record<string, string> = {
  '.txt': `Talks resume\n\n${WARM_UP_PARAGRAPHS.join('\n\n')}\n`,
  '.md': `---\ntitle: Talks resume\ndate: 2021-03-03\n---\n\n# Talks resume\n\n${WARM_UP_PARAGRAPHS.join('\n\n')}\n`,
  '.html': `<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>${WARM_UP_PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('')}</article></body></html>`,
};

/** The loader, index and timeline of the checkout at `root`. */
async function engineAt(root: string) {
  const from = (path: string) => import(pathToFileURL(join(root, path)).href);
  const [{ loadCorpus }, { SearchIndex }, { extractEvents }] = await Promise.all([
    from('src/corpus/load.ts'),
    from('src/search/engine.ts'),
    from('src/timeline/index.ts'),
  ]);
  return { loadCorpus, SearchIndex, extractEvents };
}

/** Loads one input from a folder of its own with the checkout at `root`, indexes it and reads its timeline, timing each. */
async function measureOne(index: number, root: string): Promise<PathologicalRun> {
  const { loadCorpus, SearchIndex, extractEvents } = await engineAt(root);
  const input = PATHOLOGICAL_INPUTS[index]!;
  const text = input.text();
  const dir = await mkdtemp(join(tmpdir(), 'dossier-pathological-'));
  try {
    // First a corpus of ordinary articles in the same format, as a bot has loaded before anyone uploads: compiling the
    // code that reads them and opening the word lists are not the input's cost.
    const ext = extname(input.file);
    const warmUps = Array.from({ length: WARM_UP_ARTICLES }, (_, i) => `warm-up-${i}${ext}`);
    for (const [i, name] of warmUps.entries())
      await writeFile(
        join(dir, name),
        (WARM_UPS[ext] ?? WARM_UPS['.txt']!).replaceAll('Talks resume', `Talks resume, day ${i}`),
      );
    for (let i = 0; i < 3; i++) {
      const warm = await loadCorpus(dir, { maxArticleBytes: 1024 * 1024 });
      const index = SearchIndex.build(warm);
      // An older checkout's extractEvents takes no WordNet, and ignores the options.
      extractEvents(warm.passages, { wordnet: index.environment?.wordnet });
    }
    for (const name of warmUps) await rm(join(dir, name));
    await writeFile(join(dir, input.file), text);
    // The median of a few ingests: the first also compiles the code paths this shape takes, a cost a bot pays once.
    const runs: Array<{ load: number; index: number; timeline: number; cpu: number; corpus: Corpus }> = [];
    for (let i = 0; i < INGESTS; i++) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const corpus = await loadCorpus(dir, { maxArticleBytes: 10 * 1024 * 1024 });
      const t1 = performance.now();
      const index = SearchIndex.build(corpus);
      const t2 = performance.now();
      const { user, system } = process.cpuUsage(cpu);
      extractEvents(corpus.passages, { wordnet: index.environment?.wordnet });
      runs.push({
        load: t1 - t0,
        index: t2 - t1,
        timeline: performance.now() - t2,
        cpu: (user + system) / 1000,
        corpus,
      });
    }
    const median = (of: (run: (typeof runs)[number]) => number): number =>
      runs.map(of).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
    const { corpus } = runs[0]!;
    const kb = round(Buffer.byteLength(text) / 1024);
    const outcome = corpus.errors[0]
      ? `refused: ${corpus.errors[0].message}`
      : `loaded, ${corpus.passages.length} passages`;
    return {
      shape: input.shape,
      kb,
      loadMs: round(median((run) => run.load)),
      indexMs: round(median((run) => run.index)),
      timelineMs: round(median((run) => run.timeline)),
      per100KbMs: round((median((run) => run.load + run.index) * 100) / kb),
      per100KbCpuMs: round((median((run) => run.cpu) * 100) / kb),
      outcome,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One input through the checkout at `root`, in a process of its own killed after `limitMs`. */
async function runOne(index: number, root: string, limitMs: number): Promise<PathologicalRun> {
  const input = PATHOLOGICAL_INPUTS[index]!;
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--one', String(index), '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const { code, lastLine, stderr } = await finished(child);
  clearTimeout(timer);
  if (code === 0 && lastLine.startsWith('{')) return JSON.parse(lastLine) as PathologicalRun;
  const failed =
    code === null ? `did not finish in ${limitMs / 1000} s` : `failed: ${stderr.trim().split('\n').at(-1)}`;
  return {
    shape: input.shape,
    kb: round(Buffer.byteLength(input.text()) / 1024),
    loadMs: null,
    indexMs: null,
    timelineMs: null,
    per100KbMs: null,
    per100KbCpuMs: null,
    outcome: failed,
  };
}

export interface PathologicalComparison {
  readonly runs: PathologicalRun[];
  /** The same inputs on the `--against` checkout, in the same order; empty without one. */
  readonly against: PathologicalRun[];
}

/** Every input, each in its own process, `limitMs` at most each; with `against`, that checkout's run of each just before this one's. */
export async function runPathologicalBench(
  limitMs = 60_000,
  against: string | null = null,
  progress: (line: string) => void = () => undefined,
): Promise<PathologicalComparison> {
  const runs: PathologicalRun[] = [];
  const before: PathologicalRun[] = [];
  for (const [index, input] of PATHOLOGICAL_INPUTS.entries()) {
    progress(`pathological input: ${input.shape}`);
    if (against) before.push(await runOne(index, against, limitMs));
    runs.push(await runOne(index, HERE, limitMs));
  }
  return { runs, against: before };
}

const ms = (value: number | null): string => (value === null ? '–' : value.toFixed(1));

export function formatPathological({ runs, against }: PathologicalComparison): string {
  const compared = against.length > 0;
  const rows = runs.map((run, i) => {
    const old = compared ? ` ${ms(against[i]!.per100KbMs)} | ${against[i]!.outcome} |` : '';
    return `| ${run.shape} | ${run.kb} |${old} ${ms(run.loadMs)} | ${ms(run.indexMs)} | ${ms(run.per100KbMs)} | ${ms(run.per100KbCpuMs)} | ${ms(run.timelineMs)} | ${run.outcome} |`;
  });
  // An input that never finished is the slowest of all.
  const cost = (run: PathologicalRun): number => run.per100KbMs ?? Number.POSITIVE_INFINITY;
  const slowest = runs.reduce<PathologicalRun | undefined>(
    (worst, run) => (worst === undefined || cost(run) > cost(worst) ? run : worst),
    undefined,
  );
  return [
    `| pathological input | KB |${compared ? ' before: ingest ms per 100 KB | before: outcome |' : ''} load ms | index ms | ingest ms per 100 KB | ingest CPU ms per 100 KB | timeline ms | outcome |`,
    `|---|---:|${compared ? '---:|---|' : ''}---:|---:|---:|---:|---:|---|`,
    ...rows,
    '',
    slowest
      ? `slowest ingest: ${slowest.shape}, ${ms(slowest.per100KbMs)} ms per 100 KB (${ms(slowest.per100KbCpuMs)} ms of CPU; target under 200)`
      : '',
  ].join('\n');
}

if (process.argv[1] === SELF) {
  const flag = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const one = flag('--one');
  if (one !== undefined)
    process.stdout.write(`${JSON.stringify(await measureOne(Number(one), flag('--root') ?? HERE))}\n`);
  else {
    const against = flag('--against');
    const result = await runPathologicalBench(60_000, against ? resolve(against) : null, (line) =>
      process.stderr.write(`${line}\n`),
    );
    process.stdout.write(
      process.argv.includes('--json')
        ? `${JSON.stringify({ pathological: result })}\n`
        : `${formatPathological(result)}\n`,
    );
  }
}
