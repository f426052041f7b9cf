import { normalizeForMatch } from '../text/match.ts';
import type { EvalQuestion } from './questions.ts';

export interface Scores {
  readonly answerable: number;
  readonly recallAt1: number;
  readonly recallAt3: number;
  /** Mean of 1/rank of the first passage with a gold snippet, 0 when none of the first five has one. */
  readonly mrrAt5: number;
  /** Answerable questions that got no passage at all. */
  readonly empty: number;
  readonly offTopic: number;
  /** Off-topic questions that got a passage (the right answer is none). */
  readonly offTopicAnswered: number;
  /** Share of off-topic questions that got no passage at all. */
  readonly abstention: number | null;
  /** Answerable questions without a gold passage in the first three, and off-topic ones answered. */
  readonly misses: readonly Miss[];
}

/** A question the engine got wrong, and how: for reading (`npm run eval -- --details`). */
export interface Miss {
  readonly question: EvalQuestion;
  /** Where the first gold passage came, 1-5, or 0: not in the first five (none at all when `empty`). */
  readonly rank: number;
  /** Whether any passage was given (for an off-topic question, that is the miss). */
  readonly empty: boolean;
}

/** A retriever answers a question with passage texts, best first. */
export type Retriever = (question: string) => readonly string[] | Promise<readonly string[]>;

/**
 * Recall@k: share of answerable questions with a gold snippet in the first k passages; MRR@5.
 * Off-topic questions (gold []) count only for abstention.
 */
export async function score(questions: readonly EvalQuestion[], retrieve: Retriever): Promise<Scores> {
  let at1 = 0;
  let at3 = 0;
  let reciprocal = 0;
  let empty = 0;
  let answered = 0;
  const misses: Miss[] = [];
  const answerable = questions.filter((q) => q.gold.length > 0);
  const offTopic = questions.filter((q) => q.gold.length === 0);
  for (const question of answerable) {
    const gold = question.gold.map(normalizeForMatch);
    const found = await retrieve(question.question);
    if (found.length === 0) empty++;
    const texts = found.slice(0, 5).map(normalizeForMatch);
    const rank = texts.findIndex((text) => gold.some((snippet) => text.includes(snippet))) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    else misses.push({ question, rank: Math.max(rank, 0), empty: found.length === 0 });
    if (rank >= 1) reciprocal += 1 / rank;
  }
  for (const question of offTopic) {
    if ((await retrieve(question.question)).length === 0) continue;
    answered++;
    misses.push({ question, rank: 0, empty: false });
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    answerable: answerable.length,
    recallAt1: share(at1, answerable.length),
    recallAt3: share(at3, answerable.length),
    mrrAt5: share(reciprocal, answerable.length),
    empty,
    offTopic: offTopic.length,
    offTopicAnswered: answered,
    abstention: offTopic.length === 0 ? null : share(offTopic.length - answered, offTopic.length),
    misses,
  };
}
