/**
 * The cost of statistics on the routing hot path: center-1k's steady state (same seed, same
 * driver as the main rows: see `steady-state.ts`) on three routers in one process:
 *
 * - `stats: false`: no statistics, no audit log (the engine builds no event payload nobody
 *   listens to; the bench's one `call:offered` listener stays);
 * - `stats: true` (the default): every lifecycle event is built and fed to the statistics;
 * - `stats: true` with an audit sink that discards its lines (each event is also serialised to a
 *   JSON line; the sink only counts them).
 *
 * The three are filled and warmed up, then timed in alternating rounds whose order rotates each
 * round, so a slow moment of the machine hits all three alike. Reported: median on-CPU ns per
 * decision of each, and the paired ratios (median over rounds of on ÷ off, audit ÷ off, the two
 * jobs' repetitions of the same round being close in time).
 */
import { median } from './measure.js';
import { CENTER_1K, generateCenter, type ScenarioSpec } from './scenario.js';
import { fillSteadyState, runSteps, timedRun, type SteadyRun, type SteadyState } from './steady-state.js';
import { describeConfig, RealRouterTarget, type RealRouterConfig } from './targets.js';

/** How long to run each job. */
export interface StatsCostOptions {
  /** Steps run once after filling, untimed. */
  readonly warmUpSteps: number;
  /** Steps run (untimed) before each repetition. */
  readonly rewarmSteps: number;
  /** Steps per measured repetition (each step is two decisions). */
  readonly steps: number;
  readonly repetitions: number;
  /** @default 256 */
  readonly batch?: number;
}

/** One configuration's result. */
export interface StatsCostRow {
  /** `stats off`, `stats on`, `stats on + audit sink`. */
  readonly label: string;
  /** Median on-CPU ns per decision. */
  readonly nsPerDecision: number;
  /** Median wall ns per decision. */
  readonly wallNsPerDecision: number;
  /** Median on-CPU ns of the "agent frees up" half. */
  readonly freeNs: number;
  /** Median on-CPU ns of the "call arrives" half. */
  readonly arriveNs: number;
  readonly waitShare: number;
  /** (max − min) / median of the repetitions' on-CPU ns per decision. */
  readonly spread: number;
  /** On-CPU ns per decision of each repetition, in round order (for paired ratios). */
  readonly perRound: readonly number[];
  readonly decisions: number;
  readonly idleFrees: number;
  /** Audit lines written per decision in the timed repetitions (0 without a sink). */
  readonly auditLinesPerDecision: number;
}

export interface StatsCostResult {
  readonly off: StatsCostRow;
  readonly on: StatsCostRow;
  readonly audit: StatsCostRow;
  /** Median over rounds of stats on ÷ stats off. */
  readonly pairedRatioOn: number;
  /** Median over rounds of stats on + audit sink ÷ stats off. */
  readonly pairedRatioAudit: number;
}

interface Job {
  readonly label: string;
  readonly state: SteadyState;
  readonly lines: () => number;
  readonly reps: Array<{ run: SteadyRun; waitShare: number; lines: number }>;
}

/**
 * Fills and warms up center-1k on the three configurations, then times them in `repetitions`
 * rounds, rotating their order each round.
 */
export function measureStatsCost(
  options: StatsCostOptions,
  seed: number | undefined,
  progress: (line: string) => void = () => {},
): StatsCostResult {
  const spec: ScenarioSpec = seed === undefined ? CENTER_1K : { ...CENTER_1K, seed };
  const batch = options.batch ?? 256;
  let auditLines = 0;
  const configs: RealRouterConfig[] = [
    { stats: false },
    { stats: true },
    {
      stats: true,
      audit: () => {
        auditLines++;
      },
    },
  ];
  const jobs = configs.map((config): Job => {
    const label = describeConfig(config);
    const target = new RealRouterTarget(undefined, config);
    progress(`fill ${spec.name} (${label})`);
    const state = fillSteadyState(target, generateCenter(spec));
    if (options.warmUpSteps > 0) runSteps(state, options.warmUpSteps, batch);
    return { label, state, lines: config.audit === undefined ? () => 0 : () => auditLines, reps: [] };
  });
  for (let round = 0; round < options.repetitions; round++) {
    progress(`stats cost round ${round + 1}/${options.repetitions}`);
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(round + k) % jobs.length] as Job;
      const { state } = job;
      if (options.rewarmSteps > 0) runSteps(state, options.rewarmSteps, batch);
      const linesBefore = job.lines();
      const { run, waitShare } = timedRun(state, options.steps, batch);
      job.reps.push({ run, waitShare, lines: job.lines() - linesBefore });
    }
  }
  const rows = jobs.map((job): StatsCostRow => {
    const onCpu = (ns: number, waitShare: number): number => ns * (1 - waitShare);
    const perRound = job.reps.map((r) => onCpu(r.run.freeNs + r.run.arriveNs, r.waitShare) / r.run.decisions);
    const nsPerDecision = median(perRound);
    const decisions = job.reps.reduce((sum, r) => sum + r.run.decisions, 0);
    return {
      label: job.label,
      nsPerDecision,
      wallNsPerDecision: median(job.reps.map((r) => (r.run.freeNs + r.run.arriveNs) / r.run.decisions)),
      freeNs: median(job.reps.map((r) => onCpu(r.run.freeNs, r.waitShare) / r.run.steps)),
      arriveNs: median(job.reps.map((r) => onCpu(r.run.arriveNs, r.waitShare) / r.run.arrivals)),
      waitShare: median(job.reps.map((r) => r.waitShare)),
      spread: (Math.max(...perRound) - Math.min(...perRound)) / nsPerDecision,
      perRound,
      decisions,
      idleFrees: job.reps.reduce((sum, r) => sum + r.run.idleFrees, 0),
      auditLinesPerDecision: job.reps.reduce((sum, r) => sum + r.lines, 0) / decisions,
    };
  });
  const [off, on, audit] = rows as [StatsCostRow, StatsCostRow, StatsCostRow];
  const paired = (a: StatsCostRow, b: StatsCostRow): number => median(a.perRound.map((ns, i) => ns / (b.perRound[i] as number)));
  return { off, on, audit, pairedRatioOn: paired(on, off), pairedRatioAudit: paired(audit, off) };
}
