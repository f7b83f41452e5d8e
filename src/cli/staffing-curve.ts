import type { Estimate } from '../simulation/estimates.js';
import type { Scenario } from '../simulation/scenario-schema.js';
import { simulate } from '../simulation/simulate.js';
import { erlangDay, erlangDayInput } from './erlang-by-minute.js';

/** One simulated staffing level. */
export interface SimulatedPoint {
  /** Agents in all groups together. */
  readonly agents: number;
  readonly serviceLevel: Estimate | null;
  readonly abandonmentRate: Estimate | null;
  readonly occupancy: Estimate | null;
}

/** Service level against the number of agents: simulated points and, for a single queue, the Erlang formulas. */
export interface StaffingCurve {
  /** Agents in the scenario as written. */
  readonly baseAgents: number;
  readonly replications: number;
  readonly simulated: readonly SimulatedPoint[];
  /** Erlang C minute by minute (see {@link erlangDay}) at every whole number of agents in the range; absent for several queues or a trace. */
  readonly erlangC?: ReadonlyArray<{ readonly agents: number; readonly serviceLevel: number }>;
  /** Erlang A likewise, when every caller has a patience. */
  readonly erlangA?: ReadonlyArray<{ readonly agents: number; readonly serviceLevel: number }>;
}

/** Options of {@link staffingCurve}. */
export interface StaffingCurveOptions {
  /** Replications per simulated point. */
  readonly replications: number;
  readonly seed?: number;
  /** Scale factors of the total staff to simulate. @default 0.7, 0.8, … 1.3 */
  readonly factors?: readonly number[];
  /** Called after each replication of each point. */
  readonly onReplication?: (done: number, total: number) => void;
}

/**
 * Group sizes adding up to `total`, in proportion to the scenario's (largest remainders, ties to
 * the earlier group): every shift keeps its share of the staff.
 */
export function scaleGroups(counts: readonly number[], total: number): number[] {
  const base = counts.reduce((sum, n) => sum + n, 0);
  if (base === 0) return counts.map(() => 0);
  const exact = counts.map((n) => (n * total) / base);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((sum, n) => sum + n, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

/**
 * Service level against total staff: the scenario is simulated again (same seed, so the same
 * calls) with its agent groups scaled to each total, and for a single-queue scenario Erlang C and
 * Erlang A are evaluated at every whole number of agents in the range with the same scaling.
 */
export function staffingCurve(scenario: Scenario, options: StaffingCurveOptions): StaffingCurve {
  const counts = scenario.agents.map((g) => g.count);
  const baseAgents = counts.reduce((sum, n) => sum + n, 0);
  const factors = options.factors ?? [0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3];
  const totals = [...new Set(factors.map((f) => Math.max(1, Math.round(baseAgents * f))))].sort((a, b) => a - b);
  const steps = totals.length * options.replications;
  const simulated = totals.map((total, k): SimulatedPoint => {
    const sizes = scaleGroups(counts, total);
    const scaled: Scenario = { ...scenario, agents: scenario.agents.map((g, i) => ({ ...g, count: sizes[i] as number })) };
    const result = simulate(scaled, {
      replications: options.replications,
      seed: options.seed ?? scenario.seed,
      onReplication: (done) => options.onReplication?.(k * options.replications + done, steps),
    });
    return { agents: total, serviceLevel: result.center.serviceLevel, abandonmentRate: result.center.abandonmentRate, occupancy: result.occupancy.center };
  });
  const curve: StaffingCurve = { baseAgents, replications: options.replications, simulated };
  const warmupMs = Math.ceil(scenario.warmup / scenario.interval) * scenario.interval;
  const input = erlangDayInput(scenario, warmupMs);
  if (input === undefined || totals.length === 0) return curve;
  const range: number[] = [];
  for (let n = totals[0] as number; n <= (totals[totals.length - 1] as number); n++) range.push(n);
  const line = (model: 'erlang-c' | 'erlang-a') => range.map((agents) => ({ agents, serviceLevel: erlangDay(scenario, input, scaleGroups(counts, agents), model).serviceLevel }));
  const everyonePatient = input.minutes.every((m) => m.ratePerMs === 0 || Number.isFinite(m.patienceMs));
  return { ...curve, erlangC: line('erlang-c'), ...(everyonePatient ? { erlangA: line('erlang-a') } : {}) };
}
