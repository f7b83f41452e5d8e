import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from '../src/staffing/erlang.js';
import { AHT_MS, covers, simulateQueue } from './support/theory.js';

/**
 * The simulator against Erlang A (M/M/n+M): Erlang C where each waiting caller hangs up after an
 * exponential patience. The router's figures are of answered calls (SL = answered within T ÷
 * answered, ASA = mean wait of answered calls) and abandons ÷ (answered + abandoned), so they
 * compare with Erlang A's `serviceLevelOfAnswered`, `asaMs` and `abandonment`.
 */
describe('simulation agrees with Erlang A', () => {
  it.each([
    [20, 20, 120_000, 10],
    [100, 110, 300_000, 4],
  ])('%i agents, %i erlangs, mean patience %i ms (%i h a replication)', (agents, erlangs, patienceMs, hours) => {
    const sim = simulateQueue(agents, erlangs, patienceMs, hours);
    const exact = erlangAMetrics({ agents, erlangs, ahtMs: AHT_MS, patienceMs, serviceLevelMs: 20_000 });
    expect(exact.occupancy).toBeGreaterThan(0.9);
    for (const [kpi, value] of [
      ['probabilityOfWaiting', exact.probabilityOfWait],
      ['serviceLevel', exact.serviceLevelOfAnswered],
      ['asaMs', exact.asaMs],
      ['abandonmentRate', exact.abandonment],
    ] as const) {
      const check = covers(sim[kpi], value);
      expect(check.ok, `${kpi}: ${check.message}`).toBe(true);
    }
  }, 30_000);
});
