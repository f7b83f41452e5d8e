import { describe, expect, it } from 'vitest';
import type { CallRouter } from '../src/index.js';
import { createRouter } from './support/fixtures.js';

/** The events whose payloads the router reuses once only the statistics read them. */
const REUSED = ['agent:state-changed', 'call:queued', 'call:answered', 'call:completed'] as const;

interface Seen {
  readonly payload: object;
  readonly copy: object;
}

/** A call from arrival to the end of its wrap-up. */
function cycle(router: CallRouter, id: string): void {
  router.enqueue({ id, queue: 'q' });
  router.answer(id);
  router.complete(id, { resolved: true });
}

describe('event payloads read by the statistics alone', () => {
  it('a listener added later gets payloads of its own, which never change afterwards', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    for (const id of ['c1', 'c2']) {
      cycle(router, id);
      clock.advance(1_000);
    }
    const seen: Seen[] = [];
    const keep = (payload: object): void => {
      seen.push({ payload, copy: { ...payload } });
    };
    for (const name of REUSED) router.on(name, keep);
    for (const id of ['c3', 'c4']) {
      cycle(router, id);
      clock.advance(1_000);
    }
    for (const name of REUSED) router.off(name, keep);
    for (const id of ['c5', 'c6']) {
      cycle(router, id);
      clock.advance(1_000);
    }
    expect(seen.length).toBe(2 * 7);
    expect(new Set(seen.map((s) => s.payload)).size).toBe(seen.length);
    for (const s of seen) expect(s.payload).toStrictEqual(s.copy);
    expect(router.queueStats('q').totals).toMatchObject({ entered: 6, answered: 6, completed: 6 });
    expect(router.agentStats('ana')).toMatchObject({ callsHandled: 6, state: 'available' });
  });

  it('a listener added while events are delivered gets the pending ones intact', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    cycle(router, 'c1');
    clock.advance(1_000);
    const seen: Seen[] = [];
    router.once('call:queued', () => {
      router.on('agent:state-changed', (payload) => seen.push({ payload, copy: { ...payload } }));
    });
    // Queued, offered, then the agent's change to `offered`: delivered after the listener was added.
    router.enqueue({ id: 'c2', queue: 'q' });
    router.answer('c2');
    router.complete('c2');
    clock.advance(1_000);
    cycle(router, 'c3');
    expect(seen.map((s) => (s.payload as { to: string }).to)).toEqual(['offered', 'busy', 'wrap-up', 'available', 'offered', 'busy', 'wrap-up']);
    expect(new Set(seen.map((s) => s.payload)).size).toBe(seen.length);
    for (const s of seen) expect(s.payload).toStrictEqual(s.copy);
  });
});
