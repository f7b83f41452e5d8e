import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

describe("strategy 'fewest-calls'", () => {
  it('offers the agent that has answered the fewest calls', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'fewest-calls' });
    for (const id of ['a', 'b', 'c']) router.addAgent({ id, queues: ['q'] });
    const handle = (callId: string): void => {
      router.enqueue({ id: callId, queue: 'q' });
      router.answer(callId);
      router.complete(callId);
    };
    router.setAgentState('a', 'available');
    handle('a1');
    handle('a2');
    router.setAgentState('b', 'available');
    router.setAgentState('a', 'not-ready');
    handle('b1');
    router.setAgentState('a', 'available');
    clock.advance(1_000);
    router.setAgentState('c', 'available'); // idle the shortest, and no calls yet
    expect(['a', 'b', 'c'].map((id) => router.getAgent(id).callsHandled)).toEqual([2, 1, 0]);
    const offers = recordOffers(router);
    handle('x1');
    expect(offers).toEqual(['x1->c']);
    // b and c have answered one call each: the tie goes to the agent added first.
    handle('x2');
    expect(offers).toEqual(['x1->c', 'x2->b']);
  });

  it('counts answered calls only: a declined offer does not count', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'fewest-calls' });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q' }); // a (tie, added first)
    router.decline('c1'); // goes to b
    router.answer('c1');
    router.complete('c1');
    expect(router.getAgent('a').callsHandled).toBe(0);
    expect(router.getAgent('b').callsHandled).toBe(1);
    router.enqueue({ id: 'c2', queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c1->b', 'c2->a']);
  });

  it('counts a call as soon as it is answered', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'fewest-calls' });
    router.addAgent({ id: 'a', queues: ['q'], capacity: { chat: 2 }, state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'], capacity: { chat: 2 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q', channel: 'chat' }); // a
    router.answer('c1');
    expect(router.getAgent('a').callsHandled).toBe(1);
    expect(router.enqueue({ id: 'c2', queue: 'q', channel: 'chat' }).agentId).toBe('b');
  });
});
