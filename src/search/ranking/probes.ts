import type { QueryAlternative } from '../backend.ts';
import type { SearchContext } from '../context.ts';
import type { Group } from '../question/types.ts';
import { coverageImplied } from './abstain.ts';

/** The most a passage matching probe alternatives only (backend.ts) can reach: coverage, and first-pass score. */
export interface ProbeReach {
  readonly coverage: number;
  readonly score: number;
}

/** Which alternatives are read as probes, and what a passage with probes only can reach. */
export interface ProbePlan {
  readonly query: QueryAlternative[][];
  readonly reach: ProbeReach;
  /** Postings the probes spare the backend. */
  readonly saved: number;
}

/** The fewest passages a word must be in to be read as a probe: below it, a word is always read whole. */
function probeFrequency(context: SearchContext): number {
  return Math.max(context.tuning.minProbeFrequency, context.passageCount * context.tuning.minProbeShare);
}

/**
 * Per group, the alternatives too rare ever to be read as probes, as bits (bit a for alternative a):
 * a passage matching one of them is primary whatever the plan, so it may inherit from its article's
 * lede (ranking/rank.ts). None when the tuning inherits nothing from ledes.
 */
export function rareAlternatives(context: SearchContext, groups: readonly Group[]): Uint32Array {
  const rare = new Uint32Array(groups.length);
  if (context.tuning.ledeShare <= 0) return rare;
  const common = probeFrequency(context);
  groups.forEach((group, g) =>
    group.alternatives.forEach((alternative, a) => {
      if (context.frequency(alternative.term) < common) rare[g] = rare[g]! | (1 << a);
    }),
  );
  return rare;
}

/**
 * Which alternatives to read as probes (backend.ts): the commonest words of the question, as
 * long as a passage that has only probe words cannot reach the tuning's probeCoverage. Such a
 * passage right after a primary one is ranked exactly (the backend gives neighbours rows); any
 * other takes its context from probe words too, so it covers and scores at most what the probes
 * can give (`reach`). `rank` checks that it could not be shown, else the question is answered
 * again with fewer probes or none. `limits`: the coverage and the score a probe-only passage must
 * stay under, the share of the strongest word's score bound a probe may have, and which
 * alternatives may be probes at all (a second plan keeps to the first's). Null when probing
 * cannot pay.
 */
export function planProbes(
  context: SearchContext,
  groups: readonly Group[],
  query: ReadonlyArray<readonly QueryAlternative[]>,
  frequencies: readonly number[][],
  limits: {
    readonly coverage: number;
    readonly score: number;
    readonly scoreShare: number;
    readonly only: ReadonlyArray<readonly boolean[]> | null;
  },
): ProbePlan | null {
  const { coverage: coverageBelow, score: below } = limits;
  // No passage can be kept under no coverage at all: read every word.
  if (coverageBelow <= 0) return null;
  const minimum = probeFrequency(context);
  const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
  const common: Array<{ group: number; index: number; frequency: number }> = [];
  frequencies.forEach((list, group) =>
    list.forEach((frequency, index) => frequency >= minimum && common.push({ group, index, frequency })),
  );
  if (common.length === 0) return null;
  const bound = query.map((alternatives) =>
    alternatives.map(
      (alternative) =>
        alternative.weight *
        (alternative.terms.length > 1
          ? new Set(alternative.terms).size *
            alternative.terms.reduce((sum, term) => sum + context.backend.scoreBound(term), 0)
          : context.backend.scoreBound(alternative.terms[0]!)),
    ),
  );
  if (bound.some((list) => list.some((value) => !Number.isFinite(value)))) return null;
  const implies = groups.map((group) =>
    group.alternatives.map((alternative) => coverageImplied(group, alternative, context.tuning)),
  );
  const probe = groups.map((group) => group.alternatives.map(() => false));
  // A word that can score near the question's best is no probe: a passage with it alone may rank.
  const strongest = Math.max(...bound.flat());
  const candidates = common.filter(
    ({ group, index }) =>
      bound[group]![index]! <= limits.scoreShare * strongest && (limits.only?.[group]?.[index] ?? true),
  );
  /** What a passage with probe words only, after one with probe words only, can reach at most: coverage and score. */
  const reach = (): ProbeReach => {
    let covered = 0;
    let score = 0;
    groups.forEach((group, g) => {
      const probed = (values: readonly number[]) => Math.max(0, ...values.filter((_, a) => probe[g]![a]));
      // Its own match or the inherited share of the previous passage's (context < 1): either is a probe's at most.
      covered += probed(implies[g]!) * group.weight;
      score += probed(bound[g]!);
    });
    const coverage = covered / totalWeight;
    return { coverage, score: score * coverage ** context.tuning.coverageExponent };
  };
  // The coverage a probe-only passage can reach is, per group, the most its probes imply: so in
  // a group, once a probe implying x is taken, every common alternative implying no more than x
  // comes free. Choose per group that level (or none) to skip the most postings within the
  // budget: a small knapsack, on coverage counted in thousandths, rounded up to stay a bound.
  const budget = Math.ceil(coverageBelow * 1000) - 1;
  let best: Array<{ saved: number; levels: number[] } | undefined> = [{ saved: 0, levels: [] }];
  groups.forEach((group, g) => {
    const options = [...new Set(candidates.filter((c) => c.group === g).map((c) => implies[g]![c.index]!))].map(
      (level) => ({
        level,
        cost: Math.ceil(((level * group.weight) / totalWeight) * 1000),
        saved: candidates
          .filter((c) => c.group === g && implies[g]![c.index]! <= level)
          .reduce((sum, c) => sum + c.frequency, 0),
      }),
    );
    const next: typeof best = [];
    best.forEach((state, used) => {
      if (!state) return;
      const keep = (at: number, candidate: { saved: number; levels: number[] }) => {
        if (at <= budget && (next[at]?.saved ?? -1) < candidate.saved) next[at] = candidate;
      };
      keep(used, { saved: state.saved, levels: [...state.levels, -1] });
      for (const option of options)
        keep(used + option.cost, { saved: state.saved + option.saved, levels: [...state.levels, option.level] });
    });
    best = next;
  });
  const chosen = best.reduce<{ saved: number; levels: number[] } | undefined>(
    (a, b) => (b && (!a || b.saved > a.saved) ? b : a),
    undefined,
  )!;
  for (const { group, index } of candidates)
    if (implies[group]![index]! <= chosen.levels[group]!) probe[group]![index] = true;
  // A second plan must also keep a probe-only passage's score under `below`: give up the probes
  // that can score most until it does.
  for (const { group, index } of [...candidates].sort(
    (a, b) => bound[b.group]![b.index]! - bound[a.group]![a.index]!,
  )) {
    if (reach().score < below) break;
    probe[group]![index] = false;
  }
  if (reach().coverage >= coverageBelow || reach().score >= below) return null;
  if (!probe.some((list) => list.includes(true))) return null;
  const saved = common.reduce((sum, { group, index, frequency }) => sum + (probe[group]![index] ? frequency : 0), 0);
  return {
    query: query.map((alternatives, g) =>
      alternatives.map((alternative, a) => ({ ...alternative, probe: probe[g]![a]! })),
    ),
    reach: reach(),
    saved,
  };
}
