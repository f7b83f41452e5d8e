import { describe, expect, it } from 'vitest';
import type { CallRouter, QueueFigures, SimulatedClock } from '../src/index.js';
import { createRouter } from './support/fixtures.js';
import { NONE } from './support/stats-fixtures.js';

/** A call that arrives now, rings the queue's idle agent at once, is answered after `waitMs` and completed at once. */
function answeredAfter(clock: SimulatedClock, router: CallRouter, callId: string, queue: string, waitMs: number): void {
  router.enqueue({ id: callId, queue });
  clock.advance(waitMs);
  router.answer(callId);
  router.complete(callId);
}

describe('center statistics', () => {
  it('read zero counts and null shares with nothing configured', () => {
    const { clock, router } = createRouter();
    clock.advanceTo(1_000);
    expect(router.stats()).toEqual({
      atMs: 1_000,
      queues: 0,
      agents: 0,
      waiting: 0,
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      agentsLoggedIn: 0,
      agentsEligible: 0,
      agentsAvailable: 0,
      occupancy: null,
      totals: NONE,
      interval: NONE,
      intervalStartMs: 0,
    });
  });

  it('sum the counters of every queue, removed ones included, and derive the averages from the sums', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q1', offerTimeoutMs: Infinity });
    router.addQueue({ id: 'q2', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q1'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q2'], state: 'available' });
    answeredAfter(clock, router, 'c1', 'q1', 10_000);
    answeredAfter(clock, router, 'd1', 'q2', 1_000);
    answeredAfter(clock, router, 'd2', 'q2', 2_000);
    answeredAfter(clock, router, 'd3', 'q2', 3_000);
    router.enqueue({ id: 'x1', queue: 'q1' }); // rings ana
    clock.advance(30_000);
    router.abandon('x1'); // 30 000: over T
    expect(router.queueStats('q1').totals.asaMs).toBe(10_000);
    expect(router.queueStats('q2').totals.asaMs).toBe(2_000);
    router.removeQueue('q2');

    // A = 4 (all within 20 s), Ab = 1 (over T, not short); answered waits [1 000, 2 000, 3 000, 10 000].
    const expected: QueueFigures = {
      ...NONE,
      entered: 5,
      offers: 5,
      answered: 4,
      answeredInThreshold: 4,
      abandoned: 1,
      completed: 4,
      serviceLevel: {
        answered: 1, // 4 / 4
        offered: 4 / 5, // 4 / (4 + 1)
        abandonedInThresholdMet: 4 / 5, // (4 + 0) / 5
        abandonedAfterThreshold: 4 / 5, // 4 / (5 - 0)
        excludingShortAbandons: 4 / 5, // 4 / (5 - 0)
      },
      asaMs: 4_000, // 16 000 / 4, not the mean of the queues' ASAs (6 000)
      averageWaitMs: 9_200, // (16 000 + 30 000) / 5
      waitP50Ms: 1_987, // rank 2 → 2 000: k = 69, 1 000 × 1.01^69 = 1 986.9
      waitP90Ms: 9_959, // rank 4 → 10 000: k = 231, 1 000 × 1.01^231 = 9 959.5
      waitP95Ms: 9_959,
      talkTimeMs: 0,
      ahtMs: 0,
      abandonmentRate: 1 / 5,
      escalationRate: 0,
      transferRate: 0,
    };
    const stats = router.stats();
    expect(stats).toMatchObject({ queues: 1, agents: 2, totals: expected, interval: expected });
    // After the interval closes, the removed queue's figures stay in the totals.
    clock.advanceTo(900_000);
    expect(router.stats()).toMatchObject({ intervalStartMs: 900_000, totals: expected, interval: NONE });
  });

  it('sum the real-time counts, take the longest wait of all queues, and count each agent once', () => {
    const { clock, router } = createRouter();
    for (const id of ['q1', 'q2', 'q3', 'w']) router.addQueue({ id });
    router.addQueue({ id: 'r', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'dee', queues: ['q3'], state: 'available' });
    router.enqueue({ id: 't1', queue: 'q3' });
    router.answer('t1'); // dee busy from 0
    router.addAgent({ id: 'ana', queues: ['q1', 'q2', 'q3'], state: 'available' }); // idle from 0
    router.addAgent({ id: 'bob', queues: ['q1'], state: 'not-ready' });
    router.addAgent({ id: 'cy', queues: ['q2'], state: 'offline' });
    router.addAgent({ id: 'eve', queues: ['r'], state: 'available' });
    clock.advanceTo(1_000);
    router.enqueue({ id: 'w1', queue: 'w' }); // nobody serves w
    clock.advanceTo(2_000);
    router.enqueue({ id: 'r1', queue: 'r' }); // rings eve from 2 000
    clock.advanceTo(5_000);
    router.enqueue({ id: 'w2', queue: 'w' });
    clock.advanceTo(10_000);

    // Per queue, ana counts in q1, q2 and q3: logged in 2 + 1 + 2 (+ eve in r) = 6, but 4 agents are logged in.
    const perQueue = ['q1', 'q2', 'q3', 'r'].map((id) => router.queueStats(id).agentsLoggedIn);
    expect(perQueue).toEqual([2, 1, 2, 1]);
    expect(router.stats()).toMatchObject({
      queues: 5,
      agents: 5,
      waiting: 2, // w1, w2
      ringing: 1, // r1
      talking: 1, // t1
      longestWaitMs: 9_000, // w1: 10 000 - 1 000 (r1: 8 000)
      agentsLoggedIn: 4, // ana, bob, dee, eve
      agentsEligible: 3, // ana, dee, eve
      agentsAvailable: 1, // ana
      // Working: dee busy 10 000 + eve offered 8 000 = 18 000; idle: ana 10 000 + eve 2 000 = 12 000.
      occupancy: 18_000 / 30_000,
    });
  });

  it('drop a removed agent from the agent counts', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.removeAgent('ana');
    expect(router.stats()).toMatchObject({ agents: 1, agentsLoggedIn: 1, agentsEligible: 0, agentsAvailable: 0 });
  });
});
