import { describe, expect, it } from 'vitest';
import { createRouter } from './support/fixtures.js';

/** One agent serving queues `qa` and `qb`, busy with call `busy` so that calls wait. */
function busyAgent(weights: { qa?: number; qb?: number } = {}) {
  const harness = createRouter();
  const { router } = harness;
  router.addQueue({ id: 'qa', ...(weights.qa === undefined ? {} : { weight: weights.qa }) });
  router.addQueue({ id: 'qb', ...(weights.qb === undefined ? {} : { weight: weights.qb }) });
  router.addAgent({ id: 'ana', queues: ['qa', 'qb'], state: 'available' });
  router.enqueue({ id: 'busy', queue: 'qa' });
  router.answer('busy');
  return harness;
}

const nextCallOf = (router: ReturnType<typeof createRouter>['router']): string | undefined =>
  router.getAgent('ana').callIds[0];

describe('an agent serving several queues', () => {
  it('takes the highest-priority call across its queues', () => {
    const { clock, router } = busyAgent();
    router.enqueue({ id: 'old-low', queue: 'qa', priority: 0 });
    clock.advance(30_000);
    router.enqueue({ id: 'new-high', queue: 'qb', priority: 2 });
    clock.advance(1_000);
    router.complete('busy');
    expect(nextCallOf(router)).toBe('new-high');
  });

  it('takes the call that has waited longest when priorities are equal, whatever the queue order', () => {
    const { clock, router } = busyAgent();
    router.enqueue({ id: 'b-old', queue: 'qb' });
    clock.advance(1_000);
    router.enqueue({ id: 'a-new', queue: 'qa' });
    clock.advance(1_000);
    router.complete('busy');
    expect(nextCallOf(router)).toBe('b-old');
    router.answer('b-old');
    router.complete('b-old');
    expect(nextCallOf(router)).toBe('a-new');
  });

  it.each([
    // qa has weight 2; b waits from 0 in qb (weight 1), a from 5 000 in qa.
    { freeAtMs: 8_000, expected: 'b', why: 'b 8 000 × 1 > a 3 000 × 2' },
    { freeAtMs: 12_000, expected: 'a', why: 'a 7 000 × 2 > b 12 000 × 1' },
  ])('ranks equal-priority calls by waitMs × queue weight: free at $freeAtMs → $expected ($why)', ({ freeAtMs, expected }) => {
    const { clock, router } = busyAgent({ qa: 2 });
    router.enqueue({ id: 'b', queue: 'qb' });
    clock.advanceTo(5_000);
    router.enqueue({ id: 'a', queue: 'qa' });
    clock.advanceTo(freeAtMs);
    router.complete('busy');
    expect(nextCallOf(router)).toBe(expected);
  });

  it('still ranks priority before weight', () => {
    const { clock, router } = busyAgent({ qa: 100 });
    router.enqueue({ id: 'heavy', queue: 'qa' });
    clock.advance(60_000);
    router.enqueue({ id: 'urgent', queue: 'qb', priority: 1 });
    clock.advance(1);
    router.complete('busy');
    expect(nextCallOf(router)).toBe('urgent');
  });

  it('does not starve a quiet queue while a busy one keeps receiving calls (default weights)', () => {
    const { clock, router } = busyAgent();
    router.on('call:offered', ({ callId }) => router.answer(callId));
    const answered: Array<[string, number]> = [];
    router.on('call:answered', ({ callId, atMs }) => answered.push([callId, atMs]));
    clock.advanceTo(100);
    router.enqueue({ id: 'quiet', queue: 'qb' });
    // qa gets a call every 500 ms; each call takes 2 s: qa's line only grows.
    let waitingInQaWhenQuietAnswered = -1;
    router.on('call:answered', ({ callId }) => {
      if (callId === 'quiet') waitingInQaWhenQuietAnswered = router.getQueue('qa').waiting;
    });
    for (let i = 1; i <= 120; i++) {
      clock.advanceTo(i * 500);
      router.enqueue({ id: `a${i}`, queue: 'qa' });
      if (i % 4 === 0) router.complete(nextCallOf(router) as string);
    }
    // The first time ana is free (2 s), the quiet call has waited longest.
    expect(answered.find(([callId]) => callId === 'quiet')).toEqual(['quiet', 2_000]);
    expect(waitingInQaWhenQuietAnswered).toBeGreaterThan(0);
  });

  it('serves a low-weight queue eventually: its score keeps growing until it passes the heavy queue', () => {
    const { clock, router } = busyAgent({ qa: 10 });
    router.on('call:offered', ({ callId }) => router.answer(callId));
    clock.advanceTo(500);
    router.enqueue({ id: 'b1', queue: 'qb' });
    const served: string[] = [];
    for (let k = 0; k < 10; k++) {
      // A fresh qa call has waited 1 s each time ana is freed: score 10 000, while b1's score is its wait.
      clock.advanceTo(2_000 * k + 1_000);
      router.enqueue({ id: `a${k + 1}`, queue: 'qa' });
      clock.advanceTo(2_000 * (k + 1));
      router.complete(nextCallOf(router) as string);
      served.push(nextCallOf(router) as string);
    }
    // b1 passes 10 000 between 10 000 (score 9 500) and 12 000 (score 11 500).
    expect(served).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'a6', 'a7', 'a8', 'a9']);
  });
});
