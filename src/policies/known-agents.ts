import { takesChannel } from '../engine/agent-state.js';
import { putInLine, takeOutOfLine } from '../engine/call-lines.js';
import { routeAgent, routeBucket } from '../engine/dispatch.js';
import type { AgentRecord, CallRecord } from '../engine/records.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type { RouterCore } from '../engine/router-core.js';
import type { FallbackReason, KnownAgentKind } from '../model/policies.js';
import { TimedMemory } from './timed-memory.js';

/** The agent a call should wait for first, and for how long. */
export interface KnownTarget {
  readonly agentId: string;
  readonly kind: KnownAgentKind;
  readonly waitMs: number;
}

/**
 * Known-agent routing: a call may wait for one agent in particular (preferred, the customer's last
 * agent, a transfer target) in that agent's own short line, which the agent serves before any
 * queue; when the wait runs out, or the agent goes offline, the whole queue may take the call.
 */
export class KnownAgents {
  readonly #core: RouterCore;
  readonly #windowMs: number;
  /** customerId → the agent that last answered them. */
  readonly #lastAgents = new TimedMemory<string>();

  constructor(core: RouterCore, lastAgentWindowMs: number) {
    this.#core = core;
    this.#windowMs = lastAgentWindowMs;
  }

  /** Remembers who answered a customer, for last-agent routing. */
  rememberAgent(call: CallRecord, agentId: string): void {
    if (this.#windowMs === 0 || call.customerId === undefined) return;
    const now = this.#core.now();
    this.#lastAgents.set(call.customerId, agentId, now, now + this.#windowMs);
  }

  /** The agent that last answered this call's customer, if remembered and still serving the queue. */
  lastAgentOf(call: CallRecord): KnownTarget | undefined {
    if (this.#windowMs === 0 || call.customerId === undefined) return undefined;
    const agentId = this.#lastAgents.get(call.customerId, this.#core.now());
    const agent = agentId === undefined ? undefined : this.#core.agents.get(agentId);
    if (agent === undefined || !agent.queues.has(call.queue.id)) return undefined;
    return { agentId: agent.id, kind: 'last-agent', waitMs: call.queue.knownAgentWaitMs };
  }

  /** Why a call cannot wait for this agent, or `undefined` when it can. */
  problem(call: CallRecord, known: KnownTarget): FallbackReason | undefined {
    const agent = this.#core.agents.get(known.agentId);
    if (agent === undefined) return 'agent-unknown';
    if (agent.presence === 'offline') return 'agent-offline';
    if (!takesChannel(agent, call.channel)) return 'no-capacity';
    return undefined;
  }

  /** Puts a call in its known agent's line and offers it if the agent is free; with no wait, falls back at once. */
  waitFor(call: CallRecord, known: KnownTarget): void {
    const core = this.#core;
    const agent = core.agents.get(known.agentId);
    if (agent === undefined) return;
    call.knownAgent = agent;
    call.knownKind = known.kind;
    call.knownUntilMs = core.now() + known.waitMs;
    putInLine(call);
    routeAgent(core, agent);
    if (call.knownAgent !== undefined && call.knownUntilMs <= core.now()) {
      this.fallBack(call, 'timeout');
      routeBucket(core, call.bucket);
    }
  }

  /**
   * The calls waiting for `agent` that it can no longer take (all of them, unless `keep` says
   * otherwise) go to their queues' lines; their buckets are added to `returned` for the caller to route.
   */
  letGo(agent: AgentRecord, reason: FallbackReason, returned: WaitingBucket[], keep?: (call: CallRecord) => boolean): void {
    for (const call of [...agent.known]) {
      if (keep?.(call) === true) continue;
      this.fallBack(call, reason);
      returned.push(call.bucket);
    }
  }

  /** A call stops waiting for its known agent and waits in its bucket (the caller routes it); its timer follows. */
  fallBack(call: CallRecord, reason: FallbackReason): void {
    const agent = call.knownAgent;
    const kind = call.knownKind;
    if (agent === undefined || kind === undefined) return;
    takeOutOfLine(call);
    call.knownAgent = undefined;
    call.knownKind = undefined;
    call.knownUntilMs = this.#core.now();
    putInLine(call);
    this.#core.timers.arm(call);
    this.fallbackEvent(call, { agentId: agent.id, kind, waitMs: 0 }, reason);
  }

  fallbackEvent(call: CallRecord, known: KnownTarget, reason: FallbackReason): void {
    const out = this.#core.out;
    if (out.wants('call:agent-fallback')) {
      out.push('call:agent-fallback', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: this.#core.now(),
        agentId: known.agentId,
        kind: known.kind,
        reason,
      });
    }
  }
}
