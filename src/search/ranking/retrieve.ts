import type { AnswerKind } from '../answerKind.ts';
import type { PassageFilter, QueryAlternative, Retrieval } from '../backend.ts';
import type { SearchContext } from '../context.ts';
import type { SearchRequest } from '../engine.ts';
import type { Group } from '../question/types.ts';
import { showableCoverage, type CoverageThresholds } from './abstain.ts';
import { planProbes, rareAlternatives } from './probes.ts';
import { buildQuery } from './query.ts';
import { rank, type Ranking } from './rank.ts';

/**
 * Candidates a search server capping its results returns at least (see RetrievalQuery.k): its
 * first thousand by score, as docs/scaling.md sizes it.
 */
const RETRIEVE_AT_LEAST = 1000;

/**
 * Retrieves candidates for the question's groups and ranks them. With probes first; if a
 * probe-only passage might still reach the page, once more with fewer probes; else without. Each
 * try after the first goes on from the one before (`extend`): a probe read whole now was scored
 * where it mattered already.
 */
export async function retrieveAndRank(
  context: SearchContext,
  request: SearchRequest,
  groups: readonly Group[],
  thresholds: CoverageThresholds,
  answerKind: AnswerKind | null,
): Promise<Exclude<Ranking, { reached: number }>> {
  const { tuning, backend, counters } = context;
  const filter: PassageFilter | null =
    request.from || request.to || request.sourceId
      ? { from: request.from ?? null, to: request.to ?? null, sourceId: request.sourceId ?? null }
      : null;
  const { query, frequencies } = await buildQuery(context, groups, filter);
  const rareWords = rareAlternatives(context, groups);
  // A passage with probe words only must never cover enough to answer the question: then the best
  // passage retrieved is the best there is, and whether to answer is decided exactly.
  const probeCoverage = Math.min(tuning.probeCoverage, thresholds.answer);
  let plan = planProbes(context, groups, query, frequencies, {
    coverage: probeCoverage,
    score: Number.POSITIVE_INFINITY,
    scoreShare: tuning.probeScoreShare,
    only: null,
  });
  let retrieved = false;
  // The candidates a capped backend must return at least: the page, or the candidates re-scored for proximity.
  const k = Math.max(RETRIEVE_AT_LEAST, (request.offset ?? 0) + request.limit + 1);
  const retrieve = (alternatives: QueryAlternative[][]): Promise<Retrieval> => {
    // Neighbours matter only with probes, and to go on from a try that had them.
    const next = {
      groups: alternatives,
      filter,
      k,
      withNeighbours: retrieved || alternatives.some((list) => list.some((alternative) => alternative.probe)),
    };
    const retrieval = retrieved && backend.extend ? backend.extend(next) : backend.retrieve(next);
    retrieved = true;
    return retrieval;
  };
  if (plan) counters.probed++;
  for (let attempt = 0; plan; attempt++) {
    const ranked = rank(
      context,
      request,
      { groups, answerKind, rareWords },
      await retrieve(plan.query),
      plan.reach,
      thresholds,
    );
    if (!('reached' in ranked)) return ranked;
    if (attempt > 0) {
      counters.fellBack++;
      break;
    }
    counters.retried++;
    // The second plan keeps only probes of the first, and either keeps probe-only passages
    // under the coverage bar the first try found (then it cannot fail) or under the score it
    // reached; whichever skips more.
    const only = plan.query.map((alternatives) => alternatives.map((alternative) => alternative.probe === true));
    const safe = planProbes(context, groups, query, frequencies, {
      coverage: showableCoverage(ranked.top, thresholds, tuning),
      score: Number.POSITIVE_INFINITY,
      scoreShare: 1,
      only,
    });
    const scored = planProbes(context, groups, query, frequencies, {
      coverage: probeCoverage,
      score: ranked.reached,
      scoreShare: 1,
      only,
    });
    plan = !scored || (safe && safe.saved >= scored.saved) ? safe : scored;
    if (!plan) counters.fellBack++;
  }
  const ranked = rank(
    context,
    request,
    { groups, answerKind, rareWords },
    await retrieve(query.map((alternatives) => [...alternatives])),
    null,
    thresholds,
  );
  // Without probes every candidate has its row: the ranking is final.
  return 'reached' in ranked ? { abstained: true } : ranked;
}
