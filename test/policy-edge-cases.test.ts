import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents } from './support/fixtures.js';

describe('edge cases found in review', () => {
  it('a callback waiting for its known agent is offered at once on the agent’s free callback slot', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', callback: { channel: 'callback' }, knownAgentWaitMs: 600_000 });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available', capacity: { voice: 1, callback: 1 } });
    router.enqueue({ id: 'busy', queue: 'q' });
    router.answer('busy');
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob' });
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: 'bob' });
    router.requestCallback('c1');
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'bob', channel: 'callback' });
    clock.advance(1);
  });

  it('a known agent who loses capacity on the call’s channel lets the call go to the queue at once', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: Infinity });
    router.setAgentState('ana', 'available');
    expect(router.getCall('c1').status).toBe('waiting');
    const events = recordEvents(router, ['call:agent-fallback', 'call:offered']);
    router.updateAgent('bob', { capacity: { chat: 1 } });
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([expect.objectContaining({ callId: 'c1', agentId: 'bob', reason: 'no-capacity' })]);
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('waiting for a logged-in known agent is not waiting with no agents', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', maxWaitNoAgentsMs: 10_000, exitAction: { action: 'voicemail' } });
    router.addQueue({ id: 'other' });
    router.addAgent({ id: 'bob', queues: ['other'], state: 'available' });
    router.enqueue({ id: 'x', queue: 'other' });
    router.answer('x'); // bob is busy
    const events = recordEvents(router, ['call:timed-out', 'call:agent-fallback']);
    router.enqueue({ id: 'c1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    clock.advance(30_000);
    expect(router.getCall('c1')).toMatchObject({ status: 'waiting', knownAgentId: 'bob' });
    expect(events).toEqual([]);
    // Once it falls back to its queue, where nobody is logged in, the no-agent limit runs.
    clock.advance(30_000);
    expect(eventsOf(events, 'call:agent-fallback')).toEqual([expect.objectContaining({ reason: 'timeout', atMs: 60_000 })]);
    clock.advance(10_000);
    expect(eventsOf(events, 'call:timed-out')).toEqual([expect.objectContaining({ reason: 'max-wait-no-agents', atMs: 70_000 })]);
  });

  it('a transfer and an unanswered callback say why before the agent’s state changes, as complete does', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 5_000, callback: { retryDelayMs: 1_000 } });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    const events = recordEvents(router, ['call:transferred', 'agent:state-changed', 'call:callback-scheduled']);
    router.transfer('c1', { queue: 'q' });
    expect(events.map((e) => e.name).slice(0, 2)).toEqual(['call:transferred', 'agent:state-changed']);
  });

  it('a scheduled callback takes the queue’s escalation plan as it is when the callback joins', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', escalation: [{ afterMs: 1_000, raisePriority: 1, name: 'old' }] });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 3_600_000 });
    router.updateQueue('q', { escalation: [{ afterMs: 1_000, raisePriority: 5, name: 'new' }] });
    const events = recordEvents(router, ['call:escalated']);
    clock.advance(3_601_000);
    expect(eventsOf(events, 'call:escalated')).toEqual([expect.objectContaining({ callId: 'cb', name: 'new' })]);
    expect(router.getCall('cb').priority).toBe(5);
  });
});
