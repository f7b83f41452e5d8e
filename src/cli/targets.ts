import { estimate, type Estimate } from '../simulation/estimates.js';
import type { ScenarioTargets } from '../simulation/scenario-schema.js';
import type { SimulationResult } from '../simulation/simulate.js';
import { duration, estimateText, percent } from './format.js';

/** The service-level target when a scenario sets none: 80 % (of answered calls within the threshold). */
export const DEFAULT_SERVICE_LEVEL_TARGET = 0.8;

/** `met`: the whole 95 % interval is on the right side; `missed`: all of it on the wrong side; `unclear`: the target lies inside it. */
export type Verdict = 'met' | 'missed' | 'unclear';

/** One target of the scenario, checked against the whole center. */
export interface TargetCheck {
  /** `service level ≥ 80 % in 20 s`. */
  readonly target: string;
  /** The estimate it is checked against, as text. */
  readonly value: string;
  readonly verdict: Verdict;
}

/** Where an estimate lies against a bound (`atLeast`: higher is better). */
export function verdictOf(value: Estimate, bound: number, side: 'atLeast' | 'atMost'): Verdict {
  const good = (x: number): boolean => (side === 'atLeast' ? x >= bound : x <= bound);
  const low = Number.isFinite(value.halfWidth) ? value.low : value.mean;
  const high = Number.isFinite(value.halfWidth) ? value.high : value.mean;
  if (good(low) && good(high)) return 'met';
  if (!good(low) && !good(high)) return 'missed';
  return 'unclear';
}

/**
 * The center's service level for a threshold other than the queues' own, from each
 * replication's waits in whole seconds (answered within `thresholdMs` ÷ answered).
 */
export function serviceLevelWithin(result: SimulationResult, thresholdMs: number): Estimate | null {
  const bins = Math.floor(thresholdMs / 1_000);
  return estimate(
    result.runs.map((run) => {
      const counts = run.centerWaitCounts;
      const total = counts.reduce((sum, n) => sum + n, 0);
      if (total === 0) return null;
      return counts.slice(0, bins).reduce((sum, n) => sum + n, 0) / total;
    }),
  );
}

/** The center's service level at the target's threshold, and that threshold (the queues' when they share one). */
export function centerServiceLevel(result: SimulationResult, targets: ScenarioTargets): { value: Estimate | null; thresholdMs: number | undefined } {
  const thresholds = [...new Set(Object.values(result.scenario.serviceLevelMs))];
  const wanted = targets.serviceLevelMs;
  if (wanted === undefined || (thresholds.length === 1 && thresholds[0] === wanted)) {
    return { value: result.center.serviceLevel, thresholdMs: thresholds.length === 1 ? thresholds[0] : undefined };
  }
  return { value: serviceLevelWithin(result, wanted), thresholdMs: wanted };
}

/** Every target the scenario sets, checked against the whole center's estimates. */
export function checkTargets(result: SimulationResult, targets: ScenarioTargets): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const push = (target: string, value: Estimate | null, bound: number, side: 'atLeast' | 'atMost', kind: 'share' | 'ms'): void => {
    if (value === null) return;
    checks.push({ target, value: estimateText(value, kind), verdict: verdictOf(value, bound, side) });
  };
  if (targets.serviceLevel !== undefined) {
    const { value, thresholdMs } = centerServiceLevel(result, targets);
    const within = thresholdMs === undefined ? "in each queue's threshold" : `in ${duration(thresholdMs)}`;
    push(`service level ≥ ${percent(targets.serviceLevel, 0)} ${within}`, value, targets.serviceLevel, 'atLeast', 'share');
  }
  if (targets.asa !== undefined) push(`ASA ≤ ${duration(targets.asa)}`, result.center.asaMs, targets.asa, 'atMost', 'ms');
  if (targets.abandonment !== undefined) {
    push(`abandonment ≤ ${percent(targets.abandonment, 0)}`, result.center.abandonmentRate, targets.abandonment, 'atMost', 'share');
  }
  if (targets.maxOccupancy !== undefined) {
    push(`occupancy ≤ ${percent(targets.maxOccupancy, 0)}`, result.occupancy.center, targets.maxOccupancy, 'atMost', 'share');
  }
  return checks;
}
