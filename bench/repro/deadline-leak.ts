/**
 * Repro: every answered offer leaves its cancelled `offer-timeout` deadline in the router's
 * deadline heap for as long as no deadline comes due. With wrap-up 0 and offers answered
 * within `offerTimeoutMs` nothing ever comes due (cancelling the only live deadline disarms the
 * clock timer), so the heap grows by one dead `Deadline` per offer, forever: about 100–115
 * bytes per completed call, and ~3 GB for the 30 million calls of a simulated year.
 * `offerTimeoutMs: Infinity` (no deadline per offer) retains nothing.
 *
 * Where: `src/engine/deadlines.ts` — `cancel()` only marks `live = false`; dead entries leave the
 * heap only in `takeDue()`/`rearm()`, which run only when the clock timer fires.
 *
 * Run: npx tsx --expose-gc bench/repro/deadline-leak.ts
 * Prints (Node 20, x64):
 *   offerTimeoutMs 15000: 101.0 bytes retained per completed call
 *   offerTimeoutMs Infinity: -0.3 bytes retained per completed call
 */
import { CallRouter, SimulatedClock } from '../../src/index.js';
import { forcedGc } from '../memory.bench.js';

const gc = forcedGc();

function retainedPerCall(offerTimeoutMs: number, calls: number): number {
  const clock = new SimulatedClock();
  const router = new CallRouter({ clock });
  router.addQueue({ id: 'q', offerTimeoutMs });
  router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
  const ids = Array.from({ length: 2 * calls }, (_, i) => `c${i}`);
  const run = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const id = ids[i] as string;
      router.enqueue({ id, queue: 'q' }); // offered to `a` at once
      router.answer(id);
      clock.advance(1);
      router.complete(id); // wrap-up 0: `a` is free again
    }
  };
  run(0, calls); // warm up
  gc.collect();
  const before = process.memoryUsage().heapUsed;
  run(calls, 2 * calls);
  gc.collect();
  return (process.memoryUsage().heapUsed - before) / calls;
}

for (const timeoutMs of [15_000, Infinity]) {
  console.log(`offerTimeoutMs ${timeoutMs}: ${retainedPerCall(timeoutMs, 200_000).toFixed(1)} bytes retained per completed call`);
}
