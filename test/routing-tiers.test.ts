import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

describe('tier levels', () => {
  it('offers a level-1 agent before a level-2 agent that has been idle longer', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'backup', queues: { q: 2 }, state: 'available' });
    clock.advance(60_000);
    router.addAgent({ id: 'main', queues: { q: 1 }, state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('main');
    expect(router.enqueue({ id: 'c2', queue: 'q' }).agentId).toBe('backup');
  });

  it('goes down the levels in order: 1, then 2, then 3', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'linear' });
    router.addAgent({ id: 'l3', queues: { q: 3 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'l2', queues: { q: 2 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'l1', queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3', 'c4']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->l1', 'c2->l2', 'c3->l3']);
    expect(router.getCall('c4').status).toBe('waiting');
  });

  it('orders agents within a level by the queue strategy', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' }); // longest idle
    router.addAgent({ id: 'l2-old', queues: { q: 2 }, state: 'available' });
    router.addAgent({ id: 'l1-new', queues: { q: 1 } });
    router.addAgent({ id: 'l1-old', queues: { q: 1 } });
    router.addAgent({ id: 'l2-new', queues: { q: 2 } });
    clock.advance(1_000);
    router.setAgentState('l1-old', 'available');
    clock.advance(1_000);
    router.setAgentState('l1-new', 'available');
    router.setAgentState('l2-new', 'available');
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3', 'c4']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->l1-old', 'c2->l1-new', 'c3->l2-old', 'c4->l2-new']);
  });

  it('gives the call to a level-2 agent when no level-1 agent is free', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'main', queues: { q: 1 }, state: 'not-ready' });
    router.addAgent({ id: 'backup', queues: { q: 2 }, state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('backup');
    router.answer('c1');
    router.setAgentState('main', 'available');
    expect(router.enqueue({ id: 'c2', queue: 'q' }).agentId).toBe('main');
  });

  it('lets a freed level-2 agent take a waiting call while every level-1 agent is busy', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'main', queues: { q: 1 }, state: 'available' });
    router.addAgent({ id: 'backup', queues: { q: 2 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.enqueue({ id: 'c2', queue: 'q' });
    router.answer('c2');
    router.enqueue({ id: 'c3', queue: 'q' });
    expect(router.getCall('c3').status).toBe('waiting');
    router.complete('c2');
    expect(router.getCall('c3')).toMatchObject({ status: 'offered', agentId: 'backup' });
  });

  it('applies levels per queue', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'sales' });
    router.addQueue({ id: 'support' });
    router.addAgent({ id: 'x', queues: { sales: 1, support: 2 }, state: 'available' });
    router.addAgent({ id: 'y', queues: { sales: 2, support: 1 }, state: 'available' });
    expect(router.getAgent('x').queues).toEqual({ sales: 1, support: 2 });
    expect(router.enqueue({ id: 's1', queue: 'support' }).agentId).toBe('y');
    expect(router.enqueue({ id: 'p1', queue: 'sales' }).agentId).toBe('x');
  });

  it('ranks levels before skill under most-skilled', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'expert', queues: { q: 2 }, skills: { sales: 5 }, state: 'available' });
    router.addAgent({ id: 'novice', queues: { q: 1 }, skills: { sales: 1 }, state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 1 } }).agentId).toBe('novice');
  });

  it('treats a list of queue ids as level 1 everywhere', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'a' });
    router.addQueue({ id: 'b' });
    expect(router.addAgent({ id: 'x', queues: ['a', 'b'] }).queues).toEqual({ a: 1, b: 1 });
  });
});
