import { ScenarioError, type ScenarioIssue } from '../model/errors.js';
import type { Estimate } from './estimates.js';
import { parseScenario } from './scenario.js';
import type { Scenario, ScenarioInput, ScenarioTargets } from './scenario-schema.js';
import { optionIssues, simulate, type SimulationResult } from './simulate.js';

/** Options of {@link staffBySimulation}. */
export interface SimulationStaffingOptions {
  /** What every queue must meet. @default the scenario's `targets` */
  readonly targets?: ScenarioTargets;
  /** Agent groups to size; the others keep their count. @default every group */
  readonly groups?: readonly string[];
  /** Replications per evaluation. @default the scenario's */
  readonly replications?: number;
  readonly seed?: number;
  /**
   * `mean`: a target is met when the mean across replications meets it. `confidence`: when the
   * whole 95 % confidence interval does (more agents, more certainty). @default 'mean'
   */
  readonly criterion?: 'mean' | 'confidence';
  /** Upper bound on any group's size. @default 10000 */
  readonly maxAgentsPerGroup?: number;
  /** Called after each evaluated staffing. */
  readonly onStep?: (step: StaffingStep) => void;
}

/** One staffing the search simulated. */
export interface StaffingStep {
  readonly counts: Readonly<Record<string, number>>;
  readonly met: boolean;
  /** How far the worst-off queue is from its targets (0 when all are met). */
  readonly shortfall: number;
}

/** What {@link staffBySimulation} returns. */
export interface SimulationStaffing {
  /** The fewest agents per group found that meet the targets (or the largest tried, when `met` is false). */
  readonly counts: Readonly<Record<string, number>>;
  readonly totalAgents: number;
  readonly met: boolean;
  /** The simulation at `counts`: every KPI with its confidence interval. */
  readonly result: SimulationResult;
  readonly steps: readonly StaffingStep[];
}

/** Checks {@link staffBySimulation}'s own options (targets are checked with the scenario). */
function checkSearchOptions(options: SimulationStaffingOptions): void {
  const { seed, replications, groups, criterion, maxAgentsPerGroup, onStep } = options ?? {};
  const issues: ScenarioIssue[] = optionIssues({ seed, replications });
  if (groups !== undefined && !(Array.isArray(groups) && groups.every((g) => typeof g === 'string'))) {
    issues.push({ path: 'groups', message: 'expected an array of agent group names' });
  }
  if (criterion !== undefined && criterion !== 'mean' && criterion !== 'confidence') {
    issues.push({ path: 'criterion', message: `expected 'mean' or 'confidence', got ${String(criterion)}` });
  }
  if (maxAgentsPerGroup !== undefined && !(Number.isInteger(maxAgentsPerGroup) && maxAgentsPerGroup >= 1)) {
    issues.push({ path: 'maxAgentsPerGroup', message: `expected a whole number >= 1, got ${String(maxAgentsPerGroup)}` });
  }
  if (onStep !== undefined && typeof onStep !== 'function') issues.push({ path: 'onStep', message: `expected a function, got ${typeof onStep}` });
  if (issues.length > 0) throw new ScenarioError(issues, 'options');
}

/**
 * Simulation-based staffing, for centers where Erlang formulas do not apply (several skills,
 * tiers, overflow, shifts): searches the fewest agents per group whose simulation meets every
 * queue's targets. All evaluations use the same seed, so they see the same calls and compare
 * staffings, not luck.
 *
 * The search scales every sized group by a common factor (doubling, then bisection) to the
 * smallest that meets the targets, then removes agents one at a time from whichever group can
 * lose one and still meet them, until none can. It finds a minimal staffing (no single agent can
 * be removed), not always the global minimum.
 *
 * @throws {ScenarioError} when the scenario, a group name or the targets are not valid.
 */
export function staffBySimulation(input: ScenarioInput | Scenario, options: SimulationStaffingOptions = {}): SimulationStaffing {
  const parsed = parseScenario(input);
  checkSearchOptions(options);
  // Targets given here are checked as the scenario's own would be.
  const base = options.targets === undefined ? parsed : parseScenario({ ...parsed, targets: options.targets }, { source: 'options' });
  const targets = base.targets;
  if (targets.serviceLevel === undefined && targets.asa === undefined && targets.abandonment === undefined) {
    throw new ScenarioError([{ path: 'targets', message: 'set at least one of serviceLevel, asa and abandonment' }]);
  }
  const groups = options.groups ?? base.agents.map((g) => g.name);
  groups.forEach((name, i) => {
    if (!base.agents.some((g) => g.name === name)) throw new ScenarioError([{ path: `groups[${i}]`, message: `unknown agent group "${name}"` }], 'options');
  });
  const maxPerGroup = options.maxAgentsPerGroup ?? 10_000;
  const criterion = options.criterion ?? 'mean';
  const scenario: Scenario = {
    ...base,
    seed: options.seed ?? base.seed,
    replications: options.replications ?? base.replications,
    queues: targets.serviceLevelMs === undefined ? base.queues : base.queues.map((q) => ({ ...q, serviceLevelMs: targets.serviceLevelMs })),
  };
  const steps: StaffingStep[] = [];
  const cache = new Map<string, { met: boolean; shortfall: number; result: SimulationResult }>();
  const evaluate = (counts: Record<string, number>) => {
    const key = groups.map((g) => counts[g]).join(',');
    const known = cache.get(key);
    if (known !== undefined) return known;
    const result = simulate({ ...scenario, agents: scenario.agents.map((g) => (counts[g.name] === undefined ? g : { ...g, count: counts[g.name] as number })) });
    const shortfall = shortfallOf(result, targets, criterion);
    const step = { met: shortfall === 0, shortfall, result };
    cache.set(key, step);
    const record: StaffingStep = { counts: { ...counts }, met: step.met, shortfall };
    steps.push(record);
    options.onStep?.(record);
    return step;
  };
  const start = Object.fromEntries(base.agents.filter((g) => groups.includes(g.name)).map((g) => [g.name, Math.max(1, g.count)]));
  const scaled = (factor: number): Record<string, number> =>
    Object.fromEntries(Object.entries(start).map(([name, n]) => [name, Math.min(maxPerGroup, Math.max(1, Math.ceil(n * factor)))]));
  const atMax = (counts: Record<string, number>) => Object.values(counts).every((n) => n >= maxPerGroup);

  // 1. A common factor: double until met, then bisect.
  let lo = 0;
  let hi = 1;
  while (!evaluate(scaled(hi)).met) {
    if (atMax(scaled(hi))) {
      const counts = scaled(hi);
      return { counts, totalAgents: sum(counts), met: false, result: evaluate(counts).result, steps };
    }
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const counts = scaled(mid);
    if (sameCounts(counts, scaled(hi)) || sameCounts(counts, scaled(lo))) break;
    if (evaluate(counts).met) hi = mid;
    else lo = mid;
  }
  // 2. Remove one agent at a time while the targets stay met, largest group first.
  const counts = scaled(hi);
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of Object.keys(counts).sort((x, y) => (counts[y] as number) - (counts[x] as number))) {
      if ((counts[name] as number) <= 0) continue;
      const fewer = { ...counts, [name]: (counts[name] as number) - 1 };
      if (evaluate(fewer).met) {
        counts[name] = fewer[name] as number;
        changed = true;
      }
    }
  }
  return { counts, totalAgents: sum(counts), met: true, result: evaluate(counts).result, steps };
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
const sameCounts = (x: Record<string, number>, y: Record<string, number>): boolean => Object.keys(x).every((k) => x[k] === y[k]);

/** The value judged against a target: the mean, or the unfavourable end of the 95 % interval. */
function judged(e: Estimate | null, higherIsBetter: boolean, criterion: 'mean' | 'confidence'): number | null {
  if (e === null) return null;
  if (criterion === 'mean' || !Number.isFinite(e.halfWidth)) return e.mean;
  return higherIsBetter ? e.low : e.high;
}

/** The largest relative gap to a target over every queue (0: all met). */
export function shortfallOf(result: SimulationResult, targets: ScenarioTargets, criterion: 'mean' | 'confidence' = 'mean'): number {
  let worst = 0;
  for (const kpis of Object.values(result.queues)) {
    if ((kpis.arrivals?.mean ?? 0) === 0) continue;
    if (targets.serviceLevel !== undefined) {
      const sl = judged(kpis.serviceLevel, true, criterion) ?? 0;
      worst = Math.max(worst, (targets.serviceLevel - sl) / targets.serviceLevel);
    }
    if (targets.asa !== undefined) {
      const asa = judged(kpis.asaMs, false, criterion) ?? Infinity;
      worst = Math.max(worst, targets.asa > 0 ? (asa - targets.asa) / targets.asa : asa > 0 ? 1 : 0);
    }
    if (targets.abandonment !== undefined) {
      const rate = judged(kpis.abandonmentRate, false, criterion) ?? 0;
      worst = Math.max(worst, targets.abandonment > 0 ? (rate - targets.abandonment) / targets.abandonment : rate > 0 ? 1 : 0);
    }
  }
  if (targets.maxOccupancy !== undefined) {
    // Occupancy is a ceiling on how busy agents may be: too few agents run hotter.
    const occupancy = result.occupancy.center?.mean ?? 0;
    worst = Math.max(worst, (occupancy - targets.maxOccupancy) / targets.maxOccupancy);
  }
  return Math.max(0, worst);
}
