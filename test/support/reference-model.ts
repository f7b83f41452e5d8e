/**
 * A deliberately simple reference model of `CallRouter`: plain arrays and linear scans.
 *
 * The model does not try to predict *which* agent a queue's strategy picks (that needs the
 * strategy keys, the seeded random generator and tie-breaks that are implementation details).
 * Instead it follows the router's events one by one, replays each event on its own state, and
 * checks that the event was a legal move at that moment:
 *
 * - an offer goes to an agent that may take the call (queue, presence, back-off, capacity, skills),
 * - at the lowest tier level among the free agents that may take it,
 * - and is for a call that no waiting call precedes, for that agent (same queue: priority, arrival,
 *   enqueue order; across queues: priority, `waitMs × weight`, arrival, enqueue order),
 * - declines, time-outs, revokes, answers, completions and abandons follow the documented rules
 *   (missed-offer counting, `missed-offers` not-ready, back-offs, wrap-up, forgetting calls).
 *
 * Everything the router decides without an event (a wrap-up ending, a back-off ending) the model
 * keeps as its own deadline, applied lazily in creation order when an event shows it has fired,
 * and in full at the end of every clock step. After each command the whole model is compared with
 * what the router's public reads return.
 */
import type {
  AgentSnapshot,
  CallOutcome,
  CallRouterEventName,
  CallSnapshot,
  StrategyName,
} from '../../src/index.js';

/** An event as the test listener recorded it, with the router's view of its call and agent read inside the listener. */
export interface RecordedEvent {
  readonly name: CallRouterEventName;
  readonly payload: any;
  /** `getCall(payload.callId)` read inside the listener, or 'gone'. */
  readonly call?: CallSnapshot | 'gone';
  /** `getAgent(payload.agentId)` read inside the listener, or 'gone'. */
  readonly agent?: AgentSnapshot | 'gone';
}

export interface ModelPolicy {
  readonly maxMissedOffers: number;
  readonly declineDelayMs: number;
  readonly noAnswerDelayMs: number;
}

export interface MQueue {
  readonly id: string;
  strategy: StrategyName;
  weight: number;
  offerTimeoutMs: number;
  wrapUpMs: number;
}

export type MCallStatus = 'waiting' | 'offered' | 'talking';

export interface MCall {
  readonly id: string;
  readonly queueId: string;
  readonly priority: number;
  readonly channel: string;
  readonly requirements: Readonly<Record<string, number>>;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly arrivalMs: number;
  readonly seq: number;
  status: MCallStatus;
  agentId: string | undefined;
  offeredAtMs: number;
  offerExpiresAtMs: number | undefined;
  answeredAtMs: number;
  offers: number;
  timeout: MDeadline | undefined;
  /** The agent whose offer of this call ended during the current command (decline, time-out, revoke). */
  returnedFrom: string | undefined;
}

export type MPresence = 'offline' | 'available' | 'not-ready';
export type MState = MPresence | 'offered' | 'busy' | 'wrap-up';

export interface MAgent {
  readonly id: string;
  presence: MPresence;
  reason: string | undefined;
  queues: Map<string, number>;
  skills: Map<string, number>;
  /** Channel → capacity. A channel dropped while it held work stays here with capacity 0. */
  capacity: Map<string, number>;
  /** Channel → calls held (offered, talking, wrap-up). */
  load: Map<string, number>;
  /** Channels whose load was left above a reduced capacity by updateAgent (allowed until it drains). */
  overCapacity: Set<string>;
  callIds: string[];
  offers: number;
  talking: number;
  wrapUps: number;
  callsHandled: number;
  talkTimeMs: number;
  missedOffers: number;
  idleSinceMs: number;
  readyAtMs: number | undefined;
  readyDeadline: MDeadline | undefined;
  /** State as last reported by `agent:state-changed` (or the presence it was added with). */
  shown: MState;
  /** Not-ready reason as last reported (a new reason while not-ready is reported too). */
  shownReason: string | undefined;
  stateSinceMs: number;
}

export type DeadlineKind = 'offer-timeout' | 'wrap-up-end' | 'agent-ready';

export interface MDeadline {
  /** Creation order; the router fires deadlines due at the same time in this order. */
  readonly seq: number;
  readonly atMs: number;
  readonly kind: DeadlineKind;
  /** Call id (offer-timeout) or agent id. */
  readonly target: string;
  readonly channel: string;
  live: boolean;
}

/** What the command being checked was, so events can be matched with it. */
export type OpContext =
  | { readonly kind: 'enqueue'; readonly callId: string }
  | { readonly kind: 'answer' | 'decline' | 'abandon'; readonly callId: string }
  | { readonly kind: 'complete'; readonly callId: string; readonly outcome: CallOutcome }
  | { readonly kind: 'removeAgent'; readonly agentId: string }
  | { readonly kind: 'step' }
  | { readonly kind: 'other' };

/** An offer made during one command: (call, agent). */
export interface MadeOffer {
  readonly callId: string;
  readonly agentId: string;
}

export class ModelError extends Error {
  override readonly name = 'ModelError';
}

function fail(message: string): never {
  throw new ModelError(message);
}

const PRIMARY: Partial<Record<OpContext['kind'], CallRouterEventName>> = {
  enqueue: 'call:queued',
  answer: 'call:answered',
  decline: 'call:declined',
  abandon: 'call:abandoned',
  complete: 'call:completed',
};

/** Same-queue service order: is `a` ahead of `b` in line? (priority, then arrival, then enqueue order) */
export function aheadInLine(a: MCall, b: MCall): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.arrivalMs !== b.arrivalMs) return a.arrivalMs < b.arrivalMs;
  return a.seq < b.seq;
}

export class ReferenceModel {
  nowMs: number;
  readonly policy: ModelPolicy;
  readonly queues: MQueue[] = [];
  readonly agents: MAgent[] = [];
  /** Live calls, in enqueue order. */
  readonly calls: MCall[] = [];
  /** Ids of completed or abandoned calls that no live call reuses. */
  readonly deadIds = new Set<string>();
  readonly deadlines: MDeadline[] = [];
  arrived = 0;
  completed = 0;
  abandoned = 0;
  /** Fresh call ids are `c0`, `c1`, … */
  nextCallNumber = 0;
  #deadlineSeq = 0;
  #callSeq = 0;
  /** Offers made during the current command. */
  offersThisOp: MadeOffer[] = [];

  constructor(policy: ModelPolicy, nowMs = 0) {
    this.policy = policy;
    this.nowMs = nowMs;
  }

  // ---- lookups -------------------------------------------------------------------------------

  queue(id: string): MQueue | undefined {
    return this.queues.find((q) => q.id === id);
  }

  agent(id: string): MAgent | undefined {
    return this.agents.find((a) => a.id === id);
  }

  call(id: string): MCall | undefined {
    return this.calls.find((c) => c.id === id);
  }

  callsWith(status: MCallStatus): MCall[] {
    return this.calls.filter((c) => c.status === status);
  }

  waitingIn(queueId: string): MCall[] {
    return this.calls
      .filter((c) => c.status === 'waiting' && c.queueId === queueId)
      .sort((a, b) => (aheadInLine(a, b) ? -1 : aheadInLine(b, a) ? 1 : 0));
  }

  liveCountIn(queueId: string): number {
    return this.calls.filter((c) => c.queueId === queueId).length;
  }

  computedState(a: MAgent): MState {
    return a.offers > 0 ? 'offered' : a.talking > 0 ? 'busy' : a.wrapUps > 0 ? 'wrap-up' : a.presence;
  }

  /** Why agent `a` may not take call `c` now, or undefined when it may. */
  whyNot(a: MAgent, c: MCall): string | undefined {
    if (!a.queues.has(c.queueId)) return `does not serve ${c.queueId}`;
    if (a.presence !== 'available') return `is ${a.presence}`;
    if (a.readyAtMs !== undefined) return `is in a back-off until ${a.readyAtMs}`;
    const load = a.load.get(c.channel) ?? 0;
    const capacity = a.capacity.get(c.channel) ?? 0;
    if (load >= capacity) return `has load ${load} >= capacity ${capacity} on ${c.channel}`;
    for (const [skill, min] of Object.entries(c.requirements)) {
      const level = a.skills.get(skill);
      if (level === undefined || level < min) return `has ${skill}=${level ?? 'none'} < ${min}`;
    }
    return undefined;
  }

  mayTake(a: MAgent, c: MCall): boolean {
    return this.whyNot(a, c) === undefined;
  }

  /** Cross-queue order of a freed agent: is `a` a better pick than `b`? */
  betterForAgent(a: MCall, b: MCall): boolean {
    if (a.priority !== b.priority) return a.priority > b.priority;
    const sa = (this.nowMs - a.arrivalMs) * (this.queue(a.queueId)?.weight ?? 1);
    const sb = (this.nowMs - b.arrivalMs) * (this.queue(b.queueId)?.weight ?? 1);
    if (sa !== sb) return sa > sb;
    if (a.arrivalMs !== b.arrivalMs) return a.arrivalMs < b.arrivalMs;
    return a.seq < b.seq;
  }

  // ---- deadlines -----------------------------------------------------------------------------

  #addDeadline(atMs: number, kind: DeadlineKind, target: string, channel = ''): MDeadline {
    const d: MDeadline = { seq: this.#deadlineSeq++, atMs, kind, target, channel, live: true };
    this.deadlines.push(d);
    return d;
  }

  #pruneDeadlines(): void {
    for (let i = this.deadlines.length - 1; i >= 0; i--) if (!(this.deadlines[i] as MDeadline).live) this.deadlines.splice(i, 1);
  }

  /** Time of the earliest live deadline. */
  nextDeadlineAt(): number | undefined {
    let at: number | undefined;
    for (const d of this.deadlines) if (d.live && (at === undefined || d.atMs < at)) at = d.atMs;
    return at;
  }

  #applySilent(d: MDeadline): void {
    d.live = false;
    const a = this.agent(d.target);
    if (a === undefined) fail(`deadline ${d.kind} for unknown agent ${d.target}`);
    if (d.kind === 'wrap-up-end') {
      a.wrapUps--;
      this.#unload(a, d.channel);
      this.#maybeIdle(a);
    } else if (d.kind === 'agent-ready') {
      if (a.readyDeadline !== d) fail(`stale back-off deadline for ${a.id}`);
      a.readyAtMs = undefined;
      a.readyDeadline = undefined;
    }
  }

  /**
   * The router fired every deadline due now whose creation order is below `seq`: apply the silent
   * ones (wrap-up end, back-off end). Offer time-outs among them must already have been reported.
   */
  #applyDueBefore(seq: number): void {
    for (const d of this.deadlines) {
      if (!d.live || d.atMs > this.nowMs || d.seq >= seq) continue;
      if (d.kind === 'offer-timeout') {
        fail(`deadlines fired out of order: offer time-out of ${d.target} (due ${d.atMs}) was not reported before a later deadline`);
      }
      this.#applySilent(d);
    }
  }

  /** Applies the next silent deadline due now for agent `agentId` (and all due ones before it). */
  #applyNextSilentFor(agentId: string): boolean {
    const d = this.deadlines.find(
      (x) => x.live && x.atMs <= this.nowMs && x.kind !== 'offer-timeout' && x.target === agentId,
    );
    if (d === undefined) return false;
    this.#applyDueBefore(d.seq);
    this.#applySilent(d);
    return true;
  }

  // ---- agent bookkeeping ---------------------------------------------------------------------

  #load(a: MAgent, channel: string): void {
    a.load.set(channel, (a.load.get(channel) ?? 0) + 1);
  }

  #unload(a: MAgent, channel: string): void {
    const left = (a.load.get(channel) ?? 0) - 1;
    if (left < 0) fail(`model: negative load on ${a.id}/${channel}`);
    if (left === 0) a.load.delete(channel);
    else a.load.set(channel, left);
    if (left <= (a.capacity.get(channel) ?? 0)) a.overCapacity.delete(channel);
    if (left === 0 && a.capacity.get(channel) === 0) a.capacity.delete(channel);
  }

  /** "When the agent last became free of all work": a call or wrap-up ended and nothing is left. */
  #maybeIdle(a: MAgent): void {
    if (a.offers + a.talking + a.wrapUps === 0) a.idleSinceMs = this.nowMs;
  }

  #removeCallId(a: MAgent, callId: string): void {
    const i = a.callIds.indexOf(callId);
    if (i < 0) fail(`model: ${callId} not held by ${a.id}`);
    a.callIds.splice(i, 1);
  }

  // ---- commands without events -------------------------------------------------------------

  addQueue(q: MQueue): void {
    this.queues.push(q);
  }

  updateQueue(id: string, update: Partial<Omit<MQueue, 'id'>>): void {
    const q = this.queue(id) as MQueue;
    Object.assign(q, update);
  }

  removeQueue(id: string): void {
    this.queues.splice(this.queues.findIndex((q) => q.id === id), 1);
    for (const a of this.agents) a.queues.delete(id);
  }

  addAgent(input: {
    id: string;
    presence: MPresence;
    reason: string | undefined;
    queues: Map<string, number>;
    skills: Map<string, number>;
    capacity: Map<string, number>;
  }): void {
    this.agents.push({
      ...input,
      load: new Map(),
      overCapacity: new Set(),
      callIds: [],
      offers: 0,
      talking: 0,
      wrapUps: 0,
      callsHandled: 0,
      talkTimeMs: 0,
      missedOffers: 0,
      idleSinceMs: this.nowMs,
      readyAtMs: undefined,
      readyDeadline: undefined,
      shown: input.presence,
      shownReason: input.presence === 'not-ready' ? input.reason : undefined,
      stateSinceMs: this.nowMs,
    });
  }

  updateAgent(
    id: string,
    update: { queues?: Map<string, number>; skills?: Map<string, number>; capacity?: Map<string, number> },
  ): void {
    const a = this.agent(id) as MAgent;
    if (update.queues !== undefined) a.queues = update.queues;
    if (update.skills !== undefined) a.skills = update.skills;
    if (update.capacity !== undefined) {
      const next = new Map<string, number>();
      for (const [channel] of a.capacity) {
        if (!update.capacity.has(channel) && (a.load.get(channel) ?? 0) > 0) next.set(channel, 0);
      }
      for (const [channel, count] of update.capacity) next.set(channel, count);
      a.capacity = next;
      a.overCapacity.clear();
      for (const [channel, load] of a.load) if (load > (next.get(channel) ?? 0)) a.overCapacity.add(channel);
    }
  }

  /** setAgentState's own change; revokes and offers then come as events. Returns false for a no-op. */
  setPresence(id: string, presence: MPresence, reason: string | undefined): boolean {
    const a = this.agent(id) as MAgent;
    const why = presence === 'not-ready' ? reason : undefined;
    if (presence === a.presence && why === a.reason) return false;
    if (presence === 'available' && a.presence !== 'available') {
      a.missedOffers = 0;
      this.#maybeIdle(a);
    }
    a.presence = presence;
    a.reason = why;
    return true;
  }

  /** removeAgent's own change, before its events (revokes, state changes). */
  beginRemoveAgent(id: string): void {
    const a = this.agent(id) as MAgent;
    a.presence = 'offline';
    a.reason = undefined;
  }

  #dropAgentWork(a: MAgent): void {
    for (const d of this.deadlines) if (d.live && d.kind !== 'offer-timeout' && d.target === a.id) d.live = false;
    a.wrapUps = 0;
    a.readyAtMs = undefined;
    a.readyDeadline = undefined;
    a.load.clear();
  }

  // ---- events --------------------------------------------------------------------------------

  /**
   * Replays the events one command produced, checking each is a legal move. Throws a ModelError
   * naming the first illegal one.
   */
  consume(events: readonly RecordedEvent[], ctx: OpContext): void {
    this.offersThisOp = [];
    const primary = PRIMARY[ctx.kind];
    let first = true;
    let sawPrimary = false;
    for (const e of events) {
      if (e.name === 'listener-error') continue;
      const p = e.payload;
      const where = `${e.name} ${JSON.stringify({ callId: p.callId, agentId: p.agentId })} during ${JSON.stringify(ctx)}`;
      if (p.atMs !== this.nowMs) fail(`${where}: atMs ${p.atMs}, expected ${this.nowMs}`);
      const isPrimary =
        primary !== undefined && e.name === primary && 'callId' in ctx && p.callId === ctx.callId && !sawPrimary;
      if (primary !== undefined && first && !isPrimary) fail(`${where}: the first event must be ${primary} for the command's call`);
      if (isPrimary) sawPrimary = true;
      first = false;
      switch (e.name) {
        case 'call:queued':
          if (!isPrimary) fail(`${where}: unexpected call:queued`);
          this.#onQueued(p, ctx as { callId: string });
          break;
        case 'call:offered':
          this.#onOffered(p, where);
          break;
        case 'call:answered':
          if (!isPrimary) fail(`${where}: unexpected call:answered`);
          this.#onAnswered(p, where);
          break;
        case 'call:declined':
          if (!isPrimary) fail(`${where}: unexpected call:declined`);
          this.#endOffer(this.#offeredCall(p, where), 'declined');
          break;
        case 'call:offer-timeout':
          if (ctx.kind !== 'step') fail(`${where}: offer time-out outside a clock advance`);
          this.#onTimeout(p, where);
          break;
        case 'call:offer-revoked':
          this.#onRevoked(p, ctx, where);
          break;
        case 'call:abandoned':
          if (!isPrimary) fail(`${where}: unexpected call:abandoned`);
          this.#onAbandoned(p, where);
          break;
        case 'call:completed':
          if (!isPrimary) fail(`${where}: unexpected call:completed`);
          this.#onCompleted(p, ctx as { outcome: CallOutcome }, where);
          break;
        case 'agent:state-changed':
          this.#onStateChanged(p, ctx, where);
          break;
        default:
          fail(`unknown event ${String(e.name)}`);
      }
    }
    if (primary !== undefined && !sawPrimary) fail(`${JSON.stringify(ctx)} emitted no ${primary}`);
  }

  #onQueued(p: { callId: string; queueId: string; priority: number; channel: string }, ctx: { callId: string }): void {
    if (p.callId !== ctx.callId) fail(`call:queued for ${p.callId}, expected ${ctx.callId}`);
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'waiting' || c.offers !== 0) fail(`call:queued for ${p.callId} the model did not admit`);
    if (p.queueId !== c.queueId || p.priority !== c.priority || p.channel !== c.channel) {
      fail(`call:queued payload ${JSON.stringify(p)} does not match the call`);
    }
    this.arrived++;
  }

  /** The model admits the call before consuming enqueue's events (its `call:queued` is checked against it). */
  admit(input: {
    id: string;
    queueId: string;
    priority: number;
    channel: string;
    requirements: Record<string, number>;
    customerId: string | undefined;
    attributes: Record<string, unknown>;
  }): void {
    this.deadIds.delete(input.id);
    this.calls.push({
      ...input,
      arrivalMs: this.nowMs,
      seq: this.#callSeq++,
      status: 'waiting',
      agentId: undefined,
      offeredAtMs: 0,
      offerExpiresAtMs: undefined,
      answeredAtMs: 0,
      offers: 0,
      timeout: undefined,
      returnedFrom: undefined,
    });
  }

  #onOffered(
    p: {
      callId: string;
      queueId: string;
      agentId: string;
      channel: string;
      customerId: string | undefined;
      attributes: unknown;
      expiresAtMs: number | undefined;
      attempt: number;
    },
    where: string,
  ): void {
    const c = this.call(p.callId);
    if (c === undefined) fail(`${where}: offered a call that is not live`);
    if (c.status !== 'waiting') fail(`${where}: offered a call that is ${c.status} (agent ${c.agentId}) — double offer`);
    const x = this.agent(p.agentId);
    if (x === undefined) fail(`${where}: offered to an unknown agent`);
    // Silent deadlines (wrap-up end, back-off end) due now fire in creation order: apply the
    // agent's until it may take the call, if that is what freed it.
    while (!this.mayTake(x, c) && this.#applyNextSilentFor(x.id)) {
      /* keep applying */
    }
    const why = this.whyNot(x, c);
    if (why !== undefined) fail(`${where}: agent ${x.id} may not take ${c.id}: it ${why}`);

    // Tier levels: the call goes to a free agent at the lowest tier level for its queue. A call
    // just returned by an agent (decline, time-out) goes to other agents first, or back to it.
    if (x.id !== c.returnedFrom) {
      const others = this.agents.filter((a) => a.id !== c.returnedFrom && this.mayTake(a, c));
      const minTier = Math.min(...others.map((a) => a.queues.get(c.queueId) as number));
      const tier = x.queues.get(c.queueId) as number;
      if (tier > minTier) {
        const lower = others.filter((a) => (a.queues.get(c.queueId) as number) === minTier).map((a) => a.id);
        fail(`${where}: offered to ${x.id} at tier ${tier} while ${lower.join(', ')} at tier ${minTier} were free and may take it`);
      }
    }
    // Served order in the call's queue (invariant 3).
    for (const w of this.calls) {
      if (w === c || w.status !== 'waiting' || w.queueId !== c.queueId) continue;
      if (aheadInLine(w, c) && this.mayTake(x, w)) {
        fail(
          `${where}: served out of order: ${w.id} (priority ${w.priority}, arrival ${w.arrivalMs}, seq ${w.seq}) waits ahead of ` +
            `${c.id} (priority ${c.priority}, arrival ${c.arrivalMs}, seq ${c.seq}) in ${c.queueId} and ${x.id} may take it`,
        );
      }
    }
    // Across queues: the agent takes the highest priority, then largest waitMs × weight.
    for (const w of this.calls) {
      if (w === c || w.status !== 'waiting' || w.queueId === c.queueId) continue;
      if (this.betterForAgent(w, c) && this.mayTake(x, w)) {
        fail(`${where}: ${x.id} was offered ${c.id} (${c.queueId}) while the better call ${w.id} (${w.queueId}) waits and ${x.id} may take it`);
      }
    }
    const q = this.queue(c.queueId) as MQueue;
    const expires = q.offerTimeoutMs === Infinity ? undefined : this.nowMs + q.offerTimeoutMs;
    if (p.queueId !== c.queueId || p.channel !== c.channel || p.customerId !== c.customerId) fail(`${where}: payload mismatch`);
    if (p.attempt !== c.offers + 1) fail(`${where}: attempt ${p.attempt}, expected ${c.offers + 1}`);
    if (p.expiresAtMs !== expires) fail(`${where}: expiresAtMs ${p.expiresAtMs}, expected ${expires}`);

    c.status = 'offered';
    c.agentId = x.id;
    c.offeredAtMs = this.nowMs;
    c.offers++;
    c.offerExpiresAtMs = expires;
    c.timeout = expires === undefined ? undefined : this.#addDeadline(expires, 'offer-timeout', c.id);
    c.returnedFrom = undefined;
    x.offers++;
    x.callIds.push(c.id);
    this.#load(x, c.channel);
    this.offersThisOp.push({ callId: c.id, agentId: x.id });
  }

  #offeredCall(p: { callId: string; agentId: string }, where: string): MCall {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'offered') fail(`${where}: the call is not offered (${c?.status ?? 'not live'})`);
    if (c.agentId !== p.agentId) fail(`${where}: the call is offered to ${c.agentId}, not ${p.agentId}`);
    return c;
  }

  #cancelTimeout(c: MCall): void {
    if (c.timeout !== undefined) c.timeout.live = false;
    c.timeout = undefined;
    c.offerExpiresAtMs = undefined;
  }

  /** An offer ended unanswered: the call goes back to its place in line. */
  #endOffer(c: MCall, end: 'declined' | 'timeout' | 'revoked'): void {
    const x = this.agent(c.agentId as string) as MAgent;
    this.#cancelTimeout(c);
    c.status = 'waiting';
    c.agentId = undefined;
    c.returnedFrom = x.id;
    x.offers--;
    this.#removeCallId(x, c.id);
    this.#unload(x, c.channel);
    if (end === 'revoked') return;
    // Missed offers in a row: after maxMissedOffers the agent goes not-ready; else a back-off.
    x.missedOffers++;
    const { maxMissedOffers } = this.policy;
    if (maxMissedOffers > 0 && x.missedOffers >= maxMissedOffers && x.presence === 'available') {
      x.presence = 'not-ready';
      x.reason = 'missed-offers';
      return;
    }
    const delayMs = end === 'declined' ? this.policy.declineDelayMs : this.policy.noAnswerDelayMs;
    if (delayMs > 0) {
      if (x.readyDeadline !== undefined) x.readyDeadline.live = false;
      x.readyDeadline = this.#addDeadline(this.nowMs + delayMs, 'agent-ready', x.id);
      x.readyAtMs = this.nowMs + delayMs;
    }
  }

  #onTimeout(p: { callId: string; agentId: string }, where: string): void {
    const c = this.#offeredCall(p, where);
    const d = c.timeout;
    if (d === undefined || !d.live) fail(`${where}: the offer never times out`);
    if (d.atMs !== this.nowMs) fail(`${where}: timed out at ${this.nowMs}, due at ${d.atMs}`);
    this.#applyDueBefore(d.seq);
    d.live = false;
    this.#endOffer(c, 'timeout');
  }

  #onRevoked(p: { callId: string; agentId: string; reason: string }, ctx: OpContext, where: string): void {
    const c = this.#offeredCall(p, where);
    const x = this.agent(p.agentId) as MAgent;
    const removing = ctx.kind === 'removeAgent' && ctx.agentId === x.id;
    if (x.presence === 'available' && !removing) fail(`${where}: revoked an offer of an available agent`);
    const reason = removing ? 'agent-removed' : 'agent-unavailable';
    if (p.reason !== reason) fail(`${where}: reason ${p.reason}, expected ${reason}`);
    this.#endOffer(c, 'revoked');
  }

  #onAnswered(p: { callId: string; agentId: string; waitMs: number }, where: string): void {
    const c = this.#offeredCall(p, where);
    const x = this.agent(p.agentId) as MAgent;
    if (p.waitMs !== this.nowMs - c.arrivalMs) fail(`${where}: waitMs ${p.waitMs}`);
    this.#cancelTimeout(c);
    c.status = 'talking';
    c.answeredAtMs = this.nowMs;
    x.offers--;
    x.talking++;
    x.missedOffers = 0;
    x.callsHandled++;
  }

  #onAbandoned(p: { callId: string; phase: string; agentId: string | undefined; waitMs: number }, where: string): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status === 'talking') fail(`${where}: abandoned a call that is ${c?.status ?? 'not live'}`);
    if (p.phase !== c.status) fail(`${where}: phase ${p.phase}, expected ${c.status}`);
    if (p.agentId !== c.agentId) fail(`${where}: agentId ${p.agentId}, expected ${c.agentId}`);
    if (p.waitMs !== this.nowMs - c.arrivalMs) fail(`${where}: waitMs ${p.waitMs}`);
    if (c.status === 'offered') {
      const x = this.agent(c.agentId as string) as MAgent;
      this.#cancelTimeout(c);
      x.offers--;
      this.#removeCallId(x, c.id);
      this.#unload(x, c.channel);
    }
    this.#forget(c);
    this.abandoned++;
  }

  #onCompleted(
    p: { callId: string; agentId: string; waitMs: number; talkMs: number; outcome: CallOutcome },
    ctx: { outcome: CallOutcome },
    where: string,
  ): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'talking') fail(`${where}: completed a call that is ${c?.status ?? 'not live'}`);
    if (p.agentId !== c.agentId) fail(`${where}: agentId ${p.agentId}, expected ${c.agentId}`);
    if (p.waitMs !== c.answeredAtMs - c.arrivalMs) fail(`${where}: waitMs ${p.waitMs}`);
    if (p.talkMs !== this.nowMs - c.answeredAtMs) fail(`${where}: talkMs ${p.talkMs}`);
    if (JSON.stringify(p.outcome) !== JSON.stringify(ctx.outcome)) fail(`${where}: outcome ${JSON.stringify(p.outcome)}`);
    const x = this.agent(c.agentId as string) as MAgent;
    const q = this.queue(c.queueId) as MQueue;
    x.talking--;
    x.talkTimeMs += p.talkMs;
    this.#removeCallId(x, c.id);
    const wrapUpMs = ctx.outcome.wrapUpMs ?? q.wrapUpMs;
    if (wrapUpMs > 0) {
      x.wrapUps++;
      this.#addDeadline(this.nowMs + wrapUpMs, 'wrap-up-end', x.id, c.channel);
    } else {
      this.#unload(x, c.channel);
      this.#maybeIdle(x);
    }
    this.#forget(c);
    this.completed++;
  }

  #forget(c: MCall): void {
    this.calls.splice(this.calls.indexOf(c), 1);
    this.deadIds.add(c.id);
  }

  #onStateChanged(
    p: { agentId: string; from: MState; to: MState; reason: string | undefined },
    ctx: OpContext,
    where: string,
  ): void {
    const x = this.agent(p.agentId);
    if (x === undefined) fail(`${where}: unknown agent`);
    if (p.from !== x.shown) fail(`${where}: from ${p.from}, but the last reported state was ${x.shown}`);
    // Same state only for a new not-ready reason (wallboards show the reason).
    if (p.to === p.from && !(p.to === 'not-ready' && p.reason !== x.shownReason)) {
      fail(`${where}: from === to (${p.to}) and the reason ${p.reason} was already reported`);
    }
    // A silent deadline (wrap-up or back-off end) may be what changed the state.
    while (this.computedState(x) !== p.to && this.#applyNextSilentFor(x.id)) {
      /* keep applying */
    }
    if (this.computedState(x) !== p.to && ctx.kind === 'removeAgent' && ctx.agentId === x.id) this.#dropAgentWork(x);
    if (this.computedState(x) !== p.to) fail(`${where}: to ${p.to}, but the agent's state is ${this.computedState(x)}`);
    const reason = p.to === 'not-ready' ? x.reason : undefined;
    if (p.reason !== reason) fail(`${where}: reason ${p.reason}, expected ${reason}`);
    x.shown = p.to;
    x.shownReason = reason;
    x.stateSinceMs = this.nowMs;
  }

  /**
   * Invariant 3 over a whole synchronous command. A command happens at one instant: the calls it
   * returns to line (a decline, offers revoked because an agent left) are all back in their places
   * at once. So when the command is over, no call offered during it to agent X may be behind a call
   * of the same queue and channel left waiting that X could have taken instead (X serves the queue,
   * has the skills; the capacity is the slot the later call took). Clock steps are not checked this
   * way: deadlines due at the same time fire one after the other, in order.
   */
  #checkServedOrderOfCommand(ctx: OpContext): void {
    for (const offer of this.offersThisOp) {
      const c = this.call(offer.callId);
      if (c === undefined || c.status !== 'offered' || c.agentId !== offer.agentId) continue;
      const x = this.agent(offer.agentId) as MAgent;
      for (const w of this.calls) {
        if (w.status !== 'waiting' || w.queueId !== c.queueId || w.channel !== c.channel || !aheadInLine(w, c)) continue;
        if (!x.queues.has(w.queueId)) continue;
        const skilled = Object.entries(w.requirements).every(([skill, min]) => (x.skills.get(skill) ?? 0) >= min);
        if (!skilled) continue;
        fail(
          `after ${JSON.stringify(ctx)}: ${c.id} (priority ${c.priority}, arrival ${c.arrivalMs}, seq ${c.seq}) was offered to ${x.id} ` +
            `while ${w.id} (priority ${w.priority}, arrival ${w.arrivalMs}, seq ${w.seq}), ahead of it in ${c.queueId}, ` +
            `is left waiting and ${x.id} could have taken it instead`,
        );
      }
    }
  }

  /** End of a command (or of one clock step): settle what the router settles and check it did. */
  finish(ctx: OpContext): void {
    if (ctx.kind === 'step') {
      for (const d of this.deadlines) {
        if (d.live && d.atMs <= this.nowMs && d.kind === 'offer-timeout') {
          fail(`the offer of ${d.target} was due to time out at ${d.atMs} but did not (now ${this.nowMs})`);
        }
      }
      this.#applyDueBefore(Infinity);
    }
    for (const d of this.deadlines) if (d.live && d.atMs <= this.nowMs) fail(`model: deadline ${d.kind} ${d.target} left due`);
    if (ctx.kind === 'removeAgent') {
      const x = this.agent(ctx.agentId) as MAgent;
      if (x.callIds.length > 0) fail(`removeAgent(${x.id}) left calls ${x.callIds.join(', ')} with it`);
      this.#dropAgentWork(x);
      this.agents.splice(this.agents.indexOf(x), 1);
    }
    for (const c of this.calls) {
      c.returnedFrom = undefined;
      if (c.status === 'offered') {
        const x = this.agent(c.agentId as string) as MAgent;
        if (x.presence !== 'available') fail(`${c.id} is still offered to ${x.id}, which is ${x.presence} (offer not revoked)`);
      }
    }
    if (ctx.kind !== 'step') this.#checkServedOrderOfCommand(ctx);
    for (const a of this.agents) {
      if (a.shown !== this.computedState(a)) {
        fail(`agent ${a.id}: last agent:state-changed said ${a.shown}, but its state is ${this.computedState(a)} (missing event)`);
      }
      if (a.shown === 'not-ready' && a.shownReason !== a.reason) {
        fail(`agent ${a.id}: not-ready reason is ${a.reason}, but the last agent:state-changed said ${a.shownReason} (missing event)`);
      }
    }
    this.#pruneDeadlines();
  }
}
