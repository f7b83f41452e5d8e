import { describe, expect, it } from 'vitest';
import { CallRouter, SimulatedClock } from '../src/index.js';

describe('dispose', () => {
  it('cancels pending timed actions and the clock timer', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock });
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(clock.pendingTimers).toBe(1);

    router.dispose();

    expect(clock.pendingTimers).toBe(0);
    clock.advance(5_000);
    expect(router.getCall('c1').status).toBe('offered');
  });

  it('leaves the router usable: offers made afterwards still time out', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock });
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.dispose();
    router.enqueue({ id: 'c2', queue: 'q' });
    const timeouts: string[] = [];
    router.on('call:offer-timeout', ({ callId }) => timeouts.push(callId));

    router.answer('c1'); // cancels an offer timeout that dispose() already cancelled
    clock.advance(1_000);

    expect(timeouts).toEqual(['c2']);
  });
});
