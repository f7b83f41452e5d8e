import type { Clock } from '../clock/clock.js';
import type { KnownAgentKind } from '../model/policies.js';
import type { AgentState, CallOutcome, PresenceState } from '../model/types.js';
import { Admission } from '../policies/admission.js';
import { CallTimers } from '../policies/call-timers.js';
import { Callbacks } from '../policies/callbacks.js';
import { Escalation } from '../policies/escalation.js';
import { KnownAgents } from '../policies/known-agents.js';
import type { Random } from '../random/random.js';
import type { AgentPool } from '../routing/agent-pool.js';
import { RoutingTable } from '../routing/routing-table.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import { relist, shownState } from './agent-state.js';
import { leaveQueueList, putInLine, takeOutOfLine } from './call-lines.js';
import { Deadlines, type Deadline } from './deadlines.js';
import { routeAgent, routeReturned } from './dispatch.js';
import type { EventSink } from './event-buffer.js';
import type { AgentRecord, CallRecord, ChannelSlot, QueueRecord } from './records.js';

/** Router-wide behaviour: after offers that are not answered, and known-agent memory. */
export interface RouterPolicy {
  /** Missed offers in a row (declined or timed out) before the agent goes not-ready; 0 = never. */
  readonly maxMissedOffers: number;
  readonly declineDelayMs: number;
  readonly noAnswerDelayMs: number;
  /** How long the agent who last answered a customer is remembered; 0 = not at all. */
  readonly lastAgentWindowMs: number;
}

/** How an offer ended without being answered. */
type OfferEnd = 'declined' | 'timeout' | 'revoked-unavailable' | 'revoked-removed';

/**
 * The router's state and its transitions: offers, answers, returns to line, completion, wrap-up,
 * presence and timed actions. Inputs are already validated; every transition leaves the state
 * consistent before any event is emitted (events are buffered in the sink).
 *
 * Invariant: after every public operation, no call waits while a free agent that may take it is
 * listed in a pool (routing is eager: whatever frees an agent or adds a call routes at once).
 */
export class RouterCore {
  readonly queues = new Map<string, QueueRecord>();
  readonly agents = new Map<string, AgentRecord>();
  readonly calls = new Map<string, CallRecord>();
  readonly table: RoutingTable;
  readonly deadlines: Deadlines;
  /** Where events go; they are delivered once the state is consistent. */
  readonly out: EventSink;
  /** Per-call policies: admission and rejoining, known agents, escalation, the calls' timers, callbacks. */
  readonly admission: Admission;
  readonly known: KnownAgents;
  readonly escalation: Escalation;
  readonly timers: CallTimers;
  readonly callbacks: Callbacks;
  readonly #clock: Clock;
  readonly #policy: RouterPolicy;
  /** Calls returned to line in the current operation whose timer is already due. */
  #returnedDue: CallRecord[] = [];
  #callSeq = 0;
  #agentSeq = 0;
  #offerSeq = 0;

  constructor(clock: Clock, random: Random, out: EventSink, policy: RouterPolicy) {
    this.#clock = clock;
    this.out = out;
    this.#policy = policy;
    this.table = new RoutingTable(random);
    this.deadlines = new Deadlines(clock, () => this.#runDue());
    this.admission = new Admission(this);
    this.known = new KnownAgents(this, policy.lastAgentWindowMs);
    this.escalation = new Escalation(this);
    this.timers = new CallTimers(this);
    this.callbacks = new Callbacks(this);
  }

  now(): number {
    return this.#clock.now();
  }

  nextCallSeq(): number {
    return this.#callSeq++;
  }

  nextAgentSeq(): number {
    return this.#agentSeq++;
  }

  // ---- calls -------------------------------------------------------------------------------

  answer(call: CallRecord): void {
    const agent = call.agent as AgentRecord;
    const now = this.now();
    this.#cancelOffer(call);
    leaveQueueList(call);
    call.status = 'talking';
    call.answeredAtMs = now;
    if (call.kind === 'callback') call.callbackAttempts++;
    const queue = call.queue;
    queue.offered--;
    queue.talking++;
    queue.answers[queue.answerCount++ % queue.answers.length] = now;
    this.known.rememberAgent(call, agent.id);
    agent.offers--;
    agent.talking++;
    agent.missedOffers = 0;
    agent.callsHandled++;
    relist(agent);
    if (this.out.wants('call:answered')) {
      this.out.push('call:answered', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: now,
        agentId: agent.id,
        waitMs: now - call.arrivalMs,
        kind: call.kind,
      });
    }
    this.#touch(agent);
  }

  /** The agent declined: the call goes back to its place, the agent may back off or go not-ready. */
  decline(call: CallRecord): void {
    this.#endOffer(call, 'declined');
  }

  abandon(call: CallRecord): void {
    const now = this.now();
    const agent = call.agent;
    const phase = call.status === 'offered' ? 'offered' : 'waiting';
    this.admission.rememberAbandon(call);
    this.removeUnanswered(call);
    if (this.out.wants('call:abandoned')) {
      this.out.push('call:abandoned', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: now,
        phase,
        agentId: agent?.id,
        waitMs: now - call.arrivalMs,
      });
    }
    if (agent !== undefined) this.agentChanged(agent);
  }

  /** The backend took a call out of routing: scheduled, waiting or ringing an agent. */
  withdraw(call: CallRecord, reason: string): void {
    const agent = call.agent;
    const phase = call.status as 'scheduled' | 'waiting' | 'offered'; // connected calls are refused by the façade
    this.removeUnanswered(call);
    if (this.out.wants('call:withdrawn')) {
      this.out.push('call:withdrawn', { callId: call.id, queueId: call.queue.id, atMs: this.now(), reason, phase, agentId: agent?.id });
    }
    if (agent !== undefined) this.agentChanged(agent);
  }

  /**
   * Forgets a call that is not connected (scheduled, waiting or offered): out of line, out of its
   * queue, its timers cancelled, an offer's slot freed. The caller routes the freed agent.
   */
  removeUnanswered(call: CallRecord): void {
    this.calls.delete(call.id);
    call.bucket.calls--;
    this.timers.disarm(call);
    leaveQueueList(call);
    if (call.status === 'waiting') {
      takeOutOfLine(call);
    } else if (call.status === 'scheduled') {
      call.queue.scheduled--;
    } else {
      this.#cancelOffer(call);
      call.queue.offered--;
      this.#releaseOffer(call);
    }
  }

  complete(call: CallRecord, outcome: CallOutcome): void {
    const agent = call.agent as AgentRecord;
    const now = this.now();
    const talkMs = now - call.answeredAtMs;
    this.calls.delete(call.id);
    call.bucket.calls--;
    const wrapUpMs = outcome.wrapUpMs ?? call.queue.wrapUpMs;
    this.releaseTalk(call, wrapUpMs);
    if (this.out.wants('call:completed')) {
      this.out.push('call:completed', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: now,
        agentId: agent.id,
        waitMs: call.answeredAtMs - call.arrivalMs,
        talkMs,
        outcome,
        kind: call.kind,
        wrapUpMs,
      });
    }
    this.agentChanged(agent);
  }

  /**
   * Ends a connected call's hold on its agent (completion, transfer, unanswered callback): talk
   * time is counted and the slot is freed, after `wrapUpMs` of wrap-up when that is > 0. The
   * caller routes the agent with {@link agentChanged}.
   */
  releaseTalk(call: CallRecord, wrapUpMs: number): void {
    const agent = call.agent as AgentRecord;
    const now = this.now();
    call.queue.talking--;
    agent.talking--;
    agent.calls.delete(call);
    agent.talkTimeMs += now - call.answeredAtMs;
    call.agent = undefined;
    if (wrapUpMs > 0) {
      agent.wrapUps.add(this.deadlines.add(now + wrapUpMs, 'wrap-up-end', agent.id, call.channel));
    } else {
      this.#releaseSlot(agent, agent.slots.get(call.channel) as ChannelSlot);
    }
  }

  /**
   * A connected call is handed on: its agent is released and steps aside (other free agents get
   * the call first), the call enters line again through `requeue`, then the agent is routed.
   */
  handOn(call: CallRecord, wrapUpMs: number, requeue: () => void): void {
    const agent = call.agent as AgentRecord;
    this.releaseTalk(call, wrapUpMs);
    for (const slot of agent.slots.values()) agent.pool.unlist(slot);
    requeue();
    this.agentChanged(agent);
  }

  // ---- agents ------------------------------------------------------------------------------

  /** A new agent joins its pool; if available it takes waiting work at once. */
  addAgent(agent: AgentRecord): void {
    this.agents.set(agent.id, agent);
    agent.pool.agents.add(agent);
    this.#countPresence(agent.pool, undefined, agent.presence);
    this.agentChanged(agent);
  }

  setPresence(agent: AgentRecord, presence: PresenceState, reason: string | undefined): void {
    const returned: WaitingBucket[] = [];
    this.#setPresence(agent, presence, reason, 'revoked-unavailable', returned);
    this.#fireReturned(returned);
    routeReturned(this, returned);
    this.agentChanged(agent);
  }

  /** Moves an agent to the pool of its new profile (queues, skills, channels). */
  movePool(agent: AgentRecord, pool: AgentPool): void {
    const old = agent.pool;
    if (old === pool) return;
    for (const slot of agent.slots.values()) old.unlist(slot);
    old.agents.delete(agent);
    this.#countPresence(old, agent.presence, undefined);
    agent.pool = pool;
    pool.agents.add(agent);
    this.#countPresence(pool, undefined, agent.presence);
    this.table.releasePool(old);
  }

  removeAgent(agent: AgentRecord): void {
    const returned: WaitingBucket[] = [];
    this.#setPresence(agent, 'offline', undefined, 'revoked-removed', returned);
    for (const wrapUp of agent.wrapUps) this.deadlines.cancel(wrapUp);
    agent.wrapUps.clear();
    if (agent.readyAt !== undefined) this.deadlines.cancel(agent.readyAt);
    agent.readyAt = undefined;
    for (const slot of agent.slots.values()) {
      agent.pool.unlist(slot);
      slot.used = 0;
    }
    this.#touch(agent);
    agent.pool.agents.delete(agent);
    this.#countPresence(agent.pool, agent.presence, undefined);
    this.table.releasePool(agent.pool);
    this.agents.delete(agent.id);
    this.#fireReturned(returned);
    routeReturned(this, returned);
  }

  // ---- routing -----------------------------------------------------------------------------

  /** Offers a call (already out of line) to an agent on one of its free slots. */
  offer(call: CallRecord, agent: AgentRecord, slot: ChannelSlot, via: 'queue' | KnownAgentKind): void {
    const now = this.now();
    const queue = call.queue;
    this.timers.disarm(call);
    call.status = 'offered';
    call.agent = agent;
    call.offeredAtMs = now;
    call.offers++;
    queue.waiting--;
    queue.offered++;
    slot.used++;
    agent.offers++;
    agent.calls.add(call);
    agent.lastOfferSeq = ++this.#offerSeq;
    if (queue.offerTimeoutMs !== Infinity) {
      call.offerDeadline = this.deadlines.add(now + queue.offerTimeoutMs, 'offer-timeout', call.id);
    }
    relist(agent);
    if (this.out.wants('call:offered')) {
      this.out.push('call:offered', {
        callId: call.id,
        queueId: queue.id,
        atMs: now,
        agentId: agent.id,
        channel: call.channel,
        customerId: call.customerId,
        attributes: call.attributes,
        expiresAtMs: call.offerDeadline?.atMs,
        attempt: call.offers,
        kind: call.kind,
        via,
      });
    }
    this.#touch(agent);
  }

  /**
   * An offer was declined or timed out: the call goes back to its place in line. If that was one
   * miss too many, the agent goes not-ready and its other offers go back too. Only when every
   * returned call is back in line are they routed, best first, and the agent last.
   */
  #endOffer(call: CallRecord, end: 'declined' | 'timeout'): void {
    const agent = call.agent as AgentRecord;
    const returned = [call.bucket];
    this.#returnToLine(call, end);
    this.#missed(agent, end, returned);
    this.#touch(agent);
    // Other free agents get the calls first: the agent that let them go (it may still have
    // capacity on the channel) is off the free lists until it is listed again below.
    for (const slot of agent.slots.values()) agent.pool.unlist(slot);
    this.#fireReturned(returned);
    routeReturned(this, returned);
    this.agentChanged(agent);
  }

  /** Puts the call of an unanswered offer back in its place in line, without routing it. */
  #returnToLine(call: CallRecord, end: OfferEnd): void {
    const agent = call.agent as AgentRecord;
    const queue = call.queue;
    this.#cancelOffer(call);
    this.#releaseOffer(call);
    queue.offered--;
    putInLine(call);
    this.timers.arm(call);
    if (call.timer !== undefined && call.timer.atMs <= this.now()) this.#returnedDue.push(call);
    const event = end === 'declined' ? 'call:declined' : end === 'timeout' ? 'call:offer-timeout' : 'call:offer-revoked';
    if (this.out.wants(event)) {
      const base = { callId: call.id, queueId: queue.id, atMs: this.now(), agentId: agent.id };
      if (event === 'call:offer-revoked') {
        this.out.push(event, { ...base, reason: end === 'revoked-removed' ? 'agent-removed' : 'agent-unavailable' });
      } else {
        this.out.push(event, base);
      }
    }
  }

  #missed(agent: AgentRecord, end: 'declined' | 'timeout', returned: WaitingBucket[]): void {
    agent.missedOffers++;
    const { maxMissedOffers } = this.#policy;
    if (maxMissedOffers > 0 && agent.missedOffers >= maxMissedOffers && agent.presence === 'available') {
      this.#setPresence(agent, 'not-ready', 'missed-offers', 'revoked-unavailable', returned);
      return;
    }
    const delayMs = end === 'declined' ? this.#policy.declineDelayMs : this.#policy.noAnswerDelayMs;
    if (delayMs > 0) {
      if (agent.readyAt !== undefined) this.deadlines.cancel(agent.readyAt);
      agent.readyAt = this.deadlines.add(this.now() + delayMs, 'agent-ready', agent.id);
    }
  }

  #cancelOffer(call: CallRecord): void {
    if (call.offerDeadline !== undefined) this.deadlines.cancel(call.offerDeadline);
    call.offerDeadline = undefined;
  }

  /** Frees the agent's slot held by an offer that ended without an answer. */
  #releaseOffer(call: CallRecord): void {
    const agent = call.agent as AgentRecord;
    call.agent = undefined;
    agent.calls.delete(call);
    agent.offers--;
    this.#releaseSlot(agent, agent.slots.get(call.channel) as ChannelSlot, false);
  }

  #releaseSlot(agent: AgentRecord, slot: ChannelSlot, workEnded = true): void {
    slot.used--;
    if (workEnded && agent.offers + agent.talking + agent.wrapUps.size === 0) agent.idleSinceMs = this.now();
  }

  /**
   * Sets presence. Leaving `available` revokes the agent's ringing offers: their calls go back to
   * their places and their buckets are added to `returned`, for the caller to route.
   */
  #setPresence(
    agent: AgentRecord,
    presence: PresenceState,
    reason: string | undefined,
    end: OfferEnd,
    returned: WaitingBucket[],
  ): void {
    const was = agent.presence;
    agent.presence = presence;
    agent.reason = presence === 'not-ready' ? reason : undefined;
    this.#countPresence(agent.pool, was, presence);
    // Calls waiting for this agent in particular go to their queues at once.
    if (presence === 'offline') this.known.letGo(agent, end === 'revoked-removed' ? 'agent-removed' : 'agent-offline', returned);
    if (presence === 'available') {
      if (was !== 'available') {
        agent.missedOffers = 0;
        if (agent.offers + agent.talking + agent.wrapUps.size === 0) agent.idleSinceMs = this.now();
      }
      return;
    }
    relist(agent); // off the free lists before its calls go back to line
    for (const call of [...agent.calls]) {
      if (call.status !== 'offered') continue;
      this.#returnToLine(call, end);
      returned.push(call.bucket);
    }
    this.#touch(agent);
  }

  /**
   * After any change to an agent: show its state, route work to it, then list what is still free.
   * Routing before listing keeps a freed agent that takes a call at once out of the free heaps.
   */
  agentChanged(agent: AgentRecord): void {
    this.#touch(agent);
    routeAgent(this, agent);
    relist(agent);
  }

  /** Moves an agent's presence in a pool's counts; buckets left with no agent logged in start their no-agent clocks. */
  #countPresence(pool: AgentPool, from: PresenceState | undefined, to: PresenceState | undefined): void {
    pool.countPresence(from, to, this.now(), (bucket) => this.timers.unstaffed(bucket));
  }

  /**
   * Recomputes the agent's shown state and reports a change of it, or of the presence or not-ready
   * reason behind it (wallboards show them, though the state name may stay the same).
   */
  #touch(agent: AgentRecord): void {
    if (shownState(agent) !== agent.state || agent.presence !== agent.shownPresence || agent.reason !== agent.shownReason) {
      this.#stateChanged(agent, agent.state);
    }
  }

  #stateChanged(agent: AgentRecord, from: AgentState): void {
    const state = shownState(agent);
    const now = this.now();
    // A presence change under work (busy, then not-ready) is reported, but the state did not change.
    if (state !== from || state === 'not-ready') agent.stateSinceMs = now;
    agent.state = state;
    agent.shownPresence = agent.presence;
    agent.shownReason = agent.reason;
    if (this.out.wants('agent:state-changed')) {
      this.out.push('agent:state-changed', {
        agentId: agent.id,
        from,
        to: state,
        presence: agent.presence,
        reason: agent.reason,
        atMs: now,
      });
    }
  }

  // ---- timed actions -----------------------------------------------------------------------

  /**
   * Runs the timed actions that came due during an operation (a step to apply at once, a call
   * back in line past its hold-time limit), so that every operation ends with none pending for
   * the current instant.
   */
  settle(): void {
    const now = this.now();
    if (this.deadlines.hasDue(now)) this.deadlines.runDue(now, this.#fireDeadline);
  }

  /** The clock timer fired: run what is due, then deliver the events. */
  #runDue(): void {
    this.deadlines.runDue(this.now(), this.#fireDeadline);
    this.out.flush();
  }

  /** {@link #fire} as one function for every run of due deadlines, not a closure each time. */
  readonly #fireDeadline = (deadline: Deadline): void => this.#fire(deadline);

  /**
   * Calls just returned to line whose next timed action is already due (a hold-time limit that
   * passed while they rang) get it before they are routed again: a call past its limit times out
   * rather than ringing another agent.
   */
  #fireReturned(returned: WaitingBucket[]): void {
    const due = this.#returnedDue;
    if (due.length === 0) return;
    this.#returnedDue = [];
    const now = this.now();
    // Every due action first (none routes), then the calls go out together in line order.
    for (const call of due) {
      const timer = call.timer;
      if (call.status !== 'waiting' || timer === undefined || timer.atMs > now) continue;
      this.deadlines.cancel(timer);
      this.timers.fire(call, false);
      if (call.status === 'waiting' && call.knownAgent === undefined) returned.push(call.bucket);
    }
  }

  #fire(deadline: Deadline): void {
    switch (deadline.kind) {
      case 'offer-timeout': {
        const call = this.calls.get(deadline.targetId);
        if (call?.status === 'offered' && call.offerDeadline === deadline) {
          call.offerDeadline = undefined;
          this.#endOffer(call, 'timeout');
        }
        return;
      }
      case 'wrap-up-end': {
        const agent = this.agents.get(deadline.targetId);
        if (agent === undefined || !agent.wrapUps.delete(deadline)) return;
        this.#releaseSlot(agent, agent.slots.get(deadline.channel) as ChannelSlot);
        this.agentChanged(agent);
        return;
      }
      case 'call-timer': {
        const call = this.calls.get(deadline.targetId);
        if (call !== undefined && call.timer === deadline) this.timers.fire(call);
        return;
      }
      case 'agent-ready': {
        const agent = this.agents.get(deadline.targetId);
        if (agent === undefined || agent.readyAt !== deadline) return;
        agent.readyAt = undefined;
        this.agentChanged(agent);
        return;
      }
    }
  }
}
