import { describe, expect, it } from 'vitest';
import type { CallRouter, SimulatedClock } from '../src/index.js';
import { createRouter } from './support/fixtures.js';

/** A call that arrives now, rings the idle agent at once, is answered after `waitMs` and completed at once. */
function answeredAfter(clock: SimulatedClock, router: CallRouter, callId: string, waitMs: number, queue = 'q'): void {
  router.enqueue({ id: callId, queue });
  clock.advance(waitMs);
  router.answer(callId);
  router.complete(callId);
}

/** A queue `q` (20 s threshold, 5 s short abandons, offers never time out) served by ana, available. */
function oneAgent() {
  const harness = createRouter();
  harness.router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
  harness.router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
  return harness;
}

describe('service level', () => {
  it('gives five different figures for the five variants, thresholds inclusive', () => {
    const { clock, router } = oneAgent();
    for (const id of ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'b5']) router.enqueue({ id, queue: 'q' }); // a1 rings ana
    clock.advanceTo(2_000);
    router.abandon('b1'); // 2 000: within T, short
    clock.advanceTo(5_000);
    router.abandon('b2'); // 5 000: within T, short (5 000 <= 5 000)
    clock.advanceTo(10_000);
    router.answer('a1'); // 10 000: within T
    router.complete('a1'); // a2 rings
    clock.advanceTo(12_000);
    router.abandon('b3'); // 12 000: within T, not short
    clock.advanceTo(15_000);
    router.answer('a2'); // 15 000: within T
    router.complete('a2');
    clock.advanceTo(20_000);
    router.answer('a3'); // 20 000: within T (20 000 <= 20 000)
    router.complete('a3');
    clock.advanceTo(30_000);
    router.answer('a4'); // 30 000: over T
    router.complete('a4'); // b4 rings
    clock.advanceTo(40_000);
    router.abandon('b4'); // 40 000, while ringing: over T; b5 rings
    clock.advanceTo(50_000);
    router.abandon('b5'); // 50 000, while ringing: over T

    // A = 4, A_T = 3; Ab = 5, Ab_T = 3 (b1, b2, b3), Ab_s = 2 (b1, b2).
    const totals = router.queueStats('q').totals;
    expect(totals).toMatchObject({
      answered: 4,
      answeredInThreshold: 3,
      abandoned: 5,
      abandonedInThreshold: 3,
      shortAbandons: 2,
      offers: 6, // a1, a2, a3, a4, b4, b5
      completed: 4,
    });
    expect(totals.serviceLevel).toEqual({
      answered: 3 / 4, // A_T / A = 0.75
      offered: 3 / 9, // A_T / (A + Ab) = 0.333…
      abandonedInThresholdMet: 6 / 9, // (A_T + Ab_T) / (A + Ab) = 0.666…
      abandonedAfterThreshold: 3 / 6, // A_T / (A + Ab - Ab_T) = 3 / (9 - 3) = 0.5
      excludingShortAbandons: 3 / 7, // A_T / (A + Ab - Ab_s) = 3 / (9 - 2) = 0.428…
    });
    expect(totals).toMatchObject({
      asaMs: 18_750, // (10 000 + 15 000 + 20 000 + 30 000) / 4 = 75 000 / 4
      averageWaitMs: 184_000 / 9, // (75 000 + 2 000 + 5 000 + 12 000 + 40 000 + 50 000) / 9
      abandonmentRate: 5 / 9,
      // Answered waits only [10 000, 15 000, 20 000, 30 000], as bucket lower bounds round(1 000 × 1.01^k):
      waitP50Ms: 14_977, // rank ceil(0.5 × 4) = 2 → 15 000: k = 272, 14 976.6
      waitP90Ms: 29_757, // rank ceil(0.9 × 4) = 4 → 30 000: k = 341, 29 757.0
      waitP95Ms: 29_757, // rank ceil(0.95 × 4) = 4
      talkTimeMs: 0,
      ahtMs: 0,
    });
  });

  it('with every call abandoned: answered SL is null, the others count the abandons', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'b1', queue: 'q' });
    router.enqueue({ id: 'b2', queue: 'q' });
    clock.advanceTo(3_000);
    router.abandon('b1'); // within T, short
    clock.advanceTo(30_000);
    router.abandon('b2'); // over T
    // A = 0, A_T = 0, Ab = 2, Ab_T = 1, Ab_s = 1.
    expect(router.queueStats('q').totals).toMatchObject({
      answered: 0,
      abandoned: 2,
      serviceLevel: {
        answered: null, // 0 / 0
        offered: 0, // 0 / 2
        abandonedInThresholdMet: 1 / 2, // (0 + 1) / 2
        abandonedAfterThreshold: 0, // 0 / (2 - 1)
        excludingShortAbandons: 0, // 0 / (2 - 1)
      },
      asaMs: null,
      averageWaitMs: 16_500, // (3 000 + 30 000) / 2
      waitP50Ms: null,
      waitP90Ms: null,
      waitP95Ms: null,
      abandonmentRate: 1,
    });
  });

  it('is null where the abandons left out are all there is', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'b1', queue: 'q' });
    clock.advanceTo(4_000);
    router.abandon('b1'); // within T and short: Ab = Ab_T = Ab_s = 1
    expect(router.queueStats('q').totals.serviceLevel).toEqual({
      answered: null, // 0 / 0
      offered: 0, // 0 / 1
      abandonedInThresholdMet: 1, // (0 + 1) / 1
      abandonedAfterThreshold: null, // 0 / (1 - 1)
      excludingShortAbandons: null, // 0 / (1 - 1)
    });
  });

  it('uses each queue’s threshold, and a changed threshold for calls leaving line from then on', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', serviceLevelMs: 20_000, shortAbandonMs: 5_000 });
    router.addQueue({ id: 'strict', serviceLevelMs: 10_000, shortAbandonMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['strict'], state: 'available' });
    answeredAfter(clock, router, 'q1', 15_000); // within 20 s
    answeredAfter(clock, router, 's1', 15_000, 'strict'); // over 10 s
    router.enqueue({ id: 'x1', queue: 'strict' }); // rings bob
    clock.advance(3_000);
    router.abandon('x1'); // 3 000: within 10 s, not within 1 s
    expect(router.queueStats('q').totals).toMatchObject({ answeredInThreshold: 1, serviceLevel: { answered: 1 } });
    expect(router.queueStats('strict').totals).toMatchObject({
      answeredInThreshold: 0,
      abandonedInThreshold: 1,
      shortAbandons: 0,
      serviceLevel: { answered: 0, abandonedInThresholdMet: 1 / 2, excludingShortAbandons: 0 },
    });
    router.updateQueue('q', { serviceLevelMs: 10_000 });
    answeredAfter(clock, router, 'q2', 15_000); // now over 10 s; q1 still counts as within
    expect(router.queueStats('q').totals).toMatchObject({ answered: 2, answeredInThreshold: 1, serviceLevel: { answered: 1 / 2 } });
  });
});

describe('wait quantiles', () => {
  it('are exact to the millisecond below 1 s (nearest rank)', () => {
    const { clock, router } = oneAgent();
    // Ten waits 0, 100, …, 900, out of order.
    [500, 0, 900, 300, 100, 800, 200, 700, 400, 600].forEach((waitMs, i) => answeredAfter(clock, router, `c${i}`, waitMs));
    expect(router.queueStats('q').totals).toMatchObject({
      answered: 10,
      asaMs: 450, // 4 500 / 10
      waitP50Ms: 400, // rank ceil(0.5 × 10) = 5 → 0, 100, 200, 300, [400]
      waitP90Ms: 800, // rank ceil(0.9 × 10) = 9
      waitP95Ms: 900, // rank ceil(0.95 × 10) = 10
    });
  });

  it('count repeated waits once each, and answered calls only', () => {
    const { clock, router } = oneAgent();
    answeredAfter(clock, router, 'c1', 250);
    answeredAfter(clock, router, 'c2', 999);
    answeredAfter(clock, router, 'c3', 250);
    router.enqueue({ id: 'gone', queue: 'q' });
    clock.advance(900);
    router.abandon('gone'); // not an answered wait
    // [250, 250, 999]
    expect(router.queueStats('q').totals).toMatchObject({
      waitP50Ms: 250, // rank ceil(1.5) = 2
      waitP90Ms: 999, // rank ceil(2.7) = 3
      waitP95Ms: 999, // rank ceil(2.85) = 3
      averageWaitMs: 2_399 / 4, // (250 + 999 + 250 + 900) / 4
    });
  });

  it('report the lower bound of a 1 % bucket above 1 s', () => {
    const { clock, router } = oneAgent();
    answeredAfter(clock, router, 'c1', 999);
    answeredAfter(clock, router, 'c2', 1_500);
    answeredAfter(clock, router, 'c3', 1_000);
    // [999, 1 000, 1 500]. Above 1 s the bucket is k = floor(ln(w / 1 000) / ln 1.01), lower bound round(1 000 × 1.01^k):
    // 1 000 → k = 0 → 1 000; 1 500 → k = floor(0.405465 / 0.009950) = floor(40.75) = 40 → 1 000 × 1.01^40 = 1 488.86 → 1 489.
    const totals = router.queueStats('q').totals;
    expect(totals).toMatchObject({
      waitP50Ms: 1_000, // rank 2
      waitP90Ms: 1_489, // rank 3
      waitP95Ms: 1_489,
      asaMs: 3_499 / 3, // the mean is exact
    });
    // Within 1 % below the true 1 500.
    expect(totals.waitP95Ms).toBeGreaterThanOrEqual(1_500 * 0.99);
  });
});
