import { describe, expect, it } from 'vitest';
import { CallRouter, SimulatedClock } from '../src/index.js';

// Requirement sets that come and go (one per call, as attribute-driven routing produces) must not
// pile up, and tidying them away must never strand a live call.
describe('many distinct requirement sets', () => {
  it('keeps routing calls that were waiting, ringing or connected while thousands of others came and went', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { french: 3 }, state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], skills: { german: 3 }, state: 'not-ready' });
    router.addAgent({ id: 'cy', queues: ['q'], skills: { dutch: 2 }, state: 'available' });

    router.enqueue({ id: 'ringing', queue: 'q', requirements: { french: 2 } }); // offered to ana
    router.enqueue({ id: 'talking', queue: 'q', requirements: { dutch: 1 } }); // offered to cy
    router.answer('talking');
    router.enqueue({ id: 'waiting', queue: 'q', requirements: { german: 3 } }); // nobody free yet

    for (let i = 0; i < 5_000; i++) {
      router.enqueue({ id: `x${i}`, queue: 'q', requirements: { [`skill-${i}`]: 1 } });
      router.abandon(`x${i}`);
    }

    router.decline('ringing'); // back to its line, and offered to ana again
    expect(router.getCall('ringing')).toMatchObject({ status: 'offered', agentId: 'ana', offers: 2 });
    router.setAgentState('bob', 'available');
    expect(router.getCall('waiting')).toMatchObject({ status: 'offered', agentId: 'bob' });
    router.complete('talking');
    router.enqueue({ id: 'again', queue: 'q', requirements: { dutch: 1 } });
    expect(router.getCall('again')).toMatchObject({ status: 'offered', agentId: 'cy' });
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 3, talking: 0 });
  });

  it('still routes a call whose requirement set was seen before and tidied away', () => {
    const router = new CallRouter({ clock: new SimulatedClock() });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { s7: 1 }, state: 'not-ready' });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2_000; i++) {
        router.enqueue({ id: `x${i}`, queue: 'q', requirements: { [`s${i}`]: 1 } });
        router.abandon(`x${i}`);
      }
    }
    router.enqueue({ id: 'c', queue: 'q', requirements: { s7: 1 } });
    expect(router.getCall('c').status).toBe('waiting');
    expect(router.waitingCalls('q').map((call) => call.id)).toEqual(['c']);
    router.setAgentState('ana', 'available');
    expect(router.getCall('c')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });
});
