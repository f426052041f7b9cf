import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadCorpus } from '../corpus/load.ts';
import { SearchIndex } from '../search/engine.ts';
import { withTuning, type SearchEnvironment } from '../search/environment.ts';
import type { SearchTuning } from '../search/tuning.ts';
import { extractEvents, scoreTimeline, type GoldTimeline, type TimelineScore } from '../timeline/index.ts';
import { plainMiniSearch } from './baseline.ts';
import { score, type Miss, type Retriever, type Scores } from './metrics.ts';
import { furnitureLines, isFurniture, readGoldPages, scorePages, type GoldPage, type PageScores } from './pages.ts';
import { readQuestions } from './questions.ts';
import { findStories, type Story } from './stories.ts';

const LOAD_OPTIONS = { maxArticleBytes: 2 * 1024 * 1024 };

/** `EVAL_TUNING='{"contextShare":0.3}'`: the engine with other tuning, for trying values on the stories one may tune on. */
function tuningOverride(): SearchEnvironment | undefined {
  const changes = process.env.EVAL_TUNING;
  return changes ? withTuning(JSON.parse(changes) as Partial<SearchTuning>) : undefined;
}

interface StoryReport {
  readonly story: string;
  readonly kind: string;
  readonly heldOut: boolean;
  readonly articles: number;
  readonly passages: number;
  readonly sets: ReadonlyArray<{
    readonly file: string;
    readonly questions: number;
    readonly dossier: Scores;
    readonly baseline: Scores;
  }>;
  readonly pages: Omit<PageScores, 'details'> | null;
  readonly timeline: (Omit<TimelineScore, 'details'> & { readonly fromFurniture: number }) | null;
  /** What went wrong, for reading; never printed for a held-out story unless asked. */
  readonly details: {
    readonly misses: readonly Miss[];
    readonly pages: PageScores['details'];
    readonly timeline: TimelineScore['details'] | null;
  };
}

/** The story's page files as stored, by file name, for what the cleaning kept of them. */
async function readPages(dir: string, gold: readonly GoldPage[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const page of gold) texts.set(page.file, await readFile(join(dir, page.file), 'utf8'));
  return texts;
}

async function evaluate(story: Story): Promise<StoryReport> {
  const corpus = await loadCorpus(story.corpusDir, LOAD_OPTIONS);
  const index = SearchIndex.build(corpus, tuningOverride());
  const dossier: Retriever = async (question) =>
    (await index.search({ question, limit: 5 })).hits.map((hit) => hit.passage.text);
  const baseline = await plainMiniSearch(story.corpusDir);
  const sets = [];
  for (const file of story.questionFiles) {
    const questions = await readQuestions(file);
    sets.push({
      file,
      questions: questions.length,
      dossier: await score(questions, dossier),
      baseline: await score(questions, baseline),
    });
  }
  const gold = story.pagesGold ? await readGoldPages(story.pagesGold) : null;
  const pages = gold ? scorePages(corpus, gold, await readPages(story.corpusDir, gold)) : null;
  let timeline: StoryReport['timeline'] = null;
  let timelineDetails: TimelineScore['details'] | null = null;
  if (story.timelineGold) {
    const events = extractEvents(corpus.passages, { wordnet: index.environment.wordnet });
    const { details, ...scores } = scoreTimeline(
      events,
      JSON.parse(await readFile(story.timelineGold, 'utf8')) as GoldTimeline,
    );
    const furniture = new Map((gold ?? []).map((page) => [page.file, furnitureLines(page)]));
    const fromFurniture = events.filter((event) =>
      isFurniture(event.text, furniture.get(event.passage.source.file) ?? []),
    ).length;
    timeline = { ...scores, fromFurniture };
    timelineDetails = details;
  }
  const { details: pageDetails = [], ...pageScores } = pages ?? {};
  return {
    story: story.name,
    kind: story.kind,
    heldOut: story.heldOut,
    articles: corpus.sources.length,
    passages: corpus.passages.length,
    sets,
    pages: pages ? (pageScores as Omit<PageScores, 'details'>) : null,
    timeline,
    details: { misses: sets.flatMap((set) => set.dossier.misses), pages: pageDetails, timeline: timelineDetails },
  };
}

const f3 = (value: number | null): string => (value === null ? '    - ' : value.toFixed(3).padStart(6));

function retrievalRow(name: string, scores: Scores): string {
  return `  ${name.padEnd(Math.max(name.length, 18))} ${f3(scores.recallAt1)} ${f3(scores.recallAt3)} ${f3(scores.mrrAt5)}  ${String(scores.empty).padStart(5)}  ${`${scores.offTopicAnswered}/${scores.offTopic}`.padStart(9)}`;
}

function print(report: StoryReport, showDetails: boolean): void {
  console.log(
    `\n${report.story} (${report.kind}${report.heldOut ? ', HELD OUT: never tuned on' : ''}): ${report.articles} articles, ${report.passages} passages`,
  );
  for (const set of report.sets) {
    console.log(`  ${set.file}: ${set.dossier.answerable} answerable, ${set.dossier.offTopic} off-topic`);
    console.log(`  ${'engine'.padEnd(18)}    R@1    R@3  MRR@5  empty  off-topic answered`);
    console.log(retrievalRow('dossier', set.dossier));
    console.log(retrievalRow('plain MiniSearch', set.baseline));
  }
  const p = report.pages;
  if (p) {
    console.log(
      `  pages: titles right ${p.titlesRight}/${p.pages} (furniture ${p.titlesFurniture}, derived ${p.titlesDerived}); outlets found ${p.outletsFound} (${p.outletsStated} stated), wrong ${p.outletsWrong}; agencies found ${p.agenciesFound}/${p.agenciesStated}, wrong ${p.agenciesWrong}; dates right ${p.datesRight}/${p.datesStated}, wrong ${p.datesWrong}`,
    );
    console.log(
      `  furniture passages: ${p.furniturePassages} of ${p.passages} (${((100 * p.furniturePassages) / Math.max(1, p.passages)).toFixed(1)}%); article lines dropped: ${p.contentDropped} of ${p.contentLines}`,
    );
  }
  const t = report.timeline;
  if (t)
    console.log(
      `  timeline: ${t.exactDate}/${t.goldEvents} gold events at their exact date and precision (found ${t.found}), wrong dates ${t.wrongDate}, from furniture ${t.fromFurniture}, other events ${t.junk}`,
    );
  if (!showDetails) return;
  for (const { question, rank, empty } of report.details.misses) {
    const how =
      question.gold.length === 0
        ? 'answered'
        : empty
          ? 'nothing given'
          : rank > 0
            ? `gold at ${rank}`
            : 'gold not in the first five';
    console.log(`  miss ${question.id}${question.kind ? ` [${question.kind}]` : ''}, ${how}: ${question.question}`);
  }
  for (const { file, problems } of report.details.pages) console.log(`  ${file}: ${problems.join('; ')}`);
  const d = report.details.timeline;
  if (d) {
    for (const gold of d.missed) console.log(`  timeline missed ${gold.date} (${gold.precision}) "${gold.snippet}"`);
    for (const { event, gold } of d.wrong)
      console.log(
        `  timeline wrong ${event.date} (${event.precision}) for ${gold.date}: "${event.text.slice(0, 100)}"`,
      );
  }
}

/**
 * `npm run eval [-- --story NAME] [--dev] [--details] [--json]`: for the seed and every story under
 * eval/stories/, retrieval (Dossier beside plain MiniSearch, in the same run), what ingest made of
 * each page, and the timeline against its gold. `--details` prints what went wrong, except for a
 * held-out story, whose misses stay unread unless `--held-out-details` is given too.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const only = argv.includes('--story') ? argv[argv.indexOf('--story') + 1] : undefined;
  // `--dev`: the stories one may tune on, without the held-out one.
  const stories = findStories().filter(
    (story) => (only === undefined || story.name === only) && !(argv.includes('--dev') && story.heldOut),
  );
  if (stories.length === 0) throw new Error(`No story named ${only ?? ''} under eval/stories.`);
  const reports: StoryReport[] = [];
  for (const story of stories) reports.push(await evaluate(story));
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ stories: reports.map(({ details: _details, ...report }) => ({ ...report, sets: report.sets.map(withMissIds) })) }, null, 2)}\n`,
    );
    return;
  }
  for (const report of reports)
    print(report, argv.includes('--details') && (!report.heldOut || argv.includes('--held-out-details')));
  summarise(reports);
}

/** A set's scores as JSON prints them: misses by id only (a held-out story's questions stay unread). */
function withMissIds(set: StoryReport['sets'][number]) {
  const ids = (scores: Scores) => ({ ...scores, misses: scores.misses.map((miss) => miss.question.id) });
  return { ...set, dossier: ids(set.dossier), baseline: ids(set.baseline) };
}

/** One line per story (its own questions) and the mean over the stories that are not held out. */
function summarise(reports: readonly StoryReport[]): void {
  console.log(`
${'story'.padEnd(30)}    R@1    R@3  MRR@5  empty  off-topic answered`);
  const own = reports.map((report) => ({ report, scores: report.sets[0]!.dossier }));
  for (const { report, scores } of own)
    console.log(retrievalRow(`${report.story}${report.heldOut ? ' (held out)' : ''}`.padEnd(28), scores));
  const tuned = own.filter(({ report }) => !report.heldOut).map(({ scores }) => scores);
  if (tuned.length === 0) return;
  const mean = (pick: (scores: Scores) => number) =>
    tuned.reduce((sum, scores) => sum + pick(scores), 0) / tuned.length;
  console.log(
    `  ${'mean, not held out'.padEnd(28)} ${f3(mean((s) => s.recallAt1))} ${f3(mean((s) => s.recallAt3))} ${f3(mean((s) => s.mrrAt5))}  ${String(tuned.reduce((sum, s) => sum + s.empty, 0)).padStart(5)}  ${`${tuned.reduce((sum, s) => sum + s.offTopicAnswered, 0)}/${tuned.reduce((sum, s) => sum + s.offTopic, 0)}`.padStart(9)}`,
  );
}

await main();
