import { describe, expect, it } from 'vitest';
import type { CallOutcome, CallRouter, SimulatedClock } from '../src/index.js';
import { createRouter, eventsOf, recordEvents } from './support/fixtures.js';

/** A call that arrives now, rings the queue's idle agent at once, is answered and completed at once. */
function handled(
  router: CallRouter,
  callId: string,
  options: { queue?: string; customerId?: string; outcome?: CallOutcome } = {},
): void {
  router.enqueue({ id: callId, queue: options.queue ?? 'q', customerId: options.customerId });
  router.answer(callId);
  router.complete(callId, options.outcome);
}

/** Queues q1 (ana) and q2 (bob), both agents available, with the given statistics options. */
function twoQueues(stats: { fcrWindowMs?: number; surveyWindowMs?: number; intervalMs?: number } = {}) {
  const harness = createRouter({ stats });
  harness.router.addQueue({ id: 'q1' });
  harness.router.addQueue({ id: 'q2' });
  harness.router.addAgent({ id: 'ana', queues: ['q1'], state: 'available' });
  harness.router.addAgent({ id: 'bob', queues: ['q2'], state: 'available' });
  return harness;
}

/** Advances the clock to `atMs`. */
const at = (clock: SimulatedClock, atMs: number): void => clock.advanceTo(atMs);

describe('first-contact resolution', () => {
  it('counts outcomes that say resolved true or false; FCR is resolved over outcomes, per queue and agent', () => {
    const { router } = twoQueues();
    handled(router, 'c1', { queue: 'q1', outcome: { resolved: true } });
    handled(router, 'c2', { queue: 'q1', outcome: { resolved: false } });
    handled(router, 'c3', { queue: 'q1' }); // no outcome
    handled(router, 'c4', { queue: 'q1', outcome: { disposition: 'sale' } }); // an outcome without `resolved`
    handled(router, 'c5', { queue: 'q1', outcome: { resolved: true } });
    // 3 outcomes (c1, c2, c5), 2 resolved.
    expect(router.queueStats('q1').totals).toMatchObject({ completed: 5, outcomes: 3, resolved: 2, repeatContacts: 0, fcr: 2 / 3 });
    expect(router.agentStats('ana')).toMatchObject({ outcomes: 3, resolved: 2, fcr: 2 / 3 });
    expect(router.queueStats('q2').totals).toMatchObject({ outcomes: 0, resolved: 0, fcr: null });
    expect(router.agentStats('bob')).toMatchObject({ outcomes: 0, fcr: null });
  });

  it('counts a repeat contact within the window against the earlier contact’s queue and agent, not the new ones', () => {
    const { clock, router } = twoQueues({ fcrWindowMs: 3_600_000 });
    at(clock, 60_000);
    handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } }); // ana, q1
    handled(router, 'o1', { queue: 'q1', customerId: 'other', outcome: { resolved: true } });
    expect(router.queueStats('q1').totals).toMatchObject({ outcomes: 2, resolved: 2, fcr: 1 });
    at(clock, 600_000);
    router.enqueue({ id: 'c2', queue: 'q2', customerId: 'cust' }); // 540 s later: a repeat
    // q1: 2 outcomes, 1 still resolved, 1 repeat contact; the new queue and agent are not touched.
    expect(router.queueStats('q1').totals).toMatchObject({ outcomes: 2, resolved: 1, repeatContacts: 1, fcr: 1 / 2 });
    expect(router.agentStats('ana')).toMatchObject({ outcomes: 2, resolved: 1, fcr: 1 / 2 });
    expect(router.queueStats('q2').totals).toMatchObject({ entered: 1, outcomes: 0, resolved: 0, repeatContacts: 0 });
    expect(router.agentStats('bob')).toMatchObject({ outcomes: 0, resolved: 0 });
    expect(router.stats().totals).toMatchObject({ outcomes: 2, resolved: 1, repeatContacts: 1, fcr: 1 / 2 });
  });

  it('counts one repeat per resolution; the repeat contact’s own resolution can be counted against next', () => {
    const { clock, router } = twoQueues({ fcrWindowMs: 3_600_000 });
    handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } }); // ana
    at(clock, 1_000);
    router.enqueue({ id: 'c2', queue: 'q2', customerId: 'cust' }); // repeat of c1 (rings bob)
    router.enqueue({ id: 'c3', queue: 'q1', customerId: 'cust' }); // c1 was counted against already (rings ana)
    expect(router.queueStats('q1').totals).toMatchObject({ resolved: 0, repeatContacts: 1, outcomes: 1 });
    router.answer('c2');
    router.complete('c2', { resolved: true }); // bob, q2
    router.answer('c3');
    router.complete('c3', { resolved: false });
    at(clock, 2_000);
    router.enqueue({ id: 'c4', queue: 'q1', customerId: 'cust' }); // counts against c2, the last resolution
    expect(router.queueStats('q1').totals).toMatchObject({ outcomes: 2, resolved: 0, repeatContacts: 1, fcr: 0 });
    expect(router.queueStats('q2').totals).toMatchObject({ outcomes: 1, resolved: 0, repeatContacts: 1, fcr: 0 });
    expect(router.agentStats('ana')).toMatchObject({ outcomes: 2, resolved: 0 });
    expect(router.agentStats('bob')).toMatchObject({ outcomes: 1, resolved: 0 });
  });

  it.each([
    ['at the end of the window', 70_000, 1],
    ['after the window', 70_001, 0],
  ])('counts a contact %s accordingly (window 60 s from the completion at 10 s)', (_label, repeatAtMs, repeats) => {
    const { clock, router } = twoQueues({ fcrWindowMs: 60_000 });
    at(clock, 10_000);
    handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } });
    at(clock, repeatAtMs);
    router.enqueue({ id: 'c2', queue: 'q1', customerId: 'cust' });
    expect(router.queueStats('q1').totals).toMatchObject({ outcomes: 1, resolved: 1 - repeats, repeatContacts: repeats });
    expect(router.agentStats('ana')).toMatchObject({ resolved: 1 - repeats, fcr: 1 - repeats });
  });

  it('counts nothing against an unresolved contact, a contact without outcome or customer', () => {
    const { clock, router } = twoQueues();
    handled(router, 'c1', { queue: 'q1', customerId: 'a', outcome: { resolved: false } });
    handled(router, 'c2', { queue: 'q1', customerId: 'b' });
    handled(router, 'c3', { queue: 'q1', outcome: { resolved: true } }); // no customer
    at(clock, 1_000);
    router.enqueue({ id: 'r1', queue: 'q1', customerId: 'a' });
    router.enqueue({ id: 'r2', queue: 'q1', customerId: 'b' });
    router.enqueue({ id: 'r3', queue: 'q1' });
    expect(router.queueStats('q1').totals).toMatchObject({ outcomes: 2, resolved: 1, repeatContacts: 0, fcr: 1 / 2 });
  });

  it('does not count a callback the center owes the customer as a repeat contact', () => {
    const { clock, router } = twoQueues();
    handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } });
    router.scheduleCallback({ id: 'cb', queue: 'q1', customerId: 'cust', atMs: 60_000 });
    at(clock, 60_000); // the callback enters line
    expect(router.queueStats('q1').totals).toMatchObject({ entered: 2, resolved: 1, repeatContacts: 0 });
  });

  describe('in interval figures', () => {
    it('a repeat in the same interval takes the resolution back there too', () => {
      const { clock, router } = twoQueues({ intervalMs: 60_000 });
      at(clock, 10_000);
      handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } });
      at(clock, 20_000);
      router.enqueue({ id: 'c2', queue: 'q1', customerId: 'cust' });
      const stats = router.queueStats('q1');
      expect(stats.totals).toMatchObject({ outcomes: 1, resolved: 0, repeatContacts: 1, fcr: 0 });
      expect(stats.interval).toMatchObject({ outcomes: 1, resolved: 0, repeatContacts: 1, fcr: 0 });
    });

    it('a repeat in a later interval counts there as a repeat; the earlier interval keeps its resolution', () => {
      const { clock, router } = twoQueues({ intervalMs: 60_000 });
      at(clock, 10_000);
      handled(router, 'c1', { queue: 'q1', customerId: 'cust', outcome: { resolved: true } });
      at(clock, 70_000);
      router.enqueue({ id: 'c2', queue: 'q1', customerId: 'cust' }); // closes [0, 60 000) first
      const stats = router.queueStats('q1');
      expect(stats.intervalStartMs).toBe(60_000);
      expect(stats.totals).toMatchObject({ outcomes: 1, resolved: 0, repeatContacts: 1, fcr: 0 });
      expect(stats.interval).toMatchObject({ outcomes: 0, resolved: 0, repeatContacts: 1, fcr: null });
      expect(router.intervals()[0]?.queues.q1).toMatchObject({ outcomes: 1, resolved: 1, repeatContacts: 0, fcr: 1 });
      expect(router.agentStats('ana')).toMatchObject({ outcomes: 1, resolved: 0, fcr: 0 });
    });
  });
});

describe('customer satisfaction (surveys)', () => {
  it('records a score after the call is gone, for the queue and the agent that completed it', () => {
    const { clock, router } = twoQueues();
    handled(router, 'c1', { queue: 'q1' }); // ana
    handled(router, 'c2', { queue: 'q1' }); // ana
    handled(router, 'c3', { queue: 'q2' }); // bob
    const events = recordEvents(router, ['call:survey']);
    at(clock, 3_600_000);
    expect(router.hasCall('c1')).toBe(false);
    router.recordSurvey('c1', 5);
    router.recordSurvey('c2', 2.5);
    router.recordSurvey('c3', -1); // any finite score
    expect(eventsOf(events, 'call:survey')).toEqual([
      { callId: 'c1', queueId: 'q1', atMs: 3_600_000, agentId: 'ana', score: 5 },
      { callId: 'c2', queueId: 'q1', atMs: 3_600_000, agentId: 'ana', score: 2.5 },
      { callId: 'c3', queueId: 'q2', atMs: 3_600_000, agentId: 'bob', score: -1 },
    ]);
    expect(router.queueStats('q1').totals).toMatchObject({ surveys: 2, csat: 3.75 }); // (5 + 2.5) / 2
    expect(router.queueStats('q2').totals).toMatchObject({ surveys: 1, csat: -1 });
    expect(router.agentStats('ana')).toMatchObject({ surveys: 2, csat: 3.75 });
    expect(router.agentStats('bob')).toMatchObject({ surveys: 1, csat: -1 });
    expect(router.stats().totals).toMatchObject({ surveys: 3, csat: 6.5 / 3 }); // (5 + 2.5 - 1) / 3
  });

  it('counts a transferred call’s survey for the queue and agent that completed it', () => {
    const { router } = twoQueues();
    router.enqueue({ id: 'c1', queue: 'q1' });
    router.answer('c1'); // ana
    router.transfer('c1', { queue: 'q2' }); // rings bob
    router.answer('c1');
    router.complete('c1');
    router.recordSurvey('c1', 4);
    expect(router.queueStats('q1').totals).toMatchObject({ surveys: 0, csat: null });
    expect(router.queueStats('q2').totals).toMatchObject({ surveys: 1, csat: 4 });
    expect(router.agentStats('ana')).toMatchObject({ surveys: 0, csat: null });
    expect(router.agentStats('bob')).toMatchObject({ surveys: 1, csat: 4 });
  });

  it('takes one survey per call: a second is UNKNOWN_CALL and changes nothing', () => {
    const { router } = twoQueues();
    handled(router, 'c1', { queue: 'q1' });
    router.recordSurvey('c1', 4);
    const events = recordEvents(router, ['call:survey']);
    expect(() => router.recordSurvey('c1', 1)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CALL' }));
    expect(events).toEqual([]);
    expect(router.queueStats('q1').totals).toMatchObject({ surveys: 1, csat: 4 });
    expect(router.agentStats('ana')).toMatchObject({ surveys: 1, csat: 4 });
  });

  it('takes a survey up to surveyWindowMs after completion, not later (UNKNOWN_CALL)', () => {
    const { clock, router } = twoQueues({ surveyWindowMs: 60_000 });
    at(clock, 10_000);
    handled(router, 'c1', { queue: 'q1' });
    handled(router, 'c2', { queue: 'q1' });
    at(clock, 70_000);
    router.recordSurvey('c1', 3); // 60 000 after: within
    at(clock, 70_001);
    expect(() => router.recordSurvey('c2', 3)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CALL' }));
    expect(router.queueStats('q1').totals).toMatchObject({ surveys: 1, csat: 3 });
  });

  it('refuses a survey for a live call (INVALID_STATE) and for a call that never completed (UNKNOWN_CALL)', () => {
    const { router } = twoQueues();
    router.addAgent({ id: 'cy', queues: ['q2'], state: 'not-ready' });
    router.enqueue({ id: 'talking', queue: 'q1' });
    router.answer('talking'); // ana busy
    router.enqueue({ id: 'ringing', queue: 'q2' }); // rings bob
    router.enqueue({ id: 'waiting', queue: 'q1' });
    router.enqueue({ id: 'gone', queue: 'q1' });
    router.abandon('gone');
    const events = recordEvents(router, ['call:survey']);
    for (const callId of ['talking', 'ringing', 'waiting']) {
      expect(() => router.recordSurvey(callId, 5)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    }
    for (const callId of ['gone', 'never']) {
      expect(() => router.recordSurvey(callId, 5)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CALL' }));
    }
    expect(events).toEqual([]);
    expect(router.stats().totals).toMatchObject({ surveys: 0, csat: null });
  });

  // Engine bug (edge): once a queue is removed, the center keeps a copy of its totals, and a survey or a
  // repeat contact for a call it completed is dropped from the center (the agent still counts it).
  it('keeps counting a removed queue’s survey and repeat contact in the center totals', () => {
    const { clock, router } = twoQueues();
    handled(router, 'c1', { queue: 'q2', customerId: 'cust', outcome: { resolved: true } }); // bob
    router.removeQueue('q2');
    router.recordSurvey('c1', 4);
    clock.advanceTo(1_000);
    router.enqueue({ id: 'c2', queue: 'q1', customerId: 'cust' });
    expect(router.agentStats('bob')).toMatchObject({ surveys: 1, csat: 4, outcomes: 1, resolved: 0, fcr: 0 });
    expect(router.stats().totals).toMatchObject({ surveys: 1, csat: 4, outcomes: 1, resolved: 0, repeatContacts: 1, fcr: 0 });
  });

  it('counts a survey in the interval it is recorded in', () => {
    const { clock, router } = twoQueues({ intervalMs: 60_000 });
    at(clock, 10_000);
    handled(router, 'c1', { queue: 'q1' });
    at(clock, 70_000);
    router.recordSurvey('c1', 2);
    expect(router.intervals()[0]?.queues.q1).toMatchObject({ completed: 1, surveys: 0, csat: null });
    expect(router.queueStats('q1').interval).toMatchObject({ completed: 0, surveys: 1, csat: 2 });
  });
});
