/**
 * One measurement, in a process of its own (bench/main.ts starts one per engine, size and step),
 * so heap and RSS belong to what is measured and nothing else. Prints one JSON line.
 *
 *   node --expose-gc --import tsx bench/measure.ts <step> '<options JSON>'
 *
 * Steps:
 * - dossier-build: generate the corpus, build the index (compact or MiniSearch), write the
 *   snapshot (and MiniSearch's own file) and the questions;
 * - dossier-serve: start as the bot does, from the saved files alone (then `index.warmUp()`), and
 *   answer the questions; then a timeline for each of the first few questions as a topic;
 * - baseline: generate the corpus, build plain MiniSearch, answer the questions with
 *   `fuzzy: 0.2, prefix: true` on every term.
 */
import MiniSearch from 'minisearch';
import { readFile, writeFile } from 'node:fs/promises';
import type { Passage } from '../src/corpus/types.ts';
import { buildSnapshot, type Snapshot } from '../src/library.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { readIndexFile, writeIndexFile } from '../src/search/indexFile.ts';
import type { IndexName } from '../src/search/indexChoice.ts';
import { MiniSearchBackend } from '../src/search/minisearchBackend.ts';
import { miniSearchPathOf, readMiniSearchFile, writeMiniSearchFile } from '../src/search/miniSearchFile.ts';
import { topicTimeline } from '../src/timeline/index.ts';
import { generateCorpus, generatedFingerprint } from './generate.ts';
import { memory, peakRssMB, round, timings } from './process.ts';
import { generateQuestions, type BenchQuestion } from './questions.ts';

export interface MeasureOptions {
  readonly passages: number;
  readonly seed: number;
  readonly questions: number;
  /** Files the build step writes and the serve step reads. */
  readonly snapshotPath: string;
  readonly questionsPath: string;
  /** The baseline stops asking once its questions have taken this long (it takes seconds each at scale). */
  readonly baselineBudgetMs: number;
  /** Dossier's index: the compact index or MiniSearch, behind the same ranking. */
  readonly backend: IndexName;
}

/** Generated questions asked before measuring (besides `SearchIndex#warmUp`'s own), not measured. */
const WARM_UP_QUESTIONS = 10;
/** Questions asked twice (the last ones), the second time from the result cache. */
const REPEATED_QUESTIONS = 50;

function warmUpQuestions(options: MeasureOptions, generated: Parameters<typeof generateQuestions>[0]): BenchQuestion[] {
  return generateQuestions(generated, WARM_UP_QUESTIONS, options.seed + 1);
}

async function dossierBuild(options: MeasureOptions): Promise<Record<string, unknown>> {
  const generated = generateCorpus({ passages: options.passages, seed: options.seed });
  const questions = generateQuestions(generated, options.questions, options.seed);
  await writeFile(options.questionsPath, JSON.stringify({ warmUp: warmUpQuestions(options, generated), questions }));
  const { passages } = generated.corpus;
  const before = memory();
  let started = performance.now();
  // The index measured: MiniSearch's build alone, beside the compact index the snapshot holds either way.
  const mini = options.backend === 'minisearch' ? MiniSearchBackend.build(passages) : null;
  const index = mini ? null : SearchIndex.build(generated.corpus);
  const buildMs = round(performance.now() - started, 0);
  const after = memory();
  const result: Record<string, unknown> = {
    buildMs,
    indexHeapMB: round(after.heapMB - before.heapMB),
    buildPeakRssMB: 0,
  };
  started = performance.now();
  const { bytes } = await writeIndexFile(options.snapshotPath, {
    fingerprint: generatedFingerprint(generated.options),
    corpus: generated.corpus,
    index: index ?? SearchIndex.build(generated.corpus),
  });
  if (index) result.snapshotWriteMs = round(performance.now() - started, 0);
  result.snapshotBytes = bytes;
  if (mini) {
    started = performance.now();
    const written = await writeMiniSearchFile(miniSearchPathOf(options.snapshotPath), mini, passages);
    result.miniSearchWriteMs = round(performance.now() - started, 0);
    result.miniSearchBytes = written.bytes;
  }
  result.buildPeakRssMB = peakRssMB();
  return result;
}

async function dossierServe(options: MeasureOptions): Promise<Record<string, unknown>> {
  const fingerprint = generatedFingerprint({ passages: options.passages, seed: options.seed });
  let started = performance.now();
  const read = await readIndexFile(options.snapshotPath, fingerprint);
  if (!read.ok) throw new Error(read.message);
  // As the bot starts: the snapshot, then MiniSearch from its own file (answeringIndex.ts, without its fallback to a build).
  let index = read.index;
  if (options.backend === 'minisearch') {
    const mini = await readMiniSearchFile(miniSearchPathOf(options.snapshotPath), read.corpus.passages);
    if (!mini.ok) throw new Error(mini.message);
    index = read.index.withBackend(mini.backend);
  }
  const snapshotLoadMs = round(performance.now() - started, 0);
  started = performance.now();
  await index.warmUp();
  const warmUpMs = round(performance.now() - started, 0);
  const loaded = memory();
  const file = JSON.parse(await readFile(options.questionsPath, 'utf8')) as {
    warmUp: BenchQuestion[];
    questions: BenchQuestion[];
  };
  const served = await serve(index, file);
  const after = memory();
  const timelines = await topicTimelines(
    buildSnapshot(read.corpus, new Date(), new Map(), index, null, read.index),
    file.questions,
  );
  return {
    snapshotLoadMs,
    warmUpMs,
    startMs: snapshotLoadMs + warmUpMs,
    loadedHeapMB: loaded.heapMB,
    ...after,
    peakRssMB: peakRssMB(),
    ...served,
    ...timelines,
  };
}

/** Timelines asked for with a topic (`/timeline <question>`), each over the passages about it. */
const TIMELINE_TOPICS = 30;

async function topicTimelines(
  snapshot: Snapshot,
  questions: readonly BenchQuestion[],
): Promise<Record<string, unknown>> {
  const times: number[] = [];
  let events = 0;
  for (const q of questions.slice(0, TIMELINE_TOPICS)) {
    const started = performance.now();
    events += (await topicTimeline(snapshot, q.question)).length;
    times.push(performance.now() - started);
  }
  const { p50, max } = timings(times);
  return { timelineTopics: times.length, timelineP50Ms: p50, timelineMaxMs: max, timelineEvents: events };
}

/** Asks every question once (after a warm-up), then the first few again (answered from the cache). */
async function serve(
  index: SearchIndex,
  file: { warmUp: BenchQuestion[]; questions: BenchQuestion[] },
): Promise<Record<string, unknown>> {
  const ask = (q: BenchQuestion) =>
    index.search({ question: q.question, limit: 5, from: q.from ?? null, to: q.to ?? null });
  for (const q of file.warmUp) await ask(q);
  const times: number[] = [];
  // CPU time too: on a machine shared with other work, wall time measures the neighbours as well.
  const cpuTimes: number[] = [];
  let answered = 0;
  let offTopicAnswered = 0;
  let offTopic = 0;
  let found = 0;
  for (const q of file.questions) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { hits } = await ask(q);
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (hits.length > 0) answered++;
    if (q.kind === 'off-topic') {
      offTopic++;
      if (hits.length > 0) offTopicAnswered++;
    } else if (hits.some((hit) => hit.passage.id === q.passageId)) found++;
  }
  const repeats: number[] = [];
  // The last ones: still in the result cache (it keeps the most recent few hundred).
  for (const q of file.questions.slice(-REPEATED_QUESTIONS)) {
    const started = performance.now();
    await ask(q);
    repeats.push(performance.now() - started);
  }
  const { p50, p99, max } = timings(times);
  const cpu = timings(cpuTimes);
  const answerable = file.questions.length - offTopic;
  return {
    queries: times.length,
    queryP50Ms: p50,
    queryP99Ms: p99,
    queryMaxMs: max,
    queryCpuP50Ms: cpu.p50,
    queryCpuP99Ms: cpu.p99,
    repeatP50Ms: round(timings(repeats).p50, 3),
    slowest: file.questions
      .map((q, i) => ({ ms: round(times[i]!, 1), question: q.question }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
    answeredShare: round(answered / Math.max(1, times.length), 3),
    sourceInTop5: round(found / Math.max(1, answerable), 3),
    offTopicAnswered: round(offTopicAnswered / Math.max(1, offTopic), 3),
    stats: index.stats,
  };
}

async function baseline(options: MeasureOptions): Promise<Record<string, unknown>> {
  // Only the passages stay: the generator's bookkeeping would count against the baseline's heap.
  const { passages, questions, warmUp } = ((): {
    passages: readonly Passage[];
    questions: BenchQuestion[];
    warmUp: BenchQuestion[];
  } => {
    const generated = generateCorpus({ passages: options.passages, seed: options.seed });
    return {
      passages: generated.corpus.passages,
      questions: generateQuestions(generated, options.questions, options.seed),
      warmUp: warmUpQuestions(options, generated).slice(0, 3),
    };
  })();
  const documents = passages.map((passage, id) => ({ id, text: passage.text }));
  const before = memory();
  const started = performance.now();
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  mini.addAll(documents);
  const buildMs = round(performance.now() - started, 0);
  const after = memory();
  const ask = (q: BenchQuestion) => mini.search(q.question, { fuzzy: 0.2, prefix: true }).slice(0, 5);
  for (const q of warmUp) ask(q);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  let answerable = 0;
  const deadline = performance.now() + options.baselineBudgetMs;
  for (const q of questions) {
    if (times.length >= 10 && performance.now() > deadline) break;
    const t = performance.now();
    const cpu = process.cpuUsage();
    const hits = ask(q);
    times.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    if (q.kind !== 'off-topic') {
      answerable++;
      if (hits.some((hit) => passages[hit.id as number]!.id === q.passageId)) found++;
    }
  }
  const { p50, p99, max } = timings(times);
  const cpu = timings(cpuTimes);
  return {
    buildMs,
    indexHeapMB: round(after.heapMB - before.heapMB),
    ...after,
    peakRssMB: peakRssMB(),
    queries: times.length,
    queryP50Ms: p50,
    queryP99Ms: p99,
    queryMaxMs: max,
    queryCpuP50Ms: cpu.p50,
    queryCpuP99Ms: cpu.p99,
    sourceInTop5: round(found / Math.max(1, answerable), 3),
  };
}

const STEPS = { 'dossier-build': dossierBuild, 'dossier-serve': dossierServe, baseline } as const;

async function main(): Promise<void> {
  const [step, json] = process.argv.slice(2);
  const run = STEPS[step as keyof typeof STEPS];
  if (!run || !json) throw new Error(`usage: measure.ts <${Object.keys(STEPS).join('|')}> '<options JSON>'`);
  const result = await run(JSON.parse(json) as MeasureOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
