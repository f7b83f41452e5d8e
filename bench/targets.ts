/**
 * The two routers under test behind one small interface, so the same driver (fill, steady
 * state, equivalence check) runs both on the same inputs.
 */
import { CallRouter, SimulatedClock } from '../src/index.js';
import type { AgentOptions, CallInput, QueueOptions } from '../src/index.js';
import { NaiveRouter } from './naive-router.js';

/** Statistics and audit settings of a real router under test. */
export interface RealRouterConfig {
  /** `CallRouterOptions.stats`: statistics on (the router's default) or off. */
  readonly stats: boolean;
  /** `CallRouterOptions.audit`: a sink that receives every audit line, or none. */
  readonly audit?: (line: string) => void;
}

/**
 * The configuration of the main rows (routing decisions, escalation, equivalence): routing alone,
 * statistics off (`stats: false`), as the naive baseline keeps none either. The cost of statistics
 * (the router's default) is measured apart, and the memory table shows both.
 */
export const MAIN_CONFIG: RealRouterConfig = Object.freeze({ stats: false });

/** How a configuration is shown in the output. */
export function describeConfig(config: RealRouterConfig): string {
  return `stats ${config.stats ? 'on' : 'off'}${config.audit === undefined ? '' : ' + audit sink'}`;
}

/** A router as the benchmark drives it: offers are answered at once, wrap-up is 0. */
export interface RoutingTarget {
  /** Row label part: `acd-engine` or `naive`. */
  readonly label: string;
  /** The target's own clock; the driver advances it. */
  readonly clock: SimulatedClock;
  /** Offers the target reported (events or callback), for cross-checking the driver's counts. */
  readonly offerCount: number;
  addQueue(queue: QueueOptions): void;
  addAgent(agent: AgentOptions): void;
  /** A call arrives. Returns the agent it was offered to (and that answered it), or `undefined` when it waits. */
  arrive(call: CallInput): string | undefined;
  /**
   * A connected call ends. Its agent frees up and is offered the best waiting call it may take;
   * returns that call's id (answered), or `undefined` when the agent stays free.
   */
  finish(callId: string): string | undefined;
  /** Calls waiting, read through the target's public reads (slow; for checks only). */
  waitingCount(): number;
}

/**
 * The real `CallRouter`, driven through its public API only: `enqueue`, `answer`, `complete`,
 * and one `call:offered` listener to learn which call a freed agent was offered.
 */
export class RealRouterTarget implements RoutingTarget {
  readonly label = 'acd-engine';
  readonly clock = new SimulatedClock();
  readonly router: CallRouter;
  readonly #queueIds: string[] = [];
  #offered: string | undefined;
  #offerCount = 0;

  /**
   * @param offerLog - when given, every offer is appended as `callId>agentId`.
   * @param config - statistics and audit log. @default MAIN_CONFIG (statistics on, no audit log)
   */
  constructor(offerLog?: string[], config: RealRouterConfig = MAIN_CONFIG) {
    this.router = new CallRouter(
      config.audit === undefined ? { clock: this.clock, stats: config.stats } : { clock: this.clock, stats: config.stats, audit: config.audit },
    );
    if (offerLog === undefined) {
      this.router.on('call:offered', (event) => {
        this.#offered = event.callId;
        this.#offerCount++;
      });
    } else {
      this.router.on('call:offered', (event) => {
        this.#offered = event.callId;
        this.#offerCount++;
        offerLog.push(`${event.callId}>${event.agentId}`);
      });
    }
  }

  get offerCount(): number {
    return this.#offerCount;
  }

  addQueue(queue: QueueOptions): void {
    this.router.addQueue(queue);
    this.#queueIds.push(queue.id);
  }

  addAgent(agent: AgentOptions): void {
    this.#offered = undefined;
    this.router.addAgent(agent);
    const offered = this.#offered;
    if (offered !== undefined) throw new Error(`bench setup: agent ${agent.id} was offered ${offered} on joining`);
  }

  arrive(call: CallInput): string | undefined {
    const result = this.router.enqueue(call);
    if (result.status === 'waiting') return undefined;
    this.router.answer(result.callId);
    return result.agentId;
  }

  finish(callId: string): string | undefined {
    this.#offered = undefined;
    this.router.complete(callId);
    const offered = this.#offered;
    if (offered !== undefined) this.router.answer(offered);
    return offered;
  }

  waitingCount(): number {
    let waiting = 0;
    for (const id of this.#queueIds) waiting += this.router.getQueue(id).waiting;
    return waiting;
  }
}

/** The {@link NaiveRouter} baseline (offers are answered inside it). */
export class NaiveRouterTarget implements RoutingTarget {
  readonly label = 'naive';
  readonly clock = new SimulatedClock();
  readonly router: NaiveRouter;
  #offerCount = 0;

  /** @param offerLog - when given, every offer is appended as `callId>agentId`. */
  constructor(offerLog?: string[]) {
    this.router = new NaiveRouter(this.clock, (callId, agentId) => {
      this.#offerCount++;
      offerLog?.push(`${callId}>${agentId}`);
    });
  }

  get offerCount(): number {
    return this.#offerCount;
  }

  addQueue(queue: QueueOptions): void {
    this.router.addQueue(queue);
  }

  addAgent(agent: AgentOptions): void {
    this.router.addAgent(agent);
  }

  arrive(call: CallInput): string | undefined {
    return this.router.enqueue(call);
  }

  finish(callId: string): string | undefined {
    return this.router.complete(callId);
  }

  waitingCount(): number {
    return this.router.waitingCount;
  }
}
