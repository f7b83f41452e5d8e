import { describe, expect, it } from 'vitest';
import { CallRouter, SimulatedClock, type AgentStateChangedEvent } from '../src/index.js';

describe('a new not-ready reason', () => {
  it('is reported as a state change, with the new reason and a new stateSinceMs', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready', reason: 'training' });
    const changes: AgentStateChangedEvent[] = [];
    router.on('agent:state-changed', (event) => changes.push(event));

    clock.advance(60_000);
    router.setAgentState('ana', 'not-ready', 'lunch');

    expect(changes).toEqual([
      { agentId: 'ana', from: 'not-ready', to: 'not-ready', presence: 'not-ready', reason: 'lunch', atMs: 60_000 },
    ]);
    expect(router.getAgent('ana')).toMatchObject({ state: 'not-ready', reason: 'lunch', stateSinceMs: 60_000 });
  });

  it('is reported while the agent works, with from === to (busy) and stateSinceMs unchanged', () => {
    const router = new CallRouter({ clock: new SimulatedClock() });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.setAgentState('ana', 'not-ready', 'after-call');
    const changes: AgentStateChangedEvent[] = [];
    router.on('agent:state-changed', (event) => changes.push(event));

    router.setAgentState('ana', 'not-ready', 'meeting');

    expect(changes).toEqual([{ agentId: 'ana', from: 'busy', to: 'busy', presence: 'not-ready', reason: 'meeting', atMs: 0 }]);
    expect(router.getAgent('ana')).toMatchObject({ state: 'busy', presence: 'not-ready', reason: 'meeting', stateSinceMs: 0 });
  });

  it('setting the same reason again reports nothing', () => {
    const router = new CallRouter({ clock: new SimulatedClock() });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready', reason: 'lunch' });
    const changes: AgentStateChangedEvent[] = [];
    router.on('agent:state-changed', (event) => changes.push(event));
    router.setAgentState('ana', 'not-ready', 'lunch');
    expect(changes).toEqual([]);
  });
});
