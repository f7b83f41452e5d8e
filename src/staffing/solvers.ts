/**
 * Required-agents solvers: the fewest agents on the phones that meet every given target
 * (service level, ASA, abandonment, occupancy) under Erlang C or Erlang A, the headcount to
 * schedule after shrinkage, and a whole day's plan from a forecast.
 */
import { InvalidArgumentError } from '../model/errors.js';
import { DEFAULT_SERVICE_LEVEL_MS, erlangAMetrics, erlangCMetrics, type StaffingMetrics } from './erlang.js';
import {
  fail,
  MAX_AGENTS,
  offeredErlangs,
  requireAgents,
  requireNonNegative,
  requireOptions,
  requirePositive,
  requireShare,
  requireShrinkage,
} from './staffing-input.js';

/** The queueing model: Erlang C (nobody hangs up) or Erlang A (exponential patience). */
export type StaffingModel = 'erlang-c' | 'erlang-a';

/** A target a staffing level can miss. `stability`: without abandonment, more agents than erlangs. */
export type StaffingConstraint = 'stability' | 'service-level' | 'asa' | 'abandonment' | 'occupancy';

/**
 * Targets and model of a staffing question. Give at least one of `serviceLevel`, `maxAsaMs`,
 * `maxAbandonment` and `maxOccupancy`; the answer meets all that are given.
 */
export interface StaffingGoal {
  /** Share of calls to answer within `serviceLevelMs`, > 0 and < 1 (0.8 for "80/20"). */
  readonly serviceLevel?: number;
  /** The service level's threshold, ms. @default 20_000 */
  readonly serviceLevelMs?: number;
  /**
   * Erlang A only: whether `serviceLevel` counts over all offered calls (abandoned ones
   * against it: `metrics.serviceLevel`) or over answered calls (`metrics.serviceLevelOfAnswered`).
   * @default 'offered'
   */
  readonly serviceLevelOf?: 'offered' | 'answered';
  /** Highest acceptable ASA (mean wait of answered calls), ms, > 0. */
  readonly maxAsaMs?: number;
  /** Erlang A only: highest acceptable share of calls abandoned, > 0 and < 1. */
  readonly maxAbandonment?: number;
  /** Highest acceptable occupancy (answered load / agents), > 0 and <= 1. */
  readonly maxOccupancy?: number;
  /** @default 'erlang-c' */
  readonly model?: StaffingModel;
  /** Mean patience, ms (> 0, or Infinity): required by `'erlang-a'`, ignored by `'erlang-c'`. */
  readonly patienceMs?: number;
  /** Share of paid time off the phones (breaks, training, absence), >= 0 and < 1. @default 0 */
  readonly shrinkage?: number;
}

/** Input of {@link requiredAgents}: a goal and a load. Give exactly one of `erlangs` and `callsPerHour`. */
export interface RequiredAgentsInput extends StaffingGoal {
  readonly erlangs?: number;
  readonly callsPerHour?: number;
  /** Average handle time, ms, > 0. */
  readonly ahtMs: number;
}

/** The answer to a staffing question. */
export interface StaffingResult {
  /** The fewest agents on the phones meeting every target (0 when no call is offered). */
  readonly agents: number;
  /** Headcount to schedule: `ceil(agents / (1 − shrinkage))`. */
  readonly scheduled: number;
  /** The figures `agents` achieve. */
  readonly metrics: StaffingMetrics;
  /** The targets one agent fewer would miss (empty when `agents` is 0). */
  readonly limitedBy: readonly StaffingConstraint[];
}

/** A goal after checking, with defaults applied. */
interface Goal {
  readonly model: StaffingModel;
  readonly patienceMs: number;
  readonly serviceLevel: number | undefined;
  readonly serviceLevelMs: number;
  readonly ofAnswered: boolean;
  readonly maxAsaMs: number | undefined;
  readonly maxAbandonment: number | undefined;
  readonly maxOccupancy: number | undefined;
  readonly shrinkage: number;
}

function readGoal(raw: Record<string, unknown>): Goal {
  const model = raw.model ?? 'erlang-c';
  if (model !== 'erlang-c' && model !== 'erlang-a') fail('model', "one of 'erlang-c', 'erlang-a'", model);
  let patienceMs = Infinity;
  if (model === 'erlang-a') {
    const p = raw.patienceMs;
    if (typeof p !== 'number' || !(p > 0)) fail('patienceMs', "a number > 0 (or Infinity) with model 'erlang-a'", p);
    patienceMs = p;
  }
  const optional = <T>(key: string, check: (name: string, value: unknown) => T): T | undefined =>
    raw[key] === undefined ? undefined : check(key, raw[key]);
  const serviceLevel = optional('serviceLevel', (n, v) => requireShare(n, v));
  const serviceLevelMs = optional('serviceLevelMs', requireNonNegative) ?? DEFAULT_SERVICE_LEVEL_MS;
  const basis = raw.serviceLevelOf ?? 'offered';
  if (basis !== 'offered' && basis !== 'answered') fail('serviceLevelOf', "one of 'offered', 'answered'", basis);
  const maxAsaMs = optional('maxAsaMs', requirePositive);
  const maxAbandonment = optional('maxAbandonment', (n, v) => requireShare(n, v));
  if (maxAbandonment !== undefined && model !== 'erlang-a') {
    throw new InvalidArgumentError("Expected `model` to be 'erlang-a' with `maxAbandonment` (Erlang C has no abandonment)");
  }
  const maxOccupancy = optional('maxOccupancy', (n, v) => requireShare(n, v, true));
  if (serviceLevel === undefined && maxAsaMs === undefined && maxAbandonment === undefined && maxOccupancy === undefined) {
    throw new InvalidArgumentError('Expected at least one target: `serviceLevel`, `maxAsaMs`, `maxAbandonment` or `maxOccupancy`');
  }
  const shrinkage = optional('shrinkage', requireShrinkage) ?? 0;
  return { model, patienceMs, serviceLevel, serviceLevelMs, ofAnswered: basis === 'answered', maxAsaMs, maxAbandonment, maxOccupancy, shrinkage };
}

/** The targets, for an error message. */
function describe(goal: Goal): string {
  const parts: string[] = [];
  if (goal.serviceLevel !== undefined) parts.push(`serviceLevel ${goal.serviceLevel} within ${goal.serviceLevelMs} ms`);
  if (goal.maxAsaMs !== undefined) parts.push(`maxAsaMs ${goal.maxAsaMs}`);
  if (goal.maxAbandonment !== undefined) parts.push(`maxAbandonment ${goal.maxAbandonment}`);
  if (goal.maxOccupancy !== undefined) parts.push(`maxOccupancy ${goal.maxOccupancy}`);
  return parts.join(', ');
}

function metricsAt(goal: Goal, agents: number, erlangs: number, ahtMs: number): StaffingMetrics {
  const load = { agents, erlangs, ahtMs, serviceLevelMs: goal.serviceLevelMs };
  return goal.model === 'erlang-c' ? erlangCMetrics(load) : erlangAMetrics({ ...load, patienceMs: goal.patienceMs });
}

/** The targets `m` misses. */
function missed(goal: Goal, m: StaffingMetrics): StaffingConstraint[] {
  const out: StaffingConstraint[] = [];
  // Without abandonment (Erlang C, or Erlang A with infinite patience) the queue needs more agents than erlangs.
  if (m.model === 'erlang-c' ? !m.stable : m.patienceMs === Infinity && m.erlangs > 0 && m.erlangs >= m.agents) out.push('stability');
  if (goal.serviceLevel !== undefined) {
    const achieved = m.model === 'erlang-a' && goal.ofAnswered ? m.serviceLevelOfAnswered : m.serviceLevel;
    if (!(achieved >= goal.serviceLevel)) out.push('service-level');
  }
  if (goal.maxAsaMs !== undefined && !(m.asaMs <= goal.maxAsaMs)) out.push('asa');
  if (goal.maxAbandonment !== undefined && m.model === 'erlang-a' && !(m.abandonment <= goal.maxAbandonment)) out.push('abandonment');
  if (goal.maxOccupancy !== undefined && !(m.occupancy <= goal.maxOccupancy)) out.push('occupancy');
  return out;
}

/**
 * The smallest integer `s` with `s × (1 − shrinkage) >= agents`: the headcount to schedule so
 * that `agents` are on the phones. Floating-point noise (below 1e-12 relative) is ignored, so 80
 * agents at 20 % shrinkage schedule 100, not 101.
 *
 * @param agents - an integer >= 0.
 * @param shrinkage - >= 0 and < 1.
 */
export function scheduledHeadcount(agents: number, shrinkage: number): number {
  return scheduled(requireAgents('agents', agents), requireShrinkage('shrinkage', shrinkage));
}

function scheduled(agents: number, shrinkage: number): number {
  return agents === 0 ? 0 : Math.ceil((agents / (1 - shrinkage)) * (1 - 1e-12));
}

/**
 * The fewest agents among n ≥ `low` meeting every target, searching from `start`: grow (or
 * shrink) by 1, 2, 4, … until the answer is bracketed, then bisect. Relies on every target
 * being monotone in the number of agents (service level up, ASA, abandonment and occupancy down).
 */
function fewestMeeting(goal: Goal, erlangs: number, ahtMs: number, low: number, start: number): number {
  const meets = (n: number): boolean => missed(goal, metricsAt(goal, n, erlangs, ahtMs)).length === 0;
  let bad = low - 1; // every n <= bad misses a target
  let good: number;
  if (meets(start)) {
    good = start;
    for (let step = 1; good - step > bad; step *= 2) {
      const n = good - step;
      if (!meets(n)) {
        bad = n;
        break;
      }
      good = n;
    }
  } else {
    bad = start;
    for (let step = 1; ; step *= 2) {
      const n = bad + step;
      if (n > MAX_AGENTS) throw new InvalidArgumentError(`Expected targets that at most ${MAX_AGENTS} agents can meet, got ${describe(goal)}`);
      if (meets(n)) {
        good = n;
        break;
      }
      bad = n;
    }
  }
  while (good - bad > 1) {
    const mid = Math.floor((bad + good) / 2);
    if (meets(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** Solves one load for a checked goal. */
function solveLoad(goal: Goal, erlangs: number, ahtMs: number): StaffingResult {
  let agents = 0;
  if (erlangs > 0) {
    // Without abandonment the queue is stable only above the load; with it, fewer agents than erlangs may do.
    const low = goal.patienceMs === Infinity ? Math.floor(erlangs) + 1 : 1;
    agents = fewestMeeting(goal, erlangs, ahtMs, low, Math.max(low, Math.ceil(erlangs)));
  }
  const metrics = metricsAt(goal, agents, erlangs, ahtMs);
  const limitedBy = agents === 0 ? [] : missed(goal, metricsAt(goal, agents - 1, erlangs, ahtMs));
  return { agents, scheduled: scheduled(agents, goal.shrinkage), metrics, limitedBy };
}

/**
 * The fewest agents on the phones meeting every given target, for one steady load (Poisson
 * arrivals, exponential handle times and, under Erlang A, exponential patience).
 *
 * Searches from ⌈load⌉, growing or shrinking the step 1, 2, 4, … until the answer is bracketed,
 * then bisects: about 2·log2(distance) evaluations, so 10,000 erlangs take microseconds. Erlang C
 * answers always exceed the load (below it the queue is unstable); Erlang A answers may not.
 *
 * @example
 * requiredAgents({ callsPerHour: 200, ahtMs: 180_000, serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.3 });
 * // { agents: 14, scheduled: 20, metrics: { serviceLevel: 0.8884, … }, limitedBy: ['service-level'] }
 */
export function requiredAgents(input: RequiredAgentsInput): StaffingResult {
  const raw = requireOptions('input', input);
  const ahtMs = requirePositive('ahtMs', raw.ahtMs);
  const erlangs = offeredErlangs(raw, ahtMs);
  return solveLoad(readGoal(raw), erlangs, ahtMs);
}

/** A day's forecast: calls offered per interval, all intervals of the same length. */
export interface DayForecast {
  /** Length of every interval, ms, > 0 (900_000 for 15 minutes). */
  readonly intervalMs: number;
  /** Calls offered in each interval, each a finite number >= 0 (fractional forecasts are fine). */
  readonly calls: readonly number[];
  /** Average handle time, ms: one for the whole day, or one per interval (same length as `calls`). */
  readonly ahtMs: number | readonly number[];
}

/** One interval of a {@link DayPlan}. */
export interface IntervalPlan extends StaffingResult {
  readonly index: number;
  /** Start of the interval from the start of the day, ms: `index × intervalMs`. */
  readonly startMs: number;
  readonly calls: number;
  readonly ahtMs: number;
  /** Offered load: `calls × ahtMs / intervalMs`. */
  readonly erlangs: number;
}

/** A day's totals. Rates are weighted by calls (ASA by answered calls). */
export interface DayTotals {
  readonly calls: number;
  /** Σ agents × interval length, hours: time on the phones. */
  readonly agentHours: number;
  /** Σ scheduled × interval length, hours: paid time. */
  readonly scheduledHours: number;
  readonly peakAgents: number;
  readonly peakScheduled: number;
  /** Share of the day's offered calls answered within the threshold (1 with no calls). */
  readonly serviceLevel: number;
  /** Share of the day's answered calls answered within the threshold (1 with none). */
  readonly serviceLevelOfAnswered: number;
  /** Share of the day's offered calls abandoned (0 under Erlang C). */
  readonly abandonment: number;
  /** Mean wait of the day's answered calls, ms. */
  readonly asaMs: number;
  /** Answered load / agents on the phones, over the day (0 with no agents). */
  readonly occupancy: number;
}

/** Result of {@link staffDay}. */
export interface DayPlan {
  readonly intervals: readonly IntervalPlan[];
  readonly totals: DayTotals;
}

/**
 * A whole day's staffing plan: {@link requiredAgents} for each interval of `forecast`, each
 * treated as its own steady state (the usual planning assumption: a queue carried over from
 * the interval before is ignored), with the totals.
 *
 * @example
 * staffDay(
 *   { intervalMs: 900_000, calls: [20, 45, 60, 0], ahtMs: 240_000 },
 *   { serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.3 },
 * ).totals.agentHours;
 */
export function staffDay(forecast: DayForecast, options: StaffingGoal): DayPlan {
  const f = requireOptions('forecast', forecast);
  const intervalMs = requirePositive('forecast.intervalMs', f.intervalMs);
  if (!Array.isArray(f.calls)) fail('forecast.calls', 'an array of call counts', f.calls);
  const calls = (f.calls as unknown[]).map((c, i) => requireNonNegative(`forecast.calls[${i}]`, c));
  const aht = f.ahtMs;
  let ahts: number[];
  if (Array.isArray(aht)) {
    if (aht.length !== calls.length) fail('forecast.ahtMs', `one AHT per interval (${calls.length})`, aht);
    ahts = (aht as unknown[]).map((a, i) => requirePositive(`forecast.ahtMs[${i}]`, a));
  } else {
    const one = requirePositive('forecast.ahtMs', aht);
    ahts = calls.map(() => one);
  }
  const goal = readGoal(requireOptions('options', options));
  const hours = intervalMs / 3_600_000;
  const intervals: IntervalPlan[] = [];
  let totalCalls = 0;
  let agentsSum = 0;
  let scheduledSum = 0;
  let peakAgents = 0;
  let peakScheduled = 0;
  let within = 0; // calls answered within the threshold
  let abandoned = 0;
  let answered = 0;
  let answeredWait = 0; // Σ answered calls × their ASA
  let answeredLoad = 0; // Σ erlangs answered
  calls.forEach((count, index) => {
    const ahtMs = ahts[index] as number;
    const erlangs = (count * ahtMs) / intervalMs;
    if (!Number.isFinite(erlangs)) fail(`forecast.calls[${index}] × ahtMs`, 'a finite load', erlangs);
    const result = solveLoad(goal, erlangs, ahtMs);
    intervals.push({ index, startMs: index * intervalMs, calls: count, ahtMs, erlangs, ...result });
    const m = result.metrics;
    const abandonment = m.model === 'erlang-a' ? m.abandonment : 0;
    totalCalls += count;
    agentsSum += result.agents;
    scheduledSum += result.scheduled;
    peakAgents = Math.max(peakAgents, result.agents);
    peakScheduled = Math.max(peakScheduled, result.scheduled);
    within += count * m.serviceLevel;
    abandoned += count * abandonment;
    answered += count * (1 - abandonment);
    if (count > 0) answeredWait += count * (1 - abandonment) * m.asaMs;
    answeredLoad += erlangs * (1 - abandonment);
  });
  return {
    intervals,
    totals: {
      calls: totalCalls,
      agentHours: agentsSum * hours,
      scheduledHours: scheduledSum * hours,
      peakAgents,
      peakScheduled,
      serviceLevel: totalCalls === 0 ? 1 : within / totalCalls,
      serviceLevelOfAnswered: answered === 0 ? 1 : Math.min(1, within / answered),
      abandonment: totalCalls === 0 ? 0 : abandoned / totalCalls,
      asaMs: answered === 0 ? 0 : answeredWait / answered,
      occupancy: agentsSum === 0 ? 0 : answeredLoad / agentsSum,
    },
  };
}
