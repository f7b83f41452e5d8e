/** Values below this many ms get a bucket each (exact). */
const LINEAR_MS = 1_000;
/** Above `LINEAR_MS`, each bucket is this much wider than the one before: quantiles within 1 %. */
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);

/** The bucket of a value: exact below 1 s, then geometric. */
function bucketOf(valueMs: number): number {
  if (valueMs < LINEAR_MS) return Math.floor(valueMs);
  return LINEAR_MS + Math.floor(Math.log(valueMs / LINEAR_MS) / LOG_GROWTH);
}

/** The smallest value of a bucket: what a quantile in it reports. */
function lowerBound(bucket: number): number {
  if (bucket < LINEAR_MS) return bucket;
  return Math.round(LINEAR_MS * GROWTH ** (bucket - LINEAR_MS));
}

/**
 * A bounded-memory histogram of waiting times for quantiles (p50, p90, p95). Exact to the
 * millisecond below 1 s; above, buckets grow by 1 %, so a reported quantile is at most 1 % below
 * the true one. Memory grows with the largest value, not the count: an array of about 1,000
 * buckets for 1 s and 1,400 more up to a day (a few KiB). Deterministic, so the live figures and
 * a replay of the audit log agree exactly.
 */
export class WaitHistogram {
  /** Count per bucket, by bucket number (an array, not a map: a bucket is a small integer). */
  #counts: number[] = [];
  #total = 0;

  get count(): number {
    return this.#total;
  }

  add(valueMs: number): void {
    const bucket = bucketOf(Math.max(0, valueMs));
    const counts = this.#counts;
    while (counts.length <= bucket) counts.push(0);
    counts[bucket] = (counts[bucket] as number) + 1;
    this.#total++;
  }

  /** Adds another histogram's counts (for the whole center, from its queues). */
  merge(other: WaitHistogram): void {
    const counts = this.#counts;
    const theirs = other.#counts;
    while (counts.length < theirs.length) counts.push(0);
    for (let bucket = 0; bucket < theirs.length; bucket++) counts[bucket] = (counts[bucket] as number) + (theirs[bucket] as number);
    this.#total += other.#total;
  }

  clear(): void {
    this.#counts = [];
    this.#total = 0;
  }

  /**
   * The value below which a share `q` (0 < q ≤ 1) of the values fall (nearest rank, reported as
   * its bucket's lower bound); `undefined` when empty.
   */
  quantile(q: number): number | undefined {
    if (this.#total === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.#total));
    const counts = this.#counts;
    let seen = 0;
    let last = 0;
    for (let bucket = 0; bucket < counts.length; bucket++) {
      const count = counts[bucket] as number;
      if (count === 0) continue;
      seen += count;
      last = bucket;
      if (seen >= rank) return lowerBound(bucket);
    }
    return lowerBound(last);
  }
}
