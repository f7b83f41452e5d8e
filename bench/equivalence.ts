/**
 * Checks that the naive baseline and the real router make the same decisions on the same
 * inputs, so the speed ratio compares like with like. Two workloads, both seeded:
 *
 * - **churn**: a small center (24 agents, 5 queues, 8 profiles) where agents are often free:
 *   random arrivals and completions, with clock steps of 0–2 ms so arrival and idle times tie
 *   (exercising the sequence tie-breakers), priorities, tier levels and a weight-2 queue;
 * - **steady**: the benchmark's own steady-state driver on a small center (60 agents, 400 waiting).
 *
 * The sequences of (call, agent) offers must be identical; the first difference is reported.
 */
import { SeededRandom } from '../src/index.js';
import { generateCenter } from './scenario.js';
import { fillSteadyState, runSteps } from './steady-state.js';
import { NaiveRouterTarget, RealRouterTarget, type RoutingTarget } from './targets.js';

/** What the check compared. */
export interface EquivalenceResult {
  readonly churnOps: number;
  readonly churnOffers: number;
  readonly steadySteps: number;
  readonly steadyOffers: number;
}

/** Thrown when the two routers decide differently. */
export class DecisionMismatchError extends Error {
  override readonly name = 'DecisionMismatchError';
}

function compareLogs(workload: string, real: readonly string[], naive: readonly string[]): void {
  const length = Math.max(real.length, naive.length);
  for (let i = 0; i < length; i++) {
    if (real[i] !== naive[i]) {
      throw new DecisionMismatchError(
        `${workload}: offer #${i} differs: acd-engine ${real[i] ?? '(none)'}, naive ${naive[i] ?? '(none)'} ` +
          `(acd-engine made ${real.length} offers, naive ${naive.length})`,
      );
    }
  }
}

function churn(seed: number, ops: number): number {
  const center = generateCenter({ name: 'equivalence churn', agentCount: 24, waitingCount: 0, templates: 8, queueCount: 5, seed });
  const realLog: string[] = [];
  const naiveLog: string[] = [];
  const targets: RoutingTarget[] = [new RealRouterTarget(realLog), new NaiveRouterTarget(naiveLog)];
  for (const target of targets) {
    for (const queue of center.queues) target.addQueue(queue);
    for (const agent of center.agents) {
      target.clock.advance(1);
      target.addAgent(agent);
    }
  }
  const [real, naive] = targets as [RoutingTarget, RoutingTarget];
  const rng = new SeededRandom(seed ^ 0x3c6ef372);
  const stream = center.callStream();
  const talking: string[] = [];
  for (let op = 0; op < ops; op++) {
    const stepMs = rng.nextInt(3);
    real.clock.advance(stepMs);
    naive.clock.advance(stepMs);
    if (talking.length > 0 && rng.next() < 0.5) {
      const at = rng.nextInt(talking.length);
      const ending = talking[at] as string;
      talking[at] = talking[talking.length - 1] as string;
      talking.pop();
      const a = real.finish(ending);
      const b = naive.finish(ending);
      if (a !== b) throw new DecisionMismatchError(`churn op ${op}: after ${ending} ended, acd-engine offered ${a}, naive ${b}`);
      if (a !== undefined) talking.push(a);
    } else {
      const call = stream.next();
      const a = real.arrive(call);
      const b = naive.arrive(call);
      if (a !== b) throw new DecisionMismatchError(`churn op ${op}: ${call.id} arrived, acd-engine offered it to ${a}, naive to ${b}`);
      if (a !== undefined) talking.push(call.id);
    }
  }
  compareLogs('churn', realLog, naiveLog);
  if (real.waitingCount() !== naive.waitingCount()) throw new DecisionMismatchError('churn: waiting counts differ');
  return realLog.length;
}

function steady(seed: number, steps: number): number {
  const center = generateCenter({ name: 'equivalence steady', agentCount: 60, waitingCount: 400, templates: 20, seed });
  const realLog: string[] = [];
  const naiveLog: string[] = [];
  for (const target of [new RealRouterTarget(realLog), new NaiveRouterTarget(naiveLog)]) {
    const state = fillSteadyState(target, center);
    runSteps(state, steps, 64);
  }
  compareLogs('steady', realLog, naiveLog);
  return realLog.length;
}

/**
 * Runs both workloads and throws {@link DecisionMismatchError} at the first differing offer.
 * @param seed - seed of both small centers and of the churn operations.
 */
export function checkSameDecisions(seed: number, churnOps = 20_000, steadySteps = 3_000): EquivalenceResult {
  return {
    churnOps,
    churnOffers: churn(seed, churnOps),
    steadySteps,
    steadyOffers: steady(seed, steadySteps),
  };
}
