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
 * the true one. Memory grows with the spread of values, not their count: about 1,000 buckets for
 * 1 s and 1,400 more up to a day. Deterministic, so the live figures and a replay of the audit
 * log agree exactly.
 */
export class WaitHistogram {
  readonly #counts = new Map<number, number>();
  #total = 0;

  get count(): number {
    return this.#total;
  }

  add(valueMs: number): void {
    const bucket = bucketOf(Math.max(0, valueMs));
    this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + 1);
    this.#total++;
  }

  /** Adds another histogram's counts (for the whole center, from its queues). */
  merge(other: WaitHistogram): void {
    for (const [bucket, count] of other.#counts) this.#counts.set(bucket, (this.#counts.get(bucket) ?? 0) + count);
    this.#total += other.#total;
  }

  clear(): void {
    this.#counts.clear();
    this.#total = 0;
  }

  /**
   * The value below which a share `q` (0 < q ≤ 1) of the values fall (nearest rank, reported as
   * its bucket's lower bound); `undefined` when empty.
   */
  quantile(q: number): number | undefined {
    if (this.#total === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.#total));
    const buckets = [...this.#counts.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const bucket of buckets) {
      seen += this.#counts.get(bucket) as number;
      if (seen >= rank) return lowerBound(bucket);
    }
    return lowerBound(buckets[buckets.length - 1] as number);
  }
}
