import { describe, expect, it } from 'vitest';
import { createRouter } from './support/fixtures.js';

describe('agent statistics', () => {
  it('reads zero counts and null shares for a new agent; time offline counts from when it was added', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    clock.advanceTo(1_000);
    router.addAgent({ id: 'ana', queues: ['q'] });
    clock.advanceTo(4_000);
    expect(router.agentStats('ana')).toEqual({
      agentId: 'ana',
      atMs: 4_000,
      state: 'offline',
      presence: 'offline',
      stateSinceMs: 1_000,
      timeInStateMs: { offline: 3_000, available: 0, 'not-ready': 0, offered: 0, busy: 0, 'wrap-up': 0 },
      callsHandled: 0,
      talkTimeMs: 0,
      wrapUpTimeMs: 0,
      idleTimeMs: 0,
      missedOffers: 0,
      occupancy: null, // neither working nor idle yet
      outcomes: 0,
      resolved: 0,
      fcr: null,
      surveys: 0,
      csat: null,
    });
    router.setAgentState('ana', 'available');
    clock.advanceTo(6_000);
    expect(router.agentStats('ana')).toMatchObject({
      state: 'available',
      stateSinceMs: 4_000,
      timeInStateMs: { offline: 3_000, available: 2_000 },
      idleTimeMs: 2_000,
      occupancy: 0, // 0 working / 2 000 idle
    });
  });

  it('adds up time in each state, talk, wrap-up, idle, missed offers and occupancy over a run of calls', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 10_000, offerTimeoutMs: 5_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' }); // available from 0
    clock.advanceTo(20_000);
    router.enqueue({ id: 'c1', queue: 'q' }); // offered 20 000
    clock.advanceTo(23_000);
    router.answer('c1'); // busy 23 000
    clock.advanceTo(50_000);
    // Mid-call: available 20 000, offered 3 000, busy 27 000 so far.
    expect(router.agentStats('ana')).toMatchObject({
      state: 'busy',
      timeInStateMs: { available: 20_000, offered: 3_000, busy: 27_000, 'wrap-up': 0 },
      callsHandled: 1,
      talkTimeMs: 0, // counted when the call ends
      occupancy: 30_000 / 50_000, // (3 000 + 27 000) / (30 000 + 20 000)
    });
    clock.advanceTo(83_000);
    router.complete('c1'); // talk 60 000; wrap-up 83 000 → 93 000
    clock.advanceTo(88_000);
    expect(router.agentStats('ana')).toMatchObject({ state: 'wrap-up', wrapUpTimeMs: 5_000, talkTimeMs: 60_000 });
    clock.advanceTo(100_000); // available again from 93 000
    router.enqueue({ id: 'c2', queue: 'q' }); // offered 100 000
    clock.advanceTo(105_000); // offer timeout (missed 1), offered again at once
    clock.advanceTo(107_000);
    router.decline('c2'); // missed 2, offered again at once
    clock.advanceTo(110_000);
    router.answer('c2'); // busy 110 000
    clock.advanceTo(130_000);
    router.complete('c2', { wrapUpMs: 0 }); // talk 20 000; available 130 000
    clock.advanceTo(150_000);
    router.setAgentState('ana', 'not-ready', 'training');
    clock.advanceTo(200_000);

    // available: 0–20 000, 93 000–100 000, 130 000–150 000 = 20 000 + 7 000 + 20 000 = 47 000
    // offered: 20 000–23 000, 100 000–110 000 = 3 000 + 10 000 = 13 000
    // busy: 23 000–83 000, 110 000–130 000 = 60 000 + 20 000 = 80 000
    // wrap-up: 83 000–93 000 = 10 000; not-ready: 150 000–200 000 = 50 000 (total 200 000)
    expect(router.agentStats('ana')).toEqual({
      agentId: 'ana',
      atMs: 200_000,
      state: 'not-ready',
      presence: 'not-ready',
      stateSinceMs: 150_000,
      timeInStateMs: { offline: 0, available: 47_000, 'not-ready': 50_000, offered: 13_000, busy: 80_000, 'wrap-up': 10_000 },
      callsHandled: 2,
      talkTimeMs: 80_000, // 60 000 + 20 000
      wrapUpTimeMs: 10_000,
      idleTimeMs: 47_000,
      missedOffers: 2, // the timeout and the decline
      occupancy: 103_000 / 150_000, // (13 000 + 80 000 + 10 000) / (103 000 + 47 000); not-ready left out
      outcomes: 0,
      resolved: 0,
      fcr: null,
      surveys: 0,
      csat: null,
    });
  });

  it('counts declines and offer timeouts as missed, not an offer the engine revoked; never resets the count', () => {
    const { clock, router } = createRouter({ maxMissedOffers: 0 });
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(10_000); // timed out: missed 1, offered again
    clock.advanceTo(12_000);
    router.decline('c1'); // missed 2, offered again
    clock.advanceTo(13_000);
    router.setAgentState('ana', 'not-ready'); // revoked: not missed
    clock.advanceTo(14_000);
    router.setAgentState('ana', 'available');
    router.answer('c1');
    expect(router.agentStats('ana').missedOffers).toBe(2);
    expect(router.getAgent('ana').missedOffers).toBe(0); // the snapshot counts misses in a row
  });

  it('keeps the state busy when the presence changes under a call, and counts the time as busy', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 10_000 });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1'); // busy from 0
    clock.advanceTo(30_000);
    router.setAgentState('bob', 'not-ready', 'lunch');
    clock.advanceTo(40_000);
    expect(router.agentStats('bob')).toMatchObject({
      state: 'busy',
      presence: 'not-ready',
      timeInStateMs: { busy: 40_000, 'not-ready': 0 },
    });
    router.complete('c1'); // wrap-up 40 000 → 50 000, then not-ready
    clock.advanceTo(45_000);
    expect(router.agentStats('bob')).toMatchObject({ state: 'wrap-up', presence: 'not-ready', wrapUpTimeMs: 5_000 });
    clock.advanceTo(70_000);
    expect(router.agentStats('bob')).toMatchObject({
      state: 'not-ready',
      presence: 'not-ready',
      stateSinceMs: 50_000,
      timeInStateMs: { busy: 40_000, 'wrap-up': 10_000, 'not-ready': 20_000 },
      wrapUpTimeMs: 10_000,
      talkTimeMs: 40_000,
      occupancy: 1, // 50 000 working / (50 000 + 0 idle)
    });
  });

  // Engine bug: the collector sets stateSinceMs at every agent:state-changed, also the busy → busy one that
  // only reports a new presence; the router keeps it (AgentSnapshot: "time of the last change of state").
  it('keeps stateSinceMs when only the presence changes under a call, as the agent snapshot does', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    clock.advanceTo(5_000);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1'); // busy since 5 000
    clock.advanceTo(30_000);
    router.setAgentState('bob', 'not-ready', 'lunch'); // still busy
    expect(router.getAgent('bob')).toMatchObject({ state: 'busy', stateSinceMs: 5_000 });
    expect(router.agentStats('bob')).toMatchObject({ state: 'busy', stateSinceMs: 5_000 });
  });

  it('counts the talk time of transferred calls and unanswered callback attempts, and callback dials as calls handled', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: Infinity, callback: { maxAttempts: 2, retryDelayMs: 60_000 } });
    router.addQueue({ id: 'q2' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' }); // rings ana
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advanceTo(1_000);
    router.answer('c1');
    clock.advanceTo(10_000);
    router.requestCallback('c2');
    clock.advanceTo(31_000);
    router.transfer('c1', { queue: 'q2' }); // talk 30 000; no wrap-up: c2 (callback) rings ana
    clock.advanceTo(32_000);
    router.answer('c2'); // ana dials
    clock.advanceTo(47_000);
    router.callbackUnanswered('c2'); // attempt 1 of 2: talk 15 000; retried at 107 000
    clock.advanceTo(107_000); // c2 back in line, rings ana
    clock.advanceTo(108_000);
    router.answer('c2'); // attempt 2
    clock.advanceTo(168_000);
    router.complete('c2'); // reached: talk 60 000
    expect(router.agentStats('ana')).toMatchObject({
      callsHandled: 3, // c1, c2 twice
      talkTimeMs: 105_000, // 30 000 + 15 000 + 60 000
      timeInStateMs: { busy: 105_000 },
    });
    expect(router.getAgent('ana').talkTimeMs).toBe(105_000);
    // The queue counts the talk of completed calls only; each entry of the callback into line counts as entered.
    expect(router.queueStats('q').totals).toMatchObject({
      entered: 3, // c1, c2, c2 again after the retry delay
      answered: 1,
      callbacksRequested: 1,
      callbacksDialled: 2,
      transferredOut: 1,
      completed: 1,
      talkTimeMs: 60_000,
    });
  });

  it('stops counting an agent once removed', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    clock.advanceTo(10_000);
    router.removeAgent('ana');
    expect(router.stats()).toMatchObject({ agents: 0, agentsLoggedIn: 0, agentsAvailable: 0 });
    expect(() => router.agentStats('ana')).toThrow(expect.objectContaining({ code: 'UNKNOWN_AGENT' }));
  });
});
