import { runCommand } from '../../src/app/commands.ts';
import type { Library } from '../../src/library.ts';

/** What a library answers to each question, as passage ids and scores: compared before and after a reload. */
export async function answersOf(
  library: Library,
  questions: readonly string[],
): Promise<Array<Array<[string, number]>>> {
  const all: Array<Array<[string, number]>> = [];
  for (const question of questions) {
    const result = await runCommand('ask', { question }, { library, invoker: { via: 'cli', isModerator: false } });
    if (result.kind !== 'ask') throw new Error('not an ask result');
    all.push(result.search.hits.map((hit) => [hit.passage.id, hit.score]));
  }
  return all;
}
