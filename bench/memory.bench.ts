/**
 * Memory of the real router, measured with `process.memoryUsage().heapUsed` after forced
 * garbage collections:
 *
 * - **per waiting call**: center-1k's agents all busy, then 100,000 calls enqueued (none can be
 *   offered). The inputs (and so the call ids) are generated before the first reading: they
 *   belong to the caller, and only what the router adds is counted.
 * - **retained per completed call**: after that, steady-state steps (complete, offer, answer,
 *   a mirrored arrival) with the waiting count constant; whatever the heap grew by, divided by
 *   the calls completed. Should be about 0. Measured with the default offer timeout and again
 *   with `offerTimeoutMs: Infinity`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CallInput } from '../src/index.js';
import { CENTER_1K, generateCenter, type CenterScenario, type ScenarioSpec } from './scenario.js';
import { fillSteadyState, runSteps, STEP_MS } from './steady-state.js';
import { MAIN_CONFIG, RealRouterTarget, type RealRouterConfig } from './targets.js';

/** How garbage collection could be forced. */
export type GcSource = '--expose-gc' | 'v8.setFlagsFromString' | 'unavailable';

/** A way to force a full garbage collection (a no-op when unavailable). */
export interface ForcedGc {
  readonly source: GcSource;
  collect(): void;
}

/**
 * `global.gc` when node runs with `--expose-gc`; else one obtained by setting the flag at run
 * time (works on Node 20); else a no-op, and readings include garbage.
 */
export function forcedGc(): ForcedGc {
  const exposed = (globalThis as { gc?: () => void }).gc;
  const wrap = (source: GcSource, gc: () => void): ForcedGc => ({
    source,
    collect: () => {
      for (let i = 0; i < 3; i++) gc();
    },
  });
  if (typeof exposed === 'function') return wrap('--expose-gc', exposed);
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') return wrap('v8.setFlagsFromString', gc as () => void);
  } catch {
    // fall through: no way to force a collection
  }
  return { source: 'unavailable', collect: () => {} };
}

/** What the memory benchmark found. */
export interface MemoryResult {
  readonly gc: GcSource;
  readonly waitingCalls: number;
  /** Heap growth per waiting call, bytes. */
  readonly bytesPerWaitingCall: number;
  /** Calls completed while measuring retention. */
  readonly completedCalls: number;
  /** Heap growth per completed call with the default offer timeout (15 s), bytes. */
  readonly retainedBytesPerCompletedCall: number;
  /** The same with `offerTimeoutMs: Infinity`, bytes. */
  readonly retainedBytesPerCompletedCallNoTimeout: number;
}

function heapUsed(gc: ForcedGc): number {
  gc.collect();
  return process.memoryUsage().heapUsed;
}

function retainedPerCompleted(center: CenterScenario, gc: ForcedGc, waitingCount: number, steps: number, config: RealRouterConfig): number {
  const state = fillSteadyState(new RealRouterTarget(undefined, config), center, waitingCount);
  runSteps(state, Math.min(20_000, steps), 256);
  const before = heapUsed(gc);
  for (let done = 0; done < steps; done += 10_000) runSteps(state, Math.min(10_000, steps - done), 256);
  const after = heapUsed(gc);
  return (after - before) / steps;
}

/**
 * Runs both measurements on center-1k's agents.
 * @param waitingCalls - calls enqueued for the per-waiting-call reading. @default 100_000
 * @param completedCalls - steps for the retention reading. @default 200_000
 * @param config - the routers' statistics and audit settings. @default MAIN_CONFIG (statistics on)
 */
export function measureMemory(
  waitingCalls = 100_000,
  completedCalls = 200_000,
  seed?: number,
  config: RealRouterConfig = MAIN_CONFIG,
): MemoryResult {
  const gc = forcedGc();
  const base: ScenarioSpec = seed === undefined ? CENTER_1K : { ...CENTER_1K, seed };
  const center = generateCenter({ ...base, name: 'memory' });

  // Per waiting call: all agents busy, nothing waiting, then `waitingCalls` arrivals.
  const state = fillSteadyState(new RealRouterTarget(undefined, config), center, 0);
  const calls: CallInput[] = state.stream.take(waitingCalls);
  const { target } = state;
  const before = heapUsed(gc);
  for (const call of calls) {
    target.clock.advance(STEP_MS);
    if (target.arrive(call) !== undefined) throw new Error(`memory: ${call.id} was offered while all agents were busy`);
  }
  const after = heapUsed(gc);
  if (target.waitingCount() !== waitingCalls) throw new Error(`memory: expected ${waitingCalls} waiting calls`);
  const bytesPerWaitingCall = (after - before) / waitingCalls;

  const noTimeout = generateCenter({ ...base, name: 'memory, offerTimeoutMs ∞', offerTimeoutMs: Infinity });
  return {
    gc: gc.source,
    waitingCalls,
    bytesPerWaitingCall,
    completedCalls,
    retainedBytesPerCompletedCall: retainedPerCompleted(center, gc, base.waitingCount, completedCalls, config),
    retainedBytesPerCompletedCallNoTimeout: retainedPerCompleted(noTimeout, gc, base.waitingCount, completedCalls, config),
  };
}
