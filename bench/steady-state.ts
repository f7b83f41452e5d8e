/**
 * The steady state of `docs/performance.md`'s routing decision: N calls waiting, every agent
 * busy. One step is two routing decisions, timed separately:
 *
 * 1. **agent frees up**: a talking call ends (`complete`, wrap-up 0) and its agent is offered the
 *    best waiting call it may take, which it answers (`answer`) — timed together;
 * 2. **call arrives**: a new call (`enqueue`) finds no free agent and joins its bucket, keeping
 *    the waiting count at N.
 *
 * The clock advances 1 ms (inside the timed region) before every operation, so arrival times
 * and idle times differ. Which talking call ends is drawn from the scenario's seeded draws.
 *
 * **The arriving call mirrors the call just taken**: same queue, requirements and priority, new
 * id. So the mix of calls in line stays the one the IVR menus produced while filling. With
 * arrivals drawn independently instead, calls with rare requirements pile up (in this closed
 * loop they arrive faster than their few agents take them, and nobody abandons) until the
 * agents without those skills find their buckets empty and sit idle: at 1,000 waiting that
 * happened to most freed agents within 50,000 steps, and the state is no longer "all agents
 * busy". A freed agent that finds no call still counts (`idleFrees`), and the next arrival is
 * then drawn from the scenario's call stream. Arrival inputs are built between timed batches,
 * never inside them.
 *
 * **Calls that leave on their own.** With hold-time limits (a target that implements
 * {@link LeavingCallsTarget}), a waiting call may leave the line while the clock advances (timed out
 * to voicemail, say). The driver then drops it from its books and, in the next arrival half, a call of
 * the same kind arrives in its place (a mirror, as above), so the waiting count returns to N. Those
 * replacement arrivals are routing decisions too: a run's decisions are its free-ups plus all its
 * arrivals (exactly two per step when no call leaves).
 */
import type { AgentOptions, CallInput, SeededRandom } from '../src/index.js';
import { runQueueWaitNs } from './measure.js';
import type { CallStream, CenterScenario } from './scenario.js';
import type { RoutingTarget } from './targets.js';

/** Clock step before every operation, ms (the fill's, and the default of a run's). */
export const STEP_MS = 1;

/**
 * A target whose waiting calls may leave the line on their own (a hold-time limit sent them to
 * voicemail or hung up), which the driver must learn of to keep its books and the waiting count.
 */
export interface LeavingCallsTarget extends RoutingTarget {
  /** Ids of the waiting calls that left since the last call; empties the list. */
  takeLeft(): readonly string[];
}

const leavingCalls = (target: RoutingTarget): LeavingCallsTarget | undefined =>
  typeof (target as Partial<LeavingCallsTarget>).takeLeft === 'function' ? (target as LeavingCallsTarget) : undefined;

/** A target filled to the steady state, with the driver's bookkeeping. */
export interface SteadyState {
  readonly target: RoutingTarget;
  readonly center: CenterScenario;
  readonly waitingTarget: number;
  /** Ids of the calls connected to an agent (one per busy agent). */
  readonly talking: string[];
  /** Waiting calls by id, to build the call that mirrors one when it is taken. */
  readonly waiting: Map<string, CallInput>;
  readonly stream: CallStream;
  /** Draws that pick which talking call ends next. */
  readonly draws: SeededRandom;
  /** Calls used to reach the steady state. */
  readonly fillCalls: number;
  /** Mirrored arrivals made so far (their ids are `r0`, `r1`, …). */
  mirrored: number;
  /** Clock step before every operation of {@link runSteps}, ms. @default STEP_MS */
  stepMs: number;
  /** Arrivals owed for calls that left on their own, made in the next arrival half. */
  readonly replacements: CallInput[];
}

/** What one run of steps did, and how long (wall clock, `process.hrtime`) its two halves took. */
export interface SteadyRun {
  readonly steps: number;
  /** Routing decisions made: one per step's free-up, one per arrival. */
  readonly decisions: number;
  /** Arrivals: one per step, plus one per call that left on its own (made within the run). */
  readonly arrivals: number;
  /** Waiting calls that left on their own during the run (hold-time limits). */
  readonly left: number;
  /** Wall time of the "agent frees up" halves (advance + complete + offer + answer), ns. */
  readonly freeNs: number;
  /** Wall time of the "call arrives" halves (advance + enqueue, replacements included), ns. */
  readonly arriveNs: number;
  /** Freed agents that were offered a call. */
  readonly offersOnFree: number;
  /** Freed agents that found no call they may take and stayed free (breaks "all agents busy"). */
  readonly idleFrees: number;
  /** Arrivals offered to a free agent at once (only possible after an idle free). */
  readonly offersOnArrival: number;
  /** Arrivals that joined their bucket. */
  readonly queuedArrivals: number;
}

/** A call of the same kind (queue, requirements, priority) as `kind`, with a new id. */
function mirror(id: string, kind: CallInput): CallInput {
  const { queue, priority, requirements } = kind;
  if (priority === undefined) return requirements === undefined ? { id, queue } : { id, queue, requirements };
  return requirements === undefined ? { id, queue, priority } : { id, queue, priority, requirements };
}

function primaryQueue(agent: AgentOptions): string {
  const queues = agent.queues;
  const first = Array.isArray(queues) ? (queues as readonly string[])[0] : Object.keys(queues)[0];
  if (first === undefined) throw new Error(`bench: agent ${agent.id} serves no queue`);
  return first;
}

/**
 * Adds the queues and agents (all available, 1 ms apart), then enqueues calls from the
 * scenario's stream, answering every offer, until every agent is busy or the waiting count is
 * reached. Agents still free then get one "no requirement" call of their primary queue each
 * (ids `f0`, …); a waiting count not reached yet is topped up from the stream.
 */
export function fillSteadyState(target: RoutingTarget, center: CenterScenario, waitingTarget = center.spec.waitingCount): SteadyState {
  const { clock } = target;
  for (const queue of center.queues) target.addQueue(queue);
  for (const agent of center.agents) {
    clock.advance(STEP_MS);
    target.addAgent(agent);
  }
  const free = new Map(center.agents.map((agent) => [agent.id, agent]));
  const talking: string[] = [];
  const waiting = new Map<string, CallInput>();
  const stream = center.callStream();
  const name = `${center.spec.name} (${target.label})`;
  const leaving = leavingCalls(target);
  const arrive = (call: CallInput): string | undefined => {
    clock.advance(STEP_MS);
    const agentId = target.arrive(call);
    if (agentId === undefined) waiting.set(call.id, call);
    else {
      talking.push(call.id);
      free.delete(agentId);
    }
    // A call that left on its own is simply gone: the loops below top the line up again.
    if (leaving !== undefined) for (const id of leaving.takeLeft()) waiting.delete(id);
    return agentId;
  };
  while (free.size > 0 && waiting.size < waitingTarget) arrive(stream.next());
  let extra = 0;
  while (free.size > 0) {
    const agent = free.values().next().value as AgentOptions;
    if (arrive({ id: `f${extra++}`, queue: primaryQueue(agent) }) === undefined) {
      throw new Error(`${name}: a call of ${primaryQueue(agent)} waited while ${agent.id} was free`);
    }
  }
  while (waiting.size < waitingTarget) {
    if (arrive(stream.next()) !== undefined) throw new Error(`${name}: a call was offered while all agents were busy`);
  }
  const state: SteadyState = {
    target,
    center,
    waitingTarget,
    talking,
    waiting,
    stream,
    draws: center.completionRandom(),
    fillCalls: stream.generated + extra,
    mirrored: 0,
    stepMs: STEP_MS,
    replacements: [],
  };
  checkSteadyState(state, 'after fill');
  return state;
}

/**
 * Throws unless the target's waiting count matches the driver's and waiting − free agents equals
 * the target (counting the replacements still owed for calls that left on their own).
 */
export function checkSteadyState(state: SteadyState, when: string): void {
  const { target, center, waitingTarget, talking } = state;
  const free = center.agents.length - talking.length;
  const waiting = target.waitingCount();
  const owed = state.replacements.length;
  const name = `${center.spec.name} (${target.label}) ${when}`;
  if (waiting !== state.waiting.size) {
    throw new Error(`${name}: the router has ${waiting} calls waiting, the driver counted ${state.waiting.size}`);
  }
  if (waiting + owed - free !== waitingTarget) {
    throw new Error(
      `${name}: ${waiting} waiting, ${owed} replacements owed and ${free} free agents; expected waiting + owed − free = ${waitingTarget}`,
    );
  }
}

/** Drops the calls that left on their own from the driver's books and owes an arrival of the same kind for each. */
function collectLeft(state: SteadyState, leaving: LeavingCallsTarget): number {
  const left = leaving.takeLeft();
  for (const id of left) {
    const kind = state.waiting.get(id);
    if (kind === undefined) throw new Error(`bench: call ${id} left but was not waiting`);
    state.waiting.delete(id);
    state.replacements.push(mirror(`r${state.mirrored++}`, kind));
  }
  return left.length;
}

/**
 * Runs `steps` steps in batches of `batch`: a batch of "agent frees up" halves, timed, then
 * (untimed) the batch's arrival inputs are built, then the batch of "call arrives" halves,
 * timed (with the replacements owed for calls that left on their own first). The clock steps
 * `state.stepMs` before every operation. Checks its own counts and throws when they are wrong.
 */
export function runSteps(state: SteadyState, steps: number, batch: number): SteadyRun {
  const { target, talking, waiting, replacements, stepMs } = state;
  const { clock } = target;
  const leaving = leavingCalls(target);
  const draws = new Float64Array(steps);
  for (let i = 0; i < steps; i++) draws[i] = state.draws.next();
  const taken = new Array<string | undefined>(batch);
  const arrivals = new Array<CallInput>(batch);
  const placed = new Array<string | undefined>(batch);
  const offersBefore = target.offerCount;
  let freeNs = 0n;
  let arriveNs = 0n;
  let offersOnFree = 0;
  let idleFrees = 0;
  let offersOnArrival = 0;
  let queuedArrivals = 0;
  let arrivalsMade = 0;
  let left = 0;
  for (let start = 0; start < steps; start += batch) {
    const count = Math.min(batch, steps - start);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      clock.advance(stepMs);
      const at = Math.floor((draws[start + i] as number) * talking.length);
      const ending = talking[at] as string;
      talking[at] = talking[talking.length - 1] as string;
      talking.pop();
      const offered = target.finish(ending);
      taken[i] = offered;
      if (offered !== undefined) talking.push(offered);
    }
    const t1 = process.hrtime.bigint();
    // Calls that left while the clock advanced are replaced first (they left earlier).
    if (leaving !== undefined) left += collectLeft(state, leaving);
    let arriving = 0;
    for (const call of replacements) arrivals[arriving++] = call;
    replacements.length = 0;
    for (let i = 0; i < count; i++) {
      const offered = taken[i];
      let call: CallInput;
      if (offered === undefined) {
        idleFrees++;
        call = state.stream.next();
      } else {
        offersOnFree++;
        const kind = waiting.get(offered);
        if (kind === undefined) throw new Error(`bench: offered call ${offered} was not waiting`);
        waiting.delete(offered);
        call = mirror(`r${state.mirrored++}`, kind);
      }
      arrivals[arriving++] = call;
    }
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < arriving; i++) {
      clock.advance(stepMs);
      placed[i] = target.arrive(arrivals[i] as CallInput);
    }
    const t3 = process.hrtime.bigint();
    // The driver's own bookkeeping stays outside the timed loops.
    for (let i = 0; i < arriving; i++) {
      const call = arrivals[i] as CallInput;
      if (placed[i] === undefined) {
        queuedArrivals++;
        waiting.set(call.id, call);
      } else {
        talking.push(call.id);
        offersOnArrival++;
      }
    }
    arrivalsMade += arriving;
    if (leaving !== undefined) left += collectLeft(state, leaving);
    freeNs += t1 - t0;
    arriveNs += t3 - t2;
  }
  const name = `${state.center.spec.name} (${target.label})`;
  if (offersOnFree + idleFrees !== steps || offersOnArrival + queuedArrivals !== arrivalsMade) {
    throw new Error(`${name}: step counts do not add up`);
  }
  const reported = target.offerCount - offersBefore;
  if (reported !== offersOnFree + offersOnArrival) {
    throw new Error(`${name}: the router reported ${reported} offers, the driver saw ${offersOnFree + offersOnArrival}`);
  }
  checkSteadyState(state, `after ${steps} steps`);
  return {
    steps,
    decisions: steps + arrivalsMade,
    arrivals: arrivalsMade,
    left,
    freeNs: Number(freeNs),
    arriveNs: Number(arriveNs),
    offersOnFree,
    idleFrees,
    offersOnArrival,
    queuedArrivals,
  };
}

/** One timed repetition of `runSteps`, with the share of its wall time lost waiting for a core. */
export interface TimedRun {
  readonly run: SteadyRun;
  /** Share of the repetition's wall time spent waiting for a core. */
  readonly waitShare: number;
}

export function timedRun(state: SteadyState, steps: number, batch: number): TimedRun {
  const wait0 = runQueueWaitNs();
  const start = process.hrtime.bigint();
  const run = runSteps(state, steps, batch);
  const wallNs = Number(process.hrtime.bigint() - start);
  const wait1 = runQueueWaitNs();
  const waited = wait0 === undefined || wait1 === undefined ? 0 : wait1 - wait0;
  return { run, waitShare: Math.min(1, Math.max(0, waited / wallNs)) };
}
