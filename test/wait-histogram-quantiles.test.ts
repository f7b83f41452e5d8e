import { describe, expect, it } from 'vitest';
import { WaitHistogram } from '../src/stats/wait-histogram.js';

describe('WaitHistogram.quantiles', () => {
  it('finds several quantiles in one walk', () => {
    const h = new WaitHistogram();
    for (let ms = 1; ms <= 100; ms++) h.add(ms);
    for (const ms of [2_500, 40_000, 40_000, 125_000]) h.add(ms);
    // Nearest rank of 104 values, as the walk one quantile at a time gave them.
    expect(h.quantiles([0.01, 0.5, 0.9, 0.95, 0.97, 1])).toEqual([2, 52, 94, 99, 2_498, 124_700]);
  });

  it('gives every quantile of one bucket, and undefined when empty', () => {
    const h = new WaitHistogram();
    expect(h.quantiles([0.5, 0.9])).toEqual([undefined, undefined]);
    for (let i = 0; i < 3; i++) h.add(5);
    expect(h.quantiles([0.5, 0.9, 0.95])).toEqual([5, 5, 5]);
  });
});
