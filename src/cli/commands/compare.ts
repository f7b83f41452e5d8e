import { compareScenarios, type Comparison } from '../../simulation/compare.js';
import { estimate } from '../../simulation/estimates.js';
import { loadScenario } from '../../simulation/scenario.js';
import { differenceText, estimateText } from '../format.js';
import type { CliIo } from '../io.js';
import { toJson } from '../json.js';
import { startProgress } from '../progress.js';
import { KPI_ROWS, performanceLine, serviceLevelLabel } from '../run-tables.js';
import { tableText, type TableModel } from '../table.js';

/** Options of `acd-sim compare`. */
export interface CompareCommandOptions {
  /** Replications of each scenario. @default the first scenario's */
  readonly replications?: number;
  /** Seed of both. @default the first scenario's */
  readonly seed?: number;
  /** Print the comparison as JSON instead of a table. */
  readonly json?: boolean;
  /** No progress bar. */
  readonly quiet?: boolean;
}

/** The KPIs of both and their paired difference, scope by scope (all queues first). */
export function comparisonTable(comparison: Comparison): TableModel {
  const [labelA, labelB] = comparison.labels;
  const rows: string[][] = [];
  const scopes = [...new Set(comparison.rows.map((r) => r.scope))];
  const significant = (low: number, high: number): string => (low > 0 || high < 0 ? ' *' : '');
  for (const scope of scopes) {
    const shown = KPI_ROWS.filter(
      (k) => !k.ifAny || comparison.rows.some((r) => r.scope === scope && r.kpi === k.kpi && ((r.a?.mean ?? 0) > 0 || (r.b?.mean ?? 0) > 0)),
    );
    shown.forEach((k, i) => {
      const row = comparison.rows.find((r) => r.scope === scope && r.kpi === k.kpi);
      const d = row?.difference ?? null;
      rows.push([
        i === 0 ? (scope === 'center' ? 'all queues' : scope) : '',
        k.kpi === 'serviceLevel' ? serviceLevelLabel(comparison.a) : k.label,
        estimateText(row?.a, k.kind),
        estimateText(row?.b, k.kind),
        d === null ? differenceText(d, k.kind) : `${differenceText(d, k.kind)}${Number.isFinite(d.halfWidth) ? significant(d.low, d.high) : ''}`,
      ]);
    });
    if (scope === 'center') {
      // Occupancy is not a queue KPI: paired here from each replication's own figure.
      const a = comparison.a.occupancy.center;
      const b = comparison.b.occupancy.center;
      const d = estimate(
        comparison.a.runs.map((run, r) => {
          const other = comparison.b.runs[r]?.centerOccupancy;
          return run.centerOccupancy === null || other === undefined || other === null ? null : other - run.centerOccupancy;
        }),
      );
      const mark = d !== null && Number.isFinite(d.halfWidth) ? significant(d.low, d.high) : '';
      rows.push(['', 'occupancy', estimateText(a, 'share'), estimateText(b, 'share'), `${differenceText(d, 'share')}${mark}`]);
    }
  }
  return {
    head: ['', '', `a: ${labelA}`, `b: ${labelB}`, 'b − a'],
    align: ['left', 'left', 'right', 'right', 'right'],
    rows,
    notes: [
      `mean ± 95 % CI half-width over ${comparison.a.scenario.replications} replications; b − a is paired replication by replication`,
      '(both configurations answer the same calls, so its interval is narrower than either one\'s); * = the interval excludes 0',
    ],
  };
}

/**
 * `acd-sim compare <a> <b>`: simulates two routing configurations on the same calls and prints
 * their KPIs side by side with the paired differences.
 *
 * @returns the exit code (0).
 * @throws {ScenarioError} when a file is missing or not a valid scenario.
 */
export async function compareCommand(fileA: string, fileB: string, options: CompareCommandOptions, io: CliIo): Promise<number> {
  const a = loadScenario(fileA);
  const b = loadScenario(fileB);
  const replications = options.replications ?? a.replications;
  const progress = startProgress(io, options.json !== true && options.quiet !== true, 'simulating', 2 * replications);
  let comparison: Comparison;
  try {
    comparison = compareScenarios(a, b, {
      replications,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      onReplication: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }
  if (options.json === true) {
    io.stdout(`${toJson(comparison)}\n`);
    return 0;
  }
  const heading = `compare ${fileA} (a) with ${fileB} (b): ${replications} replication${replications === 1 ? '' : 's'} each on the same calls, seed ${comparison.a.scenario.seed}`;
  const calls = comparison.a.performance.calls + comparison.b.performance.calls;
  const wallMs = comparison.a.performance.wallMs + comparison.b.performance.wallMs;
  const speed = performanceLine({ calls, wallMs, callsPerSecond: wallMs > 0 ? (calls * 1_000) / wallMs : 0 });
  io.stdout(`${[heading, tableText(comparisonTable(comparison)), speed].join('\n\n')}\n`);
  return 0;
}
