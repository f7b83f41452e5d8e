import type { Random } from '../random/random.js';

/**
 * A distribution of durations (handle time, wrap-up, patience, answer delay), in ms once the
 * scenario is parsed. Means and spreads are of the duration itself.
 */
export type DistributionSpec =
  | { readonly type: 'exponential'; readonly mean: number }
  | { readonly type: 'deterministic'; readonly value: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  /** Lognormal with this mean and standard deviation (of the duration, not of its log). */
  | { readonly type: 'lognormal'; readonly mean: number; readonly sd: number }
  /** Gamma with this shape and mean; a whole `shape` k is Erlang-k. */
  | { readonly type: 'gamma'; readonly shape: number; readonly mean: number }
  /** Erlang-k: the sum of k exponential phases, with this mean. */
  | { readonly type: 'erlang'; readonly k: number; readonly mean: number }
  /** One of `values`, with probabilities proportional to `weights` (equal by default). */
  | { readonly type: 'empirical'; readonly values: readonly number[]; readonly weights?: readonly number[] | undefined };

/** Draws one duration, ms (≥ 0), from a random source. */
export type Sampler = (rng: Random) => number;

/** Exp(1) by inversion; `1 - u` keeps the argument of the log in (0, 1]. */
const unitExponential = (rng: Random): number => -Math.log(1 - rng.next());

/** A standard normal (Box–Muller; one of the pair is used so each draw costs the same numbers). */
function standardNormal(rng: Random): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 by the boost Gamma(a + 1) · U^(1/a). */
function unitGamma(rng: Random, shape: number): number {
  if (shape < 1) return unitGamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** The mean of a distribution, ms. */
export function meanOf(spec: DistributionSpec): number {
  switch (spec.type) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return spec.mean;
    case 'deterministic':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'empirical': {
      const weights = spec.weights ?? spec.values.map(() => 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      return spec.values.reduce((sum, value, i) => sum + (value * (weights[i] as number)) / total, 0);
    }
  }
}

/** A sampler for a (validated) distribution. */
export function samplerOf(spec: DistributionSpec): Sampler {
  switch (spec.type) {
    case 'exponential': {
      const mean = spec.mean;
      return (rng) => unitExponential(rng) * mean;
    }
    case 'deterministic': {
      const value = spec.value;
      return () => value;
    }
    case 'uniform': {
      const { min, max } = spec;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'lognormal': {
      // If X = e^(mu + sigma Z): E[X] = e^(mu + sigma²/2), Var[X] = (e^(sigma²) − 1) E[X]².
      const sigma2 = Math.log(1 + (spec.sd / spec.mean) ** 2);
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return (rng) => Math.exp(mu + sigma * standardNormal(rng));
    }
    case 'gamma': {
      const { shape } = spec;
      const scale = spec.mean / shape;
      return (rng) => unitGamma(rng, shape) * scale;
    }
    case 'erlang': {
      const { k } = spec;
      const phaseMean = spec.mean / k;
      return (rng) => {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += unitExponential(rng);
        return sum * phaseMean;
      };
    }
    case 'empirical': {
      const values = spec.values;
      const weights = spec.weights ?? values.map(() => 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      const cumulative: number[] = [];
      let running = 0;
      for (const w of weights) cumulative.push((running += w / total));
      const last = values.length - 1;
      return (rng) => {
        const u = rng.next();
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (u < (cumulative[mid] as number)) hi = mid;
          else lo = mid + 1;
        }
        return values[lo] as number;
      };
    }
  }
}
