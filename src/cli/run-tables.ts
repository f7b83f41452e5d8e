import { formatTimeOfDay } from '../simulation/durations.js';
import type { Scenario } from '../simulation/scenario-schema.js';
import type { KpiEstimates, KpiName, SimulationResult } from '../simulation/simulate.js';
import { duration, estimateText, grouped, type FigureKind } from './format.js';
import { intervalRows } from './interval-rows.js';
import type { TableModel } from './table.js';
import { checkTargets, DEFAULT_SERVICE_LEVEL_TARGET } from './targets.js';

/** The KPIs of the main table, in order: label, kind, and whether to show it only when not all zero. */
export const KPI_ROWS: ReadonlyArray<{ readonly kpi: KpiName; readonly label: string; readonly kind: FigureKind; readonly ifAny?: boolean }> = [
  { kpi: 'arrivals', label: 'calls', kind: 'count' },
  { kpi: 'answered', label: 'answered', kind: 'count' },
  { kpi: 'serviceLevel', label: 'service level', kind: 'share' },
  { kpi: 'asaMs', label: 'ASA', kind: 'ms' },
  { kpi: 'waitP90Ms', label: 'p90 wait', kind: 'ms' },
  { kpi: 'abandonmentRate', label: 'abandoned', kind: 'share' },
  { kpi: 'probabilityOfWaiting', label: 'P(wait)', kind: 'share' },
  { kpi: 'ahtMs', label: 'AHT', kind: 'ms' },
  { kpi: 'timedOut', label: 'timed out', kind: 'count', ifAny: true },
  { kpi: 'refused', label: 'refused', kind: 'count', ifAny: true },
];

/** `service level (20 s)`, or `(each queue's threshold)` when the queues' thresholds differ. */
export function serviceLevelLabel(result: SimulationResult): string {
  const thresholds = [...new Set(Object.values(result.scenario.serviceLevelMs))];
  return thresholds.length === 1 ? `service level ${duration(thresholds[0] as number)}` : "service level (queue's T)";
}

/** Columns of the per-queue tables: each queue, and `all` when there are several. */
function scopes(result: SimulationResult): Array<{ name: string; kpis: KpiEstimates }> {
  const list = result.scenario.queues.map((id) => ({ name: id, kpis: result.queues[id] as KpiEstimates }));
  return list.length > 1 ? [...list, { name: 'all', kpis: result.center }] : list;
}

/** The KPIs per queue (and for the whole center), one row per KPI. */
export function kpiTable(result: SimulationResult): TableModel {
  const columns = scopes(result);
  const rows = KPI_ROWS.filter((r) => !r.ifAny || columns.some((c) => (c.kpis[r.kpi]?.mean ?? 0) > 0)).map((r) => [
    r.kpi === 'serviceLevel' ? serviceLevelLabel(result) : r.label,
    ...columns.map((c) => estimateText(c.kpis[r.kpi], r.kind)),
  ]);
  const thresholds = Object.entries(result.scenario.serviceLevelMs);
  const notes = [
    `mean ± half-width of the 95 % confidence interval over ${result.scenario.replications} replication${result.scenario.replications === 1 ? '' : 's'}` +
      (result.scenario.warmupMs > 0 ? `, after a warm-up of ${duration(result.scenario.warmupMs)}` : ''),
    'service level = answered within T ÷ answered; ASA = mean wait of answered calls;',
    'abandoned = abandoned ÷ (answered + abandoned); P(wait) = share of calls that found no free agent;',
    'AHT = talk + wrap-up per completed call' +
      (new Set(thresholds.map(([, t]) => t)).size > 1 ? `; T: ${thresholds.map(([q, t]) => `${q} ${duration(t)}`).join(', ')}` : ''),
  ];
  return { caption: 'Per queue', head: ['', ...columns.map((c) => c.name)], rows, notes };
}

/** `08:00–14:00, break 11:00 (30 min)`; `all day` without a shift. */
function shiftText(group: Scenario['agents'][number]): string {
  const shift = group.shift;
  if (shift === undefined) return 'all day';
  const breaks = shift.breaks.map((b) => `break ${formatTimeOfDay(b.at)} (${duration(b.duration)})`);
  return [`${formatTimeOfDay(shift.start)}–${formatTimeOfDay(shift.end)}`, ...breaks].join(', ');
}

/** Agent groups: size, queues with tier levels (several queues only), shift and occupancy. */
export function agentTable(result: SimulationResult, scenario: Scenario): TableModel {
  const multi = result.scenario.queues.length > 1;
  const rows = scenario.agents.map((g) => [
    g.name,
    String(g.count),
    ...(multi ? [Object.entries(g.queues).map(([q, tier]) => `${q} ${tier}`).join(', ')] : []),
    shiftText(g),
    estimateText(result.occupancy.groups[g.name], 'share'),
  ]);
  const total = scenario.agents.reduce((sum, g) => sum + g.count, 0);
  rows.push(['all', String(total), ...(multi ? [''] : []), '', estimateText(result.occupancy.center, 'share')]);
  return {
    caption: 'Agent groups',
    head: ['agent group', 'agents', ...(multi ? ['queues (tier)'] : []), 'shift', 'occupancy'],
    align: ['left', 'right', ...(multi ? (['left'] as const) : []), 'left', 'right'],
    rows,
    notes: ['occupancy = (offered + talking + wrap-up) ÷ (that + available), while logged in and not on a break'],
  };
}

/** Service level, calls, ASA and abandonment through the day (whole intervals merged when there are many). */
export function intervalTable(result: SimulationResult, scenario: Scenario): TableModel {
  const target = scenario.targets.serviceLevel ?? DEFAULT_SERVICE_LEVEL_TARGET;
  const rows = intervalRows(result);
  const multi = result.scenario.queues.length > 1;
  const start = result.scenario.startTimeMs;
  const first = rows[0];
  const rowLength = first === undefined ? result.scenario.intervalMs : first.endMs - first.startMs;
  const body = rows.map((row) => [
    `${formatTimeOfDay(start + row.startMs)}–${formatTimeOfDay(start + row.endMs)}`,
    estimateText(row.calls, 'count'),
    estimateText(row.serviceLevel, 'share'),
    ...(multi ? result.scenario.queues.map((id) => estimateText(row.queues[id]?.serviceLevel, 'share')) : []),
    estimateText(row.asaMs, 'ms'),
    estimateText(row.abandonmentRate, 'share'),
    row.warmup ? 'warm-up' : row.serviceLevel !== null && row.serviceLevel.mean < target ? `below ${Math.round(target * 100)} %` : '',
  ]);
  return {
    title: `by ${duration(rowLength)} interval${multi ? ' (service level of all queues, then each)' : ''}`,
    head: ['time', 'calls', serviceLevelLabel(result), ...(multi ? result.scenario.queues.map((id) => `SL ${id}`) : []), 'ASA', 'abandoned', ''],
    align: ['left', 'right', 'right', ...(multi ? result.scenario.queues.map(() => 'right' as const) : []), 'right', 'right', 'left'],
    rows: body,
  };
}

/** The scenario's targets, checked against the whole center; `undefined` when it sets none. */
export function targetTable(result: SimulationResult, scenario: Scenario): TableModel | undefined {
  const checks = checkTargets(result, scenario.targets);
  if (checks.length === 0) return undefined;
  return {
    caption: 'Targets',
    head: ['target (whole center)', 'estimate', ''],
    align: ['left', 'right', 'left'],
    rows: checks.map((c) => [c.target, c.value, c.verdict === 'unclear' ? 'unclear: inside the 95 % CI' : c.verdict]),
  };
}

/** Every table of `acd-sim run`, in order. */
export function runTables(result: SimulationResult, scenario: Scenario): TableModel[] {
  const targets = targetTable(result, scenario);
  return [kpiTable(result), agentTable(result, scenario), intervalTable(result, scenario), ...(targets === undefined ? [] : [targets])];
}

/** The first lines: what was simulated. */
export function runHeading(result: SimulationResult, scenario: Scenario): string[] {
  const s = result.scenario;
  const agents = scenario.agents.reduce((sum, g) => sum + g.count, 0);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${s.name}: ${plural(s.replications, 'replication')} of ${duration(s.durationMs)} from ${formatTimeOfDay(s.startTimeMs)}, seed ${s.seed}`,
    `${plural(s.queues.length, 'queue')}, ${plural(agents, 'agent')} in ${plural(scenario.agents.length, 'group')}, ` +
      `${plural(scenario.arrivals.length, 'arrival stream')}, ${duration(s.intervalMs)} intervals`,
  ];
}

/** The last line: how much was simulated and how fast. */
export function performanceLine(p: SimulationResult['performance']): string {
  return `simulated ${grouped(p.calls)} calls in ${(p.wallMs / 1_000).toFixed(2)} s (${grouped(p.callsPerSecond)} calls/s)`;
}
