import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, serveAll, snapshotRouter, waitingIds } from './support/fixtures.js';

describe('policies together', () => {
  it('an escalated call overflows with its raised priority and relaxed requirements', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({
      id: 'q1',
      escalation: [
        { afterMs: 10_000, raisePriority: 3, relax: { spanish: 2 } },
        { afterMs: 20_000, overflow: { queue: 'q2' } },
      ],
    });
    router.enqueue({ id: 'early', queue: 'q2', requirements: { spanish: 2 } });
    const events = recordEvents(router, ['call:escalated', 'call:overflowed']);
    router.enqueue({ id: 'c1', queue: 'q1', requirements: { spanish: 4 } });
    clock.advance(20_000);
    expect(events.map(({ name, payload }) => [name, payload.atMs])).toEqual([
      ['call:escalated', 10_000],
      ['call:escalated', 20_000],
      ['call:overflowed', 20_000],
    ]);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', priority: 3, requirements: { spanish: 2 }, escalationStep: 0 });
    expect(waitingIds(router, 'q2')).toEqual(['c1', 'early']);
    router.addAgent({ id: 'ana', queues: ['q2'], skills: { spanish: 2 }, state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['c1', 'early']);
  });

  it('a callback keeps escalating: its steps apply, overflow included', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({
      id: 'q1',
      escalation: [
        { afterMs: 10_000, raisePriority: 1 },
        { afterMs: 20_000, overflow: { queue: 'q2' } },
      ],
    });
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advance(5_000);
    router.requestCallback('c1');
    clock.advance(5_000);
    expect(router.getCall('c1')).toMatchObject({ kind: 'callback', priority: 1, escalationStep: 1, queueId: 'q1' });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ kind: 'callback', status: 'waiting', queueId: 'q2', queuedAtMs: 20_000 });
  });

  it('a transfer to a queue full of callbacks is refused until one leaves', () => {
    const harness = createRouter();
    const { router } = harness;
    router.addQueue({ id: 'sales' });
    router.addQueue({ id: 'support', maxLength: 1 });
    router.addAgent({ id: 'ana', queues: ['sales'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'sales' });
    router.answer('c1');
    router.enqueue({ id: 'cb', queue: 'support' });
    router.requestCallback('cb');
    const before = snapshotRouter(harness);
    expect(router.transfer('c1', { queue: 'support' })).toMatchObject({ accepted: false, reason: 'queue-full' });
    expect(snapshotRouter(harness)).toEqual(before);
    router.withdraw('cb', 'customer-called-in');
    expect(router.transfer('c1', { queue: 'support' })).toMatchObject({ accepted: true, status: 'waiting' });
  });

  it('a call waiting for a preferred agent escalates, and falls back with its changes when the agent goes offline', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 10_000, raisePriority: 2 }] });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'other', queue: 'q', escalation: [] });
    clock.advance(1_000);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 600_000 });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: 'bob', priority: 2, escalationStep: 1 });
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    clock.advance(5_000);
    router.setAgentState('bob', 'offline');
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([
      { callId: 'c1', queueId: 'q', atMs: 16_000, agentId: 'bob', kind: 'preferred', reason: 'agent-offline' },
    ]);
    expect(waitingIds(router, 'q')).toEqual(['c1', 'other']);
    router.setAgentState('ana', 'available');
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'ana', via: 'queue' })]);
  });

  it('a step that came due while the call rang applies as soon as the call is back in line', () => {
    const { clock, router } = createRouter({ noAnswerDelayMs: 60_000 });
    router.addQueue({ id: 'q', offerTimeoutMs: 15_000, escalation: [{ afterMs: 10_000, raisePriority: 1 }] });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:escalated']);
    clock.advance(5_000);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', priority: 0, escalationStep: 0 });
    expect(events).toEqual([]);
    clock.advance(5_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', priority: 1, escalationStep: 1 });
    expect(eventsOf(events, 'call:escalated')).toEqual([expect.objectContaining({ atMs: 20_000, waitMs: 15_000 })]);
  });
});

describe('setCallPriority and adjustCallAge', () => {
  function line() {
    const harness = createRouter();
    const { clock, router } = harness;
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'a', queue: 'q' });
    clock.advance(10_000);
    router.enqueue({ id: 'b', queue: 'q', priority: 1 });
    clock.advance(10_000);
    router.enqueue({ id: 'c', queue: 'q', priority: 1 });
    clock.advance(10_000);
    router.enqueue({ id: 'd', queue: 'q' });
    return harness;
  }

  it('setCallPriority keeps the call’s place among calls of its new priority and emits call:reprioritized', () => {
    const { router } = line();
    expect(waitingIds(router, 'q')).toEqual(['b', 'c', 'a', 'd']);
    const events = recordEvents(router);
    expect(router.setCallPriority('d', 1)).toMatchObject({ id: 'd', priority: 1, lineMs: 30_000, status: 'waiting' });
    expect(events).toEqual([{ name: 'call:reprioritized', payload: { callId: 'd', queueId: 'q', atMs: 30_000, priority: 1, lineMs: 30_000 } }]);
    expect(waitingIds(router, 'q')).toEqual(['b', 'c', 'd', 'a']);
    router.setCallPriority('a', 1);
    expect(waitingIds(router, 'q')).toEqual(['a', 'b', 'c', 'd']);
    router.setCallPriority('b', -1);
    expect(waitingIds(router, 'q')).toEqual(['a', 'c', 'd', 'b']);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['a', 'c', 'd', 'b']);
  });

  it('adjustCallAge moves the call’s place earlier; its arrival and wait stay', () => {
    const { clock, router } = line();
    const events = recordEvents(router, ['call:reprioritized', 'call:answered']);
    expect(router.adjustCallAge('c', 15_000)).toMatchObject({ lineMs: 5_000, arrivalMs: 20_000 });
    expect(eventsOf(events, 'call:reprioritized')).toEqual([{ callId: 'c', queueId: 'q', atMs: 30_000, priority: 1, lineMs: 5_000 }]);
    expect(waitingIds(router, 'q')).toEqual(['c', 'b', 'a', 'd']);
    router.adjustCallAge('d', 25_000); // 5 s: still behind a (0 s)
    expect(waitingIds(router, 'q')).toEqual(['c', 'b', 'a', 'd']);
    router.adjustCallAge('d', 5_001); // adjustments add up: -1 ms
    expect(waitingIds(router, 'q')).toEqual(['c', 'b', 'd', 'a']);
    router.adjustCallAge('d', 0);
    expect(router.getCall('d')).toMatchObject({ lineMs: -1, arrivalMs: 30_000 });
    clock.advance(1_000);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.answer('c');
    expect(eventsOf(events, 'call:answered')[0]).toMatchObject({ callId: 'c', waitMs: 11_000 });
  });

  it('keeps a new priority of an offered call for when it returns to line', () => {
    const { router } = line();
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(router.getCall('b')).toMatchObject({ status: 'offered', agentId: 'ana' });
    const snapshot = router.setCallPriority('b', -5);
    expect(snapshot).toMatchObject({ status: 'offered', priority: -5 });
    router.setAgentState('ana', 'not-ready');
    expect(waitingIds(router, 'q')).toEqual(['c', 'a', 'd', 'b']);
  });

  it('changes the priority of a connected call or a scheduled callback', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'talk', queue: 'q' });
    router.answer('talk');
    expect(router.setCallPriority('talk', 4)).toMatchObject({ status: 'talking', priority: 4 });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 60_000 });
    router.setCallPriority('cb', 3);
    router.enqueue({ id: 'in', queue: 'q', priority: 2 });
    const events = recordEvents(router, ['call:queued']);
    clock.advance(60_000);
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ callId: 'cb', priority: 3 });
    expect(waitingIds(router, 'q')).toEqual(['cb', 'in']);
  });

  it('reorders the calls waiting for the same known agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', knownAgentWaitMs: 60_000 });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'k1', queue: 'q', preferredAgent: 'bob' });
    router.enqueue({ id: 'k2', queue: 'q', preferredAgent: 'bob' });
    expect(router.positionOf('k2')).toBe(2);
    router.setCallPriority('k2', 1);
    expect(router.positionOf('k2')).toBe(1);
    router.setAgentState('bob', 'available');
    expect(router.getCall('k2')).toMatchObject({ status: 'offered', agentId: 'bob' });
  });
});
