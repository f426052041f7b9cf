import type { Corpus } from '../../corpus/types.ts';
import { analyze, type Term } from '../analyzer.ts';
import { givesAnswer, isCount, type AnswerKind } from '../answerKind.ts';
import type { Retrieval } from '../backend.ts';
import { articleStart, hasBit } from '../bits.ts';
import type { SearchContext } from '../context.ts';
import type { Hit, SearchRequest } from '../engine.ts';
import type { Group } from '../question/types.ts';
import { coverageImplied, showableCoverage, type CoverageThresholds } from './abstain.ts';
import type { ProbeReach } from './probes.ts';
import { proximity } from './proximity.ts';

/** A passage in the final ranking: its retrieval row, passage number, final score and coverage. */
interface Ranked {
  readonly row: number;
  readonly doc: number;
  readonly score: number;
  readonly coverage: number;
}

/**
 * What ranking one retrieval gives: the page of hits; no answer at all (no passage covers enough of
 * the question); or, with probes, word that a probe-only passage might still reach the page, with
 * the score the last candidate reached and the best coverage, for a second plan.
 */
export type Ranking =
  | { readonly hits: Hit[]; readonly more: boolean }
  | { readonly abstained: true }
  | { readonly reached: number; readonly top: number };

/**
 * The ranking proper, over what the backend retrieved. With probes (`probes` says what a
 * passage with probe words only could reach), only primary rows are candidates, and the answer
 * stands only if no probe-only passage could be shown: it covers too little to be eligible, or
 * scores below the first pass's best `take` candidates. Otherwise it says the score the
 * `take`-th candidate reached, for a second plan.
 */
export function rank(
  context: SearchContext,
  request: SearchRequest,
  {
    groups,
    answerKind,
    rareWords,
  }: {
    readonly groups: readonly Group[];
    readonly answerKind: AnswerKind | null;
    /** Per group, the alternatives no plan reads as probes (probes.ts rareAlternatives). */
    readonly rareWords: Uint32Array;
  },
  retrieval: Retrieval,
  probes: ProbeReach | null,
  thresholds: CoverageThresholds,
): Ranking {
  const { tuning } = context;
  const { count, docs, scores, matched, primary, previousRow } = retrieval;
  const width = groups.length;
  const totalWeight = groups.reduce((sum, g) => sum + g.weight, 0);
  // What each alternative implies, flat: group g's alternative a at g × 32 + a; in coverage, and in the coverage that ranks.
  const implies = new Float64Array(width * 32);
  const ranks = new Float64Array(width * 32);
  groups.forEach((group, g) =>
    group.alternatives.forEach((alternative, a) => {
      implies[g * 32 + a] = coverageImplied(group, alternative, tuning);
      ranks[g * 32 + a] = tuning.impliesInRanking[alternative.how] ?? tuning.impliesWeight[alternative.how];
    }),
  );
  const weights = Float64Array.from(groups, (group) => group.weight);
  /** The most any matched alternative of the group implies in `table` (0 when none matched; one bit set is the usual case). */
  const impliedBy = (table: Float64Array, group: number, mask: number): number => {
    if (mask === 0) return 0;
    if ((mask & (mask - 1)) === 0) return table[group * 32 + 31 - Math.clz32(mask)]!;
    let best = 0;
    for (let bits = mask; bits !== 0; bits &= bits - 1) {
      const value = table[group * 32 + 31 - Math.clz32(bits & -bits)]!;
      if (value > best) best = value;
    }
    return best;
  };
  /** A passage's share of a group's weight in `table`: its own match, or an inherited share of its context's. */
  const shareOf = (
    table: Float64Array,
    group: number,
    own: number,
    previous: number,
    inherited: number,
    lede: number,
  ): number =>
    Math.max(
      impliedBy(table, group, matched[own + group]!),
      previous >= 0 ? inherited * impliedBy(table, group, matched[previous * width + group]!) : 0,
      lede >= 0 ? ledeShare * impliedBy(table, group, matched[lede * width + group]!) : 0,
    ) * weights[group]!;

  // Rank by BM25 times coverage (to a power): a passage that speaks of more of the question comes first.
  // A paragraph goes on about what the one before it named ("he said", "the two officials"), and
  // about what its article's lede named: it inherits a share of their matches, never more than its own.
  // One that opens by referring back ("He added…", "The two officials…") is about what it names more surely.
  const share = tuning.contextShare;
  const passages = context.corpus.passages;
  const continues = context.continues;
  // A paragraph inherits from its article's lede when it matched a word no probe can be (too rare
  // to be one) itself: so a backend that reads probes gives every such passage's lede its row, and
  // a passage with probe words only, which inherits nothing, stays under its probes' reach.
  const ledeShare = tuning.ledeShare;
  /** The row of the first paragraph of the passage's article, when the passage matched a rare word and its lede matched. */
  const ledeRowOf = (row: number, doc: number): number => {
    let rare = false;
    for (let group = 0; group < width && !rare; group++)
      rare = (matched[row * width + group]! & rareWords[group]!) !== 0;
    return rare && hasBit(continues, doc) ? retrieval.rowOf(articleStart(continues, doc)) : -1;
  };
  const { rankScore, coverageOf, candidate, eligibleRows } = context.scratch.forRows(count);
  let top = 0;
  // With probes, a row is a candidate when its passage matched a non-probe alternative, or
  // matched a probe right after such a passage (whose row it reads); other rows are context.
  for (let row = 0; row < count; row++) {
    candidate[row] = 0;
    // A neighbour's row that matched nothing is context only (most are): skip it before any lookup.
    if (primary[row] === 0 && !matchedAny(matched, row, width)) continue;
    const doc = docs[row]!;
    const previous = previousRow ? previousRow[row]! : hasBit(continues, doc) ? retrieval.rowOf(doc - 1) : -1;
    if (primary[row] === 0 && !(previous >= 0 && primary[previous] === 1)) continue;
    candidate[row] = 1;
    let score = 0;
    let covered = 0;
    let ranked = 0;
    const base = row * width;
    const lede = ledeShare > 0 ? ledeRowOf(row, doc) : -1;
    if (previous < 0 && lede < 0) {
      for (let group = 0; group < width; group++) {
        score += scores[base + group]!;
        covered += impliedBy(implies, group, matched[base + group]!) * weights[group]!;
        ranked += impliedBy(ranks, group, matched[base + group]!) * weights[group]!;
      }
    } else {
      // Each context row's share of a group, or nothing where there is no such row.
      const before = previous * width;
      const first = lede * width;
      const inherited = context.refersBack(doc) ? tuning.referringShare : share;
      for (let group = 0; group < width; group++) {
        score += Math.max(
          scores[base + group]!,
          previous >= 0 ? inherited * scores[before + group]! : 0,
          lede >= 0 ? ledeShare * scores[first + group]! : 0,
        );
        covered += shareOf(implies, group, base, previous, inherited, lede);
        ranked += shareOf(ranks, group, base, previous, inherited, lede);
      }
    }
    const coverage = covered / totalWeight;
    rankScore[row] = score * (ranked / totalWeight) ** tuning.coverageExponent;
    coverageOf[row] = coverage;
    if (coverage > top) top = coverage;
  }
  if (top < thresholds.answer) return { abstained: true };

  // Only the best candidates are ranked in full: the first `rescoreCandidates` get a proximity
  // boost (which only raises a score), so the final order's first k passages are always the
  // first pass's best k (k ≥ rescoreCandidates). Take enough for the page after folding
  // duplicates, and more only when folding left too few.
  const threshold = showableCoverage(top, thresholds, tuning);
  let eligibleCount = 0;
  for (let row = 0; row < count; row++)
    if (candidate[row] === 1 && coverageOf[row]! >= threshold) eligibleRows[eligibleCount++] = row;
  const eligible = eligibleRows.subarray(0, eligibleCount);
  // A probe-only passage without a row covers less than the answer threshold (planProbes), so `top` is exact; it may still be eligible.
  const probeOnlyEligible = probes !== null && probes.coverage >= threshold;
  const offset = request.offset ?? 0;
  const wanted = offset + request.limit + 1;
  const analyzed = new Map<number, Term[]>();
  /** The passage's terms, read once per ranking for proximity and the count. */
  const termsOf = (row: number): Term[] => {
    let terms = analyzed.get(row);
    if (!terms) {
      context.counters.reread++;
      analyzed.set(row, (terms = analyze(passages[docs[row]!]!.text)));
    }
    return terms;
  };
  const boosted = new Map<number, { boost: number; positions: number[] }>();
  const boostOf = (row: number): { boost: number; positions: number[] } => {
    let proximityOf = boosted.get(row);
    if (!proximityOf)
      boosted.set(
        row,
        (proximityOf = proximity(termsOf(row), matchedTerms(groups, matched, row, width), tuning.proximityWeight)),
      );
    return proximityOf;
  };
  // "How many troops": a number beside the troops answers it, one elsewhere ("its two major allies") hardly.
  const countedTerms = answerKind === 'quantity' ? countedTermsOf(groups) : null;
  /** 1 + answerKindWeight (reasonWeight for a reason) for a passage giving the kind of answer the question asks for, else 1. */
  const answerBoost = (row: number): number => {
    if (answerKind === null || !givesAnswer(answerKind, passages[docs[row]!]!.text)) return 1;
    if (answerKind === 'reason') return 1 + tuning.reasonWeight;
    if (countedTerms && !countsBeside(termsOf(row), countedTerms))
      return 1 + tuning.uncountedShare * tuning.answerKindWeight;
    return 1 + tuning.answerKindWeight;
  };
  /** Groups the passage matched itself: the proximity boost is below 1 + weight × (n − 1) / n, and exactly 1 under two. */
  const groupsMatched = (row: number): number => {
    let n = 0;
    for (let group = 0; group < width; group++) if (matched[row * width + group] !== 0) n++;
    return n;
  };
  const byScore = (a: Ranked, b: Ranked): number => b.score - a.score || a.doc - b.doc;
  for (let take = Math.max(tuning.rescoreCandidates, wanted); ; take *= 2) {
    const best = bestRows(eligible, take, rankScore, docs);
    // A passage with probe words only would rank after all of these only if it scores less than the last.
    if (probeOnlyEligible && (best.length < take || rankScore[best[take - 1]!]! <= probes.score))
      return { reached: best.length < take ? Number.NEGATIVE_INFINITY : rankScore[best[take - 1]!]!, top };

    // The first `rescoreCandidates` get their boosts for proximity and the kind of answer, but
    // the passages are re-read (analyzed) only while proximity could matter: a candidate whose
    // score times its largest possible boost stays below the last passage the page needs cannot
    // reach the page, and is left without it.
    const known: Ranked[] = [];
    const pending: Array<{ row: number; rank: number; bound: number }> = [];
    best.forEach((row, rank) => {
      const doc = docs[row]!;
      const entry = { row, doc, score: rankScore[row]!, coverage: coverageOf[row]! };
      if (rank >= tuning.rescoreCandidates) {
        known.push(entry);
        return;
      }
      const score = entry.score * answerBoost(row);
      if (boosted.has(row)) known.push({ ...entry, score: score * boosted.get(row)!.boost });
      else {
        const n = groupsMatched(row);
        if (n < 2) known.push({ ...entry, score });
        else pending.push({ row, rank, bound: score * (1 + (tuning.proximityWeight * (n - 1)) / n) });
      }
    });
    let folded: Ranked[];
    for (;;) {
      known.sort(byScore);
      folded = fold(context.corpus, known);
      // The score of the last passage the page needs (with folding), if the known ones reach it.
      const needed = folded.length >= wanted ? folded[wanted - 1]!.score : Number.NEGATIVE_INFINITY;
      const reread = pending.filter((p) => p.bound >= needed);
      if (reread.length === 0) break;
      for (const p of reread) {
        known.push({
          row: p.row,
          doc: docs[p.row]!,
          score: rankScore[p.row]! * answerBoost(p.row) * boostOf(p.row).boost,
          coverage: coverageOf[p.row]!,
        });
        pending.splice(pending.indexOf(p), 1);
      }
    }
    if (folded.length < wanted && best.length < eligible.length) continue;

    const rankOf = new Map(best.map((row, rank) => [row, rank]));
    const hits = folded.slice(offset, offset + request.limit).map((c): Hit => {
      const passage = passages[c.doc]!;
      const positions = rankOf.get(c.row)! < tuning.rescoreCandidates ? boostOf(c.row).positions : [];
      return {
        passage,
        score: Math.round(c.score * 1000) / 1000,
        alsoIn: context.corpus.alsoIn.get(passage.id) ?? [],
        coverage: c.coverage,
        matchedPositions: positions,
      };
    });
    return { hits, more: folded.length > offset + request.limit };
  }
}

/** Words apart within which a number counts the thing asked about ("troop presence would drop from 5,200"). */
const COUNT_WINDOW = 6;

/** The terms that name the thing a "how many" question counts, as itself or a stand-in WordNet gives (not a word merely used alike), or null. */
function countedTermsOf(groups: readonly Group[]): Set<string> | null {
  const group = groups.find((g) => g.counted);
  if (!group) return null;
  return new Set(group.alternatives.filter((a) => a.how !== 'near').flatMap((a) => a.term.split(' ')));
}

/** Whether a number stands within COUNT_WINDOW words of one of the terms. */
function countsBeside(terms: readonly Term[], counted: ReadonlySet<string>): boolean {
  const at = terms.filter((t) => counted.has(t.term)).map((t) => t.position);
  return terms.some((t) => isCount(t.word) && at.some((position) => Math.abs(position - t.position) <= COUNT_WINDOW));
}

/** Near-identical paragraphs from several outlets are one result: the best-ranked stands for its group. */
function fold(corpus: Corpus, ranked: readonly Ranked[]): Ranked[] {
  const shownGroups = new Set<string>();
  return ranked.filter((c) => {
    const group = corpus.duplicateGroup.get(corpus.passages[c.doc]!.id);
    if (group === undefined) return true;
    if (shownGroups.has(group)) return false;
    shownGroups.add(group);
    return true;
  });
}

/** Matched term -> index of the group it stands for, for one retrieved passage. */
function matchedTerms(groups: readonly Group[], matched: Uint32Array, row: number, width: number): Map<string, number> {
  const terms = new Map<string, number>();
  groups.forEach((group, index) => {
    for (let bits = matched[row * width + index]!; bits !== 0; bits &= bits - 1) {
      for (const term of group.alternatives[31 - Math.clz32(bits & -bits)]!.term.split(' ')) terms.set(term, index);
    }
  });
  return terms;
}

function matchedAny(matched: Uint32Array, row: number, width: number): boolean {
  for (let cell = row * width; cell < (row + 1) * width; cell++) if (matched[cell] !== 0) return true;
  return false;
}

/**
 * The `take` best rows by score (then passage number), best first: a bounded heap over the
 * eligible rows, so a question matching half a million passages does not sort them all.
 */
function bestRows(eligible: Int32Array, take: number, score: Float64Array, docs: Int32Array): number[] {
  const before = (a: number, b: number): boolean =>
    score[a]! > score[b]! || (score[a] === score[b] && docs[a]! < docs[b]!);
  if (eligible.length <= take) return Array.from(eligible).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  // A min-heap of the best so far: its root is the worst of them.
  const heap: number[] = [];
  const down = (from: number): void => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && before(heap[worst]!, heap[left]!)) worst = left;
      if (right < heap.length && before(heap[worst]!, heap[right]!)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  };
  for (const row of eligible) {
    if (heap.length < take) {
      heap.push(row);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (before(row, heap[0]!)) {
      heap[0] = row;
      down(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}
