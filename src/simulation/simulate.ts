import type { CallRouter } from '../call-router.js';
import type { Clock } from '../clock/clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { ScenarioError, type ScenarioIssue } from '../model/errors.js';
import type { QueueFigures } from '../model/stats.js';
import { estimate, type Estimate } from './estimates.js';
import { runReplication, WAIT_BINS, type MeasuredFigures, type ReplicationResult } from './replication.js';
import { parseScenario } from './scenario.js';
import { replicationsSchema, seedSchema, type Scenario, type ScenarioInput } from './scenario-schema.js';

/** The figures a simulation reports, each estimated across replications. */
export const KPI_NAMES = [
  'arrivals',
  'answered',
  'abandoned',
  'timedOut',
  'refused',
  'serviceLevel',
  'asaMs',
  'averageWaitMs',
  'waitP50Ms',
  'waitP90Ms',
  'waitP95Ms',
  'abandonmentRate',
  'probabilityOfWaiting',
  'ahtMs',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

/** Each KPI's estimate (`null` when no replication had a value, e.g. no call answered). */
export type KpiEstimates = Readonly<Record<KpiName, Estimate | null>>;

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Overrides the scenario's `replications`. */
  readonly replications?: number;
  /** Overrides the scenario's `seed`. */
  readonly seed?: number;
  /**
   * Called with each replication's router once its queues and agents are added, before any call:
   * attach listeners or an audit log to watch the simulated day.
   */
  readonly onRouter?: (router: CallRouter, replication: number) => void;
  /** Called after each replication (a progress bar). */
  readonly onReplication?: (done: number, total: number, run: ReplicationResult) => void;
  /**
   * The real-time clock that times the run for `performance.wallMs` (only its `now()` is read;
   * simulated time never comes from it). @default a `SystemClock`
   */
  readonly wallClock?: Pick<Clock, 'now'>;
}

/** One statistics interval of the day, across replications. */
export interface IntervalEstimates {
  readonly startMs: number;
  readonly endMs: number;
  /** Whether the interval is in the warm-up (left out of the totals). */
  readonly warmup: boolean;
  readonly center: KpiEstimates;
  readonly queues: Readonly<Record<string, KpiEstimates>>;
}

/** What {@link simulate} returns. */
export interface SimulationResult {
  readonly scenario: {
    readonly name: string;
    readonly seed: number;
    readonly replications: number;
    readonly durationMs: number;
    /** Warm-up actually left out: rounded up to a whole interval. */
    readonly warmupMs: number;
    readonly intervalMs: number;
    readonly startTimeMs: number;
    readonly queues: readonly string[];
    readonly agentGroups: ReadonlyArray<{ readonly name: string; readonly count: number }>;
    /** Each queue's service-level threshold, ms. */
    readonly serviceLevelMs: Readonly<Record<string, number>>;
  };
  /** Per queue, over the measured period. */
  readonly queues: Readonly<Record<string, KpiEstimates>>;
  readonly center: KpiEstimates;
  /** Agent occupancy per group and overall (working ÷ working or idle), up to the end of `duration`. */
  readonly occupancy: { readonly center: Estimate | null; readonly groups: Readonly<Record<string, Estimate | null>> };
  readonly intervals: readonly IntervalEstimates[];
  /** Share of answered calls by wait, in 1 s bins from 0 (the last bin: 600 s or more), all replications pooled. */
  readonly waitDistribution: { readonly center: readonly number[]; readonly queues: Readonly<Record<string, readonly number[]>> };
  /** Every replication's own figures (the router's statistics, summed over the measured period). */
  readonly runs: readonly ReplicationResult[];
  /** Calls simulated and how fast. */
  readonly performance: { readonly calls: number; readonly wallMs: number; readonly callsPerSecond: number };
}

const DEFAULT_SL_MS = 20_000;

/** The KPI values of one run's figures. */
export function kpisOf(f: QueueFigures & Partial<Pick<MeasuredFigures, 'arrivals' | 'probabilityOfWaiting'>>): Record<KpiName, number | null> {
  return {
    arrivals: f.arrivals ?? f.entered,
    answered: f.answered,
    abandoned: f.abandoned,
    timedOut: f.timedOut,
    refused: f.refused,
    serviceLevel: f.serviceLevel.answered,
    asaMs: f.asaMs,
    averageWaitMs: f.averageWaitMs,
    waitP50Ms: f.waitP50Ms,
    waitP90Ms: f.waitP90Ms,
    waitP95Ms: f.waitP95Ms,
    abandonmentRate: f.abandonmentRate,
    probabilityOfWaiting: f.probabilityOfWaiting ?? null,
    ahtMs: f.ahtMs,
  };
}

/** Estimates of every KPI from one set of figures per replication. */
export function estimateKpis(perRun: ReadonlyArray<Parameters<typeof kpisOf>[0] | undefined>): KpiEstimates {
  const values = perRun.map((f) => (f === undefined ? undefined : kpisOf(f)));
  const out = {} as Record<KpiName, Estimate | null>;
  for (const name of KPI_NAMES) out[name] = estimate(values.map((v) => (v === undefined ? null : v[name])));
  return out;
}

/** The warm-up left out, rounded up to a whole statistics interval. */
function measuredWarmup(scenario: Scenario): number {
  const warmupMs = Math.ceil(scenario.warmup / scenario.interval) * scenario.interval;
  if (warmupMs >= scenario.duration) {
    throw new ScenarioError([{ path: 'warmup', message: `rounded up to whole intervals (${warmupMs} ms), the warm-up must be shorter than \`duration\`` }]);
  }
  return warmupMs;
}

/** The problems with `simulate`'s options (also used by the functions built on it). */
export function optionIssues(options: SimulateOptions | Readonly<Record<string, unknown>>): ScenarioIssue[] {
  if (typeof options !== 'object' || options === null) return [{ path: '', message: `expected an options object, got ${String(options)}` }];
  const issues: ScenarioIssue[] = [];
  const { replications, seed, onRouter, onReplication, wallClock } = options as SimulateOptions;
  if (replications !== undefined && !replicationsSchema.safeParse(replications).success) {
    issues.push({ path: 'replications', message: `expected a whole number from 1 to 10000, got ${String(replications)}` });
  }
  if (seed !== undefined && !seedSchema.safeParse(seed).success) {
    issues.push({ path: 'seed', message: `expected a whole number from 0 to 4294967295, got ${String(seed)}` });
  }
  for (const [path, value] of [['onRouter', onRouter], ['onReplication', onReplication]] as const) {
    if (value !== undefined && typeof value !== 'function') issues.push({ path, message: `expected a function, got ${typeof value}` });
  }
  if (wallClock !== undefined && typeof wallClock?.now !== 'function') {
    issues.push({ path: 'wallClock', message: 'expected a clock with a now() method' });
  }
  return issues;
}

/** Checks `simulate`'s options, reporting every problem at once as a `ScenarioError` about them. */
export function checkOptions(options: SimulateOptions | Readonly<Record<string, unknown>>): void {
  const issues = optionIssues(options);
  if (issues.length > 0) throw new ScenarioError(issues, 'options');
}

/**
 * Simulates a scenario: each replication drives a fresh {@link CallRouter} on a
 * {@link SimulatedClock} through the whole day (every routing policy is the production code), and
 * the results are the router's own statistics, with 95 % confidence intervals across
 * replications. The same scenario and seed give the same results, in any process.
 *
 * @param scenario - an object or parsed JSON; checked with {@link parseScenario} when not already.
 * @throws {ScenarioError} when the scenario is not valid (every problem, with its path).
 *
 * @example
 * const result = simulate({
 *   duration: '8h', replications: 5,
 *   queues: [{ id: 'bank', serviceLevelMs: 20_000 }],
 *   agents: [{ name: 'teller', count: 12, queues: { bank: 1 } }],
 *   arrivals: [{ process: 'poisson', queue: 'bank', callsPerHour: 200, handleTime: { type: 'exponential', mean: '3m' } }],
 * });
 * result.center.serviceLevel; // { mean, halfWidth, low, high, n }
 */
export function simulate(scenario: ScenarioInput | Scenario, options: SimulateOptions = {}): SimulationResult {
  const parsed = parseScenario(scenario);
  checkOptions(options);
  const checked: Scenario = { ...parsed, seed: options.seed ?? parsed.seed, replications: options.replications ?? parsed.replications };
  const warmupMs = measuredWarmup(checked);
  const runs: ReplicationResult[] = [];
  const wallClock = options.wallClock ?? new SystemClock();
  for (let r = 0; r < checked.replications; r++) {
    const run = runReplication(checked, r, warmupMs, options.onRouter, wallClock);
    runs.push(run);
    options.onReplication?.(r + 1, checked.replications, run);
  }
  return summarize(checked, warmupMs, runs);
}

function summarize(scenario: Scenario, warmupMs: number, runs: readonly ReplicationResult[]): SimulationResult {
  const queueIds = scenario.queues.map((q) => q.id);
  const queues: Record<string, KpiEstimates> = {};
  for (const id of queueIds) queues[id] = estimateKpis(runs.map((run) => run.queues[id]));
  const intervals: IntervalEstimates[] = [];
  const count = Math.ceil(scenario.duration / scenario.interval);
  for (let i = 0; i < count; i++) {
    const startMs = i * scenario.interval;
    const reports = runs.map((run) => run.intervals.find((r) => r.startMs === startMs));
    const perQueue: Record<string, KpiEstimates> = {};
    for (const id of queueIds) perQueue[id] = estimateKpis(reports.map((r) => r?.queues[id]));
    intervals.push({
      startMs,
      endMs: startMs + scenario.interval,
      warmup: startMs < warmupMs,
      center: estimateKpis(reports.map((r) => r?.center)),
      queues: perQueue,
    });
  }
  const groups: Record<string, Estimate | null> = {};
  for (const g of scenario.agents) groups[g.name] = estimate(runs.map((run) => run.occupancy[g.name] ?? null));
  const pool = (counts: ReadonlyArray<readonly number[] | undefined>): number[] => {
    const sum = new Array<number>(WAIT_BINS).fill(0);
    for (const c of counts) c?.forEach((n, i) => (sum[i] = (sum[i] as number) + n));
    const total = sum.reduce((a, b) => a + b, 0);
    return sum.map((n) => (total > 0 ? n / total : 0));
  };
  const waitQueues: Record<string, number[]> = {};
  for (const id of queueIds) waitQueues[id] = pool(runs.map((run) => run.waitCounts[id]));
  const calls = runs.reduce((sum, run) => sum + run.calls, 0);
  const wallMs = runs.reduce((sum, run) => sum + run.wallMs, 0);
  const serviceLevelMs: Record<string, number> = {};
  for (const q of scenario.queues) serviceLevelMs[q.id] = typeof q['serviceLevelMs'] === 'number' ? q['serviceLevelMs'] : DEFAULT_SL_MS;
  return {
    scenario: {
      name: scenario.name,
      seed: scenario.seed,
      replications: runs.length,
      durationMs: scenario.duration,
      warmupMs,
      intervalMs: scenario.interval,
      startTimeMs: scenario.startTime,
      queues: queueIds,
      agentGroups: scenario.agents.map((g) => ({ name: g.name, count: g.count })),
      serviceLevelMs,
    },
    queues,
    center: estimateKpis(runs.map((run) => run.center)),
    occupancy: { center: estimate(runs.map((run) => run.centerOccupancy)), groups },
    intervals,
    waitDistribution: { center: pool(runs.map((run) => run.centerWaitCounts)), queues: waitQueues },
    runs,
    performance: { calls, wallMs, callsPerSecond: wallMs > 0 ? (calls / wallMs) * 1_000 : 0 },
  };
}
