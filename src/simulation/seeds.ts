/**
 * A 32-bit seed for one random stream, mixed from the scenario seed and the stream's coordinates
 * (replication, purpose, index): streams are independent of each other and of how many numbers
 * the others draw, so the same arrivals come whatever the routing does (common random numbers).
 */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
  let h = (seed >>> 0) ^ 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** What each derived stream is for. */
export const STREAM = { arrivals: 1, behavior: 2, router: 3 } as const;
