import type { EvalQuestion } from './questions.ts';

/** How the question files compare text: lower case, curly quotes straight, whitespace runs as one space. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

export interface Scores {
  readonly answerable: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  readonly mrr: number;
  readonly offTopic: number;
  /** Share of off-topic questions that got no passage at all. */
  readonly abstention: number | null;
  readonly misses: readonly string[];
}

/** A retriever answers a question with passage texts, best first. */
export type Retriever = (question: string) => readonly string[];

/**
 * Recall@k: share of answerable questions with a gold snippet in the first k passages; MRR: mean of
 * 1/rank of the first such passage (0 when none of the first 10 has one). Off-topic questions
 * (gold []) count only for abstention.
 */
export function score(questions: readonly EvalQuestion[], retrieve: Retriever): Scores {
  let at1 = 0;
  let at3 = 0;
  let reciprocal = 0;
  let abstained = 0;
  const misses: string[] = [];
  const answerable = questions.filter((q) => q.gold.length > 0);
  const offTopic = questions.filter((q) => q.gold.length === 0);
  for (const question of answerable) {
    const gold = question.gold.map(normalizeForMatch);
    const texts = retrieve(question.question).slice(0, 10).map(normalizeForMatch);
    const rank = texts.findIndex((text) => gold.some((snippet) => text.includes(snippet))) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    else misses.push(question.id);
    if (rank >= 1) reciprocal += 1 / rank;
  }
  for (const question of offTopic) {
    if (retrieve(question.question).length === 0) abstained++;
    else misses.push(question.id);
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    answerable: answerable.length,
    recallAt1: share(at1, answerable.length),
    recallAt3: share(at3, answerable.length),
    mrr: share(reciprocal, answerable.length),
    offTopic: offTopic.length,
    abstention: offTopic.length === 0 ? null : share(abstained, offTopic.length),
    misses,
  };
}
