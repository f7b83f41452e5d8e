import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers, waitingIds } from './support/fixtures.js';

describe('skills and requirements', () => {
  it('never offers a call to an agent lacking a required skill', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ned', queues: ['q'], skills: { billing: 5 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 1 } });
    clock.advance(3_600_000);
    expect(offers).toEqual([]);
    expect(router.getCall('c1').status).toBe('waiting');
    expect(router.getAgent('ned').state).toBe('available');
    router.addAgent({ id: 'sol', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
    expect(offers).toEqual(['c1->sol']);
  });

  it('never offers a call to an agent below the minimum proficiency; the minimum itself is enough', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'low', queues: ['q'], skills: { spanish: 2 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    expect(offers).toEqual([]);
    router.addAgent({ id: 'exact', queues: ['q'], skills: { spanish: 3 }, state: 'available' });
    expect(offers).toEqual(['c1->exact']);
    router.enqueue({ id: 'c2', queue: 'q', requirements: { spanish: 3 } });
    expect(router.getCall('c2').status).toBe('waiting');
  });

  it('requires every listed skill', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'only-spanish', queues: ['q'], skills: { spanish: 5 }, state: 'available' });
    router.addAgent({ id: 'only-billing', queues: ['q'], skills: { billing: 5 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 2, billing: 1 } });
    expect(offers).toEqual([]);
    router.addAgent({ id: 'both', queues: ['q'], skills: { spanish: 2, billing: 4, french: 1 }, state: 'available' });
    expect(offers).toEqual(['c1->both']);
  });

  it('lets any agent take a call without requirements, skilled or not', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'expert', queues: ['q'], skills: { spanish: 5 }, state: 'available' });
    router.addAgent({ id: 'plain', queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q', requirements: {} });
    expect(offers).toEqual(['c1->expert', 'c2->plain']);
  });

  it('a freed agent passes over older calls it cannot take and takes the best one it can', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'bea', queues: ['q'], skills: { billing: 3 }, state: 'available' });
    router.enqueue({ id: 'busy', queue: 'q' });
    router.answer('busy');
    router.enqueue({ id: 'spanish', queue: 'q', requirements: { spanish: 1 } });
    clock.advance(1_000);
    router.enqueue({ id: 'billing-hard', queue: 'q', requirements: { billing: 4 } });
    clock.advance(1_000);
    router.enqueue({ id: 'billing', queue: 'q', requirements: { billing: 2 } });
    clock.advance(1_000);
    const offers = recordOffers(router);
    router.complete('busy');
    expect(offers).toEqual(['billing->bea']);
    expect(waitingIds(router, 'q')).toEqual(['spanish', 'billing-hard']);
  });

  it('chooses among eligible agents only, by the queue strategy (longest idle here)', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'novice', queues: ['q'], skills: { sales: 1 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'mid', queues: ['q'], skills: { sales: 3 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'senior', queues: ['q'], skills: { sales: 4 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'expert', queues: ['q'], skills: { sales: 5 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 3 } });
    router.enqueue({ id: 'c2', queue: 'q', requirements: { sales: 3 } });
    router.enqueue({ id: 'c3', queue: 'q', requirements: { sales: 3 } });
    router.enqueue({ id: 'c4', queue: 'q', requirements: { sales: 3 } });
    // novice is idle longest but is never eligible.
    expect(offers).toEqual(['c1->mid', 'c2->senior', 'c3->expert']);
    expect(router.getCall('c4').status).toBe('waiting');
    expect(router.getAgent('novice').state).toBe('available');
  });

  it('chooses the best-skilled eligible agent with the most-skilled strategy', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'most-skilled' });
    router.addAgent({ id: 'novice', queues: ['q'], skills: { sales: 1 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'expert', queues: ['q'], skills: { sales: 5 }, state: 'available' });
    clock.advance(1_000);
    router.addAgent({ id: 'mid', queues: ['q'], skills: { sales: 3 }, state: 'available' });
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { sales: 2 } });
    router.enqueue({ id: 'c2', queue: 'q', requirements: { sales: 2 } });
    router.enqueue({ id: 'c3', queue: 'q', requirements: { sales: 2 } });
    expect(offers).toEqual(['c1->expert', 'c2->mid']);
    expect(router.getCall('c3').status).toBe('waiting');
  });
});
