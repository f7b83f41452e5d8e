import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

describe("strategy 'longest-idle'", () => {
  it('is the default strategy', () => {
    const { router } = createRouter();
    expect(router.addQueue({ id: 'q' }).strategy).toBe('longest-idle');
  });

  it('offers the agent that came available longest ago, not the first added', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'a', queues: ['q'] });
    router.addAgent({ id: 'b', queues: ['q'] });
    router.addAgent({ id: 'c', queues: ['q'] });
    router.setAgentState('c', 'available');
    clock.advance(1_000);
    router.setAgentState('a', 'available');
    clock.advance(1_000);
    router.setAgentState('b', 'available');
    expect(router.getAgent('c').idleSinceMs).toBe(0);
    expect(router.getAgent('a').idleSinceMs).toBe(1_000);
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    router.enqueue({ id: 'c3', queue: 'q' });
    expect(offers).toEqual(['c1->c', 'c2->a', 'c3->b']);
  });

  it('restarts an agent idle time when its call ends', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    for (const id of ['a', 'b', 'c']) {
      router.addAgent({ id, queues: ['q'], state: 'available' });
      clock.advance(1_000);
    }
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(offers).toEqual(['c1->a']);
    router.answer('c1');
    clock.advance(5_000);
    router.complete('c1');
    expect(router.getAgent('a').idleSinceMs).toBe(8_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    router.enqueue({ id: 'c3', queue: 'q' });
    router.enqueue({ id: 'c4', queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->a']);
  });

  it('counts idle time from the end of wrap-up, not from the end of the call', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'] });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    clock.advance(100);
    router.complete('c1', { wrapUpMs: 1_000 }); // wrap-up until 1_100
    clock.advance(400);
    router.setAgentState('b', 'available'); // idle since 500
    clock.advance(10_000);
    expect(router.getAgent('a').idleSinceMs).toBe(1_100);
    expect(router.enqueue({ id: 'c2', queue: 'q' }).agentId).toBe('b');
  });

  it('restarts idle time when an agent comes back from not-ready', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
    clock.advance(1_000);
    router.setAgentState('a', 'not-ready', 'coffee');
    clock.advance(1_000);
    router.setAgentState('a', 'available');
    expect(router.getAgent('a').idleSinceMs).toBe(3_000);
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('b');
  });

  it('breaks ties by the order agents were added', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    for (const id of ['zed', 'amy', 'kim']) router.addAgent({ id, queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->zed', 'c2->amy', 'c3->kim']);
  });
});
