import type { SearchTuning } from '../tuning.ts';

/**
 * When the corpus does not answer a question: no passage covers enough of the question's topical
 * weight. And when a passage, though matched, answers too little beside the best to be shown.
 */
export function answersAtAll(topCoverage: number, tuning: SearchTuning): boolean {
  return topCoverage >= tuning.minCoverage;
}

/** The least coverage a passage needs to be shown, given the best passage's. */
export function showableCoverage(topCoverage: number, tuning: SearchTuning): number {
  return topCoverage * tuning.relativeCoverage;
}
