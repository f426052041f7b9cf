/**
 * The reload benchmark (`npm run bench` runs it after the engines; `--reload`): how long the
 * process that answers pauses while a reload rebuilds the index beside the live one, and how long
 * the rebuild takes, per way of rebuilding (`PersistOptions.rebuildIn`):
 *
 * - `here`: in the answering thread, in slices (how every reload ran before rebuilds moved to a worker);
 * - `worker`: in a worker thread, the result assembled here in slices (the bot's way now);
 *
 * and per change to the folder:
 *
 * - `touch`: one article touched (a new modification time, the same bytes): the folder lists
 *   differently, so every article is read, cleaned and indexed again, and every passage comes back
 *   the same (a moderator's edit: all passages but the edited article's are unchanged);
 * - `replace`: the folder swapped for another generated corpus of the same size (another seed):
 *   no passage is the same, so the answering thread must make every passage anew.
 *
 * Per size, in fresh processes:
 * 1. prepare: the generated corpus written as article files (bench/articles.ts, as bench:startup
 *    does) and a first start that builds and saves the index; for `replace`, the other corpus too;
 * 2. per run, a process that starts as the bot does (from the saved index, heap limit 4 GB, the
 *    search warmed up), answers questions for a while to measure its pauses when idle, then
 *    changes the folder and reloads, answering meanwhile and for 3 s after: one question every
 *    50 ms through the command path, as interactions would arrive, and a 10 ms timer sampling the
 *    event loop (bench/pauses.ts). A `replace` run puts the folder and saved index back after.
 */
import { spawn } from 'node:child_process';
import { copyFile, readFile, rename, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { openLibrary } from '../src/app/environment.ts';
import { runCommand } from '../src/app/commands.ts';
import { parseConfig } from '../src/config.ts';
import type { Library } from '../src/library.ts';
import type { Logger } from '../src/log.ts';
import { articleName } from './articles.ts';
import { recordPauses, type PauseRecorder, type PauseReport } from './pauses.ts';
import { finished, peakRssMB, round, timings } from './process.ts';
import type { BenchQuestion } from './questions.ts';
import { prepareCorpus } from './startup.ts';

export type RebuildIn = 'worker' | 'here';
export type FolderChange = 'touch' | 'replace';

/** One reload to measure: where it rebuilds, and what changed in the folder. */
export interface ReloadCase {
  readonly rebuildIn: RebuildIn;
  readonly change: FolderChange;
}

/** `worker:touch,here` and the like (a way alone means `touch`); throws a message naming what is wrong. */
export function parseReloadCases(list: string): ReloadCase[] {
  if (list === 'none') return [];
  return list.split(',').map((item) => {
    const [rebuildIn, change = 'touch'] = item.split(':');
    if ((rebuildIn !== 'worker' && rebuildIn !== 'here') || (change !== 'touch' && change !== 'replace'))
      throw new Error(
        `bench: --reload takes worker or here, each optionally :touch or :replace, comma-separated, or none; got ${JSON.stringify(item)}`,
      );
    return { rebuildIn, change };
  });
}

export interface ReloadBenchOptions {
  readonly passages: number;
  readonly seed: number;
  /** Where the corpus, questions and saved index go. */
  readonly dir: string;
  readonly cases: readonly ReloadCase[];
  /** Seconds of answering measured before the reload, for the idle pauses. */
  readonly idleSeconds: number;
  /** One question every this many milliseconds. */
  readonly questionEveryMs: number;
}

/** One way of rebuilding at one size. */
export interface ReloadRun {
  readonly passages: number;
  readonly rebuildIn: RebuildIn;
  readonly change: FolderChange;
  /** Passages of the new index that are the live index's own objects (taken over unchanged). */
  readonly reused: number;
  readonly rebuildMs: number;
  /** When (ms since the reload began) every article had been read, and the index saved: what came after is the handover. */
  readonly phases: { readonly readMs: number; readonly savedMs: number };
  /** While the reload ran. */
  readonly during: PauseReport;
  readonly answers: AnswerTimes;
  /** The same measurement before the reload, answering only. */
  readonly idle: PauseReport;
  readonly idleAnswers: AnswerTimes;
  readonly peakRssMB: number;
}

/** How long questions waited for their answer, from when they were due (arrival) to the answer. */
interface AnswerTimes {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const QUESTIONS = 200;
/**
 * How long answering is measured after the reload returns: the worker thread is stopped once its
 * result is in, and the old index let go, and what that costs this thread comes after.
 */
const AFTER_RELOAD_MS = 3000;

const paths = (dir: string) => ({
  corpus: join(dir, 'corpus'),
  questions: join(dir, 'questions.json'),
  index: join(dir, 'index.snapshot'),
  other: join(dir, 'other'),
});

// ---- In the child processes -------------------------------------------------------------------

/** A logger that keeps its lines' events and when they came, so a step can tell how the library opened and when the index was saved. */
function keptLog(): { log: Logger; events: string[]; at: Map<string, number> } {
  const events: string[] = [];
  const at = new Map<string, number>();
  const log = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        const event = String((JSON.parse(line) as { event?: string }).event);
        events.push(event);
        at.set(event, performance.now());
      },
    },
  );
  return { log, events, at };
}

const configFor = (dir: string) => parseConfig({ CORPUS_DIR: paths(dir).corpus, INDEX_PATH: paths(dir).index });

async function prepare(options: ReloadBenchOptions): Promise<Record<string, unknown>> {
  const corpus = await prepareCorpus(options.dir, {
    passages: options.passages,
    seed: options.seed,
    questions: QUESTIONS,
  });
  // The corpus a `replace` run swaps in: another seed, the same size (its own folder, <dir>/other/corpus).
  if (options.cases.some((run) => run.change === 'replace'))
    await prepareCorpus(paths(options.dir).other, { passages: options.passages, seed: options.seed + 1, questions: 1 });
  const started = performance.now();
  const { log, events } = keptLog();
  const library = await openLibrary(configFor(options.dir), log);
  return {
    files: corpus.files,
    passages: library.current.corpus.passages.length,
    openMs: round(performance.now() - started, 0),
    restored: events.includes('index_loaded'),
  };
}

/**
 * Answers one question every `everyMs` until `until()` says stop, as interactions would arrive: a
 * question's wait counts from when it was due, so a pause delays every question due during it.
 */
async function answerUntil(
  library: Library,
  questions: readonly BenchQuestion[],
  everyMs: number,
  recorder: PauseRecorder,
  until: () => boolean,
): Promise<AnswerTimes> {
  const context = { library, invoker: { via: 'cli' as const, isModerator: false } };
  const waits: number[] = [];
  const start = performance.now();
  for (let k = 0; !until(); k++) {
    const due = start + k * everyMs;
    const early = due - performance.now();
    if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
    if (until()) break;
    const q = questions[k % questions.length]!;
    const began = performance.now();
    await runCommand(
      'ask',
      { question: q.question, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) },
      context,
    );
    const ended = performance.now();
    recorder.busy(began, ended);
    // (A timer may fire a hair early: a question is never answered before it is due.)
    waits.push(Math.max(0, ended - due));
  }
  const { p50, p99, max } = timings(waits);
  return { count: waits.length, p50Ms: p50, p99Ms: p99, maxMs: max };
}

async function reload(options: ReloadBenchOptions & ReloadCase): Promise<ReloadRun> {
  const at = paths(options.dir);
  const { log, events, at: eventAt } = keptLog();
  const library = await openLibrary(configFor(options.dir), log, { rebuildIn: options.rebuildIn });
  if (!events.includes('index_loaded'))
    throw new Error(
      'the reload step rebuilt at start-up instead of reading the saved index (run the prepare step first)',
    );
  library.current.index.warmUp();
  const questions = JSON.parse(await readFile(at.questions, 'utf8')) as BenchQuestion[];

  let recorder = recordPauses();
  const idleUntil = performance.now() + options.idleSeconds * 1000;
  const idleAnswers = await answerUntil(
    library,
    questions,
    options.questionEveryMs,
    recorder,
    () => performance.now() >= idleUntil,
  );
  const idle = recorder.stop();

  const swap = async () => {
    await rename(at.corpus, `${at.corpus}.kept`);
    await rename(join(at.other, 'corpus'), at.corpus);
    await rename(`${at.corpus}.kept`, join(at.other, 'corpus'));
  };
  const savedFiles = `${at.index}.files.json`;
  if (options.change === 'replace') {
    // The reload saves the other corpus's index: the original is put back after, for the next run.
    await copyFile(at.index, `${at.index}.kept`);
    await copyFile(savedFiles, `${savedFiles}.kept`);
    await swap();
  } else {
    // A new modification time: the folder lists differently, so the reload rebuilds every article.
    const touched = new Date();
    await utimes(join(at.corpus, articleName(0)), touched, touched);
  }
  recorder = recordPauses();
  const reloadStarted = performance.now();
  let read = 0;
  let reloading = true;
  const asking = answerUntil(library, questions, options.questionEveryMs, recorder, () => !reloading);
  const report = await library
    .reload({ onProgress: ({ done, total }) => void (done === total && (read = performance.now())) })
    .then(async (report) => {
      await new Promise((resolve) => setTimeout(resolve, AFTER_RELOAD_MS));
      return report;
    })
    .finally(() => (reloading = false));
  const answers = await asking;
  const during = recorder.stop();
  if (options.change === 'replace') {
    await swap();
    await rename(`${at.index}.kept`, at.index);
    await rename(`${savedFiles}.kept`, savedFiles);
  }
  if (!report.rebuilt) throw new Error('the reload rebuilt nothing');
  const reused = report.snapshot.corpus.passages.filter(
    (passage) => report.previous.passageById.get(passage.id) === passage,
  ).length;
  // When the articles were all read, and when the index was saved (just before the worker hands it over), in ms since the reload began.
  const phases = {
    readMs: round(read - reloadStarted, 0),
    savedMs: round((eventAt.get('index_saved') ?? Number.NaN) - reloadStarted, 0),
  };
  return {
    passages: report.snapshot.corpus.passages.length,
    rebuildIn: options.rebuildIn,
    change: options.change,
    reused,
    rebuildMs: report.ms,
    phases,
    during,
    answers,
    idle,
    idleAnswers,
    peakRssMB: peakRssMB(),
  };
}

const STEPS = { prepare, reload } as const;

// ---- In the parent ----------------------------------------------------------------------------

const SELF = fileURLToPath(import.meta.url);

/** Runs one step in a fresh Node process with `heapMB` of heap, and returns the JSON it prints. */
async function runStep(step: keyof typeof STEPS, options: object, heapMB: number): Promise<Record<string, unknown>> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', `--max-old-space-size=${heapMB}`, '--import', 'tsx', SELF, step, JSON.stringify(options)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const { code, signal, stderr, lastLine } = await finished(child);
  if (code === 0 && lastLine.startsWith('{')) return JSON.parse(lastLine) as Record<string, unknown>;
  throw new Error(
    `bench: reload ${step} failed (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
  );
}

/** Prepares the corpus of `options.passages` and measures a reload per way of rebuilding; `progress` hears what starts. */
export async function runReloadBench(
  options: ReloadBenchOptions,
  progress: (line: string) => void = () => undefined,
): Promise<ReloadRun[]> {
  progress(`reload: writing ${options.passages} passages as articles and building the saved index`);
  await runStep('prepare', options, 8192);
  const runs: ReloadRun[] = [];
  for (const run of options.cases) {
    progress(
      `reload: ${run.change === 'touch' ? 'one article touched' : 'the folder replaced'}, rebuilding ${run.rebuildIn === 'worker' ? 'in a worker thread' : 'in the answering thread'} while answering`,
    );
    // The bot's heap budget: Node's default limit, 4 GB here.
    runs.push((await runStep('reload', { ...options, ...run }, 4096)) as unknown as ReloadRun);
  }
  return runs;
}

const number = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The reload table: per size and way, the rebuild time beside the longest pause and the answers' waits. */
export function formatReloads(runs: readonly ReloadRun[]): string {
  const header = [
    'passages',
    'rebuild in',
    'folder change',
    'passages reused',
    'rebuild s',
    'longest pause ms',
    'loop delay p99 ms',
    'pauses >100 ms',
    '>1 s',
    'longest GC ms',
    'answer wait p50/p99/max ms',
    'idle: longest pause ms',
    'peak RSS MB',
  ];
  const rows = runs.map((run) => [
    number(run.passages),
    run.rebuildIn === 'worker' ? 'worker thread' : 'answering thread',
    run.change === 'touch' ? 'one article touched' : 'all replaced',
    number(run.reused),
    number(run.rebuildMs / 1000, 1),
    number(run.during.longestPauseMs, 1),
    number(run.during.loopDelayP99Ms, 1),
    number(run.during.pausesOver100Ms),
    number(run.during.pausesOver1s),
    number(run.during.longestGcMs, 1),
    `${number(run.answers.p50Ms, 1)} / ${number(run.answers.p99Ms, 1)} / ${number(run.answers.maxMs, 1)}`,
    number(run.idle.longestPauseMs, 1),
    number(run.peakRssMB),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 1 || i === 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const checks = runs
    .filter((run) => run.rebuildIn === 'worker')
    .map(
      (run) =>
        `  ${run.during.longestPauseMs <= 100 ? 'PASS' : 'FAIL'}  ${number(run.passages)}, ${run.change === 'touch' ? 'one article touched' : 'all replaced'}: no pause over 100 ms while a reload rebuilds: longest ${number(run.during.longestPauseMs, 1)} ms`,
    );
  return [
    "reload while answering (one question every 50 ms; pauses: a 10 ms timer's late ticks, less the questions' own time):",
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(checks.length > 0 ? ['', 'targets:', ...checks] : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const [step, json] = process.argv.slice(2);
  const run = STEPS[step as keyof typeof STEPS];
  if (!run || !json) throw new Error(`usage: reload.ts <${Object.keys(STEPS).join('|')}> '<options JSON>'`);
  const result = await run(JSON.parse(json) as ReloadBenchOptions & ReloadCase);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  // Nothing left over (an idle worker, a logger's stream) keeps the step running.
  process.exit(0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
