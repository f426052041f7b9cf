/**
 * `npm run bench:startup -- --passages N [--dir PATH] [--json]`: the bot's real start path at
 * scale, from a folder of article files, not the engine alone (that is `npm run bench`).
 *
 * 1. Writes the generated corpus (bench/generate.ts) as Markdown articles in `<dir>/corpus/`, and
 *    the questions in `<dir>/questions.json`; skipped when `<dir>/corpus.json` says they are there
 *    for these options already (a million passages is ~110,000 files).
 * 2. First start, in a fresh process: `openLibrary` with no saved index, so it reads every file,
 *    cleans, builds the index and saves its snapshot at `<dir>/index.snapshot`.
 * 3. Second start, in another fresh process: `openLibrary` again, which must restore from the
 *    snapshot (it fails loudly if it rebuilt), then the warm-up `runBot` does (citation engine,
 *    search); then the questions through the command path every adapter uses (`runCommand('ask')`).
 *
 * Each start has a process of its own so memory figures belong to it. The children run with the
 * bot's heap limit (Node's default, or whatever NODE_OPTIONS says), not a raised one.
 *
 * Options:
 *   --passages N   passages in the generated corpus (required)
 *   --dir PATH     where the corpus, questions and snapshot go (default: <tmp>/dossier-startup-N, kept for the next run)
 *   --questions N  questions asked on the second start (default 200)
 *   --seed N       corpus and question seed (default 42)
 *   --json         print {"startup": {...}} instead of a table
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import pino from 'pino';
import { runCommand } from '../src/app/commands.ts';
import { openLibrary, warmUp } from '../src/app/environment.ts';
import { parseConfig } from '../src/config.ts';
import type { Logger } from '../src/log.ts';
import { writeArticles } from './articles.ts';
import { generateCorpus, generatedFingerprint } from './generate.ts';
import { finished, MB, memory, peakRssMB, positiveInteger, readArgs, round, timings, UsageError } from './process.ts';
import { generateQuestions, type BenchQuestion } from './questions.ts';

export interface StartupOptions {
  readonly passages: number;
  readonly seed: number;
  readonly questions: number;
  readonly dir: string;
  readonly json: boolean;
}

/** Bumped when the way articles are written changes, so an older folder is written again. */
const LAYOUT_VERSION = 1;

const paths = (dir: string) => ({
  corpus: join(dir, 'corpus'),
  marker: join(dir, 'corpus.json'),
  questions: join(dir, 'questions.json'),
  index: join(dir, 'index.snapshot'),
});

/**
 * Writes the corpus and questions for `options` under `dir`, unless the marker says they are there.
 * The marker is removed first and written last, so a run stopped half-way is never taken for a whole one.
 * The questions are written here too, so the measured processes never generate the corpus (its
 * bookkeeping would count in their memory).
 */
export async function prepareCorpus(
  dir: string,
  options: { passages: number; seed: number; questions: number },
): Promise<{ written: boolean; files: number; writeMs: number | null }> {
  const at = paths(dir);
  const key = `${generatedFingerprint(options)}-q${options.questions}-layout${LAYOUT_VERSION}`;
  const marker = (await readFile(at.marker, 'utf8').then(JSON.parse, () => null)) as {
    key: string;
    files: number;
  } | null;
  if (marker?.key === key) return { written: false, files: marker.files, writeMs: null };
  await rm(at.marker, { force: true });
  // Files of another corpus left in the folder would be loaded too.
  await rm(at.corpus, { recursive: true, force: true });
  const generated = generateCorpus({ passages: options.passages, seed: options.seed });
  const started = performance.now();
  const files = await writeArticles(generated, at.corpus);
  const writeMs = Math.round(performance.now() - started);
  await writeFile(at.questions, JSON.stringify(generateQuestions(generated, options.questions, options.seed)));
  await writeFile(at.marker, JSON.stringify({ key, files }));
  return { written: true, files, writeMs };
}

// ---- In the child processes -------------------------------------------------------------------

interface StepOptions {
  readonly corpusDir: string;
  readonly indexPath: string;
  readonly questionsPath: string;
}

type LogLine = Record<string, unknown> & { event?: string };

/** A pino logger that keeps its lines, so a step can tell from `index_loaded` how the library opened. */
function keptLog(): { log: Logger; event: (name: string) => LogLine | undefined } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { log, event: (name) => lines.find((line) => line.event === name) };
}

/**
 * The opened library, kept reachable from here: V8 may free what a function no longer uses, and a
 * library collected before `memory()` would not be counted.
 */
let held: unknown;

/** The configuration the bot would read from CORPUS_DIR and INDEX_PATH, and nothing from a local .env. */
const configFor = (options: StepOptions) =>
  parseConfig({ CORPUS_DIR: options.corpusDir, INDEX_PATH: options.indexPath });

async function firstStart(options: StepOptions): Promise<Record<string, unknown>> {
  const { log, event } = keptLog();
  const started = performance.now();
  const library = (held = await openLibrary(configFor(options), log));
  const ms = Math.round(performance.now() - started);
  if (event('index_loaded')) throw new Error('the first start restored a snapshot; it should have read the folder');
  const saved = event('index_saved');
  if (!saved)
    throw new Error(
      `the first start saved no snapshot: ${String(event('index_save_failed')?.reason ?? 'no index_saved event')}`,
    );
  const { corpus } = library.current;
  return {
    ms,
    sources: corpus.sources.length,
    passages: corpus.passages.length,
    refused: corpus.errors.length,
    refusedExamples: corpus.errors.slice(0, 3),
    saveMs: saved.ms,
    snapshotBytes: saved.bytes,
    ...memory(),
    peakRssMB: peakRssMB(),
  };
}

async function secondStart(options: StepOptions): Promise<Record<string, unknown>> {
  const questions = JSON.parse(await readFile(options.questionsPath, 'utf8')) as BenchQuestion[];
  const { log, event } = keptLog();
  const started = performance.now();
  const library = (held = await openLibrary(configFor(options), log));
  const openMs = Math.round(performance.now() - started);
  const loaded = event('index_loaded');
  if (!loaded)
    throw new Error(
      `the second start rebuilt the index instead of restoring its snapshot (${String(event('index_not_used')?.detail ?? 'no index_loaded event')})`,
    );
  // The warm-up runBot does before going online.
  const { citationsMs, searchMs: searchWarmUpMs } = await warmUp(library, log);

  const context = { library, invoker: { via: 'cli' as const, isModerator: false } };
  const times: number[] = [];
  let answered = 0;
  for (const q of questions) {
    const asked = performance.now();
    // A date range too when the question has one, as the asker would type it.
    const result = await runCommand(
      'ask',
      { question: q.question, ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) },
      context,
    );
    times.push(performance.now() - asked);
    if (result.kind === 'ask' && result.search.hits.length > 0) answered++;
  }
  const { p50, p99, max } = timings(times);
  return {
    snapshotLoadMs: loaded.ms,
    openMs,
    citationsMs,
    searchWarmUpMs,
    startMs: openMs + citationsMs + searchWarmUpMs,
    // After the questions: what a serving bot holds.
    ...memory(),
    peakRssMB: peakRssMB(),
    asks: times.length,
    answered,
    askP50Ms: p50,
    askP99Ms: p99,
    askMaxMs: max,
  };
}

const STEPS = { 'first-start': firstStart, 'second-start': secondStart } as const;

// ---- In the parent ----------------------------------------------------------------------------

const SELF = fileURLToPath(import.meta.url);

/** The child's peak RSS so far, from Linux's /proc (null elsewhere): a child killed for memory cannot say it itself. */
async function peakRssOf(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kB = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kB ? round(Number(kB) / 1024) : null;
}

/**
 * Runs one step in a fresh Node process (the flags of `npm run bench:startup`) and returns the JSON
 * it prints; a step that failed gives `{failed, wallMs, peakRssMB}` instead, so the report says how far it got.
 */
async function runStep(step: keyof typeof STEPS, options: StepOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, step, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let lastPeakRssMB: number | null = null;
  const sampler = setInterval(() => void peakRssOf(child.pid).then((mb) => (lastPeakRssMB = mb ?? lastPeakRssMB)), 500);
  const { code, signal, stderr, lastLine } = await finished(child).finally(() => clearInterval(sampler));
  const wallMs = Math.round(performance.now() - started);
  if (lastLine.startsWith('{')) {
    const result = JSON.parse(lastLine) as Record<string, unknown>;
    return result.failed ? { ...result, wallMs } : result;
  }
  // Killed (out of heap, say): only stderr tells why, V8's "FATAL ERROR" line if there is one.
  const lines = stderr.trim().split('\n');
  const why = lines.find((text) => text.includes('FATAL ERROR')) ?? lines.slice(-6).join(' | ');
  return { failed: `${signal ?? `exit ${code}`}: ${why.trim()}`, wallMs, peakRssMB: lastPeakRssMB };
}

export function parseStartupArgs(argv: readonly string[]): StartupOptions {
  let passages: number | null = null;
  let dir: string | null = null;
  let seed = 42;
  let questions = 200;
  let json = false;
  const positive = (flag: string, value: string | undefined): number => positiveInteger('bench:startup', flag, value);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') json = true;
    else if (flag === '--passages') passages = positive(flag, argv[++i]);
    else if (flag === '--questions') questions = positive(flag, argv[++i]);
    else if (flag === '--seed') seed = positive(flag, argv[++i]);
    else if (flag === '--dir') {
      dir = argv[++i] ?? null;
      if (!dir) throw new UsageError('bench:startup: --dir needs a folder');
    } else throw new UsageError(`bench:startup: unknown option ${JSON.stringify(flag)} (see bench/startup.ts)`);
  }
  if (passages === null) throw new UsageError('bench:startup: --passages N is required');
  return { passages, seed, questions, json, dir: resolve(dir ?? join(tmpdir(), `dossier-startup-${passages}`)) };
}

export async function runStartup(
  options: StartupOptions,
  progress: (line: string) => void,
): Promise<Record<string, unknown>> {
  const at = paths(options.dir);
  await mkdir(options.dir, { recursive: true });
  progress(
    `writing ${options.passages.toLocaleString('en-US')} passages as articles in ${at.corpus} (skipped if already there)`,
  );
  const corpus = await prepareCorpus(options.dir, options);
  // The first start must read the folder: no snapshot from an earlier run.
  await rm(at.index, { force: true });
  const step: StepOptions = { corpusDir: at.corpus, indexPath: at.index, questionsPath: at.questions };
  progress(`first start: reading ${corpus.files.toLocaleString('en-US')} files, building, saving the snapshot`);
  const first = await runStep('first-start', step);
  let second: Record<string, unknown> | null = null;
  if (!first.failed) {
    progress(`second start: from the snapshot, warm-up, ${options.questions} questions through /ask`);
    second = await runStep('second-start', step);
  }
  const loaded = (first.passages as number | undefined) ?? null;
  // The cleaner is not fought: a generated paragraph it takes for furniture is counted, not hidden.
  if (loaded !== null && Math.abs(loaded - options.passages) > options.passages * 0.005)
    progress(`warning: ${loaded} passages loaded of ${options.passages} generated`);
  return {
    passages: options.passages,
    seed: options.seed,
    dir: options.dir,
    // The children's heap limit: they run with the same flags and NODE_OPTIONS as this process.
    heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / MB),
    corpus: {
      files: corpus.files,
      written: corpus.written,
      writeMs: corpus.writeMs,
      passagesLoaded: loaded,
      sources: first.sources,
      refused: first.refused,
    },
    firstStart: first,
    secondStart: second,
  };
}

function formatStartup(result: Record<string, unknown>): string {
  const corpus = result.corpus as Record<string, number | boolean | null>;
  const first = result.firstStart as Record<string, number>;
  const second = result.secondStart as Record<string, number> | null;
  const n = (value: number, digits = 0) =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const s = (ms: number) => `${n(ms / 1000, 2)} s`;
  const failure = (step: Record<string, unknown>): Array<[string, string]> => [
    [
      '  FAILED',
      `after ${s(step.wallMs as number)} (peak RSS ${step.peakRssMB ?? '?'} MB, heap limit ${n(result.heapLimitMB as number)} MB): ${String(step.failed)}`,
    ],
  ];
  const rows: Array<[string, string]> = [
    [
      'corpus',
      `${corpus.passagesLoaded === null ? '?' : n(corpus.passagesLoaded as number)} passages loaded of ${n(result.passages as number)}, ${n(corpus.files as number)} files, ${corpus.refused ?? '?'} refused`,
    ],
    ['written', corpus.written ? s(corpus.writeMs as number) : 'already there'],
    [
      'first start',
      first.failed
        ? 'read every file, build, save'
        : `${s(first.ms!)} (saving the snapshot ${s(first.saveMs!)}, ${n(first.snapshotBytes! / MB, 1)} MB)`,
    ],
    ...(first.failed
      ? failure(first)
      : [
          [
            '  memory',
            `heap ${n(first.heapMB!)} MB, RSS ${n(first.rssMB!)} MB, peak RSS ${n(first.peakRssMB!)} MB`,
          ] as [string, string],
        ]),
  ];
  if (second?.failed) rows.push(['second start', 'from the snapshot'], ...failure(second));
  else if (second) {
    rows.push(
      [
        'second start',
        `${s(second.startMs!)} (open ${s(second.openMs!)} of which snapshot ${s(second.snapshotLoadMs!)}, citations ${s(second.citationsMs!)}, search warm-up ${s(second.searchWarmUpMs!)})`,
      ],
      ['  memory', `heap ${n(second.heapMB!)} MB, RSS ${n(second.rssMB!)} MB, peak RSS ${n(second.peakRssMB!)} MB`],
      [
        '  /ask',
        `p50 ${n(second.askP50Ms!, 1)} ms, p99 ${n(second.askP99Ms!, 1)} ms, max ${n(second.askMaxMs!, 1)} ms (${n(second.answered!)} of ${n(second.asks!)} answered)`,
      ],
    );
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

async function main(): Promise<number> {
  const [step, json] = process.argv.slice(2);
  if (step && step in STEPS) {
    try {
      process.stdout.write(
        `${JSON.stringify(await STEPS[step as keyof typeof STEPS](JSON.parse(json!) as StepOptions))}\n`,
      );
      return 0;
    } catch (error) {
      // How far it got and where, for the report. (Running out of heap kills the process before this.)
      process.stderr.write(`${(error as Error).stack}\n`);
      const at = (error as Error).stack
        ?.split('\n')
        .filter((line) => line.trim().startsWith('at '))
        .slice(0, 3)
        .map((line) => line.trim());
      process.stdout.write(`${JSON.stringify({ failed: String(error), at, peakRssMB: peakRssMB() })}\n`);
      return 1;
    }
  }
  const options = readArgs(parseStartupArgs);
  if (!options) return 2;
  const result = await runStartup(options, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(
    options.json ? `${JSON.stringify({ startup: result }, null, 2)}\n` : `${formatStartup(result)}\n`,
  );
  const failed = [result.firstStart, result.secondStart].some(
    (step) => (step as Record<string, unknown> | null)?.failed,
  );
  return failed ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
