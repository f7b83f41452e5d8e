import { describe, expect, it } from 'vitest';
import { InvalidStateError } from '../src/index.js';
import { createRouter, eventsOf, recordEvents, serveAll, waitingIds } from './support/fixtures.js';

describe('requestCallback', () => {
  it('turns a waiting call into a callback that keeps its place in line', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    for (const id of ['c1', 'c2', 'c3']) {
      router.enqueue({ id, queue: 'q' });
      clock.advance(1_000);
    }
    const events = recordEvents(router);
    const snapshot = router.requestCallback('c2');
    expect(snapshot).toMatchObject({ id: 'c2', status: 'waiting', kind: 'callback', channel: 'voice', lineMs: 1_000, arrivalMs: 1_000 });
    expect(events).toEqual([
      {
        name: 'call:callback-scheduled',
        payload: { callId: 'c2', queueId: 'q', atMs: 3_000, reason: 'requested', dueAtMs: 3_000, attempts: 0, agentId: undefined, talkMs: 0 },
      },
    ]);
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c2', 'c3']);
    const kinds: string[] = [];
    router.on('call:offered', ({ callId, kind }) => kinds.push(`${callId}:${kind}`));
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(serveAll(router, 'ana')).toEqual(['c1', 'c2', 'c3']);
    expect(kinds).toEqual(['c1:inbound', 'c2:callback', 'c3:inbound']);
  });

  it('stops waiting for a known agent who has no capacity on the callback channel', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', callback: { channel: 'callback' } });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.addAgent({ id: 'dialer', queues: ['q'], capacity: { callback: 1 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: Infinity });
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: 'bob' });
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    router.requestCallback('c1');
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([expect.objectContaining({ agentId: 'bob', reason: 'no-capacity' })]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'dialer', channel: 'callback' });
  });

  it('moves the callback to the queue’s callback channel', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', callback: { channel: 'callback' } });
    router.addAgent({ id: 'dialer', queues: ['q'], capacity: { callback: 1 }, state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(1_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', channel: 'voice' });
    const events = recordEvents(router, ['call:offered']);
    router.requestCallback('c1');
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'dialer', channel: 'callback', kind: 'callback' });
    expect(eventsOf(events, 'call:offered')).toEqual([
      expect.objectContaining({ callId: 'c1', agentId: 'dialer', channel: 'callback', kind: 'callback', via: 'queue' }),
    ]);
  });

  it('counts an attempt when the agent answers, and ends with complete() when the customer is reached', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.requestCallback('c1');
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', callbackAttempts: 0 });
    router.answer('c1');
    expect(router.getCall('c1')).toMatchObject({ status: 'talking', callbackAttempts: 1 });
    router.complete('c1');
    expect(router.hasCall('c1')).toBe(false);
  });

  it('refuses a call that is not a waiting inbound call', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'offered', queue: 'q' });
    router.enqueue({ id: 'cb', queue: 'q' });
    router.requestCallback('cb');
    router.scheduleCallback({ id: 'later', queue: 'q', atMs: 60_000 });
    for (const id of ['offered', 'cb', 'later']) {
      expect(() => router.requestCallback(id)).toThrow(InvalidStateError);
    }
    router.answer('offered');
    expect(() => router.requestCallback('offered')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});

describe('unanswered callbacks', () => {
  function talkingCallback(options: { maxAttempts?: number; retryDelayMs?: number } = {}) {
    const harness = createRouter();
    const { clock, router } = harness;
    router.addQueue({ id: 'q', wrapUpMs: 30_000, callback: { retryDelayMs: 60_000 } });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(1_000);
    router.requestCallback('c1', options);
    router.setAgentState('ana', 'available');
    router.answer('c1');
    return harness;
  }

  it('frees the agent at once (no wrap-up) and retries after retryDelayMs at the callback’s old place', () => {
    const { clock, router } = talkingCallback();
    const events = recordEvents(router, ['call:callback-scheduled', 'call:queued', 'call:offered']);
    clock.advance(4_000); // the attempt, answered at 2 s, rings out for 4 s
    router.setAgentState('ana', 'not-ready'); // so that c2 stays in line
    router.callbackUnanswered('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'not-ready', callIds: [], load: {} });
    expect(router.getCall('c1')).toMatchObject({ status: 'scheduled', dueAtMs: 66_000, callbackAttempts: 1, kind: 'callback' });
    expect(router.getQueue('q')).toMatchObject({ scheduled: 1, waiting: 1, talking: 0 });
    expect(router.positionOf('c1')).toBe(0);
    expect(eventsOf(events, 'call:callback-scheduled')).toEqual([
      { callId: 'c1', queueId: 'q', atMs: 6_000, reason: 'retry', dueAtMs: 66_000, attempts: 1, agentId: 'ana', talkMs: 4_000 },
    ]);
    clock.advance(59_999);
    expect(router.getCall('c1').status).toBe('scheduled');
    clock.advance(1);
    expect(eventsOf(events, 'call:queued')).toEqual([
      {
        callId: 'c1',
        queueId: 'q',
        atMs: 66_000,
        priority: 0,
        channel: 'voice',
        kind: 'callback',
        rejoined: false,
        knownAgentId: undefined,
        customerId: undefined,
      },
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', lineMs: 0, queuedAtMs: 66_000 });
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c2']);
    expect(router.getQueue('q')).toMatchObject({ scheduled: 0, waiting: 2 });
  });

  it('lets the freed agent take the next call at once', () => {
    const { router } = talkingCallback();
    router.callbackUnanswered('c1');
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('fails after the last attempt with call:callback-failed, and the call is gone', () => {
    const { clock, router } = talkingCallback({ maxAttempts: 2, retryDelayMs: 1_000 });
    const events = recordEvents(router, ['call:callback-scheduled', 'call:callback-failed']);
    router.abandon('c2');
    router.callbackUnanswered('c1');
    clock.advance(1_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', callbackAttempts: 1 });
    router.answer('c1');
    expect(router.getCall('c1').callbackAttempts).toBe(2);
    clock.advance(7_000); // the last attempt rings out for 7 s
    router.callbackUnanswered('c1');
    expect(router.hasCall('c1')).toBe(false);
    expect(events.map((event) => event.name)).toEqual(['call:callback-scheduled', 'call:callback-failed']);
    expect(eventsOf(events, 'call:callback-scheduled')[0]).toMatchObject({ reason: 'retry', atMs: 2_000, talkMs: 0 });
    expect(eventsOf(events, 'call:callback-failed')).toEqual([
      { callId: 'c1', queueId: 'q', atMs: 10_000, attempts: 2, agentId: 'ana', talkMs: 7_000 },
    ]);
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 0, talking: 0, scheduled: 0 });
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [] });
  });

  it('uses the queue’s maxAttempts (3 by default)', () => {
    const { clock, router } = createRouter();
    expect(router.addQueue({ id: 'q', callback: { retryDelayMs: 10 } }).callback).toEqual({ maxAttempts: 3, retryDelayMs: 10 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const failed = recordEvents(router, ['call:callback-failed']);
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 0 });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(router.getCall('cb').status).toBe('offered');
      router.answer('cb');
      router.callbackUnanswered('cb');
      clock.advance(10);
    }
    expect(router.hasCall('cb')).toBe(false);
    expect(eventsOf(failed, 'call:callback-failed')).toEqual([expect.objectContaining({ attempts: 3 })]);
  });

  it('refuses a call that is not a connected callback', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'inbound', queue: 'q' });
    router.answer('inbound');
    router.enqueue({ id: 'waiting-cb', queue: 'q' });
    router.requestCallback('waiting-cb');
    for (const id of ['inbound', 'waiting-cb']) {
      expect(() => router.callbackUnanswered(id)).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    }
    expect(router.getCall('inbound').status).toBe('talking');
    expect(router.getCall('waiting-cb')).toMatchObject({ status: 'waiting', callbackAttempts: 0 });
  });
});

describe('scheduleCallback', () => {
  it('keeps a future callback out of line until atMs, then enters it as kind callback', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:callback-scheduled', 'call:queued', 'call:offered']);
    clock.advance(1_000);
    const snapshot = router.scheduleCallback({
      id: 'cb',
      queue: 'q',
      atMs: 60_000,
      priority: 2,
      customerId: 'cust-1',
      attributes: { ticket: 42 },
    });
    expect(snapshot).toMatchObject({ id: 'cb', status: 'scheduled', dueAtMs: 60_000, kind: 'callback', priority: 2, callbackAttempts: 0 });
    expect(router.getQueue('q')).toMatchObject({ scheduled: 1, waiting: 0 });
    expect(router.hasCall('cb')).toBe(true);
    expect(router.waitingCalls('q')).toEqual([]);
    expect(router.getAgent('ana').state).toBe('available');
    expect(events).toEqual([
      {
        name: 'call:callback-scheduled',
        payload: { callId: 'cb', queueId: 'q', atMs: 1_000, reason: 'scheduled', dueAtMs: 60_000, attempts: 0, agentId: undefined, talkMs: 0 },
      },
    ]);
    clock.advance(58_999);
    expect(router.getCall('cb').status).toBe('scheduled');
    clock.advance(1);
    expect(events.slice(1).map(({ name, payload }) => [name, payload.atMs])).toEqual([
      ['call:queued', 60_000],
      ['call:offered', 60_000],
    ]);
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ kind: 'callback', priority: 2, customerId: 'cust-1' });
    expect(eventsOf(events, 'call:offered')[0]).toMatchObject({ kind: 'callback', customerId: 'cust-1', attributes: { ticket: 42 } });
    expect(router.getCall('cb')).toMatchObject({ status: 'offered', queuedAtMs: 60_000 });
    expect(router.getQueue('q')).toMatchObject({ scheduled: 0, offered: 1 });
  });

  it.each([0, 5_000, 10_000])('enters line at once when atMs (%s) is now or past', (atMs) => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    clock.advance(10_000);
    const events = recordEvents(router, ['call:callback-scheduled', 'call:queued']);
    expect(router.scheduleCallback({ id: 'cb', queue: 'q', atMs })).toMatchObject({ status: 'waiting', kind: 'callback' });
    expect(events.map((event) => event.name)).toEqual(['call:callback-scheduled', 'call:queued']);
    expect(eventsOf(events, 'call:callback-scheduled')[0]?.dueAtMs).toBe(atMs);
    expect(router.getQueue('q')).toMatchObject({ scheduled: 0, waiting: 1 });
  });

  it('uses the queue’s callback channel and the callback’s own channel', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', callback: { channel: 'callback' } });
    router.addQueue({ id: 'plain' });
    expect(router.scheduleCallback({ id: 'a', queue: 'plain', atMs: 0, channel: 'email' }).channel).toBe('email');
    expect(router.scheduleCallback({ id: 'b', queue: 'plain', atMs: 0 }).channel).toBe('voice');
    expect(router.scheduleCallback({ id: 'c', queue: 'q', atMs: 0, channel: 'chat' }).channel).toBe('chat');
    expect(router.scheduleCallback({ id: 'd', queue: 'q', atMs: 0 }).channel).toBe('callback');
  });

  it('takes its place in line from atMs, behind callers who arrived before it was due', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.scheduleCallback({ id: 'cb-late', queue: 'q', atMs: 60_000 });
    router.scheduleCallback({ id: 'cb-early', queue: 'q', atMs: 60_000 });
    expect(router.getCall('cb-late')).toMatchObject({ arrivalMs: 60_000, lineMs: 60_000 });
    clock.advance(30_000);
    router.enqueue({ id: 'caller', queue: 'q' });
    clock.advance(30_000);
    // Equal places keep the order the callbacks were scheduled in.
    expect(waitingIds(router, 'q')).toEqual(['caller', 'cb-late', 'cb-early']);
  });

  it('waits for its preferred agent when it enters line', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    const events = recordEvents(router, ['call:queued', 'call:offered', 'call:agent-fallback']);
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 10_000, preferredAgent: 'bob', preferredAgentWaitMs: 30_000 });
    clock.advance(10_000);
    expect(router.getCall('cb')).toMatchObject({ status: 'waiting', knownAgentId: 'bob', knownAgentKind: 'preferred', knownAgentUntilMs: 40_000 });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ callId: 'cb', kind: 'callback', knownAgentId: 'bob' });
    router.setAgentState('bob', 'available');
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'cb', agentId: 'bob', via: 'preferred', kind: 'callback' })]);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([]);
  });

  it('cannot be abandoned (nobody is holding): withdraw() takes it back', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 60_000 });
    const events = recordEvents(router);
    expect(() => router.abandon('cb')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(events).toEqual([]);
    expect(router.getCall('cb').status).toBe('scheduled');
  });

  it('can be withdrawn before its time: gone, and never enters line', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 60_000 });
    const events = recordEvents(router);
    clock.advance(1_000);
    router.withdraw('cb', 'customer-called-in');
    expect(events).toEqual([
      { name: 'call:withdrawn', payload: { callId: 'cb', queueId: 'q', atMs: 1_000, reason: 'customer-called-in', phase: 'scheduled', agentId: undefined } },
    ]);
    expect(router.hasCall('cb')).toBe(false);
    expect(router.getQueue('q').scheduled).toBe(0);
    clock.advance(600_000);
    expect(events).toHaveLength(1);
    expect(router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 0 }).status).toBe('offered');
  });

  it('keeps counting scheduled callbacks as live calls of the queue', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 60_000 });
    expect(() => router.removeQueue('q')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    router.withdraw('cb', 'cancelled');
    router.removeQueue('q');
    expect(router.hasQueue('q')).toBe(false);
  });
});
