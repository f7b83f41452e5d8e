import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

describe('missed offers and back-off', () => {
  it('sets an agent not-ready with reason missed-offers after 3 misses in a row by default', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['agent:state-changed', 'call:offered']);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'offered', presence: 'available', missedOffers: 1 });
    router.decline('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'offered', presence: 'available', missedOffers: 2 });
    router.decline('c1');
    expect(router.getAgent('ana')).toMatchObject({
      state: 'not-ready',
      presence: 'not-ready',
      reason: 'missed-offers',
      missedOffers: 3,
    });
    expect(router.getCall('c1').status).toBe('waiting');
    expect(eventsOf(events, 'call:offered')).toHaveLength(3);
    expect(eventsOf(events, 'agent:state-changed').at(-1)).toEqual({
      agentId: 'ana',
      from: 'offered',
      to: 'not-ready',
      presence: 'not-ready',
      reason: 'missed-offers',
      atMs: 0,
    });
  });

  it('counts timeouts and declines alike', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(1_000); // timeout: re-offered
    router.decline('c1'); // re-offered
    expect(router.getAgent('ana').missedOffers).toBe(2);
    clock.advance(1_000);
    expect(router.getAgent('ana')).toMatchObject({ presence: 'not-ready', reason: 'missed-offers' });
    expect(router.getCall('c1').status).toBe('waiting');
  });

  it('resets the count when the agent answers', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    router.decline('c1');
    router.answer('c1');
    expect(router.getAgent('ana').missedOffers).toBe(0);
    router.complete('c1');
    router.enqueue({ id: 'c2', queue: 'q' });
    router.decline('c2');
    router.decline('c2');
    expect(router.getAgent('ana')).toMatchObject({ presence: 'available', missedOffers: 2 });
  });

  it('does not count revoked or abandoned offers', () => {
    const { router } = createRouter({ maxMissedOffers: 1 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.abandon('c1');
    router.enqueue({ id: 'c2', queue: 'q' });
    router.setAgentState('ana', 'not-ready', 'break');
    router.setAgentState('ana', 'available');
    expect(router.getAgent('ana')).toMatchObject({ presence: 'available', missedOffers: 0 });
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('honours maxMissedOffers', () => {
    const { router } = createRouter({ maxMissedOffers: 1 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    expect(router.getAgent('ana')).toMatchObject({ presence: 'not-ready', reason: 'missed-offers', missedOffers: 1 });
  });

  it('never sets the agent not-ready when maxMissedOffers is 0', () => {
    const { clock, router } = createRouter({ maxMissedOffers: 0 });
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    for (let i = 0; i < 10; i++) router.decline('c1');
    clock.advance(10_000);
    expect(router.getAgent('ana')).toMatchObject({ presence: 'available', state: 'offered', missedOffers: 20 });
    expect(router.getCall('c1').offers).toBe(21);
  });

  it('resets the count when the agent comes available again, and offers it calls', () => {
    const { router } = createRouter({ maxMissedOffers: 2 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    router.decline('c1');
    expect(router.getAgent('ana').presence).toBe('not-ready');
    router.setAgentState('ana', 'available');
    expect(router.getAgent('ana')).toMatchObject({ missedOffers: 0, state: 'offered' });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offers: 3 });
  });

  it('withdraws the other offers ringing an agent it sets not-ready', () => {
    const { router } = createRouter({ maxMissedOffers: 1 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
    const events = recordEvents(router, ['call:offer-revoked']);
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q', channel: 'chat' });
    expect(router.getAgent('ana').load).toEqual({ chat: 3 });
    router.decline('c2');
    expect(router.getAgent('ana')).toMatchObject({ presence: 'not-ready', state: 'not-ready', load: {}, callIds: [] });
    expect(eventsOf(events, 'call:offer-revoked').map((e) => [e.callId, e.reason]).sort()).toEqual([
      ['c1', 'agent-unavailable'],
      ['c3', 'agent-unavailable'],
    ]);
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c2', 'c3']);
  });

  describe('back-off', () => {
    it('does not offer a call to an agent during its declineDelayMs, then does', () => {
      const { clock, router } = createRouter({ declineDelayMs: 5_000 });
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      const events = recordEvents(router, ['call:offered']);
      router.enqueue({ id: 'c1', queue: 'q' });
      clock.advance(1_000);
      router.decline('c1');
      expect(router.getAgent('ana')).toMatchObject({ state: 'available', readyAtMs: 6_000 });
      router.enqueue({ id: 'c2', queue: 'q' });
      clock.advance(4_999);
      expect(eventsOf(events, 'call:offered')).toHaveLength(1);
      expect(waitingIds(router, 'q')).toEqual(['c1', 'c2']);
      clock.advance(1);
      expect(eventsOf(events, 'call:offered').map(({ callId, atMs, attempt }) => [callId, atMs, attempt])).toEqual([
        ['c1', 0, 1],
        ['c1', 6_000, 2],
      ]);
      expect(router.getAgent('ana').readyAtMs).toBeUndefined();
    });

    it('uses noAnswerDelayMs after a timeout and declineDelayMs after a decline', () => {
      const { clock, router } = createRouter({ declineDelayMs: 5_000, noAnswerDelayMs: 20_000 });
      router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      clock.advance(10_000);
      expect(router.getAgent('ana').readyAtMs).toBe(30_000);
      clock.advance(19_999);
      expect(router.getCall('c1').status).toBe('waiting');
      clock.advance(1);
      expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offeredAtMs: 30_000 });
      router.decline('c1');
      expect(router.getAgent('ana').readyAtMs).toBe(35_000);
    });

    it('lets other agents take calls meanwhile', () => {
      const { router } = createRouter({ declineDelayMs: 5_000 });
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      router.decline('c1');
      expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
      router.enqueue({ id: 'c2', queue: 'q' });
      expect(router.getCall('c2').status).toBe('waiting');
    });

    it('keeps a multi-channel agent from being offered the call it just declined during its back-off', () => {
      const { clock, router } = createRouter({ declineDelayMs: 5_000 });
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
      const events = recordEvents(router, ['call:offered']);
      router.enqueue({ id: 'c1', queue: 'q', channel: 'chat' });
      router.decline('c1');
      expect(router.getAgent('ana').readyAtMs).toBe(5_000);
      expect(router.getCall('c1').status).toBe('waiting');
      expect(eventsOf(events, 'call:offered')).toHaveLength(1);
      clock.advance(5_000);
      expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offers: 2 });
    });

    it('keeps a multi-channel agent from being offered the call that just timed out during its back-off', () => {
      const { clock, router } = createRouter({ noAnswerDelayMs: 5_000 });
      router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
      router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 2 }, state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q', channel: 'chat' });
      clock.advance(1_000);
      expect(router.getAgent('ana').readyAtMs).toBe(6_000);
      expect(router.getCall('c1').status).toBe('waiting');
    });
  });
});
