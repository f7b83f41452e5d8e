import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimedMemory } from '../src/policies/timed-memory.js';

type Op =
  | { op: 'set'; key: string; windowMs: number }
  | { op: 'get'; key: string }
  | { op: 'take'; key: string }
  | { op: 'wait'; ms: number };

// The memory behind repeat contacts, surveys, known agents and rejoining, against a plain map
// that never forgets: same answers through writes, reads, takes, expiry, pruning and compaction.
describe('TimedMemory', () => {
  it('answers as a map whose entries expire', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), key, windowMs: fc.constantFrom(0, 3, 10, 50) }) },
            { weight: 2, arbitrary: fc.record({ op: fc.constant('get' as const), key }) },
            { weight: 1, arbitrary: fc.record({ op: fc.constant('take' as const), key }) },
            { weight: 3, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 6 }) }) },
          ),
          { maxLength: 2_000, size: 'max' },
        ),
        (ops: Op[]) => {
          const memory = new TimedMemory<number>();
          const model = new Map<string, { value: number; expiresAtMs: number }>();
          const live = (k: string, now: number): number | undefined => {
            const entry = model.get(k);
            return entry === undefined || entry.expiresAtMs < now ? undefined : entry.value;
          };
          let now = 0;
          let value = 0;
          for (const op of ops) {
            if (op.op === 'set') {
              memory.set(op.key, ++value, now, now + op.windowMs);
              model.set(op.key, { value, expiresAtMs: now + op.windowMs });
            } else if (op.op === 'get') {
              expect(memory.get(op.key, now)).toBe(live(op.key, now));
            } else if (op.op === 'take') {
              expect(memory.take(op.key, now)).toBe(live(op.key, now));
              model.delete(op.key);
            } else {
              now += op.ms;
            }
          }
          for (const k of ['a', 'b', 'c', 'd', 'e']) expect(memory.get(k, now)).toBe(live(k, now));
        },
      ),
      { numRuns: 100 },
    );
  });
});
