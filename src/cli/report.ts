import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../simulation/scenario-schema.js';
import type { SimulationResult } from '../simulation/simulate.js';
import { renderSvg, serviceLevelChart, staffingChart, waitChart } from './charts.js';
import { erlangDayInput } from './erlang-by-minute.js';
import type { CliIo } from './io.js';
import { startProgress } from './progress.js';
import { performanceLine, runHeading, runTables } from './run-tables.js';
import { staffingCurve } from './staffing-curve.js';
import { escapeHtml, tableHtml } from './table.js';
import { DEFAULT_SERVICE_LEVEL_TARGET } from './targets.js';

/** Options of {@link writeReport}. */
export interface ReportOptions {
  readonly io: CliIo;
  /** Show a progress bar while the staffing curve is simulated (on a terminal only). */
  readonly showProgress: boolean;
  /** Replications per point of the staffing curve; 0 leaves the curve out. @default min(replications, 5) */
  readonly curveReplications?: number;
}

/** Paths of what {@link writeReport} wrote. */
export interface WrittenReport {
  readonly html: string;
  readonly charts: readonly string[];
}

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 960px; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #ddd; text-align: left; white-space: nowrap; }
th { border-bottom: 2px solid #999; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.notes, .meta { color: #555; font-size: 0.85rem; } figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
`;

/**
 * Writes `report.html` (self-contained: the tables and the charts inline) and each chart as its
 * own SVG file to `dir`: service level per interval against the target, the waiting-time
 * distribution, and (unless `curveReplications` is 0) service level against staff, for which the
 * scenario is simulated again at 70 % … 130 % of its agents.
 */
export async function writeReport(dir: string, result: SimulationResult, scenario: Scenario, options: ReportOptions): Promise<WrittenReport> {
  mkdirSync(dir, { recursive: true });
  const target = scenario.targets.serviceLevel ?? DEFAULT_SERVICE_LEVEL_TARGET;
  const charts: Array<{ file: string; title: string; svg: string; note: string }> = [
    {
      file: 'service-level.svg',
      title: 'Service level through the day',
      svg: renderSvg(serviceLevelChart(result, target)),
      note: `Dashed line: the target (${Math.round(target * 100)} %${scenario.targets.serviceLevel === undefined ? ', the default: the scenario sets none' : ''}).`,
    },
    {
      file: 'wait-times.svg',
      title: 'Waiting times',
      svg: renderSvg(waitChart(result)),
      note: 'Answered calls only; abandoned calls are in the abandonment rate.',
    },
  ];
  const curveReplications = options.curveReplications ?? Math.min(result.scenario.replications, 5);
  if (curveReplications > 0) {
    const progress = startProgress(options.io, options.showProgress, 'staffing curve', 7 * curveReplications);
    let curve;
    try {
      curve = staffingCurve(scenario, { replications: curveReplications, seed: result.scenario.seed, onReplication: (done, total) => progress.update(done, total) });
    } finally {
      progress.stop();
    }
    const input = erlangDayInput(scenario, result.scenario.warmupMs);
    let rate = 0;
    let patience = 0;
    for (const m of input?.minutes ?? []) {
      rate += m.ratePerMs;
      patience += m.ratePerMs * m.patienceMs;
    }
    const patienceMs = rate > 0 && Number.isFinite(patience) ? Math.round(patience / rate) : undefined;
    charts.push({
      file: 'staffing-curve.svg',
      title: 'Service level against staff',
      svg: renderSvg(staffingChart(curve, result, target, patienceMs)),
      note:
        `Each point simulates the scenario again (${curveReplications} replications, same seed: the same calls) with every agent group scaled in proportion.` +
        (curve.erlangC === undefined
          ? ' Several queues or a recorded trace: no Erlang curve.'
          : ' The Erlang curves take each minute as a steady M/M/n queue (Erlang A: M/M/n+M) with that minute\'s arrival rate, mean handle time and agents on duty, weighted by calls; they do not see queues carried over from one minute to the next, shift edges, or non-exponential handle times and patience.'),
    });
  }
  const written: string[] = [];
  for (const chart of charts) {
    const path = join(dir, chart.file);
    writeFileSync(path, chart.svg);
    written.push(path);
  }
  const heading = runHeading(result, scenario);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(result.scenario.name)}: acd-sim report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(result.scenario.name)}</h1>
${scenario.description === undefined ? '' : `<p>${escapeHtml(scenario.description)}</p>\n`}<p class="meta">${heading.map(escapeHtml).join('<br>')}</p>
${charts.map((c) => `<h2>${escapeHtml(c.title)}</h2>\n<figure>\n${c.svg}\n<figcaption class="notes">${escapeHtml(c.note)}</figcaption>\n</figure>`).join('\n')}
<h2>Figures</h2>
${runTables(result, scenario).map(tableHtml).join('\n')}
<p class="meta">${escapeHtml(performanceLine(result.performance))}; report by acd-sim (acd-engine).</p>
</body>
</html>
`;
  const htmlPath = join(dir, 'report.html');
  writeFileSync(htmlPath, html);
  return { html: htmlPath, charts: written };
}
