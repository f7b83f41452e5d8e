import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, recordOffers, waitingIds } from './support/fixtures.js';

/** Queue `q`; `ana` (idle longest) and `bob` serve it, both available. */
function twoAgents(options: Parameters<typeof createRouter>[0] = {}, queue: { knownAgentWaitMs?: number } = {}) {
  const harness = createRouter(options);
  const { clock, router } = harness;
  router.addQueue({ id: 'q', ...queue });
  router.addQueue({ id: 'other' });
  router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
  clock.advance(1_000);
  router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
  clock.advance(1_000);
  return harness;
}

/** Makes bob busy with a call of queue `other` (bob need not serve it: it is his preferred call). */
function keepBobBusy(router: ReturnType<typeof createRouter>['router']): void {
  router.enqueue({ id: 'bob-call', queue: 'other', preferredAgent: 'bob' });
  router.answer('bob-call');
}

describe('preferred agent', () => {
  it('offers the call at once to its preferred agent when free, via preferred', () => {
    const { router } = twoAgents();
    const events = recordEvents(router, ['call:queued', 'call:offered', 'call:agent-fallback']);
    expect(router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob' })).toMatchObject({ status: 'offered', agentId: 'bob' });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ callId: 'c1', knownAgentId: 'bob' });
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'bob', via: 'preferred' })]);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([]);
    expect(router.enqueue({ id: 'c2', queue: 'q' })).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('may be an agent that does not serve the queue', () => {
    const { router } = twoAgents();
    router.addAgent({ id: 'expert', queues: ['other'], state: 'available' });
    expect(router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'expert' })).toMatchObject({ status: 'offered', agentId: 'expert' });
  });

  it('waits for a busy preferred agent; no one else is offered the call', () => {
    const { clock, router } = twoAgents();
    keepBobBusy(router);
    const offers = recordOffers(router);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    clock.advance(30_000);
    expect(router.getCall('c1')).toMatchObject({
      status: 'waiting',
      knownAgentId: 'bob',
      knownAgentKind: 'preferred',
      knownAgentUntilMs: 62_000,
    });
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [] });
    expect(router.getQueue('q').waiting).toBe(1);
    expect(waitingIds(router, 'q')).toEqual(['c1']);
    expect(offers).toEqual([]);
    router.complete('bob-call');
    expect(offers).toEqual(['c1->bob']);
  });

  it('gives a freed agent the calls waiting for it before any queue call', () => {
    const { clock, router } = twoAgents();
    router.setAgentState('ana', 'not-ready');
    keepBobBusy(router);
    router.enqueue({ id: 'early', queue: 'q', priority: 5 });
    clock.advance(1_000);
    router.enqueue({ id: 'p0', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    clock.advance(1_000);
    router.enqueue({ id: 'p1', queue: 'q', priority: 1, preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    const events = recordEvents(router, ['call:offered']);
    router.complete('bob-call');
    router.answer('p1');
    router.complete('p1');
    router.answer('p0');
    router.complete('p0');
    expect(eventsOf(events, 'call:offered').map(({ callId, via }) => `${callId}:${via}`)).toEqual([
      'p1:preferred',
      'p0:preferred',
      'early:queue',
    ]);
  });

  it('falls back to the queue when the wait is over, keeping its place', () => {
    const { clock, router } = twoAgents({}, { knownAgentWaitMs: 30_000 });
    router.setAgentState('ana', 'not-ready');
    keepBobBusy(router);
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob' }); // waits the queue's 30 s
    clock.advance(1_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(28_999);
    expect(router.getCall('c1')).toMatchObject({ knownAgentId: 'bob', knownAgentUntilMs: 32_000 });
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual([
      { name: 'call:agent-fallback', payload: { callId: 'c1', queueId: 'q', atMs: 32_000, agentId: 'bob', kind: 'preferred', reason: 'timeout' } },
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: undefined, knownAgentKind: undefined, lineMs: 2_000 });
    expect(waitingIds(router, 'q')).toEqual(['c1', 'c2']);
    router.setAgentState('ana', 'available');
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'ana', via: 'queue' })]);
  });

  it('is offered to another free agent right when the wait is over', () => {
    const { clock, router } = twoAgents();
    keepBobBusy(router);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 10_000 });
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('with no wait (the default), falls back at once when the agent is busy', () => {
    const { router } = twoAgents();
    expect(router.getQueue('q').knownAgentWaitMs).toBe(0);
    keepBobBusy(router);
    const events = recordEvents(router, ['call:queued', 'call:agent-fallback', 'call:offered']);
    expect(router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob' })).toMatchObject({ status: 'offered', agentId: 'ana' });
    expect(events.map(({ name }) => name)).toEqual(['call:queued', 'call:agent-fallback', 'call:offered']);
    expect(eventsOf(events, 'call:agent-fallback')[0]).toMatchObject({ agentId: 'bob', kind: 'preferred', reason: 'timeout' });
  });

  it.each([
    ['offline', 'agent-offline', (r: ReturnType<typeof createRouter>['router']) => r.setAgentState('bob', 'offline')],
    ['removed', 'agent-removed', (r: ReturnType<typeof createRouter>['router']) => r.removeAgent('bob')],
  ] as const)('falls back at once when the agent goes %s', (_label, reason, act) => {
    const { clock, router } = twoAgents();
    router.setAgentState('bob', 'not-ready');
    router.setAgentState('ana', 'not-ready');
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 600_000 });
    clock.advance(5_000);
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    act(router);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([
      { callId: 'c1', queueId: 'q', atMs: 7_000, agentId: 'bob', kind: 'preferred', reason },
    ]);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: undefined });
    router.setAgentState('ana', 'available');
    expect(eventsOf(events, 'call:offered')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'ana', via: 'queue' })]);
  });

  it('does not fall back when the agent goes not-ready', () => {
    const { clock, router } = twoAgents();
    keepBobBusy(router);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    router.setAgentState('bob', 'not-ready');
    router.complete('bob-call');
    clock.advance(10_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: 'bob' });
    router.setAgentState('bob', 'available');
    expect(events).toEqual([{ name: 'call:offered', payload: expect.objectContaining({ callId: 'c1', agentId: 'bob', via: 'preferred' }) }]);
  });

  it.each([
    ['unknown', 'ghost', 'agent-unknown'],
    ['offline', 'olga', 'agent-offline'],
    ['without capacity on the channel', 'chatty', 'no-capacity'],
  ])('goes to the queue at once when the agent is %s', (_label, agentId, reason) => {
    const { router } = twoAgents();
    router.addAgent({ id: 'olga', queues: ['q'] });
    router.addAgent({ id: 'chatty', queues: ['q'], capacity: { chat: 1 }, state: 'available' });
    const events = recordEvents(router, ['call:queued', 'call:agent-fallback', 'call:offered']);
    expect(router.enqueue({ id: 'c1', queue: 'q', preferredAgent: agentId, preferredAgentWaitMs: 60_000 })).toMatchObject({
      status: 'offered',
      agentId: 'ana',
    });
    expect(events).toEqual([
      { name: 'call:queued', payload: expect.objectContaining({ callId: 'c1', knownAgentId: undefined }) },
      { name: 'call:agent-fallback', payload: { callId: 'c1', queueId: 'q', atMs: 2_000, agentId, kind: 'preferred', reason } },
      { name: 'call:offered', payload: expect.objectContaining({ callId: 'c1', agentId: 'ana', via: 'queue' }) },
    ]);
  });

  it('returns to the queue line, not to the agent, when the agent declines', () => {
    const { router } = twoAgents();
    router.setAgentState('ana', 'not-ready');
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob' });
    router.setAgentState('bob', 'not-ready'); // the offer is revoked
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: undefined });
    router.setAgentState('ana', 'available');
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
    router.decline('c1');
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offers: 3 });
  });
});

describe('last-agent routing', () => {
  function answeredByBob(windowMs: number) {
    const harness = twoAgents({ lastAgentWindowMs: windowMs }, { knownAgentWaitMs: 30_000 });
    const { router } = harness;
    router.enqueue({ id: 'first', queue: 'q', customerId: 'cust', preferredAgent: 'bob' });
    router.answer('first'); // at 2 s
    router.complete('first');
    return harness;
  }

  it('offers a returning customer to the agent who last answered them, via last-agent', () => {
    const { clock, router } = answeredByBob(3_600_000);
    clock.advance(60_000);
    const events = recordEvents(router, ['call:queued', 'call:offered']);
    expect(router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' })).toMatchObject({ status: 'offered', agentId: 'bob' });
    expect(events.map(({ payload }) => payload)).toEqual([
      expect.objectContaining({ callId: 'again', knownAgentId: 'bob' }),
      expect.objectContaining({ callId: 'again', agentId: 'bob', via: 'last-agent' }),
    ]);
    expect(router.enqueue({ id: 'stranger', queue: 'q', customerId: 'other' }).agentId).toBe('ana');
  });

  it('waits for the last agent for knownAgentWaitMs while it is busy', () => {
    const { clock, router } = answeredByBob(3_600_000);
    keepBobBusy(router);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(router.getCall('again')).toMatchObject({ status: 'waiting', knownAgentId: 'bob', knownAgentKind: 'last-agent', knownAgentUntilMs: 32_000 });
    const events = recordEvents(router, ['call:agent-fallback']);
    clock.advance(30_000);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([expect.objectContaining({ agentId: 'bob', kind: 'last-agent', reason: 'timeout' })]);
    expect(router.getCall('again')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('remembers the agent that answered, not the one that was offered the call', () => {
    const { router } = twoAgents({ lastAgentWindowMs: 3_600_000 });
    router.enqueue({ id: 'first', queue: 'q', customerId: 'cust' });
    expect(router.getCall('first')).toMatchObject({ agentId: 'ana' });
    router.setAgentState('ana', 'not-ready'); // revoked: bob gets it
    router.answer('first');
    router.complete('first');
    router.setAgentState('ana', 'available');
    expect(router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' }).agentId).toBe('bob');
  });

  it('forgets the agent after lastAgentWindowMs', () => {
    const { clock, router } = answeredByBob(60_000);
    clock.advance(60_001);
    keepBobBusy(router);
    router.setAgentState('ana', 'not-ready');
    const events = recordEvents(router, ['call:queued', 'call:agent-fallback']);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ knownAgentId: undefined });
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([]);
    expect(router.getCall('again')).toMatchObject({ status: 'waiting', knownAgentId: undefined });
  });

  it('remembers the agent within the window', () => {
    const { clock, router } = answeredByBob(60_000);
    clock.advance(59_000);
    keepBobBusy(router);
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(router.getCall('again')).toMatchObject({ status: 'waiting', knownAgentId: 'bob', knownAgentKind: 'last-agent' });
  });

  it('ignores a last agent that no longer serves the queue (no fallback event)', () => {
    const { router } = answeredByBob(3_600_000);
    router.updateAgent('bob', { queues: ['other'] });
    const events = recordEvents(router, ['call:queued', 'call:agent-fallback']);
    expect(router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' }).agentId).toBe('ana');
    expect(eventsOf(events, 'call:queued')[0]).toMatchObject({ knownAgentId: undefined });
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([]);
  });

  it('lets a preferred agent take precedence over the last agent', () => {
    const { router } = answeredByBob(3_600_000);
    router.addAgent({ id: 'cy', queues: ['q'], state: 'available' });
    expect(router.enqueue({ id: 'again', queue: 'q', customerId: 'cust', preferredAgent: 'cy' }).agentId).toBe('cy');
  });

  it('remembers nothing by default', () => {
    const { router } = twoAgents({}, { knownAgentWaitMs: 30_000 });
    router.enqueue({ id: 'first', queue: 'q', customerId: 'cust', preferredAgent: 'bob' });
    router.answer('first');
    router.complete('first');
    keepBobBusy(router);
    router.setAgentState('ana', 'not-ready');
    router.enqueue({ id: 'again', queue: 'q', customerId: 'cust' });
    expect(router.getCall('again')).toMatchObject({ status: 'waiting', knownAgentId: undefined });
  });
});
