import { estimate, type Estimate } from './estimates.js';
import type { ReplicationResult } from './replication.js';
import { parseScenario } from './scenario.js';
import type { Scenario, ScenarioInput } from './scenario-schema.js';
import { checkOptions, KPI_NAMES, kpisOf, simulate, type KpiName, type SimulateOptions, type SimulationResult } from './simulate.js';

/** One KPI of one scope (`'center'` or a queue id) under both configurations. */
export interface ComparisonRow {
  readonly scope: string;
  readonly kpi: KpiName;
  readonly a: Estimate | null;
  readonly b: Estimate | null;
  /**
   * b − a, paired by replication: both configurations see the same calls in replication r (common
   * random numbers), so the interval of the difference is much narrower than either one's.
   */
  readonly difference: Estimate | null;
}

/** What {@link compareScenarios} returns. */
export interface Comparison {
  readonly labels: readonly [string, string];
  readonly a: SimulationResult;
  readonly b: SimulationResult;
  readonly rows: readonly ComparisonRow[];
}

/** Options of {@link compareScenarios}. */
export interface CompareOptions extends Omit<SimulateOptions, 'onReplication'> {
  /** Called after each replication of either scenario. */
  readonly onReplication?: (done: number, total: number) => void;
}

const figuresOf = (run: ReplicationResult, scope: string) => (scope === 'center' ? run.center : run.queues[scope]);

/**
 * What-if: runs two routing configurations on the same calls and sets their KPIs side by side.
 * Both use the same seed (by default the first scenario's) and replication count, so each
 * arrival stream (by position in `arrivals`) gives the same calls, handle times and patience in
 * both (a recorded trace gives them anyway). Agent behaviour and the router's random choices may
 * then differ, as the routing does.
 *
 * @example
 * const { rows } = compareScenarios(separatePools, sharedBilinguals, { replications: 10 });
 * rows.find((r) => r.scope === 'center' && r.kpi === 'serviceLevel')?.difference; // b − a, 95 % CI
 */
export function compareScenarios(a: ScenarioInput | Scenario, b: ScenarioInput | Scenario, options: CompareOptions = {}): Comparison {
  const first = parseScenario(a);
  const second = parseScenario(b, { source: 'second scenario' });
  checkOptions(options);
  const seed = options.seed ?? first.seed;
  const replications = options.replications ?? first.replications;
  const total = 2 * replications;
  const progress = (offset: number) => (done: number) => options.onReplication?.(offset + done, total);
  const resultA = simulate(first, { ...options, seed, replications, onReplication: progress(0) });
  const resultB = simulate(second, { ...options, seed, replications, onReplication: progress(replications) });
  const scopes = ['center', ...first.queues.map((q) => q.id).filter((id) => second.queues.some((q) => q.id === id))];
  const rows: ComparisonRow[] = [];
  for (const scope of scopes) {
    for (const kpi of KPI_NAMES) {
      const estimates = (result: SimulationResult) => (scope === 'center' ? result.center : result.queues[scope])?.[kpi] ?? null;
      const differences = resultA.runs.map((runA, r) => {
        const fa = figuresOf(runA, scope);
        const fb = resultB.runs[r] === undefined ? undefined : figuresOf(resultB.runs[r], scope);
        if (fa === undefined || fb === undefined) return null;
        const va = kpisOf(fa)[kpi];
        const vb = kpisOf(fb)[kpi];
        return va === null || vb === null ? null : vb - va;
      });
      rows.push({ scope, kpi, a: estimates(resultA), b: estimates(resultB), difference: estimate(differences) });
    }
  }
  return { labels: [first.name, second.name], a: resultA, b: resultB, rows };
}
