/**
 * Repro: an arriving call that finds every agent busy still calls `AgentPool.head()` on every
 * pool linked to its bucket (`RoutingTable.findAgent`, inlined in `RouterCore.routeBucket`). With
 * one agent per profile — agents that differ only in a skill level — that is a scan over all
 * agents, and enqueue cost grows linearly with the number of distinct profiles although no
 * agent is free. (The unique-profiles row of `npm run bench` shows the same: ~2–4× the arrival
 * cost of center-1k, with ~68 pools linked per bucket on average.)
 *
 * Run: npx tsx bench/repro/pool-scan-on-arrival.ts
 * Prints ns per enqueue (call waits) for 10 … 10,000 pools; it grows ~linearly past ~100 pools.
 */
import { CallRouter, SimulatedClock } from '../../src/index.js';

function nsPerWaitingEnqueue(profiles: number, calls: number): number {
  const clock = new SimulatedClock();
  const router = new CallRouter({ clock });
  router.addQueue({ id: 'q', offerTimeoutMs: Infinity });
  for (let i = 0; i < profiles; i++) {
    // A distinct skill per agent: every agent is its own pool, all linked to q's bucket.
    router.addAgent({ id: `a${i}`, queues: ['q'], skills: { [`s${i}`]: 1 }, state: 'available' });
    router.enqueue({ id: `busy${i}`, queue: 'q' });
    router.answer(`busy${i}`);
  }
  const ids = Array.from({ length: calls }, (_, i) => `c${i}`);
  const start = process.hrtime.bigint();
  for (const id of ids) {
    clock.advance(1);
    if (router.enqueue({ id, queue: 'q' }).status !== 'waiting') throw new Error('expected the call to wait');
  }
  return Number(process.hrtime.bigint() - start) / calls;
}

nsPerWaitingEnqueue(10, 50_000); // warm up
for (const profiles of [10, 100, 1_000, 10_000]) {
  console.log(`${String(profiles).padStart(6)} pools: ${nsPerWaitingEnqueue(profiles, 50_000).toFixed(0).padStart(7)} ns per enqueue (all agents busy)`);
}
