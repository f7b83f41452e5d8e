import { describe, expect, it } from 'vitest';
import { CallRouter, SimulatedClock } from '../src/index.js';

/** A day in miniature: 8 agents, 40 calls answered and completed one at a time. Returns who got each call. */
function assignments(seed: number): string[] {
  const clock = new SimulatedClock();
  const router = new CallRouter({ clock, seed });
  router.addQueue({ id: 'q', strategy: 'random' });
  for (let i = 0; i < 8; i++) router.addAgent({ id: `a${i}`, queues: ['q'], state: 'available' });
  const chosen: string[] = [];
  router.on('call:offered', ({ agentId }) => chosen.push(agentId));
  const talking: string[] = [];
  for (let i = 0; i < 40; i++) {
    const callId = `c${i}`;
    router.enqueue({ id: callId, queue: 'q' });
    router.answer(callId);
    talking.push(callId);
    // Keep three calls up at once, so the choice is among a changing set of free agents.
    if (talking.length > 3) router.complete(talking.shift() as string);
    clock.advance(1_000);
  }
  return chosen;
}

/** Two free agents; returns the agent offered the first call and the agent offered the second. */
function twoCalls(seed: number): [string | undefined, string | undefined] {
  const router = new CallRouter({ clock: new SimulatedClock(), seed });
  router.addQueue({ id: 'q', strategy: 'random' });
  router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
  router.addAgent({ id: 'b', queues: ['q'], state: 'available' });
  const first = router.enqueue({ id: 'c1', queue: 'q' }).agentId;
  router.answer('c1');
  router.complete('c1'); // both agents are free again
  const second = router.enqueue({ id: 'c2', queue: 'q' }).agentId;
  return [first, second];
}

describe("strategy 'random'", () => {
  it('makes the same choices for the same seed', () => {
    expect(assignments(42)).toEqual(assignments(42));
    expect(assignments(42)).toHaveLength(40);
  });

  it('makes different choices for different seeds', () => {
    const runs = new Set([1, 2, 3, 4, 5].map((seed) => assignments(seed).join(',')));
    expect(runs.size).toBe(5);
  });

  it('uses the router seed 1 by default', () => {
    const run = (router: CallRouter): string[] => {
      router.addQueue({ id: 'q', strategy: 'random' });
      for (let i = 0; i < 8; i++) router.addAgent({ id: `a${i}`, queues: ['q'], state: 'available' });
      return Array.from({ length: 8 }, (_, i) => router.enqueue({ id: `c${i}`, queue: 'q' }).agentId as string);
    };
    expect(run(new CallRouter({ clock: new SimulatedClock() }))).toEqual(
      run(new CallRouter({ clock: new SimulatedClock(), seed: 1 })),
    );
  });

  it('chooses only eligible, free agents', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const router = new CallRouter({ clock: new SimulatedClock(), seed });
      router.addQueue({ id: 'q', strategy: 'random' });
      router.addAgent({ id: 'es1', queues: ['q'], skills: { spanish: 3 }, state: 'available' });
      router.addAgent({ id: 'es2', queues: ['q'], skills: { spanish: 5 }, state: 'available' });
      router.addAgent({ id: 'weak', queues: ['q'], skills: { spanish: 1 }, state: 'available' });
      router.addAgent({ id: 'none', queues: ['q'], state: 'available' });
      router.addAgent({ id: 'away', queues: ['q'], skills: { spanish: 5 }, state: 'not-ready' });
      router.addAgent({ id: 'es3', queues: ['q'], skills: { spanish: 4 }, state: 'available' });
      router.enqueue({ id: 'busy', queue: 'q', requirements: { spanish: 2 } });
      router.answer('busy');
      const busyCall = router.getCall('busy');
      const busyAgent = busyCall.status === 'talking' ? busyCall.agentId : undefined;
      const chosen = new Set<string | undefined>();
      for (const id of ['c1', 'c2']) chosen.add(router.enqueue({ id, queue: 'q', requirements: { spanish: 2 } }).agentId);
      const eligible = new Set(['es1', 'es2', 'es3']);
      expect(eligible.has(busyAgent as string)).toBe(true);
      for (const agentId of chosen) {
        expect(eligible.has(agentId as string)).toBe(true);
        expect(agentId).not.toBe(busyAgent);
      }
      expect(chosen.size).toBe(2);
      // Three eligible agents, three calls: a fourth waits.
      expect(router.enqueue({ id: 'c3', queue: 'q', requirements: { spanish: 2 } }).status).toBe('waiting');
    }
  });

  it('chooses each free agent about equally often', () => {
    const counts = new Map<string, number>();
    const n = 2_000;
    for (let seed = 1; seed <= n; seed++) {
      const router = new CallRouter({ clock: new SimulatedClock(), seed });
      router.addQueue({ id: 'q', strategy: 'random' });
      for (const id of ['a', 'b', 'c', 'd']) router.addAgent({ id, queues: ['q'], state: 'available' });
      const agentId = router.enqueue({ id: 'c1', queue: 'q' }).agentId as string;
      counts.set(agentId, (counts.get(agentId) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const count of counts.values()) {
      expect(count / n).toBeGreaterThan(0.2);
      expect(count / n).toBeLessThan(0.3);
    }
  });

  it('stays uniform after an agent becomes free again: the one just freed is not favoured', () => {
    // With two free agents, a uniformly random choice repeats the previous agent half of the time.
    const n = 2_000;
    let repeats = 0;
    for (let seed = 1; seed <= n; seed++) {
      const [first, second] = twoCalls(seed);
      if (first === second) repeats++;
    }
    expect(repeats / n).toBeGreaterThan(0.44);
    expect(repeats / n).toBeLessThan(0.56);
  });
});
