import { describe, expect, it } from 'vitest';
import type { QueueOptions } from '../src/index.js';
import { createRouter, eventsOf, recordEvents, snapshotRouter, waitingIds } from './support/fixtures.js';

/**
 * `sales` (wrap-up 10 s) with ana; `support` with bob (not-ready) and a caller `s1` waiting there
 * since 30 s. Call `c1` arrived in sales at 1 s, was answered by ana at 5 s; the clock is at 65 s.
 */
function connected(support: Omit<QueueOptions, 'id'> = {}, callInput: { priority?: number; requirements?: Record<string, number> } = {}) {
  const harness = createRouter();
  const { clock, router } = harness;
  router.addQueue({ id: 'sales', wrapUpMs: 10_000 });
  router.addQueue({ id: 'support', ...support });
  router.addAgent({ id: 'ana', queues: ['sales'], skills: { spanish: 5, french: 5 }, state: 'not-ready' });
  router.addAgent({ id: 'bob', queues: ['support'], skills: { spanish: 5, french: 5 }, state: 'not-ready' });
  clock.advance(1_000);
  router.enqueue({ id: 'c1', queue: 'sales', ...callInput });
  clock.advance(4_000);
  router.setAgentState('ana', 'available');
  router.answer('c1');
  clock.advance(25_000);
  router.enqueue({ id: 's1', queue: 'support' });
  clock.advance(35_000);
  return harness;
}

describe('transfer to a queue', () => {
  it('keeps the arrival time by default: the call takes its old place and its wait counts from arrival', () => {
    const { clock, router } = connected();
    const events = recordEvents(router);
    expect(router.transfer('c1', { queue: 'support' })).toEqual({
      accepted: true,
      callId: 'c1',
      status: 'waiting',
      agentId: undefined,
      reason: undefined,
    });
    expect(eventsOf(events, 'call:transferred')).toEqual([
      { callId: 'c1', queueId: 'support', atMs: 65_000, fromQueueId: 'sales', fromAgentId: 'ana', toAgentId: undefined, talkMs: 60_000, keepArrival: true, priority: 0 },
    ]);
    expect(eventsOf(events, 'call:queued')).toEqual([]);
    expect(router.getCall('c1')).toMatchObject({
      status: 'waiting',
      queueId: 'support',
      kind: 'inbound',
      arrivalMs: 1_000,
      lineMs: 1_000,
      queuedAtMs: 65_000,
      escalationStep: 0,
    });
    expect(waitingIds(router, 'support')).toEqual(['c1', 's1']);
    expect(router.getQueue('sales')).toMatchObject({ waiting: 0, offered: 0, talking: 0 });
    expect(router.getQueue('support')).toMatchObject({ waiting: 2 });
    clock.advance(5_000);
    router.setAgentState('bob', 'available');
    router.answer('c1');
    expect(eventsOf(events, 'call:answered')).toEqual([
      expect.objectContaining({ callId: 'c1', queueId: 'support', atMs: 70_000, agentId: 'bob', waitMs: 69_000 }),
    ]);
  });

  it('keepArrival false: the call arrives now, behind the calls already waiting', () => {
    const { clock, router } = connected();
    const events = recordEvents(router, ['call:transferred', 'call:answered']);
    router.transfer('c1', { queue: 'support' }, { keepArrival: false });
    expect(eventsOf(events, 'call:transferred')[0]).toMatchObject({ keepArrival: false });
    expect(router.getCall('c1')).toMatchObject({ arrivalMs: 65_000, lineMs: 65_000, queuedAtMs: 65_000 });
    expect(waitingIds(router, 'support')).toEqual(['s1', 'c1']);
    router.abandon('s1');
    clock.advance(5_000);
    router.setAgentState('bob', 'available');
    router.answer('c1');
    expect(eventsOf(events, 'call:answered')[0]).toMatchObject({ waitMs: 5_000 });
  });

  it('sends the transferring agent to wrap-up for the current queue’s wrapUpMs, or the one given', () => {
    const { clock, router } = connected();
    router.transfer('c1', { queue: 'support' });
    expect(router.getAgent('ana')).toMatchObject({ state: 'wrap-up', callIds: [], talkTimeMs: 60_000, callsHandled: 1 });
    clock.advance(10_000);
    expect(router.getAgent('ana').state).toBe('available');

    const other = connected();
    other.router.transfer('c1', { queue: 'support' }, { wrapUpMs: 0 });
    expect(other.router.getAgent('ana').state).toBe('available');
  });

  it('is offered at once when a free agent of the target queue may take it', () => {
    const { router } = connected();
    router.setAgentState('bob', 'available'); // takes s1
    router.answer('s1');
    router.addAgent({ id: 'cy', queues: ['support'], state: 'available' });
    const events = recordEvents(router, ['call:offered']);
    expect(router.transfer('c1', { queue: 'support' })).toMatchObject({ accepted: true, status: 'offered', agentId: 'cy' });
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'cy', via: 'queue', kind: 'inbound' })]);
  });

  it('restores the original priority and requirements, unless the options give new ones', () => {
    const escalated = (): ReturnType<typeof connected> => {
      const harness = createRouter();
      const { clock, router } = harness;
      router.addQueue({ id: 'sales', escalation: [{ afterMs: 10_000, raisePriority: 4, relax: { spanish: 1 } }] });
      router.addQueue({ id: 'support' });
      router.addAgent({ id: 'ana', queues: ['sales'], skills: { spanish: 1 }, state: 'available' });
      router.enqueue({ id: 'c1', queue: 'sales', priority: 1, requirements: { spanish: 3 } });
      clock.advance(10_000);
      router.answer('c1');
      expect(router.getCall('c1')).toMatchObject({ priority: 5, requirements: { spanish: 1 } });
      return harness;
    };
    const plain = escalated().router;
    const plainEvents = recordEvents(plain, ['call:transferred']);
    plain.transfer('c1', { queue: 'support' });
    expect(plain.getCall('c1')).toMatchObject({ priority: 1, requirements: { spanish: 3 } });
    expect(eventsOf(plainEvents, 'call:transferred')).toEqual([expect.objectContaining({ callId: 'c1', priority: 1 })]);
    const custom = escalated().router;
    const customEvents = recordEvents(custom, ['call:transferred']);
    custom.transfer('c1', { queue: 'support' }, { priority: 7, requirements: { french: 2 } });
    expect(custom.getCall('c1')).toMatchObject({ priority: 7, requirements: { french: 2 } });
    expect(eventsOf(customEvents, 'call:transferred')).toEqual([expect.objectContaining({ callId: 'c1', priority: 7 })]);
  });

  it('applies the target queue’s escalation plan from step 0 and its limits from the transfer', () => {
    const { clock, router } = connected({ maxWaitMs: 60_000, escalation: [{ afterMs: 20_000, raisePriority: 2 }] });
    router.abandon('s1');
    const events = recordEvents(router, ['call:escalated', 'call:timed-out']);
    router.transfer('c1', { queue: 'support' });
    clock.advance(19_999);
    expect(router.getCall('c1')).toMatchObject({ priority: 0, escalationStep: 0 });
    clock.advance(1);
    expect(router.getCall('c1')).toMatchObject({ priority: 2, escalationStep: 1 });
    expect(eventsOf(events, 'call:escalated')[0]).toMatchObject({ queueId: 'support', step: 0, waitMs: 20_000 });
    clock.advance(39_999);
    expect(router.hasCall('c1')).toBe(true);
    clock.advance(1);
    expect(eventsOf(events, 'call:timed-out')).toEqual([expect.objectContaining({ callId: 'c1', atMs: 125_000, waitMs: 60_000 })]);
  });
});

describe('transfer to an agent', () => {
  it('offers the call to a free target agent via transfer, even one that does not serve the queue', () => {
    const { router } = connected();
    router.abandon('s1');
    router.addAgent({ id: 'dan', queues: ['sales'], state: 'available' }); // would take a sales call
    router.setAgentState('bob', 'available'); // serves support only
    const events = recordEvents(router, ['call:transferred', 'call:offered']);
    expect(router.transfer('c1', { agent: 'bob' })).toMatchObject({ accepted: true, status: 'offered', agentId: 'bob' });
    expect(eventsOf(events, 'call:transferred')[0]).toMatchObject({ queueId: 'sales', fromQueueId: 'sales', toAgentId: 'bob', fromAgentId: 'ana' });
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'bob', via: 'transfer', queueId: 'sales' })]);
    expect(router.getAgent('dan').state).toBe('available');
  });

  it('waits for a busy target agent for waitMs, then any agent of the queue may take it', () => {
    const { clock, router } = connected();
    router.setAgentState('bob', 'available');
    router.answer('s1'); // bob is busy
    router.addAgent({ id: 'cy', queues: ['support'], state: 'available' });
    const events = recordEvents(router, ['call:transferred', 'call:offered', 'call:agent-fallback']);
    expect(router.transfer('c1', { agent: 'bob', queue: 'support' }, { waitMs: 30_000 })).toMatchObject({ status: 'waiting' });
    expect(router.getCall('c1')).toMatchObject({
      status: 'waiting',
      queueId: 'support',
      knownAgentId: 'bob',
      knownAgentKind: 'transfer',
      knownAgentUntilMs: 95_000,
    });
    expect(eventsOf(events, 'call:transferred')[0]).toMatchObject({ toAgentId: 'bob', queueId: 'support' });
    expect(router.getAgent('cy').state).toBe('available');
    clock.advance(30_000);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([
      { callId: 'c1', queueId: 'support', atMs: 95_000, agentId: 'bob', kind: 'transfer', reason: 'timeout' },
    ]);
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'cy', via: 'queue' })]);
  });

  it('waits the target queue’s knownAgentWaitMs by default', () => {
    const { router } = connected({ knownAgentWaitMs: 45_000 });
    router.setAgentState('bob', 'available');
    router.answer('s1');
    router.transfer('c1', { agent: 'bob', queue: 'support' });
    expect(router.getCall('c1')).toMatchObject({ knownAgentId: 'bob', knownAgentUntilMs: 110_000 });
  });

  it('is offered to the target agent when it frees up, before the calls of its queues', () => {
    const { clock, router } = connected();
    router.setAgentState('bob', 'available');
    router.answer('s1');
    router.enqueue({ id: 's2', queue: 'support', priority: 9 });
    router.transfer('c1', { agent: 'bob', queue: 'support' }, { waitMs: 60_000 });
    clock.advance(1_000);
    router.complete('s1');
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
    expect(router.getCall('s2').status).toBe('waiting');
  });
});

describe('refused transfers', () => {
  it.each([
    ['a full queue', { maxLength: 1 }, 'queue-full'],
    ['a queue with no agents logged in (joinRule)', { joinRule: 'agents-logged-in' as const }, 'no-agents'],
  ])('to %s leave the call connected and change nothing', (_label, support, reason) => {
    const harness = connected(support);
    const { clock, router } = harness;
    router.setAgentState('bob', 'offline');
    const before = snapshotRouter(harness);
    const events = recordEvents(router);
    expect(router.transfer('c1', { queue: 'support' })).toEqual({
      accepted: false,
      callId: 'c1',
      status: 'refused',
      agentId: undefined,
      reason,
    });
    expect(router.transfer('c1', { agent: 'bob', queue: 'support' })).toMatchObject({ accepted: false, reason });
    expect(events).toEqual([]);
    expect(snapshotRouter(harness)).toEqual(before);
    expect(router.getCall('c1')).toMatchObject({ status: 'talking', agentId: 'ana', queueId: 'sales' });
    clock.advance(1_000);
    router.complete('c1');
    expect(router.getAgent('ana').state).toBe('wrap-up');
  });
});

describe('transfer state checks', () => {
  it('needs a connected call', () => {
    const { router } = connected();
    router.enqueue({ id: 'waiting', queue: 'support' });
    router.scheduleCallback({ id: 'later', queue: 'support', atMs: 600_000 });
    router.addAgent({ id: 'dan', queues: ['sales'], state: 'available' });
    router.enqueue({ id: 'ringing', queue: 'sales' });
    expect(router.getCall('ringing').status).toBe('offered');
    for (const id of ['waiting', 'later', 'ringing']) {
      expect(() => router.transfer(id, { queue: 'support' })).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    }
  });
});
