/**
 * Simulation speed: the day-100 scenario of `docs/performance.md` through `simulate()`, i.e. the
 * real `CallRouter` on a `SimulatedClock` with statistics on (the default) and every lifecycle
 * event emitted and consumed (offered, answered, completed, wrap-up, abandoned), plus the
 * simulator's own backend (answer, talk, hang up) and measurement.
 *
 * day-100: one queue, 100 agents, Poisson arrivals at 95 % of capacity, exponential handle time
 * (AHT 180 s) and patience (mean 300 s), wrap-up 10 s. Capacity counts wrap-up as work: 100
 * agents ÷ 190 s per call, so 0.95 × 1,894.7 = 1,800 calls an hour.
 */
import { simulate, type ScenarioInput } from '../src/index.js';
import { median, runQueueWaitNs } from './measure.js';

/** Calls an hour in day-100: 95 % of 100 agents ÷ (180 s talk + 10 s wrap-up). */
export const DAY_100_CALLS_PER_HOUR = (0.95 * 100 * 3_600) / 190;

/** The day-100 scenario, long enough for about `calls` calls. */
export function day100(calls: number, seed = 100): ScenarioInput {
  return {
    name: 'day-100',
    seed,
    duration: Math.round((calls / DAY_100_CALLS_PER_HOUR) * 3_600_000),
    queues: [{ id: 'day100', wrapUpMs: 10_000 }],
    agents: [{ name: 'agent', count: 100, queues: { day100: 1 } }],
    arrivals: [
      {
        process: 'poisson',
        queue: 'day100',
        callsPerHour: DAY_100_CALLS_PER_HOUR,
        handleTime: { type: 'exponential', mean: 180_000 },
        patience: { type: 'exponential', mean: 300_000 },
      },
    ],
  };
}

export interface SimulationSpeed {
  readonly calls: number;
  /** Simulated calls per second of on-CPU time, one value per repetition. */
  readonly callsPerSecond: readonly number[];
  readonly median: number;
  /** Share of wall time the thread waited for a core (other processes). */
  readonly waitShare: number;
  /** KPIs of the last repetition, as a check that the run is the scenario. */
  readonly serviceLevel: number;
  readonly abandonmentRate: number;
  readonly occupancy: number;
}

/** Runs day-100 `repetitions` times (same seed) and reports simulated calls per second. */
export function measureSimulation(calls: number, repetitions: number, progress: (text: string) => void): SimulationSpeed {
  const rates: number[] = [];
  let waited = 0;
  let wall = 0;
  let last;
  // A short run first, so the timed ones run optimised code.
  simulate(day100(Math.min(calls, 50_000)));
  for (let r = 0; r < repetitions; r++) {
    progress(`simulation day-100, ${calls.toLocaleString('en-US')} calls, repetition ${r + 1}/${repetitions} …`);
    const waitBefore = runQueueWaitNs() ?? 0;
    const start = performance.now();
    last = simulate(day100(calls));
    const ms = performance.now() - start;
    const waitMs = ((runQueueWaitNs() ?? 0) - waitBefore) / 1e6;
    waited += waitMs;
    wall += ms;
    rates.push(last.performance.calls / ((ms - waitMs) / 1_000));
  }
  return {
    calls: last?.performance.calls ?? 0,
    callsPerSecond: rates,
    median: median(rates),
    waitShare: wall > 0 ? waited / wall : 0,
    serviceLevel: last?.center.serviceLevel?.mean ?? NaN,
    abandonmentRate: last?.center.abandonmentRate?.mean ?? NaN,
    occupancy: last?.occupancy.center?.mean ?? NaN,
  };
}
