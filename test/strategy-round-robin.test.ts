import { describe, expect, it } from 'vitest';
import { createRouter, recordOffers } from './support/fixtures.js';

function setup() {
  const harness = createRouter();
  harness.router.addQueue({ id: 'q', strategy: 'round-robin' });
  for (const id of ['a', 'b', 'c']) harness.router.addAgent({ id, queues: ['q'], state: 'available' });
  return { ...harness, offers: recordOffers(harness.router) };
}

describe("strategy 'round-robin'", () => {
  it('starts in order of addition', () => {
    const { router, offers } = setup();
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c']);
  });

  it('rotates to the agent offered a call least recently, whoever has been idle longest', () => {
    const { clock, router, offers } = setup();
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.enqueue({ id: 'c2', queue: 'q' });
    router.answer('c2');
    clock.advance(5_000);
    router.complete('c2'); // b idle since 5 000
    clock.advance(5_000);
    router.complete('c1'); // a idle since 10 000, c idle since 0
    clock.advance(1_000);
    router.enqueue({ id: 'c3', queue: 'q' });
    router.enqueue({ id: 'c4', queue: 'q' });
    router.enqueue({ id: 'c5', queue: 'q' });
    // Longest idle would give c, b, a; the rotation continues c, a, b.
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->a', 'c5->b']);
  });

  it('keeps its memory when an agent takes a break', () => {
    const { clock, router, offers } = setup();
    for (const id of ['c1', 'c2']) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
      router.complete(id);
    }
    clock.advance(1_000);
    router.setAgentState('a', 'offline');
    clock.advance(1_000);
    router.setAgentState('a', 'available');
    for (const id of ['c3', 'c4', 'c5']) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
      router.complete(id);
    }
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->a', 'c5->b']);
  });

  it('puts an agent added later first in the rotation', () => {
    const { router, offers } = setup();
    for (const id of ['c1', 'c2']) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
      router.complete(id);
    }
    router.addAgent({ id: 'd', queues: ['q'], state: 'available' });
    for (const id of ['c3', 'c4', 'c5']) router.enqueue({ id, queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->d', 'c5->a']);
  });

  it('skips agents that are not free and comes back to them later', () => {
    const { router, offers } = setup();
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1'); // a stays busy
    for (const id of ['c2', 'c3']) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
      router.complete(id);
    }
    router.enqueue({ id: 'c4', queue: 'q' }); // a busy: b is next after c
    router.answer('c4');
    router.complete('c1');
    router.complete('c4');
    router.enqueue({ id: 'c5', queue: 'q' });
    expect(offers).toEqual(['c1->a', 'c2->b', 'c3->c', 'c4->b', 'c5->a']);
  });
});
