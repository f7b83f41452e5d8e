import { loadScenario } from '../../simulation/scenario.js';
import { simulate } from '../../simulation/simulate.js';
import type { CliIo } from '../io.js';
import { toJson } from '../json.js';
import { startProgress } from '../progress.js';
import { performanceLine, runHeading, runTables } from '../run-tables.js';
import { tableText } from '../table.js';

/** Options of `acd-sim run`. */
export interface RunCommandOptions {
  /** Overrides the scenario's `replications`. */
  readonly replications?: number;
  /** Overrides the scenario's `seed`. */
  readonly seed?: number;
  /** Print the whole `SimulationResult` as JSON instead of tables. */
  readonly json?: boolean;
  /** Folder to write `report.html` and the charts' SVG files to. */
  readonly report?: string;
  /** Replications per point of the report's staffing curve (0: no curve). @default min(replications, 5) */
  readonly curveReplications?: number;
  /** No progress bar and no notes on standard error. */
  readonly quiet?: boolean;
}

/**
 * `acd-sim run <scenario.json>`: simulates a scenario and prints its KPIs as tables (or JSON),
 * optionally writing an HTML report with charts.
 *
 * @returns the exit code (0).
 * @throws {ScenarioError} when the file is missing or not a valid scenario.
 */
export async function runCommand(file: string, options: RunCommandOptions, io: CliIo): Promise<number> {
  const scenario = loadScenario(file);
  const chatty = options.json !== true && options.quiet !== true;
  const replications = options.replications ?? scenario.replications;
  const progress = startProgress(io, chatty, 'simulating', replications);
  let result;
  try {
    result = simulate(scenario, {
      ...(options.replications === undefined ? {} : { replications: options.replications }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      onReplication: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }
  if (options.json === true) io.stdout(`${toJson(result)}\n`);
  else {
    const blocks = [runHeading(result, scenario).join('\n'), ...runTables(result, scenario).map(tableText), performanceLine(result.performance)];
    io.stdout(`${blocks.join('\n\n')}\n`);
  }
  if (options.report !== undefined) {
    // Loaded only when asked for: echarts takes a while to load.
    const { writeReport } = await import('../report.js');
    const written = await writeReport(options.report, result, scenario, {
      io,
      showProgress: chatty,
      ...(options.curveReplications === undefined ? {} : { curveReplications: options.curveReplications }),
    });
    const note = `report: ${written.html} (charts: ${written.charts.join(', ')})\n`;
    if (options.json === true) {
      if (options.quiet !== true) io.stderr(note);
    } else io.stdout(note);
  }
  return 0;
}
