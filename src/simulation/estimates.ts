/** A quantity estimated from independent replications, with its 95 % confidence interval. */
export interface Estimate {
  /** Mean over the replications that had a value. */
  readonly mean: number;
  /** Half-width of the 95 % confidence interval (Student's t); `Infinity` with one replication, 0 when all agree. */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
  /** Replications that had a value (a share with nothing to count has none). */
  readonly n: number;
}

/** 97.5 % quantiles of Student's t for 1 to 30 degrees of freedom. */
const T_975 = [
  12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163,
  2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.100922040,
  2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516,
  2.048407142, 2.045229642, 2.042272456,
];

/**
 * The 97.5 % quantile of Student's t with `df` degrees of freedom: tabled to 30, then the
 * Cornish–Fisher expansion around the normal quantile (error below 1e-5 beyond 30).
 */
export function tQuantile975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T_975[Math.floor(df) - 1] as number;
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** Mean and 95 % confidence interval of the values that are not `null`; `null` when none are. */
export function estimate(values: ReadonlyArray<number | null>): Estimate | null {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((sum, x) => sum + x, 0) / n;
  if (n === 1) return { mean, halfWidth: Infinity, low: -Infinity, high: Infinity, n };
  const variance = xs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, n };
}
