import { InvalidArgumentError } from '../../model/errors.js';
import { formatTimeOfDay } from '../../simulation/durations.js';
import { erlangAMetrics, erlangCMetrics, type StaffingMetrics } from '../../staffing/erlang.js';
import { requiredAgents, staffDay, type StaffingGoal, type StaffingModel } from '../../staffing/solvers.js';
import { readForecast } from '../forecast.js';
import { duration, figure, grouped, percent, seconds } from '../format.js';
import type { CliIo } from '../io.js';
import { toJson } from '../json.js';
import { tableText, type TableModel } from '../table.js';

/** Options of `acd-sim staff` (durations in ms, shares as fractions: commander has parsed them). */
export interface StaffCommandOptions {
  readonly callsPerHour?: number;
  readonly aht?: number;
  readonly sl?: number;
  readonly threshold?: number;
  readonly slOf?: 'offered' | 'answered';
  readonly asa?: number;
  readonly abandon?: number;
  readonly patience?: number;
  readonly maxOccupancy?: number;
  readonly shrinkage?: number;
  readonly model?: StaffingModel;
  readonly forecast?: string;
  readonly interval?: number;
  readonly json?: boolean;
}

const DEFAULT_THRESHOLD_MS = 20_000;

/** The solver's goal from the options, checked with the options' own names. */
export function goalOf(options: StaffCommandOptions): StaffingGoal & { readonly model: StaffingModel; readonly serviceLevelMs: number } {
  const model = options.model ?? (options.patience === undefined ? 'erlang-c' : 'erlang-a');
  if (model === 'erlang-a' && options.patience === undefined) throw new InvalidArgumentError('--model erlang-a needs --patience (the callers\' mean patience)');
  if (options.abandon !== undefined && model !== 'erlang-a') throw new InvalidArgumentError('--abandon needs Erlang A: give --patience');
  if (options.slOf === 'answered' && model !== 'erlang-a') throw new InvalidArgumentError('--sl-of answered needs Erlang A (under Erlang C every call is answered)');
  if (options.sl === undefined && options.asa === undefined && options.abandon === undefined && options.maxOccupancy === undefined) {
    throw new InvalidArgumentError('give at least one target: --sl (with --threshold), --asa, --abandon or --max-occupancy');
  }
  return {
    model,
    serviceLevelMs: options.threshold ?? DEFAULT_THRESHOLD_MS,
    ...(model === 'erlang-a' ? { patienceMs: options.patience as number, serviceLevelOf: options.slOf ?? 'offered' } : {}),
    ...(options.sl === undefined ? {} : { serviceLevel: options.sl }),
    ...(options.asa === undefined ? {} : { maxAsaMs: options.asa }),
    ...(options.abandon === undefined ? {} : { maxAbandonment: options.abandon }),
    ...(options.maxOccupancy === undefined ? {} : { maxOccupancy: options.maxOccupancy }),
    ...(options.shrinkage === undefined ? {} : { shrinkage: options.shrinkage }),
  };
}

/** `Erlang A (mean patience 2 min)`. */
function modelText(goal: StaffingGoal): string {
  return goal.model === 'erlang-a' ? `Erlang A (mean patience ${duration(goal.patienceMs as number)})` : 'Erlang C';
}

/** `service level ≥ 80 % within 20 s, ASA ≤ 30 s, …`. */
function targetsText(goal: StaffingGoal): string {
  const parts: string[] = [];
  if (goal.serviceLevel !== undefined) {
    const of = goal.model === 'erlang-a' ? ` (of ${goal.serviceLevelOf ?? 'offered'} calls)` : '';
    parts.push(`service level ≥ ${percent(goal.serviceLevel, 0)} within ${duration(goal.serviceLevelMs ?? DEFAULT_THRESHOLD_MS)}${of}`);
  }
  if (goal.maxAsaMs !== undefined) parts.push(`ASA ≤ ${duration(goal.maxAsaMs)}`);
  if (goal.maxAbandonment !== undefined) parts.push(`abandonment ≤ ${percent(goal.maxAbandonment, 0)}`);
  if (goal.maxOccupancy !== undefined) parts.push(`occupancy ≤ ${percent(goal.maxOccupancy, 0)}`);
  return parts.join(', ');
}

/** The service level a goal is judged on. */
function serviceLevelOf(goal: StaffingGoal, m: StaffingMetrics): number {
  return m.model === 'erlang-a' && goal.serviceLevelOf === 'answered' ? m.serviceLevelOfAnswered : m.serviceLevel;
}

/** The targets a staffing level misses, in words. */
function misses(goal: StaffingGoal, m: StaffingMetrics): string[] {
  const out: string[] = [];
  if (m.model === 'erlang-c' && !m.stable) return ['stability'];
  if (goal.serviceLevel !== undefined && !(serviceLevelOf(goal, m) >= goal.serviceLevel)) out.push('service level');
  if (goal.maxAsaMs !== undefined && !(m.asaMs <= goal.maxAsaMs)) out.push('ASA');
  if (goal.maxAbandonment !== undefined && m.model === 'erlang-a' && !(m.abandonment <= goal.maxAbandonment)) out.push('abandonment');
  if (goal.maxOccupancy !== undefined && !(m.occupancy <= goal.maxOccupancy)) out.push('occupancy');
  return out;
}

/** Agents around the answer and what each achieves. */
function neighbourhoodTable(goal: StaffingGoal, metricsAt: (agents: number) => StaffingMetrics, needed: number): TableModel {
  const erlangA = goal.model === 'erlang-a';
  const rows: string[][] = [];
  for (let n = Math.max(1, needed - 4); n <= needed + 3; n++) {
    const m = metricsAt(n);
    const missed = misses(goal, m);
    rows.push([
      String(n),
      percent(serviceLevelOf(goal, m)),
      figure(m.asaMs, 'ms'),
      percent(m.probabilityOfWait),
      ...(erlangA && m.model === 'erlang-a' ? [percent(m.abandonment)] : []),
      percent(m.occupancy),
      n === needed ? '← needed' : missed[0] === 'stability' ? 'unstable: load ≥ agents' : missed.length > 0 ? `misses ${missed.join(', ')}` : '',
    ]);
  }
  const slLabel = erlangA ? `service level (${goal.serviceLevelOf === 'answered' ? 'of answered' : 'of offered'})` : 'service level';
  return {
    head: ['agents', slLabel, 'ASA', 'P(wait)', ...(erlangA ? ['abandoned'] : []), 'occupancy', ''],
    align: ['right', 'right', 'right', 'right', ...(erlangA ? (['right'] as const) : []), 'right', 'left'],
    rows,
  };
}

function single(options: StaffCommandOptions, io: CliIo): number {
  if (options.callsPerHour === undefined || options.aht === undefined) throw new InvalidArgumentError('give --calls-per-hour and --aht (or --forecast for a whole day)');
  const goal = goalOf(options);
  const load = { callsPerHour: options.callsPerHour, ahtMs: options.aht };
  const result = requiredAgents({ ...goal, ...load });
  const erlangs = (options.callsPerHour * options.aht) / 3_600_000;
  const metricsAt = (agents: number): StaffingMetrics => {
    const input = { ...load, agents, serviceLevelMs: goal.serviceLevelMs };
    return goal.model === 'erlang-a' ? erlangAMetrics({ ...input, patienceMs: goal.patienceMs as number }) : erlangCMetrics(input);
  };
  const neighbourhood = neighbourhoodTable(goal, metricsAt, result.agents);
  if (options.json === true) {
    const rows = [];
    for (let n = Math.max(1, result.agents - 4); n <= result.agents + 3; n++) rows.push(metricsAt(n));
    io.stdout(`${toJson({ model: goal.model, goal, callsPerHour: options.callsPerHour, ahtMs: options.aht, erlangs, ...result, neighbourhood: rows })}\n`);
    return 0;
  }
  const words: Record<string, string> = { stability: 'stability', 'service-level': 'service level', asa: 'ASA', abandonment: 'abandonment', occupancy: 'occupancy' };
  const limited = result.limitedBy.length === 0 ? '' : ` (one fewer misses: ${result.limitedBy.map((c) => words[c] ?? c).join(', ')})`;
  const shrinkage = goal.shrinkage ?? 0;
  const lines = [
    `${modelText(goal)}: ${grouped(options.callsPerHour, Number.isInteger(options.callsPerHour) ? 0 : 1)} calls/h × AHT ${duration(options.aht)} = ${erlangs.toFixed(2)} erlangs`,
    `targets: ${targetsText(goal)}`,
    `agents needed: ${result.agents} on the phones${limited}` +
      (shrinkage > 0 ? `; ${result.scheduled} scheduled with ${percent(shrinkage, 0)} shrinkage` : ''),
  ];
  io.stdout(`${lines.join('\n')}\n\n${tableText(neighbourhood)}\n`);
  return 0;
}

function day(options: StaffCommandOptions, io: CliIo): number {
  if (options.callsPerHour !== undefined) throw new InvalidArgumentError('give either --calls-per-hour or --forecast, not both');
  const file = readForecast(options.forecast as string);
  const intervalMs = options.interval ?? file.intervalMs;
  if (intervalMs === undefined) throw new InvalidArgumentError(`${options.forecast}: the interval length is not in the file: give --interval (e.g. 30m)`);
  const ahtMs = file.ahtMs ?? options.aht;
  if (ahtMs === undefined) throw new InvalidArgumentError(`${options.forecast}: no AHT in the file: give --aht`);
  const goal = goalOf(options);
  const plan = staffDay({ intervalMs, calls: file.calls, ahtMs }, goal);
  if (options.json === true) {
    io.stdout(`${toJson({ model: goal.model, goal, startTimeMs: file.startTimeMs, intervalMs, ...plan })}\n`);
    return 0;
  }
  const erlangA = goal.model === 'erlang-a';
  const shrinkage = goal.shrinkage ?? 0;
  const table: TableModel = {
    head: ['time', 'calls', 'AHT', 'erlangs', 'agents', ...(shrinkage > 0 ? ['scheduled'] : []), 'service level', 'ASA', ...(erlangA ? ['abandoned'] : []), 'occupancy'],
    rows: plan.intervals.map((i) => [
      `${formatTimeOfDay(file.startTimeMs + i.startMs)}–${formatTimeOfDay(file.startTimeMs + i.startMs + intervalMs)}`,
      grouped(i.calls, Number.isInteger(i.calls) ? 0 : 1),
      seconds(i.ahtMs),
      i.erlangs.toFixed(2),
      String(i.agents),
      ...(shrinkage > 0 ? [String(i.scheduled)] : []),
      percent(serviceLevelOf(goal, i.metrics)),
      figure(i.metrics.asaMs, 'ms'),
      ...(erlangA && i.metrics.model === 'erlang-a' ? [percent(i.metrics.abandonment)] : []),
      percent(i.metrics.occupancy),
    ]),
  };
  const t = plan.totals;
  const lines = [
    `${modelText(goal)} day plan: ${plan.intervals.length} intervals of ${duration(intervalMs)} from ${formatTimeOfDay(file.startTimeMs)}, each its own steady state`,
    `targets: ${targetsText(goal)}`,
  ];
  const summary = [
    `day: ${grouped(t.calls)} calls; ${grouped(t.agentHours, 1)} agent-hours on the phones, peak ${t.peakAgents} agents` +
      (shrinkage > 0 ? `; ${grouped(t.scheduledHours, 1)} scheduled hours with ${percent(shrinkage, 0)} shrinkage, peak ${t.peakScheduled}` : ''),
    `service level ${percent(goal.model === 'erlang-a' && goal.serviceLevelOf === 'answered' ? t.serviceLevelOfAnswered : t.serviceLevel)}, ASA ${seconds(t.asaMs)}` +
      (erlangA ? `, abandoned ${percent(t.abandonment)}` : '') +
      `, occupancy ${percent(t.occupancy)} (weighted by calls)`,
  ];
  io.stdout(`${lines.join('\n')}\n\n${tableText(table)}\n\n${summary.join('\n')}\n`);
  return 0;
}

/**
 * `acd-sim staff`: the fewest agents meeting the targets under Erlang C or Erlang A, for one load
 * (with the agents-vs-service-level neighbourhood) or for each interval of a day's forecast.
 *
 * @returns the exit code (0).
 * @throws {InvalidArgumentError} for missing or inconsistent options and bad forecast files.
 */
export async function staffCommand(options: StaffCommandOptions, io: CliIo): Promise<number> {
  return options.forecast === undefined ? single(options, io) : day(options, io);
}
