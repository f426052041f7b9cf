import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/load.ts';
import { readQuestions } from '../src/eval/questions.ts';
import { findStories } from '../src/eval/stories.ts';
import { SearchIndex } from '../src/search/engine.ts';
import { LOAD_OPTIONS } from './support/corpus.ts';

/**
 * What the engine answers today, pinned: for every question file, each question's first five
 * passage ids with their scores (3 decimals), or that it abstained, and the words it corrected or
 * could not read. A change to ranking shows here exactly which answers it moved; when the move is
 * meant, rerun with `npx vitest run -u test/search-golden.test.ts` and read the diff before committing.
 */
/** One golden file per question file: a story's own, and the shared set over the seed's articles. */
function questionSets(): Array<{ name: string; corpus: string; questions: string }> {
  return findStories().flatMap((story) =>
    story.questionFiles.map((questions, i) => ({
      name: i === 0 ? story.name : `${story.name}-${basename(dirname(dirname(questions)))}`,
      corpus: story.corpusDir,
      questions,
    })),
  );
}

describe('search answers, pinned', () => {
  it.each(questionSets())('$name', async ({ name, corpus, questions }) => {
    const index = SearchIndex.build(await loadCorpus(corpus, LOAD_OPTIONS));
    const answers = [];
    for (const { id, question } of await readQuestions(questions)) {
      const result = await index.search({ question, limit: 5 });
      answers.push({
        id,
        hits: result.hits.map((hit) => `${hit.passage.id} ${hit.score.toFixed(3)}`),
        ...(result.corrections.length > 0 ? { corrections: result.corrections.map((c) => `${c.from}->${c.to}`) } : {}),
        ...(result.unknownWords.length > 0 ? { unknown: result.unknownWords } : {}),
      });
    }
    await expect(`${JSON.stringify(answers, null, 1)}\n`).toMatchFileSnapshot(join('golden', `${basename(name)}.json`));
  });
});
