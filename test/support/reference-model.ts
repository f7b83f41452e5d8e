/**
 * A deliberately simple reference model of `CallRouter`: plain arrays and linear scans.
 *
 * The model does not try to predict *which* agent a queue's strategy picks (that needs the
 * strategy keys, the seeded random generator and tie-breaks that are implementation details).
 * Instead it follows the router's events one by one, replays each event on its own state, and
 * checks that the event was a legal move at that moment:
 *
 * - an offer goes to an agent that may take the call (queue, tier limit, presence, back-off,
 *   capacity, skills), at the lowest tier level among the free agents that may take it,
 * - and is for a call that no waiting call precedes, for that agent (same queue: priority with
 *   aging, place in line, enqueue order; across queues: priority with aging, `waitMs × weight`,
 *   place in line, enqueue order), all with the call's *current* priority, requirements, tier
 *   limit and queue,
 * - declines, time-outs, revokes, answers, completions, abandons and withdrawals follow the
 *   documented rules (missed-offer counting, `missed-offers` not-ready, back-offs, wrap-up),
 * - escalation steps apply in order, each once, at `queuedAtMs + afterMs` of the call's current
 *   queue (earlier only for a `skipIfNoAgents` step that no configured agent could serve), with
 *   exactly the documented changes; overflows go where the step or exit action says, only while
 *   the gate is open; a hold-time limit is reached before the call times out, and the exit action
 *   is carried out; refusals are predicted.
 *
 * - callbacks (asked for, or a limit's exit action) keep their place; an unanswered attempt is
 *   retried after its delay at the old place, or fails after the last attempt.
 *
 * Everything the router decides without an event (a wrap-up ending, a back-off ending, a gated
 * overflow found still closed) the model keeps as its own deadline, applied lazily when an event
 * shows it has happened, and in full at the end of every clock step. At the end of every command
 * and step nothing may be overdue: no waiting call is past its hold-time limit or the time of its
 * next step, no callback past its retry time. After each command the whole model is compared with
 * the router's public reads (snapshots, waiting order, positions and wait estimates).
 *
 * Where the router departs from the documented rules in a known, open way, the model follows the
 * router unless told to be strict ({@link ModelOptions}); the strict forms are the regression
 * tests of those bugs.
 */
import type {
  AgentSnapshot,
  CallOutcome,
  CallRouterEventName,
  CallSnapshot,
  EscalationStep,
  OverflowGate,
  RefusalReason,
} from '../../src/index.js';
import {
  agingPerMs,
  bucketKey,
  canonical,
  newMQueue,
  normalized,
  overflowTargets,
  relaxedBy,
  updateMQueue,
  type MQueue,
  type MQueueOptions,
} from './reference-policies.js';

export type { MQueue, MQueueOptions } from './reference-policies.js';

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

export type MCallStatus = 'scheduled' | 'waiting' | 'offered' | 'talking';
export type MCallKind = 'inbound' | 'callback';

export interface MCall {
  readonly id: string;
  queueId: string;
  priority: number;
  channel: string;
  /** Requirements now (escalation may relax them), skills in name order. */
  requirements: Readonly<Record<string, number>>;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly arrivalMs: number;
  /** Place in line: arrival, moved earlier by adjustCallAge, reset by a `keepPlace: false` step. */
  lineMs: number;
  seq: number;
  /** When the call joined its current queue: steps and limits count from here. */
  queuedAtMs: number;
  kind: MCallKind;
  /** Agents up to this tier level of the queue may take the call. */
  maxTier: number;
  /** The escalation plan in force in the current queue, and the index of its next step. */
  plan: readonly EscalationStep[];
  nextStep: number;
  /**
   * A gated overflow step whose gate was closed waits for a recheck, not before this time. Exact
   * while `recheckExact`; a lower bound once the router may have rechecked without an event.
   */
  recheckAtMs: number | undefined;
  recheckExact: boolean;
  /** The call's own hold-time limit (CallInput.maxWaitMs), in the queue it was enqueued to only. */
  ownMaxWaitMs: number;
  /** Callbacks: attempts made and allowed, the delay between them, and when a retry enters line. */
  callbackAttempts: number;
  callbackMaxAttempts: number;
  callbackRetryMs: number;
  dueAtMs: number;
  status: MCallStatus;
  agentId: string | undefined;
  offeredAtMs: number;
  offerExpiresAtMs: number | undefined;
  answeredAtMs: number;
  offers: number;
  timeout: MDeadline | undefined;
  /** The agent whose offer of this call ended during the current command (decline, time-out, revoke). */
  returnedFrom: string | undefined;
  /** The queue the call was back in line in when that offer ended. */
  returnedIn: string | undefined;
}

/** A group of calls the same agents may take (queue, channel, requirements, tier limit), as the router makes them. */
export interface MBucket {
  readonly queueId: string;
  readonly channel: string;
  readonly requirements: Readonly<Record<string, number>>;
  readonly maxTier: number;
  /** Whether an agent who could take its calls is logged in (not offline). */
  staffed: boolean;
  /** When the last such agent logged out; -Infinity when none did since the bucket was made. */
  unstaffedSinceMs: number;
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
  /** Presence as last reported (a presence change under work is reported with from === to). */
  shownPresence: MPresence;
  stateSinceMs: number;
  /** Being removed: out of its pool once its offers are revoked (no longer counted as able to take calls). */
  removing: boolean;
}

export type DeadlineKind = 'offer-timeout' | 'wrap-up-end' | 'agent-ready';

/** Events the model does not follow. */
const NOT_MODELLED: ReadonlySet<string> = new Set([
  'queue:configured',
  'queue:removed',
  'agent:added',
  'agent:updated',
  'agent:removed',
  'call:survey',
  'stats:interval',
]);

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
  | { readonly kind: 'enqueue'; readonly callId: string; readonly refused: RefusalReason | undefined }
  | { readonly kind: 'answer' | 'decline' | 'abandon'; readonly callId: string }
  | { readonly kind: 'complete'; readonly callId: string; readonly outcome: CallOutcome }
  | { readonly kind: 'withdraw'; readonly callId: string; readonly reason: string }
  | { readonly kind: 'reprioritize'; readonly callId: string; readonly priority: number; readonly lineMs: number }
  | { readonly kind: 'requestCallback'; readonly callId: string; readonly maxAttempts?: number; readonly retryDelayMs?: number }
  | { readonly kind: 'callbackUnanswered'; readonly callId: string; readonly fails: boolean }
  | { readonly kind: 'removeAgent'; readonly agentId: string }
  | { readonly kind: 'updateQueue'; readonly queueId: string }
  | { readonly kind: 'step' }
  | { readonly kind: 'other' };

/** An offer made during one command: (call, agent), and the index of its event in the command. */
export interface MadeOffer {
  readonly callId: string;
  readonly agentId: string;
  readonly at: number;
}

/** An event that must come next: the second half of a move the router makes in one go. */
interface Expected {
  readonly name: CallRouterEventName;
  readonly callId: string;
  readonly queueId?: string;
  readonly reason: string;
}

/** What makes an agent able to take a call: its queues with tier levels, skills and channels. */
interface Profile {
  readonly queues: ReadonlyMap<string, number>;
  readonly skills: ReadonlyMap<string, number>;
  readonly capacity: ReadonlyMap<string, number>;
}

/** An agent who could take calls of this profile stopped being logged in with it (logged out, removed, or changed). */
interface Logout extends Profile {
  readonly atMs: number;
}

function profileLinks(a: Profile, b: Pick<MBucket, 'queueId' | 'channel' | 'requirements' | 'maxTier'>): boolean {
  const level = a.queues.get(b.queueId);
  if (level === undefined || level > b.maxTier || (a.capacity.get(b.channel) ?? 0) <= 0) return false;
  return Object.entries(b.requirements).every(([skill, min]) => (a.skills.get(skill) ?? 0) >= min);
}

const sameLevels = (x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): boolean =>
  x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);

const sameProfile = (a: Profile, b: Profile): boolean =>
  sameLevels(a.queues, b.queues) && sameLevels(a.skills, b.skills) && sameLevels(a.capacity, b.capacity);

export class ModelError extends Error {
  override readonly name = 'ModelError';
}

function fail(message: string): never {
  throw new ModelError(message);
}

function primaryOf(ctx: OpContext): CallRouterEventName | undefined {
  switch (ctx.kind) {
    case 'enqueue':
      return ctx.refused === undefined ? 'call:queued' : 'call:refused';
    case 'answer':
      return 'call:answered';
    case 'decline':
      return 'call:declined';
    case 'abandon':
      return 'call:abandoned';
    case 'complete':
      return 'call:completed';
    case 'withdraw':
      return 'call:withdrawn';
    case 'reprioritize':
      return 'call:reprioritized';
    case 'requestCallback':
      return 'call:callback-scheduled';
    case 'callbackUnanswered':
      return ctx.fails ? 'call:callback-failed' : 'call:callback-scheduled';
    default:
      return undefined;
  }
}

/** Options of the model itself. */
export interface ModelOptions {
  /**
   * Whether calls back in line together from unanswered offers must each get their overdue timed
   * action (a hold-time limit passed while they rang, a step due meanwhile) before any of them is
   * routed, and then be routed in order. On by default; `false` tolerated the router's old
   * behaviour (each call routed from its own action at once), fixed since (see the regressions in
   * test/policies.property.test.ts).
   */
  readonly strictReturnedCalls?: boolean;
  /**
   * Whether the no-agents limit counts from the last logout of any agent who could take the call
   * as it stands (the documented rule). On by default; `false` tolerated the router's old
   * behaviour (a group of calls made after that logout counted from when the call joined), fixed
   * since (see the regressions in test/policies.property.test.ts).
   */
  readonly strictNoAgentsClock?: boolean;
}

export class ReferenceModel {
  nowMs: number;
  readonly policy: ModelPolicy;
  readonly options: ModelOptions;
  readonly queues: MQueue[] = [];
  readonly agents: MAgent[] = [];
  /** Live calls, in enqueue order. */
  readonly calls: MCall[] = [];
  /** Ids of calls that left (completed, abandoned, withdrawn, timed out) or were refused, that no live call reuses. */
  readonly deadIds = new Set<string>();
  readonly deadlines: MDeadline[] = [];
  /** Ids of calls that left (or were refused) during the current command. */
  readonly leftThisOp = new Set<string>();
  /** Times each queue's calls were answered, oldest first (for wait estimates). */
  readonly answers = new Map<string, number[]>();
  /** Buckets the router has made, by {@link bucketKey}. */
  readonly buckets = new Map<string, MBucket>();
  arrived = 0;
  completed = 0;
  abandoned = 0;
  withdrawn = 0;
  /** Calls that reached a hold-time limit and left the engine (disconnect, voicemail). */
  timedOut = 0;
  /** Callbacks whose last attempt went unanswered. */
  callbacksFailed = 0;
  refused = 0;
  /** Fresh call ids are `c0`, `c1`, … */
  nextCallNumber = 0;
  #deadlineSeq = 0;
  #callSeq = 0;
  /** Offers made during the current command. */
  offersThisOp: MadeOffer[] = [];
  /** Index of the event being replayed in the current command. */
  #eventIndex = 0;
  /** Calls whose priority, requirements, tier limit, queue or channel a policy changed in this command: index of the last change. */
  readonly #changedAt = new Map<string, number>();
  /** Calls whose timed actions the router re-evaluates in this command (a due `skipIfNoAgents` step must apply). */
  readonly #armed = new Set<string>();
  #expected: Expected | undefined;
  /** Calls that reached a hold-time limit in this command and stayed (exit overflow or callback). */
  readonly #timedOutNow = new Set<string>();
  /** Calls back in line from an unanswered offer in this command whose overdue timed action ran. */
  readonly #returnedFired = new Set<string>();
  /** Profile of each logged-in agent, and every time such a profile stopped being logged in. */
  readonly #loggedIn = new Map<string, Profile>();
  readonly #logouts: Logout[] = [];
  /** Calls escalated in this command (a step may leave the call at a limit; the router times it out after the steps due). */
  readonly #escalatedNow = new Set<string>();
  /** Overflows per call at the current instant (the router allows 8). */
  readonly #hops = new Map<string, number>();
  #hopsAtMs = Number.NaN;

  constructor(policy: ModelPolicy, options: ModelOptions = {}, nowMs = 0) {
    this.policy = policy;
    this.options = options;
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

  #queueOf(c: MCall): MQueue {
    return this.queue(c.queueId) ?? fail(`model: ${c.id} is in the unknown queue ${c.queueId}`);
  }

  waitingIn(queueId: string): MCall[] {
    return this.calls
      .filter((c) => c.status === 'waiting' && c.queueId === queueId)
      .sort((a, b) => (this.aheadInLine(a, b) ? -1 : this.aheadInLine(b, a) ? 1 : 0));
  }

  waitingCount(queueId: string): number {
    return this.calls.filter((c) => c.status === 'waiting' && c.queueId === queueId).length;
  }

  liveCountIn(queueId: string): number {
    return this.calls.filter((c) => c.queueId === queueId).length;
  }

  /** How long the earliest-joined unanswered call of a queue has been in it (0 when none). */
  longestWaitMs(queueId: string): number {
    let first = Infinity;
    for (const c of this.calls) {
      if (c.queueId === queueId && (c.status === 'waiting' || c.status === 'offered')) first = Math.min(first, c.queuedAtMs);
    }
    return first === Infinity ? 0 : this.nowMs - first;
  }

  computedState(a: MAgent): MState {
    return a.offers > 0 ? 'offered' : a.talking > 0 ? 'busy' : a.wrapUps > 0 ? 'wrap-up' : a.presence;
  }

  /** Why agent `a` may not take call `c` now, or undefined when it may. */
  whyNot(a: MAgent, c: MCall): string | undefined {
    const level = a.queues.get(c.queueId);
    if (level === undefined) return `does not serve ${c.queueId}`;
    if (level > c.maxTier) return `serves ${c.queueId} at tier ${level}, above the call's tier limit ${c.maxTier}`;
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

  /**
   * Whether agent `a`, whatever its presence and load, could take calls of bucket `b`: it serves
   * the queue at a tier level within the limit, has capacity on the channel and the skills.
   */
  links(a: MAgent, b: Pick<MBucket, 'queueId' | 'channel' | 'requirements' | 'maxTier'>): boolean {
    return !a.removing && profileLinks(a, b);
  }

  // ---- order ---------------------------------------------------------------------------------

  /** The line's priority key: the priority, less what aging will add back (the router's own formula). */
  rank(c: MCall): number {
    const rate = agingPerMs(this.#queueOf(c));
    return rate === 0 ? c.priority : c.priority - c.lineMs * rate;
  }

  /** Priority now, with aging. */
  effectivePriority(c: MCall): number {
    return this.rank(c) + this.nowMs * agingPerMs(this.#queueOf(c));
  }

  /** Same-queue service order: is `a` ahead of `b` in line? (priority with aging, then place in line, then enqueue order) */
  aheadInLine(a: MCall, b: MCall): boolean {
    const ra = this.rank(a);
    const rb = this.rank(b);
    if (ra !== rb) return ra > rb;
    if (a.lineMs !== b.lineMs) return a.lineMs < b.lineMs;
    return a.seq < b.seq;
  }

  /** Cross-queue order of a freed agent: is `a` a better pick than `b`? */
  betterForAgent(a: MCall, b: MCall): boolean {
    const pa = this.effectivePriority(a);
    const pb = this.effectivePriority(b);
    if (pa !== pb) return pa > pb;
    const sa = (this.nowMs - a.lineMs) * this.#queueOf(a).weight;
    const sb = (this.nowMs - b.lineMs) * this.#queueOf(b).weight;
    if (sa !== sb) return sa > sb;
    if (a.lineMs !== b.lineMs) return a.lineMs < b.lineMs;
    return a.seq < b.seq;
  }

  // ---- position and wait estimate -------------------------------------------------------------

  /**
   * 1-based position of a waiting call among the waiting calls that compete with it for the same
   * agents (its own group, and every group on its channel an agent who could take it could also
   * take), in the cross-queue order; 0 when not waiting.
   */
  positionOf(c: MCall): number {
    if (c.status !== 'waiting') return 0;
    const mine = this.bucketOf(c);
    const able = this.agents.filter((a) => this.links(a, mine));
    let position = 1;
    for (const w of this.calls) {
      if (w === c || w.status !== 'waiting' || w.channel !== c.channel || !this.betterForAgent(w, c)) continue;
      const theirs = this.bucketOf(w);
      if (theirs === mine || able.some((a) => this.links(a, theirs))) position++;
    }
    return position;
  }

  /**
   * Position × the mean time between the queue's last (up to 32) answers, measured up to now; with
   * none before now: ⌈position ÷ agents logged in who could take it⌉ × 180 s, Infinity with none.
   */
  estimatedWaitMs(c: MCall): number {
    if (c.status !== 'waiting') return 0;
    const position = this.positionOf(c);
    const answers = this.answers.get(c.queueId) ?? [];
    const history = Math.min(answers.length, 32);
    const oldest = history === 0 ? this.nowMs : (answers[answers.length - history] as number);
    if (this.nowMs > oldest) return (position * (this.nowMs - oldest)) / history;
    const mine = this.bucketOf(c);
    const agents = this.agents.filter((a) => a.presence !== 'offline' && this.links(a, mine)).length;
    return agents === 0 ? Infinity : Math.ceil(position / agents) * 180_000;
  }

  // ---- buckets and staffing ------------------------------------------------------------------

  /** The router makes a bucket the first time a call of it is seen (joins, or is checked for a refusal). */
  ensureBucket(queueId: string, channel: string, requirements: Readonly<Record<string, number>>, maxTier: number): MBucket {
    const key = bucketKey(queueId, channel, requirements, maxTier);
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { queueId, channel, requirements: normalized(requirements), maxTier, staffed: false, unstaffedSinceMs: -Infinity };
      b.staffed = this.#staffed(b);
      this.buckets.set(key, b);
    }
    return b;
  }

  bucketOf(c: MCall): MBucket {
    return this.buckets.get(bucketKey(c.queueId, c.channel, c.requirements, c.maxTier)) ?? fail(`model: no bucket for ${c.id}`);
  }

  #staffed(b: MBucket): boolean {
    return this.agents.some((a) => a.presence !== 'offline' && this.links(a, b));
  }

  /** Whether any agent, of any presence, could take calls of the bucket. */
  configured(b: MBucket): boolean {
    return this.agents.some((a) => this.links(a, b));
  }

  /** Agents' presence or profiles changed: buckets left with nobody logged in start their no-agent clocks now. */
  refreshStaffing(): void {
    for (const b of this.buckets.values()) {
      const staffed = this.#staffed(b);
      if (b.staffed && !staffed) b.unstaffedSinceMs = this.nowMs;
      b.staffed = staffed;
    }
    for (const a of this.agents) {
      const before = this.#loggedIn.get(a.id);
      const now = a.presence === 'offline' || a.removing ? undefined : { queues: new Map(a.queues), skills: new Map(a.skills), capacity: new Map(a.capacity) };
      if (before !== undefined && (now === undefined || !sameProfile(before, now))) this.#logouts.push({ ...before, atMs: this.nowMs });
      if (now === undefined) this.#loggedIn.delete(a.id);
      else this.#loggedIn.set(a.id, now);
    }
  }

  /** The last time an agent who could take calls of the bucket stopped being logged in with that profile. */
  lastLogoutMs(b: MBucket): number {
    let at = -Infinity;
    for (const logout of this.#logouts) if (logout.atMs > at && profileLinks(logout, b)) at = logout.atMs;
    return at;
  }

  /** Why a queue would refuse a new call of this kind now, or undefined. */
  refusal(queueId: string, channel: string, requirements: Readonly<Record<string, number>>): RefusalReason | undefined {
    const q = this.queue(queueId) as MQueue;
    if (this.waitingCount(queueId) >= q.maxLength) return 'queue-full';
    const b = { queueId, channel, requirements, maxTier: q.maxTier };
    if (q.joinRule === 'agents-logged-in' && !this.agents.some((a) => a.presence !== 'offline' && this.links(a, b))) return 'no-agents';
    if (q.joinRule === 'agents-available' && !this.agents.some((a) => a.presence === 'available' && this.links(a, b))) return 'no-agents';
    return undefined;
  }

  // ---- timed actions of a call ---------------------------------------------------------------

  /** When a waiting call reaches its hold-time limit (Infinity for a callback). */
  limitAt(c: MCall): number {
    if (c.kind !== 'inbound') return Infinity;
    return c.queuedAtMs + Math.min(this.#queueOf(c).maxWaitMs, c.ownMaxWaitMs);
  }

  /** When a waiting call reaches its queue's limit for waiting with nobody logged in who could take it. */
  noAgentsAt(c: MCall): number {
    const limit = this.#queueOf(c).maxWaitNoAgentsMs;
    if (c.kind !== 'inbound' || limit === Infinity) return Infinity;
    const b = this.bucketOf(c);
    if (this.#staffed(b)) return Infinity;
    const since = this.options.strictNoAgentsClock !== false ? this.lastLogoutMs(b) : b.unstaffedSinceMs;
    return Math.max(c.queuedAtMs, since) + limit;
  }

  /** When the call's next step comes due by time (not early, not a recheck). */
  stepDueAt(c: MCall): number {
    const step = c.plan[c.nextStep];
    if (step === undefined || c.recheckAtMs !== undefined) return Infinity;
    return c.queuedAtMs + step.afterMs;
  }

  #hopsLeft(c: MCall): boolean {
    if (this.#hopsAtMs !== this.nowMs) {
      this.#hopsAtMs = this.nowMs;
      this.#hops.clear();
    }
    return (this.#hops.get(c.id) ?? 0) < 8;
  }

  #hop(c: MCall): void {
    this.#hopsLeft(c);
    this.#hops.set(c.id, (this.#hops.get(c.id) ?? 0) + 1);
  }

  /** Whether the call's next step may apply now, ahead of its time: nobody configured could take the call. */
  skipsNow(c: MCall): boolean {
    const step = c.plan[c.nextStep];
    if (step === undefined || step.skipIfNoAgents !== true || c.recheckAtMs !== undefined) return false;
    if (c.queuedAtMs + step.afterMs <= this.nowMs || this.configured(this.bucketOf(c))) return false;
    return step.overflow === undefined || this.#hopsLeft(c);
  }

  #gateOpen(target: MQueue, gate: OverflowGate | undefined): boolean {
    if (gate?.maxWaiting !== undefined && this.waitingCount(target.id) >= gate.maxWaiting) return false;
    if (gate?.maxLongestWaitMs !== undefined && this.longestWaitMs(target.id) >= gate.maxLongestWaitMs) return false;
    return true;
  }

  /** Time of the earliest thing the model knows is due after now (a deadline or a call's timed action). */
  nextDueAt(): number | undefined {
    let at = Infinity;
    const consider = (t: number): void => {
      if (t > this.nowMs && t < at) at = t;
    };
    for (const d of this.deadlines) if (d.live) consider(d.atMs);
    for (const c of this.calls) {
      if (c.status === 'scheduled') consider(c.dueAtMs);
      if (c.status !== 'waiting') continue;
      consider(this.limitAt(c));
      consider(this.noAgentsAt(c));
      consider(this.stepDueAt(c));
      if (c.recheckAtMs !== undefined && c.recheckExact) consider(c.recheckAtMs);
    }
    return at === Infinity ? undefined : at;
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

  /** Whether the router has work under way that ends by time (wrap-ups, back-offs, offers). */
  hasLiveDeadlines(): boolean {
    return this.deadlines.some((d) => d.live);
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

  addQueue(id: string, options: MQueueOptions): void {
    this.queues.push(newMQueue(id, options));
    this.answers.set(id, []);
  }

  /** updateQueue's own change; time-outs of waiting calls under new limits then come as events. */
  updateQueue(id: string, update: MQueueOptions): void {
    updateMQueue(this.queue(id) as MQueue, update);
  }

  removeQueue(id: string): void {
    this.queues.splice(this.queues.findIndex((q) => q.id === id), 1);
    for (const a of this.agents) a.queues.delete(id);
    for (const [key, b] of this.buckets) if (b.queueId === id) this.buckets.delete(key);
    this.answers.delete(id);
    this.refreshStaffing();
  }

  /** Why removeQueue refuses: live calls, or another queue sends calls to it. */
  removeQueueBlocked(id: string): string | undefined {
    const live = this.liveCountIn(id);
    if (live > 0) return `${live} live call(s)`;
    const source = this.queues.find((q) => q.id !== id && overflowTargets(q).includes(id));
    return source === undefined ? undefined : `an overflow target of ${source.id}`;
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
      shownPresence: input.presence,
      stateSinceMs: this.nowMs,
      removing: false,
    });
    this.refreshStaffing();
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
    this.refreshStaffing();
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
    this.refreshStaffing();
    return true;
  }

  /** removeAgent's own change, before its events (revokes, state changes). */
  beginRemoveAgent(id: string): void {
    const a = this.agent(id) as MAgent;
    a.presence = 'offline';
    a.reason = undefined;
    a.removing = true;
    this.refreshStaffing();
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
    this.leftThisOp.clear();
    this.#changedAt.clear();
    this.#armed.clear();
    this.#timedOutNow.clear();
    this.#returnedFired.clear();
    this.#escalatedNow.clear();
    this.#expected = undefined;
    if (ctx.kind === 'updateQueue') {
      // New limits and plans are looked at for every call of the queue at once.
      for (const c of this.calls) if (c.queueId === ctx.queueId) this.#armed.add(c.id);
    }
    const primary = primaryOf(ctx);
    let first = true;
    let sawPrimary = false;
    this.#eventIndex = 0;
    for (const e of events) {
      // Configuration, survey and interval events feed the statistics; test/stats-*.test.ts check them.
      if (e.name === 'listener-error' || NOT_MODELLED.has(e.name)) continue;
      this.#eventIndex++;
      const p = e.payload;
      const where = `${e.name} ${JSON.stringify({ callId: p.callId, agentId: p.agentId })} during ${JSON.stringify(ctx)}`;
      if (p.atMs !== this.nowMs) fail(`${where}: atMs ${p.atMs}, expected ${this.nowMs}`);
      const isPrimary =
        primary !== undefined && e.name === primary && 'callId' in ctx && p.callId === ctx.callId && !sawPrimary;
      // Handing a call on (an unanswered callback) shows the agent's new state first.
      const statesFirst = ctx.kind === 'callbackUnanswered' && e.name === 'agent:state-changed' && !sawPrimary;
      if (primary !== undefined && first && !isPrimary && !statesFirst) fail(`${where}: the first event must be ${primary} for the command's call`);
      if (isPrimary) sawPrimary = true;
      if (!statesFirst) first = false;
      const expected = this.#expected as Expected | undefined;
      this.#expected = undefined;
      if (expected !== undefined && (e.name !== expected.name || p.callId !== expected.callId)) {
        fail(`${where}: expected ${expected.name} for ${expected.callId} (${expected.reason}) right before it`);
      }
      switch (e.name) {
        case 'call:queued':
          if (isPrimary) this.#onQueued(p, ctx as { callId: string });
          else this.#onCallbackDue(p, where);
          break;
        case 'call:refused':
          if (!isPrimary) fail(`${where}: unexpected call:refused`);
          this.#onRefused(p, ctx as { callId: string; refused: RefusalReason }, where);
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
        case 'call:withdrawn':
          if (!isPrimary) fail(`${where}: unexpected call:withdrawn`);
          this.#onWithdrawn(p, ctx as { reason: string }, where);
          break;
        case 'call:completed':
          if (!isPrimary) fail(`${where}: unexpected call:completed`);
          this.#onCompleted(p, ctx as { outcome: CallOutcome }, where);
          break;
        case 'call:reprioritized':
          if (!isPrimary) fail(`${where}: unexpected call:reprioritized`);
          this.#onReprioritized(p, ctx as { priority: number; lineMs: number }, where);
          break;
        case 'call:escalated':
          this.#onEscalated(p, where);
          break;
        case 'call:overflowed':
          this.#onOverflowed(p, expected, where);
          break;
        case 'call:timed-out':
          this.#onTimedOut(p, where);
          break;
        case 'call:callback-scheduled':
          if (!isPrimary && expected === undefined) fail(`${where}: unexpected call:callback-scheduled`);
          if (isPrimary && ctx.kind === 'callbackUnanswered') this.#onRetry(p, where);
          else this.#onCallbackScheduled(p, isPrimary ? (ctx as { maxAttempts?: number; retryDelayMs?: number }) : {}, isPrimary ? 'requested' : 'timeout', where);
          break;
        case 'call:callback-failed':
          if (!isPrimary) fail(`${where}: unexpected call:callback-failed`);
          this.#onCallbackFailed(p, where);
          break;
        case 'agent:state-changed':
          this.#onStateChanged(p, ctx, where);
          break;
        default:
          fail(`${where}: unexpected event`);
      }
    }
    const left = this.#expected as Expected | undefined;
    if (left !== undefined) fail(`${JSON.stringify(ctx)}: no ${left.name} for ${left.callId} (${left.reason})`);
    if (primary !== undefined && !sawPrimary) fail(`${JSON.stringify(ctx)} emitted no ${primary}`);
  }

  #onQueued(
    p: { callId: string; queueId: string; priority: number; channel: string; kind: string; rejoined: boolean; knownAgentId: unknown },
    ctx: { callId: string },
  ): void {
    if (p.callId !== ctx.callId) fail(`call:queued for ${p.callId}, expected ${ctx.callId}`);
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'waiting' || c.offers !== 0) fail(`call:queued for ${p.callId} the model did not admit`);
    if (p.queueId !== c.queueId || p.priority !== c.priority || p.channel !== c.channel || p.kind !== 'inbound') {
      fail(`call:queued payload ${JSON.stringify(p)} does not match the call`);
    }
    if (p.rejoined !== false || p.knownAgentId !== undefined) fail(`call:queued payload ${JSON.stringify(p)}: no rejoin, no known agent`);
    this.#armed.add(c.id);
    this.arrived++;
  }

  #onRefused(p: { callId: string; queueId: string; reason: string }, ctx: { callId: string; refused: RefusalReason }, where: string): void {
    if (this.call(p.callId) !== undefined) fail(`${where}: refused a live call`);
    if (p.reason !== ctx.refused) fail(`${where}: reason ${p.reason}, expected ${ctx.refused}`);
    this.refused++;
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
    escalation: readonly EscalationStep[] | undefined;
    maxWaitMs: number | undefined;
  }): void {
    const { escalation, maxWaitMs, ...rest } = input;
    const q = this.queue(input.queueId) as MQueue;
    const requirements = normalized(input.requirements);
    this.deadIds.delete(input.id);
    this.ensureBucket(q.id, input.channel, requirements, q.maxTier);
    this.calls.push({
      ...rest,
      requirements,
      arrivalMs: this.nowMs,
      lineMs: this.nowMs,
      seq: this.#callSeq++,
      queuedAtMs: this.nowMs,
      kind: 'inbound',
      maxTier: q.maxTier,
      plan: escalation ?? q.escalation,
      nextStep: 0,
      recheckAtMs: undefined,
      recheckExact: true,
      ownMaxWaitMs: maxWaitMs ?? Infinity,
      callbackAttempts: 0,
      callbackMaxAttempts: q.callback.maxAttempts,
      callbackRetryMs: q.callback.retryDelayMs,
      dueAtMs: 0,
      status: 'waiting',
      agentId: undefined,
      offeredAtMs: 0,
      offerExpiresAtMs: undefined,
      answeredAtMs: 0,
      offers: 0,
      timeout: undefined,
      returnedFrom: undefined,
      returnedIn: undefined,
    });
  }

  /** A refused call: the router made its bucket (to decide), and keeps nothing else. */
  refuse(input: { id: string; queueId: string; channel: string; requirements: Record<string, number> }): void {
    const q = this.queue(input.queueId) as MQueue;
    this.ensureBucket(q.id, input.channel, input.requirements, q.maxTier);
    this.deadIds.add(input.id);
    this.leftThisOp.add(input.id);
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
      kind: string;
      via: string;
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
    // A call back in line from an unanswered offer gets its overdue timed action first: past its
    // hold-time limit it times out rather than ringing again, else a step due meanwhile applies.
    // (A limit comes first: steps due at the same time as a limit wait for the call's next timer.)
    const overdue = this.limitAt(c) <= this.nowMs || (!this.#timedOutNow.has(c.id) && this.stepDueAt(c) <= this.nowMs);
    const routedWithAnother = [...this.#returnedFired].some((id) => id !== c.id);
    if (c.returnedIn === c.queueId && overdue && (this.options.strictReturnedCalls !== false || !routedWithAnother)) {
      fail(
        `${where}: ${c.id} came back to line with its hold-time limit (${this.limitAt(c)}) or step ${c.nextStep} ` +
          `(${this.stepDueAt(c)}) overdue, and was offered again before they were handled`,
      );
    }

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
    const describe = (w: MCall): string =>
      `${w.id} (${w.queueId}, priority ${w.priority}, rank ${this.rank(w)}, line ${w.lineMs}, seq ${w.seq}, requirements ${JSON.stringify(w.requirements)}, tier limit ${w.maxTier})`;
    // Served order in the call's queue (invariant 3).
    for (const w of this.calls) {
      if (w === c || w.status !== 'waiting' || w.queueId !== c.queueId || this.#routedEarly(c, w)) continue;
      if (this.aheadInLine(w, c) && this.mayTake(x, w)) {
        fail(`${where}: served out of order: ${describe(w)} waits ahead of ${describe(c)} and ${x.id} may take it`);
      }
    }
    // Across queues: the agent takes the highest priority, then largest waitMs × weight.
    for (const w of this.calls) {
      if (w === c || w.status !== 'waiting' || w.queueId === c.queueId || this.#routedEarly(c, w)) continue;
      if (this.betterForAgent(w, c) && this.mayTake(x, w)) {
        fail(`${where}: ${x.id} was offered ${describe(c)} while the better call ${describe(w)} waits and ${x.id} may take it`);
      }
    }
    const q = this.#queueOf(c);
    const expires = q.offerTimeoutMs === Infinity ? undefined : this.nowMs + q.offerTimeoutMs;
    if (p.queueId !== c.queueId || p.channel !== c.channel || p.customerId !== c.customerId) fail(`${where}: payload mismatch`);
    if (p.kind !== c.kind || p.via !== 'queue') fail(`${where}: kind ${p.kind} via ${p.via}, expected ${c.kind} via queue`);
    if (p.attempt !== c.offers + 1) fail(`${where}: attempt ${p.attempt}, expected ${c.offers + 1}`);
    if (p.expiresAtMs !== expires) fail(`${where}: expiresAtMs ${p.expiresAtMs}, expected ${expires}`);

    // A gated overflow due for its recheck may or may not have been rechecked before this offer.
    if (c.recheckAtMs !== undefined && c.recheckAtMs <= this.nowMs) c.recheckExact = false;
    c.status = 'offered';
    c.agentId = x.id;
    c.offeredAtMs = this.nowMs;
    c.offers++;
    c.offerExpiresAtMs = expires;
    c.timeout = expires === undefined ? undefined : this.#addDeadline(expires, 'offer-timeout', c.id);
    c.returnedFrom = undefined;
    c.returnedIn = undefined;
    x.offers++;
    x.callIds.push(c.id);
    this.#load(x, c.channel);
    this.offersThisOp.push({ callId: c.id, agentId: x.id, at: this.#eventIndex });
  }

  /**
   * The open bug `strictReturnedCalls` is about, second face: a call back in line whose overdue
   * timed action ran (a step, or a limit into a callback) is routed by that action at once, before
   * the other calls returned with it (`w`) are back in order. Tolerated unless strict.
   */
  #routedEarly(c: MCall, w: MCall): boolean {
    return this.options.strictReturnedCalls === false && this.#returnedFired.has(c.id) && w.returnedFrom !== undefined;
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
    c.returnedIn = c.queueId;
    this.#armed.add(c.id);
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
    // The router looks at the call's timed actions before the agent leaves its pool.
    if (removing) this.#armed.delete(c.id);
  }

  #onAnswered(p: { callId: string; agentId: string; waitMs: number; kind: string }, where: string): void {
    const c = this.#offeredCall(p, where);
    const x = this.agent(p.agentId) as MAgent;
    if (p.waitMs !== this.nowMs - c.arrivalMs) fail(`${where}: waitMs ${p.waitMs}`);
    if (p.kind !== c.kind) fail(`${where}: kind ${p.kind}, expected ${c.kind}`);
    this.#cancelTimeout(c);
    c.status = 'talking';
    c.answeredAtMs = this.nowMs;
    x.offers--;
    x.talking++;
    x.missedOffers = 0;
    x.callsHandled++;
    if (c.kind === 'callback') c.callbackAttempts++;
    this.answers.get(c.queueId)?.push(this.nowMs);
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
    p: { callId: string; agentId: string; waitMs: number; talkMs: number; outcome: CallOutcome; kind: string },
    ctx: { outcome: CallOutcome },
    where: string,
  ): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'talking') fail(`${where}: completed a call that is ${c?.status ?? 'not live'}`);
    if (p.kind !== c.kind) fail(`${where}: kind ${p.kind}, expected ${c.kind}`);
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

  #onWithdrawn(p: { callId: string; phase: string; agentId: string | undefined; reason: string }, ctx: { reason: string }, where: string): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status === 'talking') fail(`${where}: withdrew a call that is ${c?.status ?? 'not live'}`);
    if (p.phase !== c.status) fail(`${where}: phase ${p.phase}, expected ${c.status}`);
    if (p.agentId !== c.agentId) fail(`${where}: agentId ${p.agentId}, expected ${c.agentId}`);
    if (p.reason !== ctx.reason) fail(`${where}: reason ${p.reason}, expected ${ctx.reason}`);
    this.#dropUnanswered(c);
    this.withdrawn++;
  }

  /** A call that is not connected leaves: an offer's slot is freed (the agent keeps no missed offer). */
  #dropUnanswered(c: MCall): void {
    if (c.status === 'offered') {
      const x = this.agent(c.agentId as string) as MAgent;
      this.#cancelTimeout(c);
      x.offers--;
      this.#removeCallId(x, c.id);
      this.#unload(x, c.channel);
    }
    this.#forget(c);
  }

  #onReprioritized(p: { callId: string; priority: number; lineMs: number }, ctx: { priority: number; lineMs: number }, where: string): void {
    const c = this.call(p.callId);
    if (c === undefined) fail(`${where}: reprioritized a call that is not live`);
    if (p.priority !== ctx.priority || p.lineMs !== ctx.lineMs) fail(`${where}: priority ${p.priority} line ${p.lineMs}, expected ${ctx.priority} ${ctx.lineMs}`);
    c.priority = ctx.priority;
    c.lineMs = ctx.lineMs;
    this.#changedAt.set(c.id, this.#eventIndex);
  }

  /** A waiting call of the router's own timed actions: it must be live and waiting in the payload's queue. */
  #waitingCall(p: { callId: string; queueId: string }, where: string): MCall {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'waiting') fail(`${where}: the call is ${c?.status ?? 'not live'}, not waiting`);
    if (p.queueId !== c.queueId) fail(`${where}: queueId ${p.queueId}, but the call is in ${c.queueId}`);
    return c;
  }

  /** A limit reached comes first: a call past its hold-time limit times out, it is not escalated. */
  #limitReached(c: MCall): boolean {
    return this.limitAt(c) <= this.nowMs || this.noAgentsAt(c) <= this.nowMs;
  }

  /**
   * A gated overflow the model waits to recheck: if the router gave the step up silently (its
   * target queue is gone), apply that now. Returns whether the step is still waiting for a recheck.
   */
  #recheckPending(c: MCall): boolean {
    if (c.recheckAtMs === undefined) return false;
    const step = c.plan[c.nextStep] as EscalationStep;
    const target = this.queue(step.overflow?.queue ?? '');
    if (c.recheckAtMs <= this.nowMs && (target === undefined || target.id === c.queueId)) {
      c.recheckAtMs = undefined;
      c.nextStep++;
      return false;
    }
    return true;
  }

  #onEscalated(
    p: { callId: string; queueId: string; step: number; name: string | undefined; changes: unknown; early: boolean; waitMs: number },
    where: string,
  ): void {
    const c = this.#waitingCall(p, where);
    if (c.returnedFrom !== undefined) this.#returnedFired.add(c.id);
    if (this.#recheckPending(c)) fail(`${where}: escalated again while step ${c.nextStep} waits for its overflow recheck`);
    const step = c.plan[c.nextStep];
    if (step === undefined) fail(`${where}: step ${p.step}, but the plan has ${c.plan.length} step(s), all applied`);
    if (p.step !== c.nextStep) fail(`${where}: step ${p.step}, expected the next step ${c.nextStep} (steps apply in order, each once)`);
    if (this.#limitReached(c) && !this.#escalatedNow.has(c.id)) fail(`${where}: escalated a call at its hold-time limit (it must time out)`);
    this.#escalatedNow.add(c.id);
    const dueAt = c.queuedAtMs + step.afterMs;
    const early = this.nowMs < dueAt;
    if (early && !this.skipsNow(c)) {
      fail(`${where}: step ${p.step} applied at ${this.nowMs}, before ${dueAt} (queued at ${c.queuedAtMs} + afterMs ${step.afterMs}), and it may not skip ahead`);
    }
    if (p.early !== early || p.name !== step.name || p.waitMs !== this.nowMs - c.queuedAtMs) {
      fail(`${where}: early ${p.early} name ${p.name} waitMs ${p.waitMs}, expected ${early} ${step.name} ${this.nowMs - c.queuedAtMs}`);
    }

    // The step's changes: priority raised, requirements relaxed, tier limit widened, place reset.
    const priority = c.priority + (step.raisePriority ?? 0);
    const requirements = relaxedBy(c.requirements, step);
    const maxTier = step.maxTier === undefined ? c.maxTier : Math.max(c.maxTier, step.maxTier);
    const changes: Record<string, unknown> = {};
    if (priority !== c.priority) changes.priority = { from: c.priority, to: priority };
    if (requirements !== undefined) changes.requirements = { from: c.requirements, to: requirements };
    if (maxTier !== c.maxTier) changes.maxTier = { from: c.maxTier, to: maxTier };
    if (step.keepPlace === false) changes.placeReset = true;
    if (canonical(p.changes) !== canonical(changes)) fail(`${where}: changes ${canonical(p.changes)}, expected ${canonical(changes)}`);
    const movesBucket = requirements !== undefined || maxTier !== c.maxTier;
    c.priority = priority;
    c.maxTier = maxTier;
    if (requirements !== undefined) c.requirements = requirements;
    if (step.keepPlace === false) {
      c.lineMs = this.nowMs;
      c.seq = this.#callSeq++;
    }
    if (movesBucket) this.ensureBucket(c.queueId, c.channel, c.requirements, c.maxTier);
    this.#changedAt.set(c.id, this.#eventIndex);
    this.#armed.add(c.id);

    // Then its overflow, while the gate is open.
    const overflow = step.overflow;
    const target = overflow === undefined ? undefined : this.queue(overflow.queue);
    if (overflow !== undefined && target !== undefined && target.id !== c.queueId) {
      if (this.#gateOpen(target, overflow.when) && this.#hopsLeft(c)) {
        this.#expected = { name: 'call:overflowed', callId: c.id, queueId: target.id, reason: 'escalation' };
        return;
      }
      if (overflow.recheckMs !== undefined) {
        c.recheckAtMs = this.nowMs + overflow.recheckMs;
        c.recheckExact = true;
        return;
      }
    }
    c.nextStep++;
  }

  #onOverflowed(p: { callId: string; queueId: string; fromQueueId: string; reason: string }, expected: Expected | undefined, where: string): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'waiting') fail(`${where}: the call is ${c?.status ?? 'not live'}, not waiting`);
    if (p.fromQueueId !== c.queueId) fail(`${where}: fromQueueId ${p.fromQueueId}, but the call is in ${c.queueId}`);
    if (expected !== undefined) {
      if (p.queueId !== expected.queueId || p.reason !== expected.reason) {
        fail(`${where}: to ${p.queueId} (${p.reason}), expected ${expected.queueId} (${expected.reason})`);
      }
    } else {
      // Only a gated overflow found open at its recheck moves a call without another event first.
      const step = c.plan[c.nextStep];
      const overflow = step?.overflow;
      const target = overflow === undefined ? undefined : this.queue(overflow.queue);
      if (c.recheckAtMs === undefined || overflow === undefined || target === undefined) fail(`${where}: no step overflows the call now`);
      if (this.nowMs < c.recheckAtMs) fail(`${where}: rechecked at ${this.nowMs}, before ${c.recheckAtMs}`);
      if (this.#limitReached(c)) fail(`${where}: overflowed a call at its hold-time limit (it must time out)`);
      if (p.queueId !== target.id || p.reason !== 'escalation') fail(`${where}: to ${p.queueId} (${p.reason}), expected ${target.id} (escalation)`);
      if (!this.#gateOpen(target, overflow.when) || !this.#hopsLeft(c)) fail(`${where}: the gate to ${target.id} is closed`);
    }
    const target = this.queue(p.queueId) as MQueue;
    this.#hop(c);
    c.queueId = target.id;
    c.queuedAtMs = this.nowMs;
    c.plan = target.escalation;
    c.nextStep = 0;
    c.recheckAtMs = undefined;
    c.recheckExact = true;
    c.maxTier = target.maxTier;
    c.ownMaxWaitMs = Infinity;
    c.returnedIn = undefined; // in a new queue it is routed before its new plan's first step is looked at
    this.ensureBucket(c.queueId, c.channel, c.requirements, c.maxTier);
    this.#changedAt.set(c.id, this.#eventIndex);
    this.#armed.add(c.id);
  }

  #onTimedOut(
    p: { callId: string; queueId: string; reason: string; action: string; targetQueueId: string | undefined; waitMs: number },
    where: string,
  ): void {
    const c = this.#waitingCall(p, where);
    if (c.returnedFrom !== undefined) this.#returnedFired.add(c.id);
    if (c.kind !== 'inbound') fail(`${where}: a callback has no hold-time limit`);
    const reason = this.limitAt(c) <= this.nowMs ? 'max-wait' : this.noAgentsAt(c) <= this.nowMs ? 'max-wait-no-agents' : undefined;
    if (reason === undefined) {
      fail(`${where}: timed out at ${this.nowMs}, before its limits (max-wait at ${this.limitAt(c)}, no agents at ${this.noAgentsAt(c)})`);
    }
    const q = this.#queueOf(c);
    let action = q.exitAction.action;
    let target: MQueue | undefined;
    if (q.exitAction.action === 'overflow') {
      target = this.queue(q.exitAction.queue);
      if (target === undefined || target === q || !this.#hopsLeft(c)) {
        action = 'disconnect';
        target = undefined;
      }
    }
    const expected = { reason, action, targetQueueId: target?.id, waitMs: this.nowMs - c.queuedAtMs };
    const actual = { reason: p.reason, action: p.action, targetQueueId: p.targetQueueId, waitMs: p.waitMs };
    if (canonical(actual) !== canonical(expected)) fail(`${where}: ${canonical(actual)}, expected ${canonical(expected)}`);
    this.#timedOutNow.add(c.id);
    if (target !== undefined) {
      this.#expected = { name: 'call:overflowed', callId: c.id, queueId: target.id, reason: 'timeout' };
    } else if (action === 'callback') {
      this.#expected = { name: 'call:callback-scheduled', callId: c.id, reason: 'timeout' };
    } else {
      this.#forget(c);
      this.timedOut++;
    }
  }

  /**
   * callbackUnanswered's own change, before its events: the agent who called the customer back is
   * released at once (talk time counted, no wrap-up); the retry or failure then comes as an event.
   */
  beginCallbackUnanswered(callId: string): void {
    const c = this.call(callId) as MCall;
    const x = this.agent(c.agentId as string) as MAgent;
    x.talking--;
    x.talkTimeMs += this.nowMs - c.answeredAtMs;
    this.#removeCallId(x, c.id);
    this.#unload(x, c.channel);
    this.#maybeIdle(x);
  }

  #unansweredCall(p: { callId: string; agentId: string; attempts: number }, where: string): MCall {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'talking' || c.kind !== 'callback') fail(`${where}: the call is not a connected callback`);
    if (p.agentId !== c.agentId || p.attempts !== c.callbackAttempts) {
      fail(`${where}: agent ${p.agentId}, attempts ${p.attempts}; expected ${c.agentId}, ${c.callbackAttempts}`);
    }
    return c;
  }

  /** The attempt went unanswered and attempts are left: the callback waits for its retry. */
  #onRetry(p: { callId: string; agentId: string; reason: string; dueAtMs: number; attempts: number }, where: string): void {
    const c = this.#unansweredCall(p, where);
    if (c.callbackAttempts >= c.callbackMaxAttempts) fail(`${where}: retried after the last attempt (${c.callbackMaxAttempts})`);
    if (p.reason !== 'retry' || p.dueAtMs !== this.nowMs + c.callbackRetryMs) {
      fail(`${where}: reason ${p.reason}, due ${p.dueAtMs}; expected retry, due ${this.nowMs + c.callbackRetryMs}`);
    }
    c.status = 'scheduled';
    c.agentId = undefined;
    c.dueAtMs = p.dueAtMs;
  }

  #onCallbackFailed(p: { callId: string; agentId: string; attempts: number }, where: string): void {
    const c = this.#unansweredCall(p, where);
    if (c.callbackAttempts < c.callbackMaxAttempts) fail(`${where}: failed after ${c.callbackAttempts} of ${c.callbackMaxAttempts} attempts`);
    this.#forget(c);
    this.callbacksFailed++;
  }

  /** A callback waiting for its retry enters line again when it is due, at its old place. */
  #onCallbackDue(p: { callId: string; queueId: string; priority: number; channel: string; kind: string; rejoined: boolean; knownAgentId: unknown }, where: string): void {
    const c = this.call(p.callId);
    if (c === undefined || c.status !== 'scheduled') fail(`${where}: call:queued for a call that is ${c?.status ?? 'not live'}, not a scheduled callback`);
    if (this.nowMs < c.dueAtMs) fail(`${where}: entered line at ${this.nowMs}, before it is due at ${c.dueAtMs}`);
    const expected = { queueId: c.queueId, priority: c.priority, channel: c.channel, kind: 'callback', rejoined: false, knownAgentId: undefined };
    const actual = { queueId: p.queueId, priority: p.priority, channel: p.channel, kind: p.kind, rejoined: p.rejoined, knownAgentId: p.knownAgentId };
    if (canonical(actual) !== canonical(expected)) fail(`${where}: ${canonical(actual)}, expected ${canonical(expected)}`);
    c.status = 'waiting';
    c.queuedAtMs = this.nowMs;
    this.#armed.add(c.id);
  }

  /** A waiting inbound call becomes a callback in place (requested, or its limit's exit action). */
  #onCallbackScheduled(
    p: { callId: string; queueId: string; reason: string; dueAtMs: number; attempts: number; agentId: string | undefined },
    options: { maxAttempts?: number; retryDelayMs?: number },
    reason: 'requested' | 'timeout',
    where: string,
  ): void {
    const c = this.#waitingCall(p, where);
    if (c.kind !== 'inbound') fail(`${where}: the call is a callback already`);
    if (p.reason !== reason || p.dueAtMs !== this.nowMs || p.attempts !== 0 || p.agentId !== undefined) {
      fail(`${where}: ${canonical(p)}, expected reason ${reason}, due now, no attempt, no agent`);
    }
    const q = this.#queueOf(c);
    c.kind = 'callback';
    c.callbackAttempts = 0;
    c.callbackMaxAttempts = options.maxAttempts ?? q.callback.maxAttempts;
    c.callbackRetryMs = options.retryDelayMs ?? q.callback.retryDelayMs;
    const channel = q.callback.channel ?? c.channel;
    if (channel !== c.channel) {
      c.channel = channel;
      this.ensureBucket(c.queueId, c.channel, c.requirements, c.maxTier);
    }
    this.#changedAt.set(c.id, this.#eventIndex);
    this.#armed.add(c.id);
  }

  #forget(c: MCall): void {
    this.calls.splice(this.calls.indexOf(c), 1);
    this.deadIds.add(c.id);
    this.leftThisOp.add(c.id);
  }

  #onStateChanged(
    p: { agentId: string; from: MState; to: MState; reason: string | undefined; presence: MPresence },
    ctx: OpContext,
    where: string,
  ): void {
    const x = this.agent(p.agentId);
    if (x === undefined) fail(`${where}: unknown agent`);
    if (p.from !== x.shown) fail(`${where}: from ${p.from}, but the last reported state was ${x.shown}`);
    // Same state only for a new not-ready reason (wallboards show the reason) or a new presence.
    if (p.to === p.from && p.reason === x.shownReason && p.presence === x.shownPresence) {
      fail(`${where}: from === to (${p.to}) and the reason ${p.reason} and presence ${p.presence} were already reported`);
    }
    // A silent deadline (wrap-up or back-off end) may be what changed the state.
    while (this.computedState(x) !== p.to && this.#applyNextSilentFor(x.id)) {
      /* keep applying */
    }
    if (this.computedState(x) !== p.to && ctx.kind === 'removeAgent' && ctx.agentId === x.id) this.#dropAgentWork(x);
    if (this.computedState(x) !== p.to) fail(`${where}: to ${p.to}, but the agent's state is ${this.computedState(x)}`);
    const reason = x.presence === 'not-ready' ? x.reason : undefined;
    if (p.reason !== reason) fail(`${where}: reason ${p.reason}, expected ${reason}`);
    if (p.presence !== x.presence) fail(`${where}: presence ${p.presence}, expected ${x.presence}`);
    if (p.to !== p.from || p.to === 'not-ready') x.stateSinceMs = this.nowMs;
    x.shown = p.to;
    x.shownReason = reason;
    x.shownPresence = p.presence;
  }

  /**
   * Invariant 3 over a whole synchronous command. A command happens at one instant: the calls it
   * returns to line (a decline, offers revoked because an agent left) are all back in their places
   * at once. So when the command is over, no call offered during it to agent X may be behind a call
   * of the same queue and channel left waiting that X could have taken instead (X serves the queue
   * within the call's tier limit, has the skills; the capacity is the slot the later call took).
   * A call a policy changed after the offer (a step applied once it was back in line) is judged by
   * the per-offer check instead. Clock steps are not checked this way: deadlines due at the same
   * time fire one after the other, in order.
   */
  #checkServedOrderOfCommand(ctx: OpContext): void {
    for (const offer of this.offersThisOp) {
      const c = this.call(offer.callId);
      if (c === undefined || c.status !== 'offered' || c.agentId !== offer.agentId) continue;
      const x = this.agent(offer.agentId) as MAgent;
      for (const w of this.calls) {
        if (w.status !== 'waiting' || w.queueId !== c.queueId || w.channel !== c.channel || !this.aheadInLine(w, c)) continue;
        if ((this.#changedAt.get(w.id) ?? -1) > offer.at || this.#routedEarly(c, w)) continue;
        const level = x.queues.get(w.queueId);
        if (level === undefined || level > w.maxTier) continue;
        const skilled = Object.entries(w.requirements).every(([skill, min]) => (x.skills.get(skill) ?? 0) >= min);
        if (!skilled) continue;
        fail(
          `after ${JSON.stringify(ctx)}: ${c.id} (priority ${c.priority}, line ${c.lineMs}, seq ${c.seq}) was offered to ${x.id} ` +
            `while ${w.id} (priority ${w.priority}, line ${w.lineMs}, seq ${w.seq}), ahead of it in ${c.queueId}, ` +
            `is left waiting and ${x.id} could have taken it instead`,
        );
      }
    }
  }

  /**
   * Nothing a waiting call's timer is due for may be left at the end of a command or step: its
   * hold-time limits, its next step's time, and (for a call whose timed actions the router looked
   * at in this command) a `skipIfNoAgents` step that nobody configured could serve.
   */
  #checkNothingOverdue(ctx: OpContext): void {
    const now = this.nowMs;
    for (const c of this.calls) {
      if (c.status === 'scheduled' && c.dueAtMs <= now) fail(`${c.id} is still a scheduled callback at ${now} after ${JSON.stringify(ctx)}, due at ${c.dueAtMs}`);
      if (c.status !== 'waiting') continue;
      const at = `at ${now} after ${JSON.stringify(ctx)}`;
      if (this.limitAt(c) <= now) fail(`${c.id} still waits in ${c.queueId} ${at}, past its hold-time limit ${this.limitAt(c)} (queued at ${c.queuedAtMs})`);
      if (this.noAgentsAt(c) <= now) {
        fail(`${c.id} still waits in ${c.queueId} ${at}, past its no-agents limit ${this.noAgentsAt(c)} (queued at ${c.queuedAtMs}, unstaffed since ${this.bucketOf(c).unstaffedSinceMs})`);
      }
      if (this.#recheckPending(c) && c.recheckAtMs !== undefined && c.recheckAtMs <= now) {
        // The router rechecked the gate (it found it closed, or it would have said so): next recheck later.
        const recheckMs = c.plan[c.nextStep]?.overflow?.recheckMs as number;
        c.recheckAtMs = c.recheckExact ? now + recheckMs : now + 1;
      }
      if (this.stepDueAt(c) <= now) {
        fail(`${c.id} still waits in ${c.queueId} ${at} with step ${c.nextStep} due at ${this.stepDueAt(c)} not applied (queued at ${c.queuedAtMs})`);
      }
      if (this.#armed.has(c.id) && this.skipsNow(c)) {
        fail(`${c.id} waits in ${c.queueId} ${at} with step ${c.nextStep} (skipIfNoAgents) not applied, though nobody configured could take it`);
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
      this.refreshStaffing();
    }
    this.#checkNothingOverdue(ctx);
    if (ctx.kind !== 'step') this.#checkServedOrderOfCommand(ctx);
    for (const c of this.calls) {
      c.returnedFrom = undefined;
      c.returnedIn = undefined;
      if (c.status === 'offered') {
        const x = this.agent(c.agentId as string) as MAgent;
        if (x.presence !== 'available') fail(`${c.id} is still offered to ${x.id}, which is ${x.presence} (offer not revoked)`);
      }
    }
    for (const a of this.agents) {
      if (a.shown !== this.computedState(a)) {
        fail(`agent ${a.id}: last agent:state-changed said ${a.shown}, but its state is ${this.computedState(a)} (missing event)`);
      }
      if (a.shownPresence !== a.presence) {
        fail(`agent ${a.id}: presence is ${a.presence}, but the last agent:state-changed said ${a.shownPresence} (missing event)`);
      }
      if (a.shownReason !== (a.presence === 'not-ready' ? a.reason : undefined)) {
        fail(`agent ${a.id}: not-ready reason is ${a.reason}, but the last agent:state-changed said ${a.shownReason} (missing event)`);
      }
    }
    this.#pruneDeadlines();
  }
}
