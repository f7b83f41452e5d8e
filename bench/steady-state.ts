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
 */
import type { AgentOptions, CallInput, SeededRandom } from '../src/index.js';
import type { CallStream, CenterScenario } from './scenario.js';
import type { RoutingTarget } from './targets.js';

/** Clock step before every operation, ms. */
export const STEP_MS = 1;

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
}

/** What one run of steps did, and how long (wall clock, `process.hrtime`) its two halves took. */
export interface SteadyRun {
  readonly steps: number;
  /** Wall time of the "agent frees up" halves (advance + complete + offer + answer), ns. */
  readonly freeNs: number;
  /** Wall time of the "call arrives" halves (advance + enqueue), ns. */
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
  const arrive = (call: CallInput): string | undefined => {
    clock.advance(STEP_MS);
    const agentId = target.arrive(call);
    if (agentId === undefined) waiting.set(call.id, call);
    else {
      talking.push(call.id);
      free.delete(agentId);
    }
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
  };
  checkSteadyState(state, 'after fill');
  return state;
}

/** Throws unless the target's waiting count matches the driver's and waiting − free agents equals the target. */
export function checkSteadyState(state: SteadyState, when: string): void {
  const { target, center, waitingTarget, talking } = state;
  const free = center.agents.length - talking.length;
  const waiting = target.waitingCount();
  const name = `${center.spec.name} (${target.label}) ${when}`;
  if (waiting !== state.waiting.size) {
    throw new Error(`${name}: the router has ${waiting} calls waiting, the driver counted ${state.waiting.size}`);
  }
  if (waiting - free !== waitingTarget) {
    throw new Error(`${name}: ${waiting} waiting and ${free} free agents; expected waiting − free = ${waitingTarget}`);
  }
}

/**
 * Runs `steps` steps in batches of `batch`: a batch of "agent frees up" halves, timed, then
 * (untimed) the batch's arrival inputs are built, then the batch of "call arrives" halves,
 * timed. Checks its own counts and throws when they are wrong.
 */
export function runSteps(state: SteadyState, steps: number, batch: number): SteadyRun {
  const { target, talking, waiting } = state;
  const { clock } = target;
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
  for (let start = 0; start < steps; start += batch) {
    const count = Math.min(batch, steps - start);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      clock.advance(STEP_MS);
      const at = Math.floor((draws[start + i] as number) * talking.length);
      const ending = talking[at] as string;
      talking[at] = talking[talking.length - 1] as string;
      talking.pop();
      const offered = target.finish(ending);
      taken[i] = offered;
      if (offered !== undefined) talking.push(offered);
    }
    const t1 = process.hrtime.bigint();
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
      arrivals[i] = call;
    }
    const t2 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      clock.advance(STEP_MS);
      placed[i] = target.arrive(arrivals[i] as CallInput);
    }
    const t3 = process.hrtime.bigint();
    // The driver's own bookkeeping stays outside the timed loops.
    for (let i = 0; i < count; i++) {
      const call = arrivals[i] as CallInput;
      if (placed[i] === undefined) {
        queuedArrivals++;
        waiting.set(call.id, call);
      } else {
        talking.push(call.id);
        offersOnArrival++;
      }
    }
    freeNs += t1 - t0;
    arriveNs += t3 - t2;
  }
  const name = `${state.center.spec.name} (${target.label})`;
  if (offersOnFree + idleFrees !== steps || offersOnArrival + queuedArrivals !== steps) {
    throw new Error(`${name}: step counts do not add up`);
  }
  const reported = target.offerCount - offersBefore;
  if (reported !== offersOnFree + offersOnArrival) {
    throw new Error(`${name}: the router reported ${reported} offers, the driver saw ${offersOnFree + offersOnArrival}`);
  }
  checkSteadyState(state, `after ${steps} steps`);
  return {
    steps,
    freeNs: Number(freeNs),
    arriveNs: Number(arriveNs),
    offersOnFree,
    idleFrees,
    offersOnArrival,
    queuedArrivals,
  };
}
