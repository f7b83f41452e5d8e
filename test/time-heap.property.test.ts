import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeHeap } from '../src/clock/time-heap.js';

type Op = { push: number } | 'pop' | { retainOdd: true };

// The flat heap behind the simulated clock and the router's deadlines against a sorted list:
// pops come out by time, equal times in sequence order, through growth, pops and rebuilds.
describe('TimeHeap', () => {
  it('pops by time, then sequence, like a sorted list', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.record({ push: fc.integer({ min: 0, max: 20 }) }) },
            { weight: 4, arbitrary: fc.constant('pop' as const) },
            { weight: 1, arbitrary: fc.constant({ retainOdd: true as const }) },
          ),
          { maxLength: 600 },
        ),
        (ops: Op[]) => {
          const heap = new TimeHeap<{ atMs: number; seq: number }>();
          let model: Array<{ atMs: number; seq: number }> = [];
          let seq = 0;
          for (const op of ops) {
            if (op === 'pop') {
              model.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
              expect(heap.peekAtMs()).toBe(model[0]?.atMs ?? Infinity);
              expect(heap.pop()).toBe(model.shift());
            } else if ('push' in op) {
              const item = { atMs: op.push / 4, seq: seq++ };
              heap.push(item, item.atMs, item.seq);
              model.push(item);
            } else {
              heap.retain((item) => item.seq % 2 === 1);
              model = model.filter((item) => item.seq % 2 === 1);
            }
            expect(heap.length).toBe(model.length);
          }
          model.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
          for (const item of model) expect(heap.pop()).toBe(item);
          expect(heap.pop()).toBeUndefined();
          expect(heap.peek()).toBeUndefined();
        },
      ),
    );
  });
});
