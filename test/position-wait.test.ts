import { describe, expect, it } from 'vitest';
import { createRouter } from './support/fixtures.js';

describe('positionOf', () => {
  it('counts the waiting calls ahead, by priority then arrival', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    clock.advance(1_000);
    router.enqueue({ id: 'c3', queue: 'q', priority: 5 });
    expect(['c1', 'c2', 'c3'].map((id) => router.positionOf(id))).toEqual([2, 3, 1]);
    router.setCallPriority('c2', 6);
    expect(['c1', 'c2', 'c3'].map((id) => router.positionOf(id))).toEqual([3, 1, 2]);
    router.abandon('c2');
    expect(['c1', 'c3'].map((id) => router.positionOf(id))).toEqual([2, 1]);
  });

  it('counts calls of other queues served by the same agents', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'qa' });
    router.addQueue({ id: 'qb' });
    router.addAgent({ id: 'ana', queues: ['qa', 'qb'], state: 'not-ready' });
    router.enqueue({ id: 'a1', queue: 'qa' });
    clock.advance(1_000);
    router.enqueue({ id: 'b1', queue: 'qb' });
    clock.advance(1_000);
    router.enqueue({ id: 'a2', queue: 'qa' });
    expect(['a1', 'b1', 'a2'].map((id) => router.positionOf(id))).toEqual([1, 2, 3]);
  });

  it('does not count calls no agent of this call could take', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addQueue({ id: 'solo' });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 3 }, state: 'not-ready' });
    router.addAgent({ id: 'bob', queues: ['q'], skills: { french: 3 }, state: 'not-ready' });
    router.addAgent({ id: 'cy', queues: ['solo'], state: 'not-ready' });
    router.enqueue({ id: 'es1', queue: 'q', requirements: { spanish: 2 } });
    clock.advance(1_000);
    router.enqueue({ id: 'fr1', queue: 'q', requirements: { french: 2 } });
    clock.advance(1_000);
    router.enqueue({ id: 'es2', queue: 'q', requirements: { spanish: 2 } });
    router.enqueue({ id: 'fr2', queue: 'q', requirements: { french: 2 } });
    router.enqueue({ id: 's1', queue: 'solo' });
    expect(['es1', 'fr1', 'es2', 'fr2', 's1'].map((id) => router.positionOf(id))).toEqual([1, 1, 2, 2, 1]);
  });

  it('is 0 for a call that is not waiting', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'offered', queue: 'q' });
    router.enqueue({ id: 'talking', queue: 'q' });
    router.answer('talking');
    router.scheduleCallback({ id: 'later', queue: 'q', atMs: 60_000 });
    expect(['offered', 'talking', 'later'].map((id) => [router.positionOf(id), router.estimatedWaitMs(id)])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('counts only the calls waiting for the same agent while a call waits for its known agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'queue-1', queue: 'q' });
    router.enqueue({ id: 'for-bob-1', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000 });
    router.enqueue({ id: 'for-bob-2', queue: 'q', preferredAgent: 'bob', preferredAgentWaitMs: 60_000, priority: 1 });
    expect(['queue-1', 'for-bob-1', 'for-bob-2'].map((id) => router.positionOf(id))).toEqual([1, 2, 1]);
  });
});

describe('estimatedWaitMs', () => {
  it('before any answer: ⌈position ÷ agents logged in⌉ × defaultHandleMs', () => {
    const { router } = createRouter();
    expect(router.addQueue({ id: 'q' }).defaultHandleMs).toBe(180_000);
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    router.addAgent({ id: 'bob', queues: ['q'], state: 'not-ready' });
    router.addAgent({ id: 'off', queues: ['q'] });
    for (const id of ['c1', 'c2', 'c3']) router.enqueue({ id, queue: 'q' });
    expect(['c1', 'c2', 'c3'].map((id) => router.estimatedWaitMs(id))).toEqual([180_000, 180_000, 360_000]);
    router.updateQueue('q', { defaultHandleMs: 60_000 });
    router.setAgentState('bob', 'offline');
    expect(['c1', 'c2', 'c3'].map((id) => router.estimatedWaitMs(id))).toEqual([60_000, 120_000, 180_000]);
  });

  it('is Infinity when no agent who could take the call is logged in', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], skills: { spanish: 1 }, state: 'not-ready' });
    router.addAgent({ id: 'off', queues: ['q'], skills: { spanish: 5 } });
    router.enqueue({ id: 'c1', queue: 'q', requirements: { spanish: 3 } });
    expect(router.estimatedWaitMs('c1')).toBe(Infinity);
    router.setAgentState('off', 'not-ready');
    expect(router.estimatedWaitMs('c1')).toBe(180_000);
  });

  it('with answers: position × the mean time between the recent answers, measured up to now', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    for (const [i, atMs] of [0, 60_000, 120_000].entries()) {
      clock.advanceTo(atMs);
      router.enqueue({ id: `x${i}`, queue: 'q' });
      router.answer(`x${i}`);
      router.complete(`x${i}`);
    }
    router.setAgentState('ana', 'not-ready');
    clock.advanceTo(150_000);
    router.enqueue({ id: 'w1', queue: 'q' });
    router.enqueue({ id: 'w2', queue: 'q' });
    expect(router.estimatedWaitMs('w1')).toBe(50_000); // 1 × 150 s / 3
    clock.advanceTo(180_000);
    expect(router.estimatedWaitMs('w1')).toBe(60_000); // 1 × 180 s / 3
    expect(router.estimatedWaitMs('w2')).toBe(120_000);
  });

  it('uses only the last 32 answers', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    for (let i = 0; i <= 32; i++) {
      clock.advanceTo(i * 1_000);
      router.enqueue({ id: `x${i}`, queue: 'q' });
      router.answer(`x${i}`);
      router.complete(`x${i}`);
    }
    router.setAgentState('ana', 'not-ready');
    clock.advanceTo(42_000);
    router.enqueue({ id: 'w1', queue: 'q' });
    // Answers at 1 s … 32 s are the last 32: (42 s − 1 s) / 32.
    expect(router.estimatedWaitMs('w1')).toBe(1_281.25);
  });

  it('falls back to defaultHandleMs when every answer is at this instant', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', defaultHandleMs: 90_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'x', queue: 'q' });
    router.answer('x');
    router.enqueue({ id: 'w1', queue: 'q' });
    expect(router.estimatedWaitMs('w1')).toBe(90_000);
  });

  it('counts one agent for a call waiting for its known agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', knownAgentWaitMs: 60_000 });
    for (const id of ['ana', 'bob', 'cy']) router.addAgent({ id, queues: ['q'], state: 'not-ready' });
    router.enqueue({ id: 'b1', queue: 'q', preferredAgent: 'bob' });
    router.enqueue({ id: 'b2', queue: 'q', preferredAgent: 'bob' });
    router.enqueue({ id: 'q1', queue: 'q' });
    expect(router.estimatedWaitMs('b2')).toBe(360_000);
    expect(router.estimatedWaitMs('q1')).toBe(180_000);
  });
});
