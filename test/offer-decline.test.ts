import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

describe('decline', () => {
  it('reports call:declined and puts the call back in line', () => {
    const { clock, router } = createRouter({ declineDelayMs: 60_000 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(2_000);
    router.decline('c1');
    expect(eventsOf(events, 'call:declined')).toEqual([{ callId: 'c1', queueId: 'q', agentId: 'ana', atMs: 2_000 }]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', offers: 1, arrivalMs: 0 });
    expect(router.getQueue('q')).toMatchObject({ waiting: 1, offered: 0 });
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [], missedOffers: 1 });
  });

  it('returns the call to its place in line, ahead of calls that arrived later', () => {
    const { clock, router } = createRouter({ declineDelayMs: 60_000 });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'first', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'second', queue: 'q' });
    router.enqueue({ id: 'urgent', queue: 'q', priority: 1 });
    router.enqueue({ id: 'third', queue: 'q' });
    router.decline('first');
    expect(waitingIds(router, 'q')).toEqual(['urgent', 'first', 'second', 'third']);
  });

  it('offers the declined call to another free agent, as its next attempt', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:offered']);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    expect(eventsOf(events, 'call:offered').map(({ agentId, attempt }) => [agentId, attempt])).toEqual([
      ['ana', 1],
      ['bob', 2],
    ]);
    expect(router.getAgent('ana').state).toBe('available');
  });

  it('offers the call to the declining agent again when no one else is free and it has no back-off', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:offered']);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.decline('c1');
    expect(eventsOf(events, 'call:offered').map(({ agentId, attempt }) => [agentId, attempt])).toEqual([
      ['ana', 1],
      ['ana', 2],
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offers: 2 });
  });

  it('gives the declining agent the next call in line when another agent took the declined one', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' }); // ana
    router.enqueue({ id: 'c2', queue: 'q' }); // bob
    clock.advance(1_000);
    router.enqueue({ id: 'c3', queue: 'q' }); // waits
    router.answer('c2');
    router.complete('c2'); // bob takes c3
    router.decline('c1'); // nobody else free: back to ana
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
    expect(router.getCall('c3')).toMatchObject({ status: 'offered', agentId: 'bob' });
  });

  it('offers a declined chat to another agent with free capacity rather than back to the agent that declined it', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q', channel: 'chat' }); // ana
    router.enqueue({ id: 'c2', queue: 'q', channel: 'chat' }); // bob (lower load)
    router.decline('c1'); // ana now holds nothing, bob one chat with two slots free
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob', offers: 2 });
  });
});
