import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../src/index.js';
import { createRouter, eventsOf, recordEvents, snapshotRouter, waitingIds } from './support/fixtures.js';

describe('withdraw', () => {
  it('takes a waiting call out of routing; the others keep their order', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 60_000, raisePriority: 1 }] });
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q' });
    clock.advance(5_000);
    const events = recordEvents(router);
    router.withdraw('c2', 'ivr-exit');
    expect(events).toEqual([
      { name: 'call:withdrawn', payload: { callId: 'c2', queueId: 'q', atMs: 5_000, reason: 'ivr-exit', phase: 'waiting', agentId: undefined } },
    ]);
    expect(router.hasCall('c2')).toBe(false);
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c3']);
    expect(router.getQueue('q')).toMatchObject({ waiting: 2 });
    clock.advance(600_000);
    expect(eventsOf(events, 'call:escalated').map((event) => event.callId)).toEqual(['c1', 'c3']);
  });

  it('withdraws a ringing offer: the agent is freed and takes the next call, with no missed offer', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: 10_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(4_000);
    const events = recordEvents(router, ['call:withdrawn', 'call:offered', 'call:offer-timeout']);
    router.withdraw('c1', 'supervisor');
    expect(events.map(({ name, payload }) => [name, payload.callId])).toEqual([
      ['call:withdrawn', 'c1'],
      ['call:offered', 'c2'],
    ]);
    expect(eventsOf(events, 'call:withdrawn')[0]).toEqual({
      callId: 'c1',
      queueId: 'q',
      atMs: 4_000,
      reason: 'supervisor',
      phase: 'offered',
      agentId: 'ana',
    });
    expect(router.getAgent('ana')).toMatchObject({ callIds: ['c2'], missedOffers: 0 });
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 1 });
    router.answer('c2');
    clock.advance(60_000);
    expect(eventsOf(events, 'call:offer-timeout')).toEqual([]);
  });

  it('leaves an agent whose offer was withdrawn available when nothing waits', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.withdraw('c1', 'gone');
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [], load: {} });
  });

  it('refuses a connected call and changes nothing', () => {
    const harness = createRouter();
    const { router } = harness;
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    const before = snapshotRouter(harness);
    const events = recordEvents(router);
    expect(() => router.withdraw('c1', 'nope')).toThrow(InvalidStateError);
    expect(events).toEqual([]);
    expect(snapshotRouter(harness)).toEqual(before);
  });
});

describe('rejoin after an abandon', () => {
  /** Queue `q` (rejoin window 60 s): `mine` (customer `cust`) at 0, `c2` at 10 s, `c3` at 20 s; `mine` abandons at 30 s. */
  function abandoned(queue: { rejoinWindowMs?: number } = { rejoinWindowMs: 60_000 }) {
    const harness = createRouter();
    const { clock, router } = harness;
    router.addQueue({ id: 'q', ...queue });
    router.addQueue({ id: 'q2', rejoinWindowMs: 60_000 });
    router.enqueue({ id: 'mine', queue: 'q', customerId: 'cust' });
    clock.advance(10_000);
    router.enqueue({ id: 'c2', queue: 'q', customerId: 'other' });
    clock.advance(10_000);
    router.enqueue({ id: 'c3', queue: 'q' });
    clock.advance(10_000);
    router.abandon('mine');
    return harness;
  }

  it('gives a caller who calls again within the window the old place back', () => {
    const { clock, router } = abandoned();
    clock.advance(20_000);
    const events = recordEvents(router, ['call:queued']);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(eventsOf(events, 'call:queued')).toEqual([
      {
        callId: 'again',
        queueId: 'q',
        atMs: 50_000,
        priority: 0,
        channel: 'voice',
        kind: 'inbound',
        rejoined: true,
        knownAgentId: undefined,
        customerId: 'cust',
      },
    ]);
    expect(router.getCall('again')).toMatchObject({ lineMs: 0, arrivalMs: 50_000, queuedAtMs: 50_000 });
    expect(waitingIds(router, 'q')).toEqual(['again', 'c2', 'c3']);
    expect(router.positionOf('again')).toBe(1);
  });

  it('uses the old place once', () => {
    const { router } = abandoned();
    expect(router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' })).toMatchObject({ accepted: true });
    const events = recordEvents(router, ['call:queued']);
    router.enqueue({ id: 'third', queue: 'q', customerId: 'cust' });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ rejoined: false });
    expect(waitingIds(router, 'q')).toEqual(['again', 'c2', 'c3', 'third']);
  });

  it('does not after the window', () => {
    const { clock, router } = abandoned();
    clock.advance(60_001);
    const events = recordEvents(router, ['call:queued']);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ rejoined: false });
    expect(router.getCall('again').lineMs).toBe(90_001);
    expect(waitingIds(router, 'q')).toEqual(['c2', 'c3', 'again']);
  });

  it('does not in a different queue', () => {
    const { router } = abandoned();
    const events = recordEvents(router, ['call:queued']);
    router.enqueue({ id: 'again', queue: 'q2', customerId: 'cust' });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ rejoined: false });
    expect(router.getCall('again').lineMs).toBe(30_000);
  });

  it('does not for another customer, or a call with no customer', () => {
    const { router } = abandoned();
    router.enqueue({ id: 'x', queue: 'q', customerId: 'someone' });
    router.enqueue({ id: 'y', queue: 'q' });
    expect(waitingIds(router, 'q')).toEqual(['c2', 'c3', 'x', 'y']);
  });

  it('is off by default', () => {
    const { router } = abandoned({});
    expect(router.getQueue('q').rejoinWindowMs).toBe(0);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(waitingIds(router, 'q')).toEqual(['c2', 'c3', 'again']);
  });

  it('remembers only abandoned inbound calls: not withdrawn calls, not callbacks', () => {
    const { router } = abandoned();
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' }); // uses the place
    router.enqueue({ id: 'w', queue: 'q', customerId: 'withdrawn' });
    router.withdraw('w', 'ivr');
    router.enqueue({ id: 'cb', queue: 'q', customerId: 'called-back' });
    router.requestCallback('cb');
    router.abandon('cb');
    router.enqueue({ id: 'w2', queue: 'q', customerId: 'withdrawn' });
    router.enqueue({ id: 'cb2', queue: 'q', customerId: 'called-back' });
    expect(waitingIds(router, 'q')).toEqual(['again', 'c2', 'c3', 'w2', 'cb2']);
  });

  it('also remembers a call abandoned while it rang an agent', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', rejoinWindowMs: 60_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'mine', queue: 'q', customerId: 'cust' });
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(5_000);
    router.abandon('mine'); // ringing ana; c2 is offered next
    router.setAgentState('ana', 'not-ready');
    router.enqueue({ id: 'c3', queue: 'q' });
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(waitingIds(router, 'q')).toEqual(['again', 'c2', 'c3']);
  });
});
