import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

describe('agent presence', () => {
  it('starts offline unless told otherwise, and is never offered calls while offline', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    expect(router.addAgent({ id: 'ana', queues: ['q'] })).toMatchObject({ state: 'offline', presence: 'offline' });
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.getCall('c1').status).toBe('waiting');
  });

  it('routes waiting calls at once when an agent comes available', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'] });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(1_000);
    const snapshot = router.setAgentState('ana', 'available');
    expect(snapshot).toMatchObject({ state: 'offered', presence: 'available', callIds: ['c1'] });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana', offeredAtMs: 1_000 });
    expect(waitingIds(router, 'q')).toEqual(['c2']);
  });

  it.each(['not-ready', 'offline'] as const)(
    'revokes a ringing offer when the agent goes %s; the call returns to its place',
    (presence) => {
      const { clock, router } = createRouter();
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      const events = recordEvents(router);
      router.enqueue({ id: 'c1', queue: 'q' });
      clock.advance(1_000);
      router.enqueue({ id: 'c2', queue: 'q' });
      clock.advance(1_000);
      router.setAgentState('ana', presence);
      expect(eventsOf(events, 'call:offer-revoked')).toEqual([
        { callId: 'c1', queueId: 'q', agentId: 'ana', atMs: 2_000, reason: 'agent-unavailable' },
      ]);
      expect(waitingIds(router, 'q')).toEqual(['c1', 'c2']);
      expect(router.getAgent('ana')).toMatchObject({ state: presence, presence, callIds: [], load: {}, missedOffers: 0 });
      expect(router.getQueue('q')).toMatchObject({ waiting: 2, offered: 0 });
    },
  );

  it('offers a revoked call to another free agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:offered']);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.setAgentState('ana', 'not-ready', 'lunch');
    expect(eventsOf(events, 'call:offered').map(({ agentId, attempt }) => [agentId, attempt])).toEqual([
      ['ana', 1],
      ['bob', 2],
    ]);
  });

  it('keeps a connected call when the agent goes not-ready, and shows busy until it ends', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 5_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.enqueue({ id: 'c2', queue: 'q' });
    const events = recordEvents(router, ['agent:state-changed', 'call:offered']);
    clock.advance(2_000);
    router.setAgentState('ana', 'not-ready', 'end of shift');
    // Still busy (since the answer at 0), but the new presence is reported: from === to.
    expect(router.getAgent('ana')).toMatchObject({ state: 'busy', presence: 'not-ready', reason: 'end of shift', stateSinceMs: 0 });
    expect(router.getCall('c1')).toMatchObject({ status: 'talking', agentId: 'ana' });
    expect(events).toEqual([
      {
        name: 'agent:state-changed',
        payload: { agentId: 'ana', from: 'busy', to: 'busy', presence: 'not-ready', reason: 'end of shift', atMs: 2_000 },
      },
    ]);
    clock.advance(1_000);
    router.complete('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'wrap-up', presence: 'not-ready', stateSinceMs: 3_000 });
    clock.advance(5_000);
    expect(router.getAgent('ana')).toMatchObject({ state: 'not-ready', reason: 'end of shift', load: {}, stateSinceMs: 8_000 });
    expect(router.getCall('c2').status).toBe('waiting');
    expect(eventsOf(events, 'agent:state-changed')).toEqual([
      { agentId: 'ana', from: 'busy', to: 'busy', presence: 'not-ready', reason: 'end of shift', atMs: 2_000 },
      { agentId: 'ana', from: 'busy', to: 'wrap-up', presence: 'not-ready', reason: 'end of shift', atMs: 3_000 },
      { agentId: 'ana', from: 'wrap-up', to: 'not-ready', presence: 'not-ready', reason: 'end of shift', atMs: 8_000 },
    ]);
    expect(eventsOf(events, 'call:offered')).toEqual([]);
  });

  it('reports every state change with from, to, presence, reason and time', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'] });
    const events = recordEvents(router, ['agent:state-changed']);
    router.setAgentState('ana', 'available');
    clock.advance(1_000);
    router.setAgentState('ana', 'not-ready', 'break');
    clock.advance(1_000);
    router.setAgentState('ana', 'available');
    clock.advance(1_000);
    router.setAgentState('ana', 'offline');
    expect(eventsOf(events, 'agent:state-changed')).toEqual([
      { agentId: 'ana', from: 'offline', to: 'available', presence: 'available', reason: undefined, atMs: 0 },
      { agentId: 'ana', from: 'available', to: 'not-ready', presence: 'not-ready', reason: 'break', atMs: 1_000 },
      { agentId: 'ana', from: 'not-ready', to: 'available', presence: 'available', reason: undefined, atMs: 2_000 },
      { agentId: 'ana', from: 'available', to: 'offline', presence: 'offline', reason: undefined, atMs: 3_000 },
    ]);
    expect(router.getAgent('ana')).toMatchObject({ state: 'offline', reason: undefined, stateSinceMs: 3_000 });
  });

  it('does nothing when the presence is set again', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    clock.advance(1_000);
    router.setAgentState('ana', 'available');
    expect(events).toEqual([]);
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', stateSinceMs: 0, idleSinceMs: 0 });
  });

  it('starts not-ready with a reason when told to', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    expect(router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready', reason: 'training' })).toMatchObject({
      state: 'not-ready',
      presence: 'not-ready',
      reason: 'training',
    });
  });

  it('shows the call being offered, then busy, for an available agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.getAgent('ana')).toMatchObject({ state: 'offered', presence: 'available', callIds: ['c1'] });
    router.answer('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'busy', presence: 'available', callsHandled: 1 });
    router.complete('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callIds: [] });
  });
});
