import { describe, expect, it } from 'vitest';
import type { QueueFigures } from '../src/index.js';
import { createRouter } from './support/fixtures.js';
import { NONE } from './support/stats-fixtures.js';

/** Expected figures: `NONE` with the given fields. */
const figures = (fields: Partial<QueueFigures>): QueueFigures => ({ ...NONE, ...fields });

describe('queue statistics: figures', () => {
  it('reads zero counts and null averages before any call', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    clock.advanceTo(5_000);
    expect(router.queueStats('q')).toEqual({
      queueId: 'q',
      atMs: 5_000,
      serviceLevelMs: 20_000,
      shortAbandonMs: 5_000,
      waiting: 0,
      waitingByPriority: {},
      ringing: 0,
      talking: 0,
      longestWaitMs: 0,
      agentsLoggedIn: 0,
      agentsEligible: 0,
      agentsAvailable: 0,
      totals: NONE,
      interval: NONE,
      intervalStartMs: 0,
    });
  });

  it('reports the queue’s own serviceLevelMs and shortAbandonMs', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', serviceLevelMs: 30_000, shortAbandonMs: 2_000 });
    expect(router.queueStats('q')).toMatchObject({ serviceLevelMs: 30_000, shortAbandonMs: 2_000 });
    router.updateQueue('q', { serviceLevelMs: 10_000 });
    expect(router.queueStats('q')).toMatchObject({ serviceLevelMs: 10_000, shortAbandonMs: 2_000 });
  });

  it('counts a run of calls and derives ASA, average wait, quantiles, AHT with wrap-up and the rates', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 5_000, offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' }); // offer 1: ana, at 0
    clock.advanceTo(1_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advanceTo(2_000);
    router.enqueue({ id: 'c3', queue: 'q' });
    clock.advanceTo(4_000);
    router.answer('c1'); // wait 4 000 - 0 = 4 000 (within 20 s)
    clock.advanceTo(10_000);
    router.abandon('c3'); // wait 10 000 - 2 000 = 8 000: within 20 s, not within the 5 s of a short abandon
    clock.advanceTo(34_000);
    router.complete('c1'); // talk 34 000 - 4 000 = 30 000; wrap-up 5 000 (the queue's) until 39 000
    clock.advanceTo(39_000); // offer 2: c2 to ana
    clock.advanceTo(41_000);
    router.decline('c2'); // offer 3: c2 to ana again at once
    clock.advanceTo(45_000);
    router.answer('c2'); // wait 45 000 - 1 000 = 44 000 (over 20 s)
    clock.advanceTo(65_000);
    router.complete('c2', { wrapUpMs: 0 }); // talk 65 000 - 45 000 = 20 000; wrap-up 0

    // A = 2 (A_T = 1), Ab = 1 (Ab_T = 1, Ab_s = 0); waits answered 4 000 and 44 000, abandoned 8 000.
    const expected = figures({
      entered: 3,
      offers: 3,
      answered: 2,
      answeredInThreshold: 1,
      abandoned: 1,
      abandonedInThreshold: 1,
      completed: 2,
      serviceLevel: {
        answered: 1 / 2, // A_T / A
        offered: 1 / 3, // A_T / (A + Ab)
        abandonedInThresholdMet: 2 / 3, // (A_T + Ab_T) / (A + Ab)
        abandonedAfterThreshold: 1 / 2, // A_T / (A + Ab - Ab_T) = 1 / (3 - 1)
        excludingShortAbandons: 1 / 3, // A_T / (A + Ab - Ab_s) = 1 / (3 - 0)
      },
      asaMs: 24_000, // (4 000 + 44 000) / 2
      averageWaitMs: 56_000 / 3, // (4 000 + 44 000 + 8 000) / 3
      // Nearest rank over [4 000, 44 000], reported as the 1 % bucket's lower bound round(1 000 × 1.01^k),
      // k = floor(ln(w / 1 000) / ln 1.01):
      waitP50Ms: 3_987, // rank ceil(0.5 × 2) = 1 → 4 000: k = 139, 1 000 × 1.01^139 = 3 987.2
      waitP90Ms: 43_865, // rank ceil(0.9 × 2) = 2 → 44 000: k = 380, 1 000 × 1.01^380 = 43 865.4
      waitP95Ms: 43_865, // rank ceil(0.95 × 2) = 2
      talkTimeMs: 50_000, // 30 000 + 20 000
      wrapUpTimeMs: 5_000, // 5 000 + 0
      ahtMs: 27_500, // (50 000 + 5 000) / 2
      abandonmentRate: 1 / 3, // Ab / (A + Ab)
      escalationRate: 0, // 0 escalated / 3 entered
      transferRate: 0, // 0 transferred out / 2 answered
    });
    const stats = router.queueStats('q');
    expect(stats.totals).toEqual(expected);
    expect(stats.interval).toEqual(expected); // all in the first 15-minute interval
    expect(stats).toMatchObject({ atMs: 65_000, waiting: 0, ringing: 0, talking: 0, longestWaitMs: 0, agentsAvailable: 1 });
  });

  it('counts the wrap-up set at completion, per call, in AHT', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 5_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    clock.advanceTo(60_000);
    router.complete('c1'); // talk 60 000, wrap-up 5 000 (queue), until 65 000
    router.updateQueue('q', { wrapUpMs: 1_000 });
    clock.advanceTo(65_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    router.answer('c2');
    clock.advanceTo(95_000);
    router.complete('c2', { wrapUpMs: 15_000 }); // talk 30 000, wrap-up 15 000 (outcome)
    expect(router.queueStats('q').totals).toMatchObject({
      completed: 2,
      talkTimeMs: 90_000, // 60 000 + 30 000
      wrapUpTimeMs: 20_000, // 5 000 + 15 000
      ahtMs: 55_000, // (90 000 + 20 000) / 2
      asaMs: 0,
      waitP50Ms: 0,
      waitP95Ms: 0,
    });
  });

  it('counts a caller who abandoned and rejoined as entered twice; the wait of the new call counts from its own arrival', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', rejoinWindowMs: 60_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    clock.advanceTo(1_000);
    router.enqueue({ id: 'c1', queue: 'q', customerId: 'cust' });
    clock.advanceTo(10_000);
    router.abandon('c1'); // wait 9 000
    clock.advanceTo(20_000);
    router.enqueue({ id: 'c2', queue: 'q', customerId: 'cust' }); // rejoined: its old place back
    clock.advanceTo(25_000);
    expect(router.queueStats('q')).toMatchObject({ waiting: 1, longestWaitMs: 5_000 }); // 25 000 - 20 000
    router.setAgentState('ana', 'available');
    router.answer('c2'); // wait 25 000 - 20 000 = 5 000
    expect(router.queueStats('q').totals).toMatchObject({
      entered: 2,
      answered: 1,
      abandoned: 1,
      asaMs: 5_000,
      averageWaitMs: 7_000, // (5 000 + 9 000) / 2
      abandonmentRate: 1 / 2,
    });
  });

  it('counts refused and withdrawn calls, neither as answered nor as abandoned', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', maxLength: 1 });
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.enqueue({ id: 'c2', queue: 'q' }).accepted).toBe(false); // queue-full
    router.withdraw('c1', 'ivr-exit');
    expect(router.queueStats('q')).toMatchObject({
      waiting: 0,
      totals: figures({ entered: 1, refused: 1, withdrawn: 1, escalationRate: 0 }),
    });
  });

  it.each(['disconnect', 'voicemail'] as const)('counts a call that reaches its hold-time limit (%s) as timed out only', (action) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', maxWaitMs: 30_000, exitAction: { action } });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(29_999);
    expect(router.queueStats('q')).toMatchObject({ waiting: 1, longestWaitMs: 29_999, totals: { timedOut: 0 } });
    clock.advanceTo(30_000);
    expect(router.queueStats('q')).toMatchObject({
      waiting: 0,
      longestWaitMs: 0,
      totals: figures({ entered: 1, timedOut: 1, escalationRate: 0 }),
    });
  });

  it('counts a hold-time limit with a callback exit as timed out and as a callback requested; the call stays in line', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', maxWaitNoAgentsMs: 10_000, exitAction: { action: 'callback' } });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'offline' }); // nobody logged in
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(10_000);
    expect(router.queueStats('q')).toMatchObject({
      waiting: 1,
      longestWaitMs: 10_000,
      totals: figures({ entered: 1, timedOut: 1, callbacksRequested: 1, escalationRate: 0 }),
    });
  });

  it('counts a hold-time overflow out of one queue and into the other; the wait keeps counting from arrival', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', maxWaitMs: 10_000, exitAction: { action: 'overflow', queue: 'q2' } });
    router.addAgent({ id: 'ana', queues: ['q2'], state: 'not-ready' });
    clock.advanceTo(5_000);
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advanceTo(15_000); // limit reached: 10 s in q1, moves to q2
    clock.advanceTo(20_000);
    expect(router.queueStats('q1')).toMatchObject({
      waiting: 0,
      longestWaitMs: 0,
      totals: figures({ entered: 1, timedOut: 1, overflowedOut: 1, escalationRate: 0 }),
    });
    // Longest wait counts from joining q2 (15 000), not from arrival (5 000): 20 000 - 15 000.
    expect(router.queueStats('q2')).toMatchObject({
      waiting: 1,
      waitingByPriority: { 0: 1 },
      longestWaitMs: 5_000,
      totals: figures({ entered: 1, overflowedIn: 1, escalationRate: 0 }),
    });
    clock.advanceTo(25_000);
    router.setAgentState('ana', 'available');
    router.answer('c1'); // wait 25 000 - 5 000 = 20 000: within q2's 20 s (inclusive)
    expect(router.queueStats('q2').totals).toEqual(
      figures({
        entered: 1,
        overflowedIn: 1,
        offers: 1,
        answered: 1,
        answeredInThreshold: 1,
        serviceLevel: {
          answered: 1,
          offered: 1,
          abandonedInThresholdMet: 1,
          abandonedAfterThreshold: 1,
          excludingShortAbandons: 1,
        },
        asaMs: 20_000,
        averageWaitMs: 20_000,
        waitP50Ms: 19_986, // 20 000: k = floor(ln 20 / ln 1.01) = 301, 1 000 × 1.01^301 = 19 986.4
        waitP90Ms: 19_986,
        waitP95Ms: 19_986,
        abandonmentRate: 0,
        escalationRate: 0,
        transferRate: 0,
      }),
    );
    expect(router.queueStats('q1').totals.answered).toBe(0);
  });

  it('counts escalation steps and escalated calls; the escalation rate is escalated calls over calls entered', () => {
    const { clock, router } = createRouter();
    router.addQueue({
      id: 'q',
      escalation: [
        { afterMs: 10_000, raisePriority: 1 },
        { afterMs: 20_000, raisePriority: 2 },
      ],
    });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'e1', queue: 'q' }); // steps at 10 000 and 20 000 → priority 3
    clock.advanceTo(15_000);
    router.enqueue({ id: 'e2', queue: 'q' }); // step at 25 000 → priority 1
    clock.advanceTo(16_000);
    router.enqueue({ id: 'e3', queue: 'q' }); // its first step would be at 26 000
    clock.advanceTo(25_000);
    // 3 steps applied (e1 twice, e2 once) to 2 of the 3 calls entered.
    expect(router.queueStats('q')).toMatchObject({
      waiting: 3,
      waitingByPriority: { 3: 1, 1: 1, 0: 1 },
      longestWaitMs: 25_000,
      totals: { entered: 3, escalations: 3, escalatedCalls: 2, escalationRate: 2 / 3 },
    });
  });

  it('counts an escalation that overflows in the queue it left', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 10_000, overflow: { queue: 'q2' } }] });
    router.enqueue({ id: 'c1', queue: 'q1' });
    router.enqueue({ id: 'c2', queue: 'q1' });
    clock.advanceTo(5_000);
    router.abandon('c2'); // wait 5 000: abandoned within T and short (5 000 <= 5 000)
    clock.advanceTo(10_000);
    expect(router.queueStats('q1').totals).toMatchObject({
      entered: 2,
      escalations: 1,
      escalatedCalls: 1,
      overflowedOut: 1,
      abandoned: 1,
      abandonedInThreshold: 1,
      shortAbandons: 1,
      escalationRate: 1 / 2,
      abandonmentRate: 1, // 1 / (0 + 1)
    });
    expect(router.queueStats('q2').totals).toMatchObject({ entered: 1, overflowedIn: 1, escalations: 0, escalationRate: 0 });
  });

  describe('a transfer', () => {
    /** ana (sales) answers c1 (arrived at 1 000) at 5 000 and transfers it to support at 65 000; bob (support) answers it at 70 000. */
    function transferred(keepArrival: boolean) {
      const harness = createRouter();
      const { clock, router } = harness;
      router.addQueue({ id: 'sales' });
      router.addQueue({ id: 'support' });
      router.addAgent({ id: 'ana', queues: ['sales'], state: 'available' });
      router.addAgent({ id: 'bob', queues: ['support'], state: 'not-ready' });
      clock.advanceTo(1_000);
      router.enqueue({ id: 'c1', queue: 'sales' });
      clock.advanceTo(5_000);
      router.answer('c1'); // wait 4 000 in sales
      clock.advanceTo(65_000);
      router.transfer('c1', { queue: 'support' }, { keepArrival });
      clock.advanceTo(67_000);
      return harness;
    }

    it('counts out of one queue and into the other; the wait in the new queue counts from the original arrival', () => {
      const { clock, router } = transferred(true);
      expect(router.queueStats('sales')).toMatchObject({
        talking: 0,
        waiting: 0,
        totals: {
          entered: 1,
          offers: 1,
          answered: 1,
          answeredInThreshold: 1,
          asaMs: 4_000,
          transferredOut: 1,
          transferredIn: 0,
          completed: 0,
          talkTimeMs: 0, // only completed calls count talk time in a queue
          transferRate: 1, // 1 transferred out / 1 answered
        },
      });
      // Longest wait from joining support (65 000), not from arrival (1 000).
      expect(router.queueStats('support')).toMatchObject({
        waiting: 1,
        longestWaitMs: 2_000,
        totals: { entered: 1, transferredIn: 1, transferredOut: 0, answered: 0 },
      });
      clock.advanceTo(70_000);
      router.setAgentState('bob', 'available');
      router.answer('c1'); // wait 70 000 - 1 000 = 69 000: over 20 s
      clock.advanceTo(100_000);
      router.complete('c1'); // talk 30 000 in support
      expect(router.queueStats('support').totals).toEqual(
        figures({
          entered: 1,
          transferredIn: 1,
          offers: 1,
          answered: 1,
          answeredInThreshold: 0,
          completed: 1,
          serviceLevel: {
            answered: 0,
            offered: 0,
            abandonedInThresholdMet: 0,
            abandonedAfterThreshold: 0,
            excludingShortAbandons: 0,
          },
          asaMs: 69_000,
          averageWaitMs: 69_000,
          waitP50Ms: 68_641, // 69 000: k = 425, 1 000 × 1.01^425 = 68 641.0
          waitP90Ms: 68_641,
          waitP95Ms: 68_641,
          talkTimeMs: 30_000,
          ahtMs: 30_000,
          abandonmentRate: 0,
          escalationRate: 0,
          transferRate: 0,
        }),
      );
    });

    it('with keepArrival false, the wait in the new queue counts from the transfer', () => {
      const { clock, router } = transferred(false);
      clock.advanceTo(70_000);
      router.setAgentState('bob', 'available');
      router.answer('c1'); // wait 70 000 - 65 000 = 5 000
      expect(router.queueStats('support').totals).toMatchObject({ answered: 1, answeredInThreshold: 1, asaMs: 5_000 });
    });
  });

  it('counts callbacks apart: requested, dialled, failed, withdrawn; never answered or abandoned', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'w1', queue: 'q' });
    router.enqueue({ id: 'w2', queue: 'q' });
    router.enqueue({ id: 'w3', queue: 'q' });
    clock.advanceTo(10_000);
    router.requestCallback('w1');
    router.requestCallback('w2', { maxAttempts: 1 });
    router.requestCallback('w3');
    // Callbacks keep their place in line.
    expect(router.queueStats('q')).toMatchObject({ waiting: 3, totals: { entered: 3, callbacksRequested: 3 } });
    router.abandon('w3'); // a callback in line that is dropped counts as withdrawn
    router.setAgentState('ana', 'available'); // offered w1
    clock.advanceTo(20_000);
    router.answer('w1'); // ana dials
    clock.advanceTo(80_000);
    router.complete('w1'); // reached: talk 60 000; then w2 offered
    router.answer('w2');
    clock.advanceTo(90_000);
    router.callbackUnanswered('w2'); // its only attempt: failed
    expect(router.queueStats('q')).toMatchObject({ waiting: 0, ringing: 0, talking: 0 });
    expect(router.queueStats('q').totals).toEqual(
      figures({
        entered: 3,
        offers: 2,
        callbacksRequested: 3,
        callbacksDialled: 2,
        callbacksFailed: 1,
        withdrawn: 1,
        completed: 1,
        talkTimeMs: 60_000,
        ahtMs: 60_000,
        escalationRate: 0,
        // No inbound call answered or abandoned: service level, waits, abandonment and transfer rates stay null.
      }),
    );
  });

  it('counts a scheduled callback when it enters line, and one withdrawn before', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.scheduleCallback({ id: 'cb1', queue: 'q', atMs: 60_000 });
    router.scheduleCallback({ id: 'cb2', queue: 'q', atMs: 60_000 });
    expect(router.queueStats('q')).toMatchObject({ waiting: 0, totals: { entered: 0, callbacksRequested: 0 } });
    router.withdraw('cb2', 'customer-called');
    clock.advanceTo(60_000);
    expect(router.queueStats('q')).toMatchObject({
      waiting: 1,
      longestWaitMs: 0,
      totals: figures({ entered: 1, withdrawn: 1, escalationRate: 0 }),
    });
  });
});

describe('queue statistics: real-time counts', () => {
  it('counts waiting, ringing and talking calls and the longest current wait', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' }); // ringing ana
    clock.advanceTo(1_000);
    router.enqueue({ id: 'c2', queue: 'q', priority: 2 });
    clock.advanceTo(2_000);
    router.enqueue({ id: 'c3', queue: 'q' });
    // The ringing call c1 is unanswered: the longest wait is its 2 000.
    expect(router.queueStats('q')).toMatchObject({
      waiting: 2,
      waitingByPriority: { 2: 1, 0: 1 },
      ringing: 1,
      talking: 0,
      longestWaitMs: 2_000,
    });
    clock.advanceTo(4_000);
    router.answer('c1');
    // Now c2, waiting since 1 000.
    expect(router.queueStats('q')).toMatchObject({ waiting: 2, ringing: 0, talking: 1, longestWaitMs: 3_000 });
    router.abandon('c2');
    expect(router.queueStats('q')).toMatchObject({
      waiting: 1,
      waitingByPriority: { 0: 1 },
      talking: 1,
      longestWaitMs: 2_000,
    });
  });

  it('moves calls between priorities when a step escalates them or setCallPriority changes them', () => {
    const { clock, router } = createRouter({ declineDelayMs: 0 });
    router.addQueue({ id: 'q', escalation: [{ afterMs: 10_000, raisePriority: 5 }], offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'a', queue: 'q' });
    router.enqueue({ id: 'b', queue: 'q', priority: 1 });
    clock.advanceTo(5_000);
    router.enqueue({ id: 'c', queue: 'q' });
    expect(router.queueStats('q').waitingByPriority).toEqual({ 1: 1, 0: 2 });
    clock.advanceTo(10_000); // a: 0 → 5, b: 1 → 6
    expect(router.queueStats('q').waitingByPriority).toEqual({ 6: 1, 5: 1, 0: 1 });
    router.setCallPriority('c', 9);
    expect(router.queueStats('q').waitingByPriority).toEqual({ 9: 1, 6: 1, 5: 1 });
    router.setAgentState('ana', 'available'); // offered c (priority 9)
    expect(router.queueStats('q')).toMatchObject({ waiting: 2, ringing: 1, waitingByPriority: { 6: 1, 5: 1 } });
    router.setCallPriority('c', 3); // kept for when it waits again
    expect(router.queueStats('q').waitingByPriority).toEqual({ 6: 1, 5: 1 });
    router.setAgentState('ana', 'not-ready'); // the offer is revoked: c is back in line
    expect(router.queueStats('q')).toMatchObject({ waiting: 3, ringing: 0, waitingByPriority: { 6: 1, 5: 1, 3: 1 } });
  });

  it('counts the agents serving the queue: logged in, eligible (presence available) and available (idle)', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
    router.addQueue({ id: 'other' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q', 'other'], state: 'available' });
    router.addAgent({ id: 'cy', queues: ['q'], state: 'not-ready', reason: 'lunch' });
    router.addAgent({ id: 'dee', queues: ['q'], state: 'offline' });
    router.addAgent({ id: 'eve', queues: ['other'], state: 'available' });
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 2, agentsAvailable: 2 });
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob' }); // rings bob: no longer idle
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 2, agentsAvailable: 1 });
    expect(router.queueStats('other')).toMatchObject({ agentsLoggedIn: 2, agentsEligible: 2, agentsAvailable: 1 });
    router.answer('c1');
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 2, agentsAvailable: 1 });
    // Not-ready while busy: still logged in and busy, no longer eligible, in both of bob's queues.
    router.setAgentState('bob', 'not-ready');
    expect(router.getAgent('bob')).toMatchObject({ state: 'busy', presence: 'not-ready' });
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 1, agentsAvailable: 1 });
    expect(router.queueStats('other')).toMatchObject({ agentsLoggedIn: 2, agentsEligible: 1, agentsAvailable: 1 });
    clock.advanceTo(10_000);
    router.complete('c1'); // bob: not-ready now (no wrap-up)
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 1, agentsAvailable: 1 });
    router.setAgentState('dee', 'available');
    router.setAgentState('cy', 'offline');
    // Logged in: ana, bob, dee; eligible and idle: ana, dee.
    expect(router.queueStats('q')).toMatchObject({ agentsLoggedIn: 3, agentsEligible: 2, agentsAvailable: 2 });
    expect(router.queueStats('other')).toMatchObject({ agentsLoggedIn: 2, agentsEligible: 1, agentsAvailable: 1 });
  });

  it('follows updateAgent: an agent that stops serving a queue leaves its counts, one that starts joins them', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q1' });
    router.addQueue({ id: 'q2' });
    router.addAgent({ id: 'ana', queues: ['q1'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q1'], state: 'not-ready' });
    expect(router.queueStats('q1')).toMatchObject({ agentsLoggedIn: 2, agentsEligible: 1, agentsAvailable: 1 });
    expect(router.queueStats('q2')).toMatchObject({ agentsLoggedIn: 0, agentsEligible: 0, agentsAvailable: 0 });
    router.updateAgent('ana', { queues: ['q2'] });
    router.updateAgent('bob', { queues: { q1: 1, q2: 2 } });
    expect(router.queueStats('q1')).toMatchObject({ agentsLoggedIn: 1, agentsEligible: 0, agentsAvailable: 0 });
    expect(router.queueStats('q2')).toMatchObject({ agentsLoggedIn: 2, agentsEligible: 1, agentsAvailable: 1 });
    router.removeAgent('bob');
    expect(router.queueStats('q1')).toMatchObject({ agentsLoggedIn: 0, agentsEligible: 0, agentsAvailable: 0 });
    expect(router.queueStats('q2')).toMatchObject({ agentsLoggedIn: 1, agentsEligible: 1, agentsAvailable: 1 });
    router.removeQueue('q1');
    router.addQueue({ id: 'q1' }); // a new queue of the same id: nobody serves it
    router.setAgentState('ana', 'offline');
    expect(router.queueStats('q1')).toMatchObject({ agentsLoggedIn: 0, agentsEligible: 0, agentsAvailable: 0 });
    expect(router.queueStats('q2')).toMatchObject({ agentsLoggedIn: 0, agentsEligible: 0, agentsAvailable: 0 });
  });
});
