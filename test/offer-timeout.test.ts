import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

describe('offer timeout', () => {
  it('times an offer out after the queue offerTimeoutMs and reports call:offer-timeout', () => {
    const { clock, router } = createRouter({ noAnswerDelayMs: 60_000 });
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    clock.advance(500);
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(eventsOf(events, 'call:offered')).toEqual([
      expect.objectContaining({ callId: 'c1', agentId: 'ana', atMs: 500, expiresAtMs: 10_500, attempt: 1 }),
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', offeredAtMs: 500, offerExpiresAtMs: 10_500 });
    clock.advance(9_999);
    expect(eventsOf(events, 'call:offer-timeout')).toEqual([]);
    expect(router.getCall('c1').status).toBe('offered');
    clock.advance(1);
    expect(eventsOf(events, 'call:offer-timeout')).toEqual([
      { callId: 'c1', queueId: 'q', agentId: 'ana', atMs: 10_500 },
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', offers: 1 });
    expect(router.getQueue('q')).toMatchObject({ waiting: 1, offered: 0 });
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [], load: {}, missedOffers: 1 });
  });

  it('uses 15 s by default', () => {
    const { clock, router } = createRouter({ noAnswerDelayMs: 60_000 });
    expect(router.addQueue({ id: 'q' }).offerTimeoutMs).toBe(15_000);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(14_999);
    expect(router.getCall('c1').status).toBe('offered');
    clock.advance(1);
    expect(router.getCall('c1').status).toBe('waiting');
  });

  it('returns the call to its place in line, ahead of calls that arrived later', () => {
    const { clock, router } = createRouter({ noAnswerDelayMs: 60_000 });
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'first', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'second', queue: 'q' });
    router.enqueue({ id: 'urgent', queue: 'q', priority: 1 });
    router.enqueue({ id: 'third', queue: 'q' });
    clock.advance(9_000);
    expect(waitingIds(router, 'q')).toEqual(['urgent', 'first', 'second', 'third']);
    expect(router.getCall('first').arrivalMs).toBe(0);
  });

  it('offers the returned call to another free agent first, as its next attempt', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    const events = recordEvents(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(5_000);
    router.setAgentState('bob', 'available');
    clock.advance(5_000);
    expect(eventsOf(events, 'call:offered').map(({ agentId, attempt, atMs }) => [agentId, attempt, atMs])).toEqual([
      ['ana', 1, 0],
      ['bob', 2, 10_000],
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob', offers: 2, offerExpiresAtMs: 20_000 });
  });

  it('offers the call again to the same agent when no one else is free, counting attempts', () => {
    const { clock, router } = createRouter({ maxMissedOffers: 0 });
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:offered', 'call:offer-timeout']);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(3_500);
    expect(events.map((event) => [event.name, event.payload.atMs])).toEqual([
      ['call:offered', 0],
      ['call:offer-timeout', 1_000],
      ['call:offered', 1_000],
      ['call:offer-timeout', 2_000],
      ['call:offered', 2_000],
      ['call:offer-timeout', 3_000],
      ['call:offered', 3_000],
    ]);
    expect(eventsOf(events, 'call:offered').map((offer) => offer.attempt)).toEqual([1, 2, 3, 4]);
    expect(router.getCall('c1').offers).toBe(4);
  });

  it('never times out when offerTimeoutMs is Infinity', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(eventsOf(events, 'call:offered')[0]?.expiresAtMs).toBeUndefined();
    const call = router.getCall('c1');
    expect(call.status === 'offered' && call.offerExpiresAtMs).toBeUndefined();
    clock.advance(30 * 24 * 3_600_000);
    expect(router.getCall('c1').status).toBe('offered');
    expect(eventsOf(events, 'call:offer-timeout')).toEqual([]);
  });

  it.each([
    ['answered', (router: ReturnType<typeof createRouter>['router']) => router.answer('c1')],
    ['declined', (router: ReturnType<typeof createRouter>['router']) => router.decline('c1')],
    ['abandoned', (router: ReturnType<typeof createRouter>['router']) => router.abandon('c1')],
  ])('cancels the timeout of an offer %s in time', (label, act) => {
    const { clock, router } = createRouter({ declineDelayMs: 60_000 });
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:offer-timeout']);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(9_999);
    act(router);
    // A declined call waits out ana's 60 s back-off: no new offer, so no timeout, until then.
    clock.advance(50_000);
    expect(events).toEqual([]);
    expect(router.getAgent('ana').missedOffers).toBe(label === 'declined' ? 1 : 0);
  });
});
