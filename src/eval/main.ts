import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loggerFor, openLibrary, readConfig } from '../app/environment.ts';
import { plainMiniSearch } from './baseline.ts';
import { score, type Retriever, type Scores } from './metrics.ts';
import { readQuestions } from './questions.ts';
import { timelineOf } from '../../commands/timeline.ts';
import { scoreTimeline, type GoldTimeline } from '../timeline/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The project's own set, and the shared one when a development checkout has it beside the repo. */
const DEFAULT_FILES = [resolve(root, 'eval/questions.json'), resolve(root, '../shared/eval/questions.json')];
/** The seed corpus's dated events, written by hand: scored when the corpus is the bundled one. */
const TIMELINE_GOLD = resolve(root, 'eval/timeline.gold.json');

function row(name: string, scores: Scores): string {
  const f = (value: number | null) => (value === null ? '   -  ' : value.toFixed(3).padStart(6));
  return `${name.padEnd(22)} ${f(scores.recallAt1)} ${f(scores.recallAt3)} ${f(scores.mrr)}   ${f(scores.abstention)}`;
}

/** `npm run eval [file…] [--json]`: retrieval scores for Dossier and the plain-MiniSearch baseline, side by side. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const files = argv.filter((arg) => arg !== '--json');
  const targets = files.length > 0 ? files.map((file) => resolve(file)) : DEFAULT_FILES.filter((file) => existsSync(file));
  const config = readConfig();
  const library = await openLibrary(config, loggerFor(config, 'warn'));
  const dossier: Retriever = (question) => library.current.index.search({ question, limit: 10 }).hits.map((hit) => hit.passage.text);
  const baseline = await plainMiniSearch(library.dir);
  const report = [];
  for (const file of targets) {
    const questions = await readQuestions(file);
    report.push({ file, questions: questions.length, dossier: score(questions, dossier), baseline: score(questions, baseline) });
  }
  const gold = JSON.parse(await readFile(TIMELINE_GOLD, 'utf8')) as GoldTimeline;
  const { details: _details, ...timeline } = scoreTimeline([...timelineOf(library.current)], gold);
  if (json) {
    process.stdout.write(`${JSON.stringify({ sets: report, timeline }, null, 2)}\n`);
    return;
  }
  for (const set of report) {
    console.log(`\n${set.file} (${set.questions} questions: ${set.dossier.answerable} answerable, ${set.dossier.offTopic} off-topic)`);
    console.log(`${'engine'.padEnd(22)}  R@1    R@3    MRR    abstain`);
    console.log(row('dossier', set.dossier));
    console.log(row('plain MiniSearch', set.baseline));
    if (set.dossier.misses.length > 0) console.log(`dossier misses: ${set.dossier.misses.join(', ')}`);
  }
  console.log(`\n${TIMELINE_GOLD} (${timeline.goldEvents} gold events)`);
  console.log(`timeline: found ${timeline.found}, exact date and precision ${timeline.exactDate}, wrong date ${timeline.wrongDate}, junk ${timeline.junk}, precision ${timeline.precision.toFixed(3)}, recall ${timeline.recall.toFixed(3)}`);
}

await main();
