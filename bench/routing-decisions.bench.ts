/**
 * Routing decisions per second in the steady state (see `steady-state.ts` for what one step is).
 *
 * All jobs (scenario × router) are filled and warmed up first, then measured in rounds: each
 * round re-warms every job briefly and times one repetition of it, job after job. So when the
 * machine is busy with other work for a while, every job shares the slowdown and the ratios
 * between them (growth, vs naive) stay meaningful. The median repetition is reported.
 *
 * Besides wall-clock time, the main thread's time spent runnable but waiting for a core is read
 * from `/proc/thread-self/schedstat` (Linux) around each repetition; "on-CPU" time is wall time
 * scaled by the share of the repetition the thread was not waiting. With an idle machine the two
 * agree; on a shared one the on-CPU figure is the steadier measure of what the router costs.
 */
import { median } from './measure.js';
import { generateCenter, type ScenarioSpec } from './scenario.js';
import { fillSteadyState, runSteps, timedRun, type SteadyState, type TimedRun } from './steady-state.js';
import type { RoutingTarget } from './targets.js';

/** How long to run each scenario. */
export interface MeasureOptions {
  /** Steps run once, after filling, before anything is timed (each step is two decisions). */
  readonly warmUpSteps: number;
  /** Steps run (untimed) before each repetition, after the other scenarios ran. */
  readonly rewarmSteps: number;
  /** Steps per measured repetition. */
  readonly steps: number;
  readonly repetitions: number;
  /** Steps per timed batch (one `hrtime` pair per half-batch). @default 256 */
  readonly batch?: number;
}

/** One scenario's result on one router. */
export interface DecisionResult {
  readonly scenario: string;
  readonly router: string;
  readonly agentCount: number;
  readonly waitingCount: number;
  readonly profileCount: number;
  /** Median over repetitions of on-CPU ns per decision (both halves; each step is two decisions). */
  readonly nsPerDecision: number;
  /** Median over repetitions of wall-clock ns per decision. */
  readonly wallNsPerDecision: number;
  /** Median on-CPU ns of the "agent frees up" half (complete + offer + answer). */
  readonly freeNs: number;
  /** Median on-CPU ns of the "call arrives" half (enqueue into a bucket). */
  readonly arriveNs: number;
  /** (max − min) / median of the repetitions' on-CPU ns per decision. */
  readonly spread: number;
  /** Median share of a repetition's wall time the main thread waited for a core (0 without schedstat). */
  readonly waitShare: number;
  /** Decisions timed (warm-ups excluded). */
  readonly decisions: number;
  /** Freed agents that found no call, over all measured steps (0 in a clean steady state). */
  readonly idleFrees: number;
}

/** One scenario on one router, with how long to run it. */
export interface MeasureJob {
  readonly spec: ScenarioSpec;
  readonly makeTarget: () => RoutingTarget;
  readonly options: MeasureOptions;
}

/**
 * Generates and fills every job's scenario, warms each up, then times them in interleaved
 * rounds (round `r` runs repetition `r` of every job that has one).
 * @param progress - called with a line of progress text.
 *
 * @example
 * const [center] = measureDecisions([
 *   { spec: CENTER_1K, makeTarget: () => new RealRouterTarget(), options: { warmUpSteps: 20_000, rewarmSteps: 2_000, steps: 40_000, repetitions: 5 } },
 * ]);
 */
export function measureDecisions(jobs: readonly MeasureJob[], progress: (line: string) => void = () => {}): DecisionResult[] {
  const states = jobs.map(({ spec, makeTarget, options }) => {
    const target = makeTarget();
    progress(`fill ${spec.name} (${target.label})`);
    const state = fillSteadyState(target, generateCenter(spec));
    if (options.warmUpSteps > 0) runSteps(state, options.warmUpSteps, options.batch ?? 256);
    return state;
  });
  const runs: TimedRun[][] = states.map(() => []);
  const rounds = Math.max(0, ...jobs.map((job) => job.options.repetitions));
  for (let round = 0; round < rounds; round++) {
    progress(`round ${round + 1}/${rounds}`);
    jobs.forEach(({ options }, i) => {
      if (round >= options.repetitions) return;
      const state = states[i] as SteadyState;
      const batch = options.batch ?? 256;
      if (options.rewarmSteps > 0) runSteps(state, options.rewarmSteps, batch);
      runs[i]?.push(timedRun(state, options.steps, batch));
    });
  }
  return states.map((state, i) => {
    const timed = runs[i] as TimedRun[];
    const onCpu = (ns: number, t: TimedRun): number => ns * (1 - t.waitShare);
    const perDecision = timed.map((t) => onCpu(t.run.freeNs + t.run.arriveNs, t) / (2 * t.run.steps));
    const nsPerDecision = median(perDecision);
    return {
      scenario: state.center.spec.name,
      router: state.target.label,
      agentCount: state.center.agents.length,
      waitingCount: state.waitingTarget,
      profileCount: state.center.distinctProfileCount,
      nsPerDecision,
      wallNsPerDecision: median(timed.map((t) => (t.run.freeNs + t.run.arriveNs) / (2 * t.run.steps))),
      freeNs: median(timed.map((t) => onCpu(t.run.freeNs, t) / t.run.steps)),
      arriveNs: median(timed.map((t) => onCpu(t.run.arriveNs, t) / t.run.steps)),
      spread: (Math.max(...perDecision) - Math.min(...perDecision)) / nsPerDecision,
      waitShare: median(timed.map((t) => t.waitShare)),
      decisions: timed.reduce((sum, t) => sum + 2 * t.run.steps, 0),
      idleFrees: timed.reduce((sum, t) => sum + t.run.idleFrees, 0),
    };
  });
}
