import { describe, expect, it } from 'vitest';
import { erlangCMetrics } from '../src/staffing/erlang.js';
import { AHT_MS, covers, simulateQueue } from './support/theory.js';

/**
 * The simulator against Erlang C (M/M/n): one queue, Poisson arrivals, exponential handle times,
 * nobody hangs up. The exact figures must lie inside the simulation's own 95 % confidence
 * intervals (10 replications, 2 h warm-up left out), at 70 %, 85 % and 96 % occupancy.
 */
describe('simulation agrees with Erlang C', () => {
  it.each([
    [10, 7, 30],
    [20, 17, 14],
    [50, 48, 8],
  ])('%i agents, %i erlangs (%i h a replication)', (agents, erlangs, hours) => {
    const sim = simulateQueue(agents, erlangs, Infinity, hours);
    const exact = erlangCMetrics({ agents, erlangs, ahtMs: AHT_MS, serviceLevelMs: 20_000 });
    expect(exact.occupancy).toBe(erlangs / agents);
    for (const [kpi, value] of [
      ['probabilityOfWaiting', exact.probabilityOfWait],
      ['serviceLevel', exact.serviceLevel],
      ['asaMs', exact.asaMs],
    ] as const) {
      const check = covers(sim[kpi], value);
      expect(check.ok, `${kpi}: ${check.message}`).toBe(true);
    }
    expect(sim.abandoned?.mean).toBe(0);
  }, 30_000);
});
