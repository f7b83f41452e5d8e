import { describe, expect, it } from 'vitest';
import { InvalidStateError, UnknownCallError } from '../src/index.js';
import { createRouter, eventsOf, recordEvents, serveAll, waitingIds } from './support/fixtures.js';

describe('abandon', () => {
  it('removes a waiting call from the line; the others keep their order', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    const events = recordEvents(router, ['call:abandoned']);
    for (const id of ['c1', 'c2', 'c3']) {
      router.enqueue({ id, queue: 'q' });
      clock.advance(1_000);
    }
    router.abandon('c2');
    expect(eventsOf(events, 'call:abandoned')).toEqual([
      { callId: 'c2', queueId: 'q', atMs: 3_000, phase: 'waiting', agentId: undefined, waitMs: 2_000 },
    ]);
    expect(router.hasCall('c2')).toBe(false);
    expect(() => router.getCall('c2')).toThrow(UnknownCallError);
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c3']);
    expect(router.getQueue('q')).toMatchObject({ waiting: 2, offered: 0, talking: 0 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['c1', 'c3']);
  });

  it('frees the agent of an offered call, which takes the next call at once', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(4_000);
    router.abandon('c1');
    expect(eventsOf(events, 'call:abandoned')).toEqual([
      { callId: 'c1', queueId: 'q', atMs: 4_000, phase: 'offered', agentId: 'ana', waitMs: 4_000 },
    ]);
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana', offeredAtMs: 4_000 });
    expect(router.getAgent('ana')).toMatchObject({ callIds: ['c2'], load: { voice: 1 }, missedOffers: 0 });
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 1 });
    clock.advance(6_000); // c1's offer would have expired now
    expect(eventsOf(events, 'call:offer-timeout')).toEqual([]);
  });

  it('leaves an agent whose offered call was abandoned available when nothing waits', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.abandon('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [], load: {} });
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 0, talking: 0 });
  });

  it('refuses to abandon a connected call (INVALID_STATE) and changes nothing', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    expect(() => router.abandon('c1')).toThrow(InvalidStateError);
    expect(router.getCall('c1')).toMatchObject({ status: 'talking', agentId: 'ana' });
    expect(router.getAgent('ana').state).toBe('busy');
  });

  it('forgets an abandoned call: abandoning it again is UNKNOWN_CALL, and its id may be used again', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.abandon('c1');
    expect(() => router.abandon('c1')).toThrow(expect.objectContaining({ code: 'UNKNOWN_CALL' }));
    clock.advance(500);
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', arrivalMs: 500, offers: 0 });
  });

  it('keeps the line in order when most of a long line hangs up', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    const ids = Array.from({ length: 300 }, (_, i) => `c${i}`);
    ids.forEach((id, i) => {
      router.enqueue({ id, queue: 'q', priority: i % 2 });
      if (i % 10 === 0) clock.advance(1);
    });
    const kept = ids.filter((_, i) => i % 5 === 0);
    for (const id of ids) if (!kept.includes(id)) router.abandon(id);
    const expected = [...kept.filter((_, i) => i % 2 === 1), ...kept.filter((_, i) => i % 2 === 0)];
    // kept holds every 5th call: c0 (priority 0), c5 (1), c10 (0) … so odd positions have priority 1.
    expect(router.waitingCalls('q').every((call, i, all) => i === 0 || all[i - 1]!.priority >= call.priority)).toBe(true);
    expect(waitingIds(router, 'q')).toEqual(expected);
    expect(router.getQueue('q').waiting).toBe(kept.length);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(expected);
  });
});
