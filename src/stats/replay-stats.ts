import { InvalidArgumentError } from '../model/errors.js';
import type { CallRouterEventName } from '../model/events.js';
import type { AgentStats, CenterStats, IntervalReport, QueueStats } from '../model/stats.js';
import { AUDIT_VERSION, type AuditRecord } from './audit-log.js';
import { StatsCollector, type StatsSettings } from './stats-collector.js';
import { DEFAULT_STATS_SETTINGS } from './stats-settings.js';

/** The statistics rebuilt from an audit log, read as the router reads them. */
export interface StatsReplay {
  /** The clock time the figures are read at: `options.nowMs`, else the last line's. */
  readonly nowMs: number;
  queueStats(queueId: string): QueueStats | undefined;
  agentStats(agentId: string): AgentStats | undefined;
  stats(): CenterStats;
  intervals(): readonly IntervalReport[];
}

/** Options of {@link replayStats}. */
export interface ReplayOptions {
  /** Read the figures at this clock time (for the current wait and state times). @default the last line's `atMs` */
  readonly nowMs?: number;
}

function parse(line: string | AuditRecord | { readonly acd: AuditRecord }, index: number): AuditRecord {
  let value: unknown = line;
  if (typeof line === 'string') {
    try {
      value = JSON.parse(line);
    } catch {
      throw new InvalidArgumentError(`Audit line ${index} is not JSON`);
    }
  }
  const record = (typeof value === 'object' && value !== null && 'acd' in value ? value.acd : value) as AuditRecord;
  if (typeof record !== 'object' || record === null || typeof record.event !== 'string' || typeof record.atMs !== 'number') {
    throw new InvalidArgumentError(`Audit line ${index} is not an acd-engine audit record (event, atMs, data)`);
  }
  if (record.v !== AUDIT_VERSION) {
    throw new InvalidArgumentError(`Audit line ${index} has format version ${String(record.v)}; this version reads ${AUDIT_VERSION}`);
  }
  return record;
}

/**
 * Rebuilds every statistic from an audit log: its lines as strings (the sink's lines, or the
 * router's pino lines), or as parsed records. The figures agree exactly with the live router's at
 * the same clock time, because both come from the same events through the same code.
 *
 * @example
 * const lines: string[] = [];
 * const router = new CallRouter({ clock, audit: (line) => lines.push(line) });
 * // … a day of calls …
 * replayStats(lines).queueStats('support'); // equals router.queueStats('support')
 */
export function replayStats(
  lines: Iterable<string | AuditRecord | { readonly acd: AuditRecord }>,
  options: ReplayOptions = {},
): StatsReplay {
  let collector: StatsCollector | undefined;
  let lastMs = 0;
  let index = 0;
  for (const line of lines) {
    const record = parse(line, index++);
    lastMs = record.atMs;
    if (record.event === 'audit:start') {
      // JSON has no Infinity: an unbounded window was written as null.
      const given = Object.entries(record.data as Record<string, number | null>).map(([k, v]) => [k, v ?? Infinity]);
      collector = new StatsCollector({ ...DEFAULT_STATS_SETTINGS, ...(Object.fromEntries(given) as Partial<StatsSettings>) }, record.atMs);
      continue;
    }
    collector ??= new StatsCollector(DEFAULT_STATS_SETTINGS, record.atMs);
    // Intervals close by time, as in the router: before the first event at or after their end (the
    // stats:interval lines are the router's reports of the same closings).
    if (record.event === 'stats:interval') continue;
    while (record.atMs >= collector.intervalEndMs) collector.closeInterval();
    collector.consume(record.event as CallRouterEventName, record.data as never);
  }
  const stats = collector ?? new StatsCollector(DEFAULT_STATS_SETTINGS, options.nowMs ?? 0);
  const nowMs = options.nowMs ?? lastMs;
  while (nowMs >= stats.intervalEndMs) stats.closeInterval();
  return {
    nowMs,
    queueStats: (queueId) => stats.queueStats(queueId, nowMs),
    agentStats: (agentId) => stats.agentStats(agentId, nowMs),
    stats: () => stats.centerStats(nowMs),
    intervals: () => stats.intervals(),
  };
}
