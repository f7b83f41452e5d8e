import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents } from './support/fixtures.js';

/** ana serves `q`; c1 is connected to her and c2 waits. */
function talkingWithOneWaiting(wrapUpMs?: number) {
  const harness = createRouter();
  const { router } = harness;
  router.addQueue({ id: 'q', ...(wrapUpMs === undefined ? {} : { wrapUpMs }) });
  router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
  router.enqueue({ id: 'c1', queue: 'q' });
  router.answer('c1');
  router.enqueue({ id: 'c2', queue: 'q' });
  return harness;
}

describe('wrap-up', () => {
  it("keeps the agent in wrap-up for the queue's wrapUpMs, then offers it the waiting call at once", () => {
    const { clock, router } = talkingWithOneWaiting(30_000);
    const events = recordEvents(router, ['agent:state-changed', 'call:offered']);
    clock.advance(60_000);
    router.complete('c1');
    expect(router.getAgent('ana')).toMatchObject({
      state: 'wrap-up',
      presence: 'available',
      callIds: [],
      load: { voice: 1 },
      stateSinceMs: 60_000,
    });
    expect(router.hasCall('c1')).toBe(false);
    clock.advance(29_999);
    expect(router.getCall('c2').status).toBe('waiting');
    clock.advance(1);
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana', offeredAtMs: 90_000 });
    expect(
      events.map((event) =>
        event.name === 'agent:state-changed'
          ? `${event.payload.from}->${event.payload.to}@${event.payload.atMs}`
          : `offer ${event.payload.callId}@${event.payload.atMs}`,
      ),
    ).toEqual(['busy->wrap-up@60000', 'wrap-up->available@90000', 'offer c2@90000', 'available->offered@90000']);
  });

  it('uses outcome.wrapUpMs instead of the queue wrapUpMs', () => {
    const { clock, router } = talkingWithOneWaiting(30_000);
    router.complete('c1', { wrapUpMs: 5_000, resolved: true });
    clock.advance(4_999);
    expect(router.getAgent('ana').state).toBe('wrap-up');
    clock.advance(1);
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('goes straight to available with an outcome.wrapUpMs of 0', () => {
    const { router } = talkingWithOneWaiting(30_000);
    const events = recordEvents(router, ['agent:state-changed']);
    router.complete('c1', { wrapUpMs: 0 });
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
    expect(eventsOf(events, 'agent:state-changed').map(({ from, to }) => `${from}->${to}`)).toEqual([
      'busy->available',
      'available->offered',
    ]);
  });

  it('goes straight to available by default (wrapUpMs 0)', () => {
    const { router } = talkingWithOneWaiting();
    expect(router.getQueue('q').wrapUpMs).toBe(0);
    router.complete('c1');
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });

  it('shows available after wrap-up when nothing waits', () => {
    const { clock, router } = talkingWithOneWaiting(10_000);
    router.abandon('c2');
    router.complete('c1');
    clock.advance(10_000);
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', load: {}, idleSinceMs: 10_000 });
  });

  it("uses the wrapUpMs of the completed call's queue", () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'quick', wrapUpMs: 1_000 });
    router.addQueue({ id: 'slow', wrapUpMs: 20_000 });
    router.addAgent({ id: 'ana', queues: ['quick', 'slow'], state: 'available' });
    router.enqueue({ id: 's1', queue: 'slow' });
    router.answer('s1');
    router.complete('s1');
    clock.advance(1_000);
    expect(router.getAgent('ana').state).toBe('wrap-up');
    clock.advance(19_000);
    expect(router.getAgent('ana').state).toBe('available');
  });

  it('picks up a queue wrapUpMs changed while the call was connected', () => {
    const { clock, router } = talkingWithOneWaiting(30_000);
    router.updateQueue('q', { wrapUpMs: 2_000 });
    router.complete('c1');
    clock.advance(2_000);
    expect(router.getCall('c2')).toMatchObject({ status: 'offered', agentId: 'ana' });
  });
});
