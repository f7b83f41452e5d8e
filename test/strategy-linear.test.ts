import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

describe("strategy 'linear'", () => {
  it('always offers the free agent added first', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'linear' });
    for (const id of ['zed', 'amy', 'kim']) router.addAgent({ id, queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3']) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
      clock.advance(1_000);
      router.complete(id);
    }
    // zed was freed last every time, yet is always first in line.
    expect(offers).toEqual(['c1->zed', 'c2->zed', 'c3->zed']);
  });

  it('goes down the list while earlier agents are busy', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'linear' });
    for (const id of ['a', 'b', 'c']) router.addAgent({ id, queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3', 'c4']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c']);
    router.answer('c2');
    router.complete('c2');
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->b']);
  });

  it('ignores how long agents have been idle', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'linear' });
    router.addAgent({ id: 'first', queues: ['q'] });
    router.addAgent({ id: 'second', queues: ['q'], state: 'available' });
    clock.advance(60_000);
    router.setAgentState('first', 'available');
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('first');
  });

  it('puts a removed and re-added agent at the end of the order', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'linear' });
    for (const id of ['a', 'b']) router.addAgent({ id, queues: ['q'], state: 'available' });
    router.removeAgent('a');
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('b');
  });
});
