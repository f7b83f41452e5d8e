/**
 * center-1k with escalation and hold-time limits, timed beside plain center-1k.
 *
 * The center is center-1k's (same seed: same queues, agents and calls). Every queue gets, through
 * `updateQueue` once all queues exist (an overflow target must exist first):
 *
 * - tier limit 2 (agents at tier 3 take a queue's calls only once a step widens it);
 * - escalation: +1 priority after 20 s, every skill minimum relaxed to 2 after 40 s, tiers widened
 *   to 3 after 60 s (these three `skipIfNoAgents`: at once for a call no configured agent could take,
 *   such as one only tier-3 agents have the skills for), overflow to the next queue (`q00` → `q01`,
 *   …, `q19` → `q00`) after 90 s while that queue has fewer than {@link OVERFLOW_GATE} calls waiting
 *   (else rechecked every 15 s);
 * - hold-time limits: 150 s in the queue (counted anew after an overflow), 30 s with no agent logged
 *   in who could take the call (a call that overflowed to a queue where nobody has its skills);
 * - exit action by queue index mod 3: voicemail (the call leaves; the driver has a call of the same
 *   kind arrive in its place), callback (it stays in line as a callback), overflow two queues on.
 *
 * The driver is the steady state of `steady-state.ts` (all agents busy, 10,000 waiting), with the
 * clock stepping {@link POLICY_STEP_MS} ms instead of 1 ms before every operation. One call is served
 * per step (6 ms), so by Little's law a call waits about 10,000 × 6 ms = 60 s on average (measured on
 * the default seed: median 64 s, 90th percentile 93 s, 99th 151 s): most calls go through the first
 * three steps, about one in six reaches the overflow step, and about 3 % reach a limit. The timers fire
 * inside `clock.advance`, which is inside the timed regions, so their cost is in ns/decision. Which
 * half they land in follows the batch rhythm (a batch of free-ups then a batch of arrivals, 2 × 256 ×
 * 3 ms = 1,536 ms): a step due 20, 40 or 60 s after an arrival mostly falls in a later arrival half,
 * so for this scenario only the sum of the halves means something, not the split.
 * The router has counting listeners on `call:escalated`, `call:overflowed` and `call:timed-out` (a
 * backend must listen to `call:timed-out` anyway, to play voicemail or hang up).
 *
 * Three jobs are measured in alternating rounds (the order rotates each round) in one process on
 * one seed: plain center-1k (1 ms steps), plain center-1k at the policies' clock pace (a control: what
 * the pace alone changes), and the policies scenario. Each is filled at 1 ms steps, then warmed up at
 * its own pace long enough for the policies' steady state (call ages spread over several minutes).
 */
import { median } from './measure.js';
import type { EscalationStep, ExitAction, QueueUpdate } from '../src/index.js';
import { CENTER_1K, CENTER_1K_POLICIES, generateCenter, SKILL_NAMES, type ScenarioSpec } from './scenario.js';
import { fillSteadyState, runSteps, STEP_MS, timedRun, type LeavingCallsTarget, type SteadyRun, type SteadyState } from './steady-state.js';
import { RealRouterTarget } from './targets.js';

/** Clock step before every operation in the policies scenario (and its control), ms. */
export const POLICY_STEP_MS = 3;
/** An overflow step moves a call only while the target queue has fewer calls than this waiting (500 on average, 130–790 by queue). */
export const OVERFLOW_GATE = 550;

const RELAX_TO_2 = Object.freeze(Object.fromEntries(SKILL_NAMES.map((skill) => [skill, 2])));

/** The policies of every queue, by queue id (see the file comment). */
export function escalationPolicies(queueIds: readonly string[]): Map<string, QueueUpdate> {
  const n = queueIds.length;
  return new Map(
    queueIds.map((id, i) => {
      const next = queueIds[(i + 1) % n] as string;
      const escalation: EscalationStep[] = [
        { afterMs: 20_000, raisePriority: 1, skipIfNoAgents: true, name: 'priority' },
        { afterMs: 40_000, relax: RELAX_TO_2, skipIfNoAgents: true, name: 'relax' },
        { afterMs: 60_000, maxTier: 3, skipIfNoAgents: true, name: 'widen' },
        { afterMs: 90_000, overflow: { queue: next, when: { maxWaiting: OVERFLOW_GATE }, recheckMs: 15_000 }, name: 'overflow' },
      ];
      const exitAction: ExitAction =
        i % 3 === 0 ? { action: 'voicemail' } : i % 3 === 1 ? { action: 'callback' } : { action: 'overflow', queue: queueIds[(i + 2) % n] as string };
      const update: QueueUpdate = { maxTier: 2, escalation, maxWaitMs: 150_000, maxWaitNoAgentsMs: 30_000, exitAction };
      return [id, update] as const;
    }),
  );
}

/** Queues an update refers to (overflow targets), which must exist before it is applied. */
function referencedQueues(update: QueueUpdate): string[] {
  const out = (update.escalation ?? []).flatMap((step) => (step.overflow === undefined ? [] : [step.overflow.queue]));
  if (update.exitAction?.action === 'overflow') out.push(update.exitAction.queue);
  return out;
}

/** What the policies did, as counted by the target's listeners. */
export interface PolicyCounts {
  /** `call:escalated` events by step index (0 priority, 1 relax, 2 widen, 3 overflow step first due). */
  readonly escalatedByStep: number[];
  overflowedByEscalation: number;
  overflowedByTimeout: number;
  timedOutMaxWait: number;
  timedOutNoAgents: number;
  /** Timed-out calls by exit action. */
  readonly exits: Record<ExitAction['action'], number>;
}

const newCounts = (): PolicyCounts => ({
  escalatedByStep: [0, 0, 0, 0],
  overflowedByEscalation: 0,
  overflowedByTimeout: 0,
  timedOutMaxWait: 0,
  timedOutNoAgents: 0,
  exits: { overflow: 0, callback: 0, voicemail: 0, disconnect: 0 },
});

function copyCounts(c: PolicyCounts): PolicyCounts {
  return { ...c, escalatedByStep: [...c.escalatedByStep], exits: { ...c.exits } };
}

function diffCounts(after: PolicyCounts, before: PolicyCounts): PolicyCounts {
  return {
    escalatedByStep: after.escalatedByStep.map((n, i) => n - (before.escalatedByStep[i] ?? 0)),
    overflowedByEscalation: after.overflowedByEscalation - before.overflowedByEscalation,
    overflowedByTimeout: after.overflowedByTimeout - before.overflowedByTimeout,
    timedOutMaxWait: after.timedOutMaxWait - before.timedOutMaxWait,
    timedOutNoAgents: after.timedOutNoAgents - before.timedOutNoAgents,
    exits: {
      overflow: after.exits.overflow - before.exits.overflow,
      callback: after.exits.callback - before.exits.callback,
      voicemail: after.exits.voicemail - before.exits.voicemail,
      disconnect: after.exits.disconnect - before.exits.disconnect,
    },
  };
}

function addCounts(into: PolicyCounts, c: PolicyCounts): void {
  c.escalatedByStep.forEach((n, i) => (into.escalatedByStep[i] = (into.escalatedByStep[i] ?? 0) + n));
  into.overflowedByEscalation += c.overflowedByEscalation;
  into.overflowedByTimeout += c.overflowedByTimeout;
  into.timedOutMaxWait += c.timedOutMaxWait;
  into.timedOutNoAgents += c.timedOutNoAgents;
  for (const action of Object.keys(into.exits) as ExitAction['action'][]) into.exits[action] += c.exits[action];
}

/** Total `call:escalated` events. */
export const escalations = (c: PolicyCounts): number => c.escalatedByStep.reduce((a, b) => a + b, 0);

/**
 * The real router with the policies applied to its queues, counting what they do, and reporting
 * calls that left the line (timed out to voicemail or disconnect) to the driver.
 */
export class PolicyRouterTarget extends RealRouterTarget implements LeavingCallsTarget {
  readonly counts: PolicyCounts = newCounts();
  readonly #pending: Map<string, QueueUpdate>;
  readonly #added = new Set<string>();
  #left: string[] = [];

  constructor(policies: ReadonlyMap<string, QueueUpdate>) {
    super();
    this.#pending = new Map(policies);
    const counts = this.counts;
    this.router.on('call:escalated', (event) => {
      counts.escalatedByStep[event.step] = (counts.escalatedByStep[event.step] ?? 0) + 1;
    });
    this.router.on('call:overflowed', (event) => {
      if (event.reason === 'escalation') counts.overflowedByEscalation++;
      else counts.overflowedByTimeout++;
    });
    this.router.on('call:timed-out', (event) => {
      if (event.reason === 'max-wait') counts.timedOutMaxWait++;
      else counts.timedOutNoAgents++;
      counts.exits[event.action]++;
      if (event.action === 'voicemail' || event.action === 'disconnect') this.#left.push(event.callId);
    });
  }

  /** Queues whose policies are not applied yet (their overflow targets do not all exist). */
  get pendingPolicies(): number {
    return this.#pending.size;
  }

  override addQueue(queue: Parameters<RealRouterTarget['addQueue']>[0]): void {
    super.addQueue(queue);
    this.#added.add(queue.id);
    for (const [id, update] of this.#pending) {
      if (!this.#added.has(id) || !referencedQueues(update).every((q) => this.#added.has(q))) continue;
      this.router.updateQueue(id, update);
      this.#pending.delete(id);
    }
  }

  takeLeft(): readonly string[] {
    if (this.#left.length === 0) return NONE;
    const left = this.#left;
    this.#left = [];
    return left;
  }
}

const NONE: readonly string[] = Object.freeze([]);

/** How long to run each job. */
export interface EscalationOptions {
  /** Steps run once after filling, untimed, at the job's pace: long enough for call ages to settle. */
  readonly warmUpSteps: number;
  /** Steps run (untimed) before each repetition. */
  readonly rewarmSteps: number;
  /** Steps per measured repetition. */
  readonly steps: number;
  readonly repetitions: number;
  /** @default 256 */
  readonly batch?: number;
}

/** One job's result. */
export interface EscalationJobResult {
  readonly label: string;
  readonly stepMs: number;
  /** Median on-CPU ns per decision. */
  readonly nsPerDecision: number;
  /** Median wall ns per decision. */
  readonly wallNsPerDecision: number;
  /** Median on-CPU ns per free-up (complete + offer + answer, and the timers that fired on the way). */
  readonly freeNs: number;
  /** Median on-CPU ns per arrival. */
  readonly arriveNs: number;
  readonly waitShare: number;
  readonly spread: number;
  /** On-CPU ns per decision of each repetition, in round order (for paired ratios). */
  readonly perRound: readonly number[];
  readonly decisions: number;
  readonly steps: number;
  /** Replacement arrivals (calls that left on their own), over the timed repetitions. */
  readonly left: number;
  readonly idleFrees: number;
  /** Simulated time the timed repetitions covered, ms. */
  readonly simulatedMs: number;
  /** What the policies did during the timed repetitions (all zero for the plain jobs). */
  readonly counts: PolicyCounts;
}

export interface EscalationResult {
  readonly plain: EscalationJobResult;
  readonly control: EscalationJobResult;
  readonly policies: EscalationJobResult;
  /** Median over rounds of policies ÷ plain (same round, adjacent in time). */
  readonly pairedRatio: number;
  /** Median over rounds of policies ÷ control. */
  readonly pairedRatioControl: number;
}



interface Job {
  readonly label: string;
  readonly state: SteadyState;
  readonly counts: () => PolicyCounts;
  readonly reps: Array<{ run: SteadyRun; waitShare: number; counts: PolicyCounts; simulatedMs: number }>;
}

/**
 * Fills and warms up the three jobs, then times them in `repetitions` rounds, rotating their order
 * each round. Throws if the policies scenario's timed window saw no escalation, overflow or timeout.
 */
export function measureEscalation(
  options: EscalationOptions,
  seed: number | undefined,
  progress: (line: string) => void = () => {},
): EscalationResult {
  const withSeed = (spec: ScenarioSpec): ScenarioSpec => (seed === undefined ? spec : { ...spec, seed });
  const batch = options.batch ?? 256;
  const zero = newCounts();
  const make = (label: string, spec: ScenarioSpec, stepMs: number, withPolicies: boolean): Job => {
    const center = generateCenter(withSeed(spec));
    const target = withPolicies ? new PolicyRouterTarget(escalationPolicies(center.queues.map((q) => q.id))) : new RealRouterTarget();
    progress(`fill ${label}`);
    const state = fillSteadyState(target, center);
    if (target instanceof PolicyRouterTarget && target.pendingPolicies > 0) {
      throw new Error(`${label}: ${target.pendingPolicies} queue(s) left without their policies`);
    }
    state.stepMs = stepMs;
    if (options.warmUpSteps > 0) runSteps(state, options.warmUpSteps, batch);
    const counts = target instanceof PolicyRouterTarget ? () => copyCounts(target.counts) : () => zero;
    return { label, state, counts, reps: [] };
  };
  const jobs = [
    make(CENTER_1K.name, CENTER_1K, STEP_MS, false),
    make(`${CENTER_1K.name}, ${POLICY_STEP_MS} ms clock steps (control)`, CENTER_1K, POLICY_STEP_MS, false),
    make(CENTER_1K_POLICIES.name, CENTER_1K_POLICIES, POLICY_STEP_MS, true),
  ];
  for (let round = 0; round < options.repetitions; round++) {
    progress(`escalation round ${round + 1}/${options.repetitions}`);
    for (let k = 0; k < jobs.length; k++) {
      const job = jobs[(round + k) % jobs.length] as Job;
      const { state } = job;
      if (options.rewarmSteps > 0) runSteps(state, options.rewarmSteps, batch);
      const before = job.counts();
      const clockBefore = state.target.clock.now();
      const { run, waitShare } = timedRun(state, options.steps, batch);
      job.reps.push({
        run,
        waitShare,
        counts: diffCounts(job.counts(), before),
        simulatedMs: state.target.clock.now() - clockBefore,
      });
    }
  }
  const results = jobs.map((job): EscalationJobResult => {
    const onCpu = (ns: number, waitShare: number): number => ns * (1 - waitShare);
    const perRound = job.reps.map((r) => onCpu(r.run.freeNs + r.run.arriveNs, r.waitShare) / r.run.decisions);
    const nsPerDecision = median(perRound);
    const counts = newCounts();
    for (const r of job.reps) addCounts(counts, r.counts);
    return {
      label: job.label,
      stepMs: job.state.stepMs,
      nsPerDecision,
      wallNsPerDecision: median(job.reps.map((r) => (r.run.freeNs + r.run.arriveNs) / r.run.decisions)),
      freeNs: median(job.reps.map((r) => onCpu(r.run.freeNs, r.waitShare) / r.run.steps)),
      arriveNs: median(job.reps.map((r) => onCpu(r.run.arriveNs, r.waitShare) / r.run.arrivals)),
      waitShare: median(job.reps.map((r) => r.waitShare)),
      spread: (Math.max(...perRound) - Math.min(...perRound)) / nsPerDecision,
      perRound,
      decisions: job.reps.reduce((sum, r) => sum + r.run.decisions, 0),
      steps: job.reps.reduce((sum, r) => sum + r.run.steps, 0),
      left: job.reps.reduce((sum, r) => sum + r.run.left, 0),
      idleFrees: job.reps.reduce((sum, r) => sum + r.run.idleFrees, 0),
      simulatedMs: job.reps.reduce((sum, r) => sum + r.simulatedMs, 0),
      counts,
    };
  });
  const [plain, control, policies] = results as [EscalationJobResult, EscalationJobResult, EscalationJobResult];
  const c = policies.counts;
  const timeouts = c.timedOutMaxWait + c.timedOutNoAgents;
  if (escalations(c) === 0 || c.overflowedByEscalation === 0 || timeouts === 0) {
    throw new Error(
      `${policies.label}: the timed window saw ${escalations(c)} escalations, ${c.overflowedByEscalation} overflows and ` +
        `${timeouts} timeouts; all three must happen (warm up longer?)`,
    );
  }
  const paired = (a: EscalationJobResult, b: EscalationJobResult): number => median(a.perRound.map((ns, i) => ns / (b.perRound[i] as number)));
  return { plain, control, policies, pairedRatio: paired(policies, plain), pairedRatioControl: paired(policies, control) };
}
