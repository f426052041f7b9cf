/**
 * Per-question arrays, one slot per retrieved row, reused from question to question: questions on
 * one index are answered one at a time (`SearchIndex` queues them), so one set per index suffices.
 */
export class RankScratch {
  rankScore = new Float64Array(0);
  coverageOf = new Float64Array(0);
  candidate = new Uint8Array(0);
  eligibleRows = new Int32Array(0);

  /** The arrays, with room for `count` rows. */
  forRows(count: number): this {
    if (this.rankScore.length < count) {
      const size = Math.max(count, this.rankScore.length * 2, 1024);
      this.rankScore = new Float64Array(size);
      this.coverageOf = new Float64Array(size);
      this.candidate = new Uint8Array(size);
      this.eligibleRows = new Int32Array(size);
    }
    return this;
  }
}
