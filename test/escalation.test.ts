import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, recordOffers, serveAll, waitingIds } from './support/fixtures.js';

describe('escalation steps', () => {
  it('raises a waiting call’s priority at afterMs, ahead of calls it was behind', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 10_000, raisePriority: 5, name: 'urgent' }] });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'low', queue: 'q' });
    clock.advance(5_000);
    router.enqueue({ id: 'high', queue: 'q', priority: 3 });
    clock.advance(4_999);
    expect(waitingIds(router, 'q')).toEqual(['high', 'low']);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(waitingIds(router, 'q')).toEqual(['low', 'high']);
    expect(router.getCall('low')).toMatchObject({ priority: 5, escalationStep: 1, lineMs: 0, queuedAtMs: 0 });
    expect(eventsOf(events, 'call:escalated')).toEqual([
      {
        callId: 'low',
        queueId: 'q',
        atMs: 10_000,
        step: 0,
        name: 'urgent',
        changes: { priority: { from: 0, to: 5 } },
        early: false,
        waitMs: 10_000,
      },
    ]);
    clock.advance(5_000);
    expect(router.getCall('high')).toMatchObject({ priority: 8, escalationStep: 1 });
    expect(waitingIds(router, 'q')).toEqual(['high', 'low']);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['high', 'low']);
  });

  it('relaxes a requirement so that a less skilled agent may take the call', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 30_000, relax: { spanish: 2 } }] });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 2, billing: 1 }, state: 'available' });
    const events = recordEvents(router, ['call:escalated', 'call:offered']);
    expect(router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 4, billing: 1 } }).status).toBe('waiting');
    clock.advance(29_999);
    expect(router.getCall('c1').status).toBe('waiting');
    clock.advance(1);
    expect(events.map((event) => event.name)).toEqual(['call:escalated', 'call:offered']);
    expect(eventsOf(events, 'call:escalated')[0]?.changes).toEqual({
      requirements: { from: { spanish: 4, billing: 1 }, to: { spanish: 2, billing: 1 } },
    });
    expect(router.getCall('c1')).toMatchObject({
      status: 'offered',
      agentId: 'ana',
      requirements: { spanish: 2, billing: 1 },
    });
  });

  it('never raises a minimum, and ignores skills the call does not require', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 1_000, relax: { spanish: 5, french: 1 } }] });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    clock.advance(1_000);
    expect(router.getCall('c1')).toMatchObject({ requirements: { spanish: 3 }, escalationStep: 1 });
    expect(eventsOf(events, 'call:escalated')).toEqual([expect.objectContaining({ callId: 'c1', step: 0, changes: {} })]);
  });

  it('drops skills the call no longer requires', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 20_000, dropSkills: ['spanish', 'french'] }] });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { billing: 3 }, state: 'available' });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3, billing: 2 } });
    clock.advance(20_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', requirements: { billing: 2 } });
    expect(eventsOf(events, 'call:escalated')[0]?.changes).toEqual({
      requirements: { from: { spanish: 3, billing: 2 }, to: { billing: 2 } },
    });
  });

  it('widens the tiers: agents above the queue maxTier get the call only after the step', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', maxTier: 1, escalation: [{ afterMs: 20_000, maxTier: 2 }, { afterMs: 40_000, maxTier: 3 }] });
    router.addAgent({ id: 'l1', queues: { q: 1 }, state: 'not-ready' });
    router.addAgent({ id: 'l2', queues: { q: 2 }, state: 'not-ready' });
    router.addAgent({ id: 'l3', queues: { q: 3 }, state: 'available' });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', maxTier: 1 });
    router.setAgentState('l2', 'available');
    expect(router.getCall('c1').status).toBe('waiting');
    clock.advance(20_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'l2', maxTier: 2 });
    expect(eventsOf(events, 'call:escalated')[0]?.changes).toEqual({ maxTier: { from: 1, to: 2 } });
    router.answer('c1');
    // A new call starts at the queue's limit again.
    router.enqueue({ id: 'c2', queue: 'q' });
    expect(router.getCall('c2')).toMatchObject({ status: 'waiting', maxTier: 1 });
    clock.advance(20_000);
    expect(router.getCall('c2')).toMatchObject({ status: 'waiting', maxTier: 2 });
    clock.advance(20_000);
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'l3', maxTier: 3 });
  });

  it('makes every tier eligible from the start by default', () => {
    const { router } = createRouter();
    expect(router.addQueue({ id: 'q' }).maxTier).toBe(Infinity);
    router.addAgent({ id: 'l5', queues: { q: 5 }, state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q' }).agentId).toBe('l5');
    expect(router.getCall('c1').maxTier).toBe(Infinity);
  });

  it('applies steps in order, each once, cumulatively', () => {
    const { clock, router } = createRouter();
    router.addQueue({
      id: 'q',
      escalation: [
        { afterMs: 10_000, raisePriority: 1, relax: { spanish: 4 } },
        { afterMs: 10_000, raisePriority: 2 },
        { afterMs: 30_000, raisePriority: 4, relax: { spanish: 2 }, dropSkills: ['billing'] },
      ],
    });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 5, billing: 3 } });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ priority: 3, requirements: { spanish: 4, billing: 3 }, escalationStep: 2 });
    clock.advance(20_000);
    expect(router.getCall('c1')).toMatchObject({ priority: 7, requirements: { spanish: 2 }, escalationStep: 3 });
    clock.advance(600_000);
    expect(router.getCall('c1')).toMatchObject({ priority: 7, escalationStep: 3 });
    expect(eventsOf(events, 'call:escalated').map(({ step, atMs, changes }) => [step, atMs, changes])).toEqual([
      [0, 10_000, { priority: { from: 0, to: 1 }, requirements: { from: { spanish: 5, billing: 3 }, to: { spanish: 4, billing: 3 } } }],
      [1, 10_000, { priority: { from: 1, to: 3 } }],
      [2, 30_000, { priority: { from: 3, to: 7 }, requirements: { from: { spanish: 4, billing: 3 }, to: { spanish: 2 } } }],
    ]);
  });

  it.each([
    [true, ['c1', 'c2'], 0],
    [false, ['c2', 'c1'], 5_000],
  ])('keepPlace %s: the raised call’s place among calls of its new priority', (keepPlace, order, lineMs) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', escalation: [{ afterMs: 5_000, raisePriority: 1, keepPlace }] });
    clock.advance(1_000);
    router.enqueue({ id: 'c2', queue: 'q', priority: 1 });
    clock.advance(4_000);
    expect(waitingIds(router, 'q')).toEqual(order);
    expect(router.getCall('c1')).toMatchObject({ priority: 1, lineMs, arrivalMs: 0 });
    expect(eventsOf(events, 'call:escalated')[0]?.changes).toEqual(
      keepPlace ? { priority: { from: 0, to: 1 } } : { priority: { from: 0, to: 1 }, placeReset: true },
    );
  });

  it('keepPlace false puts the call behind calls of its priority that arrived after it', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 10_000, keepPlace: false }] });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(5_000);
    router.enqueue({ id: 'c2', queue: 'q', escalation: [] });
    clock.advance(5_000);
    expect(waitingIds(router, 'q')).toEqual(['c2', 'c1']);
    expect(router.getCall('c1')).toMatchObject({ lineMs: 10_000, arrivalMs: 0, queuedAtMs: 0 });
  });
});

describe('skipIfNoAgents', () => {
  it('applies the step at once, in the enqueue call, when no configured agent could take the call', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 60_000, relax: { spanish: 1 }, skipIfNoAgents: true, name: 'any spanish' }] });
    router.addAgent({ id: 'bob', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
    const events = recordEvents(router, ['call:queued', 'call:escalated', 'call:offered']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    expect(events.map((event) => event.name)).toEqual(['call:queued', 'call:escalated', 'call:offered']);
    expect(eventsOf(events, 'call:escalated')).toEqual([
      {
        callId: 'c1',
        queueId: 'q',
        atMs: 0,
        step: 0,
        name: 'any spanish',
        changes: { requirements: { from: { spanish: 3 }, to: { spanish: 1 } } },
        early: true,
        waitMs: 0,
      },
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob', requirements: { spanish: 1 } });
  });

  it('skips with no agents at all, and goes on through the plan while each stage has nobody', () => {
    const { clock, router } = createRouter();
    router.addQueue({
      id: 'q',
      escalation: [
        { afterMs: 30_000, relax: { spanish: 3 }, skipIfNoAgents: true },
        { afterMs: 60_000, dropSkills: ['spanish'], skipIfNoAgents: true },
      ],
    });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 3 } });
    clock.advance(1_000);
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 5 } });
    // Step 0 is early (nobody has spanish 5); after it ana (offline) could take the call: step 1 waits.
    expect(eventsOf(events, 'call:escalated').map(({ step, early, atMs }) => [step, early, atMs])).toEqual([[0, true, 1_000]]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', requirements: { spanish: 3 }, escalationStep: 1 });
    clock.advance(59_999);
    expect(router.getCall('c1').escalationStep).toBe(1);
    clock.advance(1);
    expect(eventsOf(events, 'call:escalated').map(({ step, early, atMs, waitMs }) => [step, early, atMs, waitMs])).toEqual([
      [0, true, 1_000, 0],
      [1, false, 61_000, 60_000],
    ]);
  });

  it('is not early when an agent that could take the call is configured, even offline', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 60_000, relax: { spanish: 1 }, skipIfNoAgents: true }] });
    router.addAgent({ id: 'carla', queues: ['q'], skills: { spanish: 4 } });
    router.addAgent({ id: 'bob', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    expect(events).toEqual([]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', escalationStep: 0 });
    clock.advance(60_000);
    expect(eventsOf(events, 'call:escalated')).toEqual([expect.objectContaining({ step: 0, early: false, waitMs: 60_000 })]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
  });
});

describe('overflow', () => {
  it('moves the call at afterMs to the target, where it is offered', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 30_000, overflow: { queue: 'q2' }, name: 'to q2' }] });
    router.addAgent({ id: 'ana', queues: ['q2'], state: 'available' });
    const events = recordEvents(router, ['call:escalated', 'call:overflowed', 'call:offered']);
    router.enqueue({ id: 'c1', queue: 'q1', priority: 2, requirements: {} });
    clock.advance(29_999);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', queueId: 'q1' });
    clock.advance(1);
    expect(events.map(({ name, payload }) => [name, payload.queueId])).toEqual([
      ['call:escalated', 'q1'],
      ['call:overflowed', 'q2'],
      ['call:offered', 'q2'],
    ]);
    expect(eventsOf(events, 'call:escalated')[0]).toMatchObject({ step: 0, name: 'to q2', changes: {}, early: false, waitMs: 30_000 });
    expect(eventsOf(events, 'call:overflowed')).toEqual([
      { callId: 'c1', queueId: 'q2', atMs: 30_000, fromQueueId: 'q1', reason: 'escalation' },
    ]);
    expect(router.getCall('c1')).toMatchObject({
      status: 'offered',
      queueId: 'q2',
      agentId: 'ana',
      priority: 2,
      arrivalMs: 0,
      lineMs: 0,
      queuedAtMs: 30_000,
      escalationStep: 0,
    });
    expect(router.getQueue('q1')).toMatchObject({ waiting: 0, offered: 0 });
    expect(router.getQueue('q2')).toMatchObject({ waiting: 0, offered: 1 });
  });

  it('keeps the call’s place and current requirements in the target queue', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 30_000, relax: { spanish: 2 }, overflow: { queue: 'q2' } }] });
    router.enqueue({ id: 'c1', queue: 'q1', requirements: { spanish: 4 } });
    clock.advance(10_000);
    router.enqueue({ id: 'other', queue: 'q2', requirements: { spanish: 2 } });
    clock.advance(20_000);
    expect(waitingIds(router, 'q1')).toEqual([]);
    expect(waitingIds(router, 'q2')).toEqual(['c1', 'other']);
    expect(router.getCall('c1')).toMatchObject({ requirements: { spanish: 2 }, lineMs: 0, queuedAtMs: 30_000 });
    router.addAgent({ id: 'ana', queues: ['q2'], skills: { spanish: 2 }, state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['c1', 'other']);
  });

  it.each([
    ['maxWaiting', { maxWaiting: 1 }],
    ['maxLongestWaitMs', { maxLongestWaitMs: 20_000 }],
  ])('gives the step up when the %s gate is closed and there is no recheckMs', (_label, when) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 30_000, overflow: { queue: 'q2', when } }] });
    const events = recordEvents(router, ['call:escalated', 'call:overflowed']);
    router.enqueue({ id: 'busy', queue: 'q2' }); // q2: 1 waiting, for 30 s at the step
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advance(30_000);
    expect(eventsOf(events, 'call:escalated')).toEqual([expect.objectContaining({ callId: 'c1', step: 0, changes: {} })]);
    expect(eventsOf(events, 'call:overflowed')).toEqual([]);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q1', status: 'waiting', escalationStep: 1 });
    router.abandon('busy');
    clock.advance(600_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q1', status: 'waiting' });
    expect(eventsOf(events, 'call:overflowed')).toEqual([]);
  });

  it.each([
    ['maxWaiting', { maxWaiting: 2 }, 1],
    ['maxLongestWaitMs', { maxLongestWaitMs: 20_000 }, 15_000],
  ])('overflows while the %s gate is open', (_label, when, busyAtMs) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 30_000, overflow: { queue: 'q2', when } }] });
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advance(busyAtMs);
    router.enqueue({ id: 'busy', queue: 'q2' });
    clock.advanceTo(30_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', status: 'waiting', queuedAtMs: 30_000 });
    expect(waitingIds(router, 'q2')).toEqual(['c1', 'busy']);
  });

  it('rechecks a closed gate every recheckMs and moves the call once it opens, with one call:escalated', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2' });
    router.addQueue({
      id: 'q1',
      escalation: [
        { afterMs: 30_000, raisePriority: 1, overflow: { queue: 'q2', when: { maxWaiting: 1 }, recheckMs: 10_000 } },
        { afterMs: 35_000, raisePriority: 10 },
      ],
    });
    const events = recordEvents(router, ['call:escalated', 'call:overflowed']);
    router.enqueue({ id: 'busy', queue: 'q2' });
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advance(30_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q1', priority: 1, escalationStep: 0 });
    clock.advance(10_000); // recheck at 40 s: still closed; the later step waits behind the pending one
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q1', priority: 1, escalationStep: 0 });
    clock.advance(5_000);
    router.abandon('busy');
    clock.advance(4_999);
    expect(router.getCall('c1').queueId).toBe('q1');
    clock.advance(1); // recheck at 50 s: open
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', queuedAtMs: 50_000, priority: 1, escalationStep: 0 });
    expect(eventsOf(events, 'call:escalated').map(({ step, atMs }) => [step, atMs])).toEqual([[0, 30_000]]);
    expect(eventsOf(events, 'call:overflowed')).toEqual([
      { callId: 'c1', queueId: 'q2', atMs: 50_000, fromQueueId: 'q1', reason: 'escalation' },
    ]);
  });

  it('takes the target queue’s plan from step 0, counted from when the call joined it', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2', escalation: [{ afterMs: 20_000, raisePriority: 1 }] });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 10_000, overflow: { queue: 'q2' } }, { afterMs: 15_000, raisePriority: 50 }] });
    const events = recordEvents(router, ['call:escalated']);
    router.enqueue({ id: 'c1', queue: 'q1' });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', queuedAtMs: 10_000, escalationStep: 0 });
    clock.advance(19_999);
    expect(router.getCall('c1')).toMatchObject({ priority: 0, escalationStep: 0 });
    clock.advance(1);
    expect(router.getCall('c1')).toMatchObject({ priority: 1, escalationStep: 1 });
    expect(eventsOf(events, 'call:escalated').map(({ queueId, step, waitMs, atMs }) => [queueId, step, waitMs, atMs])).toEqual([
      ['q1', 0, 10_000, 10_000],
      ['q2', 0, 20_000, 30_000],
    ]);
  });

  it('takes the target queue’s tier limit', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2', maxTier: 1 });
    router.addQueue({ id: 'q1', escalation: [{ afterMs: 10_000, overflow: { queue: 'q2' } }] });
    router.addAgent({ id: 'l2', queues: { q2: 2 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q1' });
    expect(router.getCall('c1').maxTier).toBe(Infinity);
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', status: 'waiting', maxTier: 1 });
  });
});

describe('a call’s own plan', () => {
  it('replaces the queue’s plan while the call is in that queue', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 10_000, raisePriority: 1 }] });
    router.enqueue({ id: 'own', queue: 'q', escalation: [{ afterMs: 5_000, raisePriority: 10 }] });
    router.enqueue({ id: 'queue-plan', queue: 'q' });
    router.enqueue({ id: 'none', queue: 'q', escalation: [] });
    clock.advance(5_000);
    expect(router.getCall('own').priority).toBe(10);
    expect(router.getCall('queue-plan').priority).toBe(0);
    clock.advance(60_000);
    expect([router.getCall('own').priority, router.getCall('queue-plan').priority, router.getCall('none').priority]).toEqual([
      10, 1, 0,
    ]);
  });

  it('is dropped when the call overflows: the target queue’s plan applies', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q2', escalation: [{ afterMs: 5_000, raisePriority: 7 }] });
    router.addQueue({ id: 'q1' });
    router.enqueue({
      id: 'c1',
      queue: 'q1',
      escalation: [{ afterMs: 10_000, overflow: { queue: 'q2' } }, { afterMs: 12_000, raisePriority: 100 }],
    });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ queueId: 'q2', escalationStep: 0 });
    clock.advance(60_000);
    expect(router.getCall('c1')).toMatchObject({ priority: 7, escalationStep: 1 });
  });
});

describe('priority aging', () => {
  it.each([
    [0, ['high', 'low']],
    [1, ['low', 'high']],
  ])('agingPerMinute %s: a low-priority call that waited serves before a later high-priority one', (agingPerMinute, order) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', agingPerMinute });
    router.enqueue({ id: 'low', queue: 'q', priority: 0 });
    clock.advance(180_000);
    router.enqueue({ id: 'high', queue: 'q', priority: 2 });
    clock.advance(60_000);
    expect(waitingIds(router, 'q')).toEqual(order);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(order);
    expect(router.getQueue('q').agingPerMinute).toBe(agingPerMinute);
  });

  it('does not change the priority the call reports', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', agingPerMinute: 2 });
    router.enqueue({ id: 'c1', queue: 'q', priority: 1 });
    clock.advance(600_000);
    expect(router.getCall('c1').priority).toBe(1);
  });

  it('compares aged calls across queues at the moment of each decision', () => {
    const setup = (freeAtMs: number): string[] => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'aging', agingPerMinute: 1 });
      router.addQueue({ id: 'flat' });
      router.addAgent({ id: 'ana', queues: ['aging', 'flat'] });
      router.enqueue({ id: 'a', queue: 'aging' }); // effective priority: minutes since 0
      clock.advance(60_000);
      router.enqueue({ id: 'b', queue: 'flat', priority: 2 });
      clock.advanceTo(freeAtMs);
      const offers = recordOffers(router);
      router.setAgentState('ana', 'available');
      return offers;
    };
    expect(setup(90_000)).toEqual(['b->ana']); // a: 1.5 < 2
    expect(setup(150_000)).toEqual(['a->ana']); // a: 2.5 > 2
  });

  it('re-ranks the line at once when updateQueue changes agingPerMinute', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'low', queue: 'q' });
    clock.advance(120_000);
    router.enqueue({ id: 'high', queue: 'q', priority: 1 });
    clock.advance(60_000);
    expect(waitingIds(router, 'q')).toEqual(['high', 'low']);
    router.updateQueue('q', { agingPerMinute: 1 }); // low: 0 + 3, high: 1 + 1
    expect(waitingIds(router, 'q')).toEqual(['low', 'high']);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['low', 'high']);
  });
});

describe('the enqueue result of a call a step routes at once', () => {
  // Regression (9a45f31): the result was computed before the operation's due timed actions ran.
  it('reports the offer made in the enqueue call itself', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 60_000, relax: { spanish: 1 }, skipIfNoAgents: true }] });
    router.addAgent({ id: 'bob', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
    const result = router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
    expect(result).toMatchObject({ accepted: true, status: 'offered', agentId: 'bob' });
  });
});

describe('overflow loop guard', () => {
  it('stops a call overflowing back and forth after 8 moves in one instant; the step is given up', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q1' });
    router.addQueue({ id: 'q2', escalation: [{ afterMs: 0, overflow: { queue: 'q1' } }] });
    router.updateQueue('q1', { escalation: [{ afterMs: 0, overflow: { queue: 'q2' } }] });
    const events = recordEvents(router, ['call:escalated', 'call:overflowed']);
    router.enqueue({ id: 'c1', queue: 'q1' });
    expect(eventsOf(events, 'call:overflowed').map((event) => event.queueId)).toEqual(['q2', 'q1', 'q2', 'q1', 'q2', 'q1', 'q2', 'q1']);
    expect(eventsOf(events, 'call:escalated')).toHaveLength(9);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', queueId: 'q1', escalationStep: 1 });
    clock.advance(600_000);
    expect(events).toHaveLength(17);
  });
});
