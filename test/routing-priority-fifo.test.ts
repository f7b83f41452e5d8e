import { describe, expect, it } from 'vitest';
import { createRouter, serveAll, waitingIds } from './support/fixtures.js';

describe('priority first, then first-come, first-served', () => {
  it('serves a higher-priority call before an older lower-priority one', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'low', queue: 'q', priority: 0 });
    clock.advance(60_000);
    router.enqueue({ id: 'high', queue: 'q', priority: 5 });
    expect(waitingIds(router, 'q')).toEqual(['high', 'low']);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['high', 'low']);
  });

  it('orders by priority (negative and fractional too), then arrival time', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    const input: Array<[string, number]> = [
      ['a', 0],
      ['b', -1],
      ['c', 2.5],
      ['d', 0],
      ['e', 2.5],
      ['f', 10],
      ['g', -1],
    ];
    for (const [id, priority] of input) {
      router.enqueue({ id, queue: 'q', priority });
      clock.advance(1_000);
    }
    const expected = ['f', 'c', 'e', 'a', 'd', 'b', 'g'];
    expect(waitingIds(router, 'q')).toEqual(expected);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(expected);
  });

  it('keeps equal priority strictly first-come, first-served even when arrival times are identical', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    // 120 calls in the same millisecond, in three priorities interleaved: an unstable heap would reorder them.
    const ids = Array.from({ length: 120 }, (_, i) => `c${i}`);
    ids.forEach((id, i) => router.enqueue({ id, queue: 'q', priority: i % 3 }));
    const expected = [2, 1, 0].flatMap((priority) => ids.filter((_, i) => i % 3 === priority));
    expect(waitingIds(router, 'q')).toEqual(expected);
    expect(router.waitingCalls('q').every((call) => call.arrivalMs === 0)).toBe(true);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(expected);
  });

  it('orders calls of one queue across channels and requirements in one line', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'v1', queue: 'q' });
    clock.advance(10);
    router.enqueue({ id: 'chat1', queue: 'q', channel: 'chat' });
    clock.advance(10);
    router.enqueue({ id: 'es1', queue: 'q', requirements: { spanish: 2 } });
    clock.advance(10);
    router.enqueue({ id: 'vip', queue: 'q', priority: 3, requirements: { spanish: 1 } });
    clock.advance(10);
    router.enqueue({ id: 'v2', queue: 'q' });
    expect(waitingIds(router, 'q')).toEqual(['vip', 'v1', 'chat1', 'es1', 'v2']);
    expect(router.waitingCalls('q').map((call) => call.arrivalMs)).toEqual([30, 0, 10, 20, 40]);
  });

  it('lists only waiting calls: an offered call leaves the line and a returned one takes its old place', () => {
    const { clock, router } = createRouter({ declineDelayMs: 60_000 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'first', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'second', queue: 'q' });
    router.enqueue({ id: 'third', queue: 'q' });
    expect(waitingIds(router, 'q')).toEqual(['second', 'third']);
    expect(router.getQueue('q')).toMatchObject({ waiting: 2, offered: 1, talking: 0 });
    router.decline('first');
    expect(waitingIds(router, 'q')).toEqual(['first', 'second', 'third']);
    expect(router.getQueue('q')).toMatchObject({ waiting: 3, offered: 0 });
  });

  it('keeps each queue its own line', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q1' });
    router.addQueue({ id: 'q2' });
    router.enqueue({ id: 'a', queue: 'q1' });
    router.enqueue({ id: 'b', queue: 'q2' });
    router.enqueue({ id: 'c', queue: 'q1', priority: 1 });
    expect(waitingIds(router, 'q1')).toEqual(['c', 'a']);
    expect(waitingIds(router, 'q2')).toEqual(['b']);
    expect(router.getQueue('q1').waiting).toBe(2);
    expect(router.getQueue('q2').waiting).toBe(1);
  });
});
