import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../src/index.js';

const take = (rng: SeededRandom, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(take(new SeededRandom(42), 200)).toEqual(take(new SeededRandom(42), 200));
    expect(take(new SeededRandom(0), 50)).toEqual(take(new SeededRandom(0), 50));
  });

  it('uses seed 1 by default', () => {
    expect(take(new SeededRandom(), 20)).toEqual(take(new SeededRandom(1), 20));
  });

  it('gives different sequences for different seeds', () => {
    const firsts = new Set<string>();
    for (let seed = 0; seed < 100; seed++) firsts.add(JSON.stringify(take(new SeededRandom(seed), 4)));
    expect(firsts.size).toBe(100);
    expect(take(new SeededRandom(1), 10)).not.toEqual(take(new SeededRandom(2), 10));
    expect(take(new SeededRandom(-1), 10)).not.toEqual(take(new SeededRandom(1), 10));
  });

  it('uses only the integer part of the seed', () => {
    expect(take(new SeededRandom(7.9), 10)).toEqual(take(new SeededRandom(7), 10));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const rng = new SeededRandom(123);
    const n = 100_000;
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
      const decile = Math.floor(x * 10);
      deciles[decile] = (deciles[decile] ?? 0) + 1;
    }
    expect(outOfRange).toBe(0);
    expect(sum / n).toBeGreaterThan(0.49);
    expect(sum / n).toBeLessThan(0.51);
    for (const count of deciles) {
      expect(count / n).toBeGreaterThan(0.09);
      expect(count / n).toBeLessThan(0.11);
    }
  });

  it('does not get stuck on a seed of 0', () => {
    const values = take(new SeededRandom(0), 1_000);
    expect(new Set(values).size).toBe(1_000);
  });

  it('nextInt(n) gives every integer in [0, n) and nothing else', () => {
    const rng = new SeededRandom(9);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) {
      const k = rng.nextInt(7);
      expect(Number.isInteger(k)).toBe(true);
      seen.add(k);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
