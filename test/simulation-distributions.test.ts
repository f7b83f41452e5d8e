import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/index.js';
import { meanOf, samplerOf, type DistributionSpec } from '../src/simulation/distributions.js';
import { estimate, tQuantile975 } from '../src/simulation/estimates.js';

const N = 100_000;

function moments(spec: DistributionSpec, seed = 5): { mean: number; variance: number; min: number } {
  const rng = new SeededRandom(seed);
  const sample = samplerOf(spec);
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  for (let i = 0; i < N; i++) {
    const x = sample(rng);
    sum += x;
    sq += x * x;
    min = Math.min(min, x);
  }
  const mean = sum / N;
  return { mean, variance: sq / N - mean * mean, min };
}

describe('distributions', () => {
  it.each<[DistributionSpec, number]>([
    [{ type: 'exponential', mean: 180 }, 180 ** 2],
    [{ type: 'deterministic', value: 42 }, 0],
    [{ type: 'uniform', min: 10, max: 70 }, 60 ** 2 / 12],
    [{ type: 'lognormal', mean: 200, sd: 120 }, 120 ** 2],
    [{ type: 'gamma', shape: 2.5, mean: 100 }, 100 ** 2 / 2.5],
    [{ type: 'gamma', shape: 0.5, mean: 100 }, 100 ** 2 / 0.5],
    [{ type: 'erlang', k: 3, mean: 90 }, 90 ** 2 / 3],
    [{ type: 'empirical', values: [10, 20, 60], weights: [1, 2, 1] }, (100 + 2 * 400 + 3600) / 4 - 27.5 ** 2],
  ])('%o has its mean and variance (100,000 draws)', (spec, variance) => {
    const m = moments(spec);
    const sdOfMean = Math.sqrt(variance / N);
    expect(Math.abs(m.mean - meanOf(spec))).toBeLessThanOrEqual(4 * sdOfMean + 1e-9);
    expect(m.variance).toBeGreaterThanOrEqual(variance * 0.95 - 1e-9);
    expect(m.variance).toBeLessThanOrEqual(variance * 1.05 + 1e-9);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('empirical draws only its values, in proportion to the weights', () => {
    const rng = new SeededRandom(9);
    const sample = samplerOf({ type: 'empirical', values: [1, 2, 3], weights: [0, 3, 1] });
    const counts = new Map<number, number>();
    for (let i = 0; i < 40_000; i++) {
      const x = sample(rng);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect(counts.has(1)).toBe(false);
    expect((counts.get(2) ?? 0) / 40_000).toBeCloseTo(0.75, 1);
  });
});

describe('confidence intervals', () => {
  it('uses Student t quantiles (tabled, then Cornish–Fisher)', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(9)).toBeCloseTo(2.2622, 4);
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 4);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 4);
  });

  it('skips missing values and has an unbounded interval from one value', () => {
    expect(estimate([null, null])).toBeNull();
    expect(estimate([3, null])).toEqual({ mean: 3, halfWidth: Infinity, low: -Infinity, high: Infinity, n: 1 });
    const e = estimate([1, 2, 3, 4]);
    expect(e?.mean).toBe(2.5);
    expect(e?.halfWidth).toBeCloseTo((3.182446305 * Math.sqrt(5 / 3)) / 2, 12);
  });
});
