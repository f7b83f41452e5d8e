/**
 * A deliberately simple baseline router: the routing semantics the benchmark exercises, done
 * with linear scans over plain arrays of waiting calls and agents. It exists to be compared
 * against, never to be used.
 *
 * Semantics (the subset of `CallRouter` with the `longest-idle` strategy, voice only, capacity 1,
 * offers answered at once):
 * - An arriving call goes to the free agent that may take it (member of the call's queue, every
 *   required skill at or above its minimum) with the lowest tier level for that queue, then the
 *   longest idle (earliest `idleSinceMs`), then the one added first. With none, it waits.
 * - A freed agent (its call completed, wrap-up 0) takes, among the waiting calls it may take, the
 *   one with the highest priority, then the largest `waitMs × queue weight`, then the earliest
 *   arrival, then the earliest enqueue. With none, it stays free.
 */
import type { Clock } from '../src/index.js';
import type { AgentOptions, CallInput, QueueOptions } from '../src/index.js';

interface NaiveAgent {
  readonly id: string;
  readonly seq: number;
  readonly queues: ReadonlyMap<string, number>;
  readonly skills: ReadonlyMap<string, number>;
  /** The call the agent is connected to, or `undefined` when free. */
  callId: string | undefined;
  idleSinceMs: number;
}

interface NaiveCall {
  readonly id: string;
  readonly queueId: string;
  readonly weight: number;
  readonly priority: number;
  readonly requirements: ReadonlyArray<readonly [string, number]>;
  readonly arrivalMs: number;
  readonly seq: number;
}

/** Called for every offer, in order (the offer is answered at once). */
export type NaiveOfferListener = (callId: string, agentId: string) => void;

function mayTake(agent: NaiveAgent, call: NaiveCall): boolean {
  if (!agent.queues.has(call.queueId)) return false;
  for (const [skill, min] of call.requirements) {
    const level = agent.skills.get(skill);
    if (level === undefined || level < min) return false;
  }
  return true;
}

/**
 * The naive baseline. Every arrival scans all agents; every freed agent scans all waiting calls.
 *
 * @example
 * const router = new NaiveRouter(new SimulatedClock());
 * router.addQueue({ id: 'q' });
 * router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
 * router.enqueue({ id: 'c', queue: 'q' }); // 'a'
 */
export class NaiveRouter {
  readonly #clock: Clock;
  readonly #weights = new Map<string, number>();
  readonly #agents: NaiveAgent[] = [];
  readonly #waiting: NaiveCall[] = [];
  readonly #talking = new Map<string, NaiveAgent>();
  readonly #onOffer: NaiveOfferListener | undefined;
  #callSeq = 0;

  /** @param onOffer - called for every offer, in order. */
  constructor(clock: Clock, onOffer?: NaiveOfferListener) {
    this.#clock = clock;
    this.#onOffer = onOffer;
  }

  /** Number of calls waiting. */
  get waitingCount(): number {
    return this.#waiting.length;
  }

  /** Number of agents not connected to a call. */
  get freeCount(): number {
    return this.#agents.length - this.#talking.size;
  }

  addQueue(queue: QueueOptions): void {
    this.#weights.set(queue.id, queue.weight ?? 1);
  }

  /** Adds an agent; only `state: 'available'` is supported. It takes waiting work at once. */
  addAgent(options: AgentOptions): void {
    if (options.state !== 'available') throw new Error('NaiveRouter supports available agents only');
    const queues = Array.isArray(options.queues)
      ? new Map((options.queues as readonly string[]).map((q) => [q, 1]))
      : new Map(Object.entries(options.queues as Readonly<Record<string, number>>));
    const agent: NaiveAgent = {
      id: options.id,
      seq: this.#agents.length,
      queues,
      skills: new Map(Object.entries(options.skills ?? {})),
      callId: undefined,
      idleSinceMs: this.#clock.now(),
    };
    this.#agents.push(agent);
    this.#routeAgent(agent);
  }

  /** A call arrives. Returns the agent it was offered to (and answered by), or `undefined` when it waits. */
  enqueue(input: CallInput): string | undefined {
    const weight = this.#weights.get(input.queue);
    if (weight === undefined) throw new Error(`unknown queue ${input.queue}`);
    const requirements = Object.entries(input.requirements ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const call: NaiveCall = {
      id: input.id,
      queueId: input.queue,
      weight,
      priority: input.priority ?? 0,
      requirements,
      arrivalMs: this.#clock.now(),
      seq: this.#callSeq++,
    };
    let best: NaiveAgent | undefined;
    let bestLevel = 0;
    for (const agent of this.#agents) {
      if (agent.callId !== undefined || !mayTake(agent, call)) continue;
      const level = agent.queues.get(call.queueId) as number;
      if (
        best === undefined ||
        level < bestLevel ||
        (level === bestLevel &&
          (agent.idleSinceMs < best.idleSinceMs || (agent.idleSinceMs === best.idleSinceMs && agent.seq < best.seq)))
      ) {
        best = agent;
        bestLevel = level;
      }
    }
    if (best === undefined) {
      this.#waiting.push(call);
      return undefined;
    }
    this.#connect(call, best);
    return best.id;
  }

  /**
   * The connected call ended (wrap-up 0): its agent is free and takes the best waiting call it may.
   * Returns the id of that call, or `undefined` when the agent stays free.
   */
  complete(callId: string): string | undefined {
    const agent = this.#talking.get(callId);
    if (agent === undefined) throw new Error(`call ${callId} is not connected`);
    this.#talking.delete(callId);
    agent.callId = undefined;
    agent.idleSinceMs = this.#clock.now();
    return this.#routeAgent(agent);
  }

  #routeAgent(agent: NaiveAgent): string | undefined {
    const now = this.#clock.now();
    const waiting = this.#waiting;
    let bestIndex = -1;
    let best: NaiveCall | undefined;
    let bestScore = 0;
    for (let i = 0; i < waiting.length; i++) {
      const call = waiting[i] as NaiveCall;
      if (!mayTake(agent, call)) continue;
      const score = (now - call.arrivalMs) * call.weight;
      if (
        best === undefined ||
        call.priority > best.priority ||
        (call.priority === best.priority &&
          (score > bestScore ||
            (score === bestScore &&
              (call.arrivalMs < best.arrivalMs || (call.arrivalMs === best.arrivalMs && call.seq < best.seq)))))
      ) {
        best = call;
        bestIndex = i;
        bestScore = score;
      }
    }
    if (best === undefined) return undefined;
    // Order in the array carries no meaning (the scan compares every call), so swap-remove.
    waiting[bestIndex] = waiting[waiting.length - 1] as NaiveCall;
    waiting.pop();
    this.#connect(best, agent);
    return best.id;
  }

  #connect(call: NaiveCall, agent: NaiveAgent): void {
    agent.callId = call.id;
    this.#talking.set(call.id, agent);
    this.#onOffer?.(call.id, agent.id);
  }
}
