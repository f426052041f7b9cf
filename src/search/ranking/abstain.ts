import type { Alternative, Group } from '../question/types.ts';
import type { SearchTuning } from '../tuning.ts';

/** Coverage is counted in thousandths when its chance is worked out. */
const STEPS = 1000;

/**
 * When the corpus answers a question at all, and which passages answer enough of it to be shown,
 * judged by the corpus's own statistics rather than by one fixed share.
 *
 * A passage's coverage is the share of the question's topical weight it matches. What coverage
 * means depends on the corpus: where the question's words are common, a passage reaches a high
 * coverage by chance (a story about Baghdad matches "Baghdad" in every other paragraph); where
 * they are rare, even part of them together says the passage is about the question. So for each
 * question the engine works out, from every word's document frequency, the probability that a
 * passage drawn at random reaches a given coverage if its words fell independently, and from it
 * how many of the corpus's passages would reach that coverage by chance. A question is answered
 * when its best passage covers nearly all of it (`sureCoverage`), or covers at least
 * `minCoverage` and a share fewer than `chanceToAnswer` passages would by chance; a passage is
 * shown when it covers enough beside the best (`relativeCoverage`) and a share fewer than
 * `chanceToShow` would by chance. The larger the corpus, the more its common words meet by chance
 * ("league" in one paragraph, "champions" in another, "Baghdad" everywhere), and the more a
 * question must match to be answered.
 */
export interface CoverageThresholds {
  /** The best passage must cover at least this much, or nothing is shown. */
  readonly answer: number;
  /** No passage covering less than this is shown. */
  readonly show: number;
}

/**
 * What a matched alternative says of its group's word, in coverage (`impliesWeight`), except that
 * a broader word stands for nothing when the corpus never writes the word itself (nor another way
 * of writing it): a passage with "vote" speaks of some vote, and of an "election" only in a corpus
 * that speaks of one. Where the corpus has the word, a broader word beside the rest still counts.
 */
export function coverageImplied(group: Group, alternative: Alternative, tuning: SearchTuning): number {
  return group.reference === null && alternative.how === 'broader' ? 0 : tuning.impliesWeight[alternative.how];
}

/** The question's thresholds, from each group's weight and the document frequencies of its alternatives. */
export function coverageThresholds(
  groups: readonly Group[],
  frequency: (term: string) => number,
  passages: number,
  tuning: SearchTuning,
): CoverageThresholds {
  const survival = chanceSurvival(groups, frequency, passages, tuning);
  /** The least coverage fewer than `expected` passages reach by chance. */
  const atMost = (expected: number): number => {
    for (let step = 0; step <= STEPS; step++) if (passages * survival[step]! < expected) return step / STEPS;
    return 1;
  };
  return {
    answer: Math.min(tuning.sureCoverage, Math.max(tuning.minCoverage, atMost(tuning.chanceToAnswer))),
    show: Math.min(tuning.sureCoverage, atMost(tuning.chanceToShow)),
  };
}

/**
 * P(a random passage covers at least s / STEPS of the question), s = 0..STEPS, if the words fell
 * independently: per group, the chance of matching at each level is the share of passages holding
 * an alternative of that level or higher (summed, so overlapping stand-ins err towards chance).
 */
function chanceSurvival(
  groups: readonly Group[],
  frequency: (term: string) => number,
  passages: number,
  tuning: SearchTuning,
): Float64Array {
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  let distribution = new Float64Array(STEPS + 1);
  distribution[0] = 1;
  if (total <= 0 || passages === 0) return cumulative(distribution);
  for (const group of groups) {
    const levels = [...group.alternatives]
      .map((alternative) => ({
        implies: coverageImplied(group, alternative, tuning),
        frequency: frequency(alternative.term),
      }))
      .sort((a, b) => b.implies - a.implies);
    const outcomes: Array<{ steps: number; probability: number }> = [];
    let reached = 0;
    let documents = 0;
    for (let i = 0; i < levels.length; i++) {
      documents += levels[i]!.frequency;
      if (i + 1 < levels.length && levels[i + 1]!.implies === levels[i]!.implies) continue;
      const atLeast = Math.min(1, documents / passages);
      if (atLeast > reached)
        outcomes.push({
          steps: Math.round((levels[i]!.implies * group.weight * STEPS) / total),
          probability: atLeast - reached,
        });
      reached = Math.max(reached, atLeast);
    }
    const next = new Float64Array(STEPS + 1);
    for (let s = 0; s <= STEPS; s++) {
      const p = distribution[s]!;
      if (p === 0) continue;
      next[s]! += p * (1 - reached);
      for (const outcome of outcomes) next[Math.min(STEPS, s + outcome.steps)]! += p * outcome.probability;
    }
    distribution = next;
  }
  return cumulative(distribution);
}

/** Survival from a distribution: at s, the probability of s or more. */
function cumulative(distribution: Float64Array): Float64Array {
  const survival = new Float64Array(STEPS + 1);
  let sum = 0;
  for (let s = STEPS; s >= 0; s--) survival[s] = sum += distribution[s]!;
  return survival;
}

/** The least coverage a passage needs to be shown, given the best passage's. */
export function showableCoverage(topCoverage: number, thresholds: CoverageThresholds, tuning: SearchTuning): number {
  return Math.max(topCoverage * tuning.relativeCoverage, thresholds.show);
}
