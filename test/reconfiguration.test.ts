import { describe, expect, it } from 'vitest';
import { InvalidStateError, UnknownAgentError, UnknownQueueError } from '../src/index.js';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

describe('reconfiguration at run time', () => {
  describe('updateQueue', () => {
    it('changes the strategy for the next decision', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
      router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' }); // a (tie, added first)
      router.answer('c1');
      clock.advance(1_000);
      router.complete('c1'); // a idle since 1 000, b since 0
      const snapshot = router.updateQueue('q', { strategy: 'linear' });
      expect(snapshot).toMatchObject({ id: 'q', strategy: 'linear', weight: 1, offerTimeoutMs: 15_000, wrapUpMs: 0 });
      // Longest idle would pick b; linear picks a, added first.
      expect(router.enqueue({ id: 'c2', queue: 'q' }).agentId).toBe('a');
    });

    it('changes the weight for the next decision', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'qa' });
      router.addQueue({ id: 'qb' });
      router.addAgent({ id: 'ana', queues: ['qa', 'qb'], state: 'available' });
      router.enqueue({ id: 'busy', queue: 'qa' });
      router.answer('busy');
      router.enqueue({ id: 'b', queue: 'qb' });
      clock.advance(4_000);
      router.enqueue({ id: 'a', queue: 'qa' });
      clock.advance(1_000); // b waited 5 s, a 1 s
      router.updateQueue('qa', { weight: 6 });
      expect(router.getQueue('qa').weight).toBe(6);
      router.complete('busy');
      expect(router.getCall('a')).toMatchObject({ status: 'offered', agentId: 'ana' });
    });

    it('applies a new offerTimeoutMs to the next offer, not to the one ringing', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q', offerTimeoutMs: 15_000 });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      const events = recordEvents(router, ['call:offer-timeout', 'call:offered']);
      router.enqueue({ id: 'c1', queue: 'q' });
      router.updateQueue('q', { offerTimeoutMs: 5_000 });
      clock.advance(14_999);
      expect(eventsOf(events, 'call:offer-timeout')).toEqual([]);
      clock.advance(1);
      expect(eventsOf(events, 'call:offer-timeout')).toHaveLength(1);
      expect(eventsOf(events, 'call:offered').at(-1)).toMatchObject({ atMs: 15_000, expiresAtMs: 20_000 });
    });

    it('applies a new wrapUpMs to the next completion', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      router.answer('c1');
      router.updateQueue('q', { wrapUpMs: 8_000 });
      router.complete('c1');
      expect(router.getAgent('ana').state).toBe('wrap-up');
      clock.advance(8_000);
      expect(router.getAgent('ana').state).toBe('available');
    });

    it('leaves fields it was not given alone', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q', strategy: 'round-robin', weight: 3, offerTimeoutMs: 9_000, wrapUpMs: 1_000 });
      expect(router.updateQueue('q', {})).toMatchObject({ strategy: 'round-robin', weight: 3, offerTimeoutMs: 9_000, wrapUpMs: 1_000 });
      expect(router.updateQueue('q', { weight: 0.5 })).toMatchObject({ strategy: 'round-robin', weight: 0.5, offerTimeoutMs: 9_000 });
    });
  });

  describe('updateAgent', () => {
    it('changes skills while the agent works: the connected call stays, new offers follow the new skills', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      router.answer('c1');
      router.enqueue({ id: 'es', queue: 'q', requirements: { spanish: 2 } });
      const snapshot = router.updateAgent('ana', { skills: { spanish: 3 } });
      expect(snapshot).toMatchObject({ skills: { spanish: 3 }, state: 'busy', callIds: ['c1'] });
      expect(router.getCall('c1')).toMatchObject({ status: 'talking', agentId: 'ana' });
      router.complete('c1');
      expect(router.getCall('es')).toMatchObject({ status: 'offered', agentId: 'ana' });
    });

    it('stops offering calls that need a skill the agent lost', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 3 }, state: 'available' });
      router.updateAgent('ana', { skills: { spanish: 1 } });
      router.enqueue({ id: 'es', queue: 'q', requirements: { spanish: 2 } });
      expect(router.getCall('es').status).toBe('waiting');
      router.updateAgent('ana', { skills: { spanish: 2 } });
      expect(router.getCall('es')).toMatchObject({ status: 'offered', agentId: 'ana' });
    });

    it('routes a waiting call of a newly joined queue at once; an offer from a left queue keeps ringing', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q1' });
      router.addQueue({ id: 'q2' });
      router.addAgent({ id: 'ana', queues: ['q1'], state: 'available' });
      router.enqueue({ id: 'c2', queue: 'q2' });
      router.updateAgent('ana', { queues: ['q1', 'q2'] });
      expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
      router.updateAgent('ana', { queues: ['q1'] });
      expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
      router.answer('c2');
      router.complete('c2');
      router.enqueue({ id: 'c3', queue: 'q2' });
      expect(router.getCall('c3').status).toBe('waiting');
      expect(router.getAgent('ana').queues).toEqual({ q1: 1 });
    });

    it('changes tier levels', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'a', queues: { q: 2 }, state: 'available' });
      router.addAgent({ id: 'b', queues: { q: 1 }, state: 'available' });
      router.updateAgent('a', { queues: { q: 1 } });
      router.updateAgent('b', { queues: { q: 2 } });
      expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('a');
    });

    it('offers more calls at once when capacity grows', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 1 }, state: 'available' });
      for (const id of ['c1', 'c2', 'c3', 'c4']) router.enqueue({ id, queue: 'q', channel: 'chat' });
      router.answer('c1');
      router.updateAgent('ana', { capacity: { chat: 3 } });
      expect(router.getAgent('ana')).toMatchObject({ capacity: { chat: 3 }, load: { chat: 3 }, callIds: ['c1', 'c2', 'c3'] });
      expect(waitingIds(router, 'q')).toEqual(['c4']);
    });

    it('offers nothing new until the load drops below a reduced capacity', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
      for (const id of ['c1', 'c2', 'c3', 'c4']) router.enqueue({ id, queue: 'q', channel: 'chat' });
      for (const id of ['c1', 'c2', 'c3']) router.answer(id);
      router.updateAgent('ana', { capacity: { chat: 1 } });
      router.complete('c1');
      router.complete('c2');
      expect(router.getCall('c4').status).toBe('waiting');
      router.complete('c3');
      expect(router.getCall('c4')).toMatchObject({ status: 'offered', agentId: 'ana' });
    });

    it('lets a connected call finish on a channel the agent no longer takes', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'v1', queue: 'q' });
      router.answer('v1');
      router.updateAgent('ana', { capacity: { chat: 1 } });
      expect(router.getAgent('ana').capacity).toEqual({ chat: 1 });
      router.enqueue({ id: 'chat1', queue: 'q', channel: 'chat' });
      expect(router.getCall('chat1')).toMatchObject({ status: 'offered', agentId: 'ana' });
      router.complete('v1');
      router.enqueue({ id: 'v2', queue: 'q' });
      expect(router.getCall('v2').status).toBe('waiting');
      expect(router.getAgent('ana').load).toEqual({ chat: 1 });
    });
  });

  describe('removeQueue', () => {
    it.each([
      ['a waiting call', 'waiting'],
      ['an offered call', 'offered'],
      ['a connected call', 'talking'],
    ] as const)('refuses to remove a queue with %s (INVALID_STATE)', (_label, status) => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      if (status !== 'waiting') router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      if (status === 'talking') router.answer('c1');
      expect(router.getCall('c1').status).toBe(status);
      expect(() => router.removeQueue('q')).toThrow(InvalidStateError);
      expect(router.hasQueue('q')).toBe(true);
      expect(router.getCall('c1').status).toBe(status);
    });

    it('removes an empty queue: agents stop serving it, other queues carry on', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q1' });
      router.addQueue({ id: 'q2' });
      router.addAgent({ id: 'ana', queues: { q1: 1, q2: 2 }, state: 'available' });
      router.addAgent({ id: 'bob', queues: ['q2'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q1' });
      router.abandon('c1');
      router.removeQueue('q2');
      expect(router.queueIds()).toEqual(['q1']);
      expect(router.hasQueue('q2')).toBe(false);
      expect(() => router.getQueue('q2')).toThrow(UnknownQueueError);
      expect(() => router.enqueue({ id: 'c2', queue: 'q2' })).toThrow(UnknownQueueError);
      expect(router.getAgent('ana').queues).toEqual({ q1: 1 });
      expect(router.getAgent('bob').queues).toEqual({});
      expect(router.enqueue({ id: 'c3', queue: 'q1' }).agentId).toBe('ana');
    });

    it('does not let former members serve a new queue with the same id', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.removeQueue('q');
      router.addQueue({ id: 'q' });
      router.enqueue({ id: 'c1', queue: 'q' });
      expect(router.getCall('c1').status).toBe('waiting');
      router.updateAgent('ana', { queues: ['q'] });
      expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
    });
  });

  describe('removeAgent', () => {
    it('refuses to remove an agent connected to a call (INVALID_STATE)', () => {
      const { router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      router.answer('c1');
      expect(() => router.removeAgent('ana')).toThrow(InvalidStateError);
      expect(router.getAgent('ana')).toMatchObject({ state: 'busy', callIds: ['c1'] });
      expect(router.getCall('c1').status).toBe('talking');
    });

    it('revokes offers ringing the agent: the call returns to its place and may go to another agent', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.addAgent({ id: 'bob', queues: ['q'] });
      router.enqueue({ id: 'c1', queue: 'q' });
      clock.advance(1_000);
      router.enqueue({ id: 'c2', queue: 'q' });
      const events = recordEvents(router);
      router.removeAgent('ana');
      expect(eventsOf(events, 'call:offer-revoked')).toEqual([
        { callId: 'c1', queueId: 'q', agentId: 'ana', atMs: 1_000, reason: 'agent-removed' },
      ]);
      expect(waitingIds(router, 'q')).toEqual(['c1', 'c2']);
      expect(router.hasAgent('ana')).toBe(false);
      expect(router.agentIds()).toEqual(['bob']);
      expect(() => router.getAgent('ana')).toThrow(UnknownAgentError);
      router.setAgentState('bob', 'available');
      expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob', offers: 2 });
    });

    it('removes an agent in wrap-up; its timers do not touch a new agent with the same id', () => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q', wrapUpMs: 10_000, offerTimeoutMs: Infinity });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q' });
      router.answer('c1');
      router.complete('c1');
      expect(router.getAgent('ana').state).toBe('wrap-up');
      router.removeAgent('ana');
      clock.advance(1_000);
      router.addAgent({ id: 'ana', queues: ['q'], capacity: { voice: 2 }, state: 'available' });
      router.enqueue({ id: 'c2', queue: 'q' });
      router.answer('c2');
      router.enqueue({ id: 'c3', queue: 'q' });
      const events = recordEvents(router, ['agent:state-changed']);
      clock.advance(20_000);
      expect(events).toEqual([]);
      expect(router.getAgent('ana')).toMatchObject({ state: 'offered', load: { voice: 2 }, callIds: ['c2', 'c3'] });
    });
  });
});
