import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

describe("strategy 'most-skilled'", () => {
  it('offers the agent with the highest total proficiency in the required skills only', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    // Totals over the required skills (sales, billing): x 6, y 7, z 5. Counting every skill, x would lead with 11.
    router.addAgent({ id: 'x', queues: ['q'], skills: { sales: 5, billing: 1, french: 5 }, state: 'available' });
    router.addAgent({ id: 'y', queues: ['q'], skills: { sales: 3, billing: 4 }, state: 'available' });
    router.addAgent({ id: 'z', queues: ['q'], skills: { sales: 4, billing: 1 }, state: 'available' });
    const offers = recordOffers(router);
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q', requirements: { sales: 1, billing: 1 } });
    expect(offers).toEqual(['c1->y', 'c2->x', 'c3->z']);
  });

  it('never offers an agent below a minimum, however high its total', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'high-total', queues: ['q'], skills: { sales: 2, billing: 5 }, state: 'available' });
    router.addAgent({ id: 'qualified', queues: ['q'], skills: { sales: 3, billing: 1 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 3, billing: 1 } });
    router.enqueue({ id: 'c2', queue: 'q', requirements: { sales: 3, billing: 1 } });
    expect(offers).toEqual(['c1->qualified']);
    expect(router.getCall('c2').status).toBe('waiting');
  });

  it('breaks ties in total proficiency by longest idle, across different skill profiles', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'p', queues: ['q'], skills: { sales: 4, billing: 3 } });
    router.addAgent({ id: 'r', queues: ['q'], skills: { sales: 3, billing: 4 }, state: 'available' });
    clock.advance(1_000);
    router.setAgentState('p', 'available');
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 1, billing: 1 } });
    router.enqueue({ id: 'c2', queue: 'q', requirements: { sales: 1, billing: 1 } });
    expect(offers).toEqual(['c1->r', 'c2->p']);
  });

  it('breaks ties between agents of the same profile by longest idle', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'first', queues: ['q'], skills: { sales: 5 } });
    router.addAgent({ id: 'second', queues: ['q'], skills: { sales: 5 }, state: 'available' });
    clock.advance(1_000);
    router.setAgentState('first', 'available');
    expect(router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 2 } }).agentId).toBe('second');
  });

  it('falls back to longest idle for calls without requirements', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'expert', queues: ['q'], skills: { sales: 5 } });
    router.addAgent({ id: 'plain', queues: ['q'], state: 'available' });
    clock.advance(1_000);
    router.setAgentState('expert', 'available');
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('plain');
  });

  it('takes the next best agent while the best is busy', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'two', queues: ['q'], skills: { sales: 2 }, state: 'available' });
    router.addAgent({ id: 'five', queues: ['q'], skills: { sales: 5 }, state: 'available' });
    router.addAgent({ id: 'four', queues: ['q'], skills: { sales: 4 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 1 } });
    router.answer('c1');
    router.enqueue({ id: 'c2', queue: 'q', requirements: { sales: 1 } });
    router.answer('c2');
    router.complete('c1');
    router.enqueue({ id: 'c3', queue: 'q', requirements: { sales: 1 } });
    expect(offers).toEqual(['c1->five', 'c2->four', 'c3->five']);
  });
});
