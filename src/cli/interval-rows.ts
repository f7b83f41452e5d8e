import type { QueueFigures } from '../model/stats.js';
import { estimate, type Estimate } from '../simulation/estimates.js';
import type { SimulationResult } from '../simulation/simulate.js';

/** Figures of one row of the interval table: one or several consecutive statistics intervals. */
export interface IntervalFigures {
  readonly calls: Estimate | null;
  readonly serviceLevel: Estimate | null;
  readonly asaMs: Estimate | null;
  readonly abandonmentRate: Estimate | null;
}

/** One row of the interval table. */
export interface IntervalRow extends IntervalFigures {
  /** Offsets from the start of the simulation, ms. */
  readonly startMs: number;
  readonly endMs: number;
  /** The row lies (partly) in the warm-up, which the totals leave out. */
  readonly warmup: boolean;
  readonly queues: Readonly<Record<string, IntervalFigures>>;
}

interface Sums {
  entered: number;
  answered: number;
  inThreshold: number;
  abandoned: number;
  waitMs: number;
}

const zero = (): Sums => ({ entered: 0, answered: 0, inThreshold: 0, abandoned: 0, waitMs: 0 });

function add(sums: Sums, f: QueueFigures | undefined): void {
  if (f === undefined) return;
  sums.entered += f.entered;
  sums.answered += f.answered;
  sums.inThreshold += f.answeredInThreshold;
  sums.abandoned += f.abandoned;
  sums.waitMs += (f.asaMs ?? 0) * f.answered;
}

/** Estimates across replications from each replication's sums (the router's own definitions). */
function figuresOf(perRun: readonly Sums[]): IntervalFigures {
  const share = (num: (s: Sums) => number, den: (s: Sums) => number) => estimate(perRun.map((s) => (den(s) > 0 ? num(s) / den(s) : null)));
  return {
    calls: estimate(perRun.map((s) => s.entered)),
    serviceLevel: share((s) => s.inThreshold, (s) => s.answered),
    asaMs: share((s) => s.waitMs, (s) => s.answered),
    abandonmentRate: share((s) => s.abandoned, (s) => s.answered + s.abandoned),
  };
}

/**
 * The day in at most `maxRows` rows: consecutive statistics intervals are merged (2, 3, … per
 * row) when there are more. Counts add up within a replication and shares are recomputed from the
 * sums, then estimated across replications.
 */
export function intervalRows(result: SimulationResult, maxRows = 24): IntervalRow[] {
  const { durationMs, intervalMs, warmupMs, queues } = result.scenario;
  const count = Math.ceil(durationMs / intervalMs);
  const perRow = Math.max(1, Math.ceil(count / maxRows));
  const rows: IntervalRow[] = [];
  for (let first = 0; first < count; first += perRow) {
    const startMs = first * intervalMs;
    const endMs = Math.min(durationMs, (first + perRow) * intervalMs);
    const center: Sums[] = [];
    const byQueue = new Map<string, Sums[]>(queues.map((id) => [id, []]));
    for (const run of result.runs) {
      const c = zero();
      const q = new Map(queues.map((id) => [id, zero()]));
      for (const report of run.intervals) {
        if (report.startMs < startMs || report.startMs >= endMs) continue;
        add(c, report.center);
        for (const id of queues) add(q.get(id) as Sums, report.queues[id]);
      }
      center.push(c);
      for (const id of queues) byQueue.get(id)?.push(q.get(id) as Sums);
    }
    const perQueue: Record<string, IntervalFigures> = {};
    for (const id of queues) perQueue[id] = figuresOf(byQueue.get(id) ?? []);
    rows.push({ startMs, endMs, warmup: startMs < warmupMs, ...figuresOf(center), queues: perQueue });
  }
  return rows;
}
