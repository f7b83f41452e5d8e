import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, snapshotRouter, waitingIds } from './support/fixtures.js';

describe('maxLength', () => {
  it('refuses a call when the line is full: a result, a call:refused event, and nothing kept', () => {
    const harness = createRouter();
    const { clock, router } = harness;
    router.addQueue({ id: 'q', maxLength: 2, maxWaitMs: 60_000, escalation: [{ afterMs: 1_000, raisePriority: 1 }] });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(500);
    const before = snapshotRouter(harness);
    const events = recordEvents(router);
    expect(router.enqueue({ id: 'c3', queue: 'q', priority: 9, customerId: 'cust' })).toEqual({
      accepted: false,
      callId: 'c3',
      status: 'refused',
      agentId: undefined,
      reason: 'queue-full',
    });
    expect(events).toEqual([{ name: 'call:refused', payload: { callId: 'c3', queueId: 'q', atMs: 500, reason: 'queue-full' } }]);
    expect(snapshotRouter(harness)).toEqual(before);
    expect(router.hasCall('c3')).toBe(false);
    clock.advance(600_000);
    expect(eventsOf(events, 'call:escalated').map((event) => event.callId)).toEqual(['c1', 'c2']);
  });

  it('lets the refused id be used again', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', maxLength: 0 });
    router.addQueue({ id: 'other' });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).status).toBe('refused');
    expect(router.enqueue({ id: 'c1', queue: 'other' })).toMatchObject({ accepted: true, status: 'waiting' });
    expect(router.getCall('c1').queueId).toBe('other');
  });

  it('does not count offered calls', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', maxLength: 1 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q' })).toMatchObject({ status: 'offered', agentId: 'ana' });
    expect(router.enqueue({ id: 'c2', queue: 'q' }).status).toBe('waiting');
    expect(router.enqueue({ id: 'c3', queue: 'q' })).toMatchObject({ status: 'refused', reason: 'queue-full' });
    router.answer('c1');
    router.complete('c1'); // c2 is offered: the line is empty again
    expect(router.enqueue({ id: 'c3', queue: 'q' }).status).toBe('waiting');
  });

  it('counts callbacks in line but not scheduled ones', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', maxLength: 1 });
    router.scheduleCallback({ id: 'later', queue: 'q', atMs: 60_000 });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.requestCallback('c1');
    expect(router.enqueue({ id: 'c2', queue: 'q' })).toMatchObject({ status: 'refused', reason: 'queue-full' });
    expect(router.getQueue('q')).toMatchObject({ waiting: 1, scheduled: 1 });
  });

  it('applies a lowered maxLength to new calls only', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q' });
    router.updateQueue('q', { maxLength: 2 });
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c2', 'c3']);
    expect(router.enqueue({ id: 'c4', queue: 'q' }).status).toBe('refused');
    router.abandon('c1');
    router.abandon('c2');
    expect(router.enqueue({ id: 'c4', queue: 'q' }).status).toBe('waiting');
  });
});

describe('joinRule', () => {
  it('is always by default', () => {
    const { router } = createRouter();
    expect(router.addQueue({ id: 'q' })).toMatchObject({ joinRule: 'always', maxLength: Infinity });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).status).toBe('waiting');
  });

  it('agents-logged-in: refuses while no agent who could take the call is logged in', () => {
    const harness = createRouter();
    const { router } = harness;
    router.addQueue({ id: 'q', joinRule: 'agents-logged-in' });
    router.addQueue({ id: 'other' });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 3 } });
    router.addAgent({ id: 'novice', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
    router.addAgent({ id: 'elsewhere', queues: ['other'], skills: { spanish: 5 }, state: 'available' });
    const events = recordEvents(router);
    const before = snapshotRouter(harness);
    expect(router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 2 } })).toEqual({
      accepted: false,
      callId: 'c1',
      status: 'refused',
      agentId: undefined,
      reason: 'no-agents',
    });
    expect(events).toEqual([{ name: 'call:refused', payload: { callId: 'c1', queueId: 'q', atMs: 0, reason: 'no-agents' } }]);
    expect(snapshotRouter(harness)).toEqual(before);
    router.setAgentState('ana', 'not-ready');
    expect(router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 2 } })).toMatchObject({ accepted: true, status: 'waiting' });
    // Without requirements, the novice (available) could take it.
    router.setAgentState('ana', 'offline');
    expect(router.enqueue({ id: 'c2', queue: 'q' })).toMatchObject({ status: 'offered', agentId: 'novice' });
  });

  it('agents-available: refuses while no agent who could take the call is available (not-ready does not count)', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', joinRule: 'agents-available' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    expect(router.enqueue({ id: 'c1', queue: 'q' })).toMatchObject({ status: 'refused', reason: 'no-agents' });
    router.setAgentState('ana', 'available');
    expect(router.enqueue({ id: 'c1', queue: 'q' })).toMatchObject({ status: 'offered', agentId: 'ana' });
    router.answer('c1');
    // Ana is busy, but her presence is available: the call may join and wait for her.
    expect(router.enqueue({ id: 'c2', queue: 'q' })).toMatchObject({ accepted: true, status: 'waiting' });
  });

  it('checks the line length before the agents', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', joinRule: 'agents-available', maxLength: 0 });
    expect(router.enqueue({ id: 'c1', queue: 'q' })).toMatchObject({ status: 'refused', reason: 'queue-full' });
  });
});
