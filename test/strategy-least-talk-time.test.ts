import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, recordOffers } from './support/fixtures.js';

describe("strategy 'least-talk-time'", () => {
  it('offers the agent with the least total talk time', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'least-talk-time' });
    for (const id of ['a', 'b', 'c']) router.addAgent({ id, queues: ['q'] });
    const talk = (agentId: string, callId: string, talkMs: number): void => {
      router.setAgentState(agentId, 'available');
      router.enqueue({ id: callId, queue: 'q' });
      router.answer(callId);
      clock.advance(talkMs);
      router.complete(callId);
      router.setAgentState(agentId, 'not-ready');
    };
    talk('a', 'a1', 5_000);
    talk('b', 'b1', 1_000);
    talk('c', 'c1', 3_000);
    talk('b', 'b2', 1_500);
    expect(['a', 'b', 'c'].map((id) => router.getAgent(id).talkTimeMs)).toEqual([5_000, 2_500, 3_000]);
    // c and b came available last; a has been idle longest.
    router.setAgentState('a', 'available');
    clock.advance(1_000);
    router.setAgentState('c', 'available');
    router.setAgentState('b', 'available');
    const offers = recordOffers(router);
    router.enqueue({ id: 'x1', queue: 'q' });
    router.enqueue({ id: 'x2', queue: 'q' });
    router.enqueue({ id: 'x3', queue: 'q' });
    expect(offers).toEqual(['x1->b', 'x2->c', 'x3->a']);
  });

  it('counts talk time from answer to completion, not the ringing time', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'least-talk-time' });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['call:completed']);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(2_000);
    router.answer('c1');
    clock.advance(1_000);
    router.complete('c1');
    expect(router.getAgent('a').talkTimeMs).toBe(1_000);
    expect(eventsOf(events, 'call:completed')[0]).toMatchObject({ talkMs: 1_000, waitMs: 2_000 });
  });

  it('updates the ranking after every call', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', strategy: 'least-talk-time' });
    router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
    const offers = recordOffers(router);
    for (const [callId, talkMs] of [
      ['c1', 4_000],
      ['c2', 1_000],
      ['c3', 1_000],
      ['c4', 1_000],
      ['c5', 1_500],
    ] as const) {
      router.enqueue({ id: callId, queue: 'q' });
      router.answer(callId);
      clock.advance(talkMs);
      router.complete(callId);
    }
    // a talks 4 s first; b then takes calls until its total (1 + 1 + 1 + 1.5 s) passes a's.
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->b', 'c4->b', 'c5->b']);
    router.enqueue({ id: 'c6', queue: 'q' });
    expect(offers.at(-1)).toBe('c6->a');
  });
});
