import type {
  EscalationStep,
  FallbackReason,
  KnownAgentKind,
  OverflowGate,
  RefusalReason,
  TimeoutReason,
} from '../model/policies.js';
import type { EscalationChanges } from '../model/events.js';
import type { SkillLevels } from '../model/types.js';
import { effectivePriority, isAhead, weightedWait } from '../routing/routing-table.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import { changeQueue, joinQueueList, putInLine, rerank, setBucket, takeOutOfLine } from './call-lines.js';
import type { CallRecord, QueueRecord } from './records.js';
import type { RouterCore } from './router-core.js';

/** The agent a call should wait for first, and for how long. */
export interface KnownTarget {
  readonly agentId: string;
  readonly kind: KnownAgentKind;
  readonly waitMs: number;
}

/** Overflows one call may make within one clock instant: a guard against queues overflowing into each other at once. */
const MAX_HOPS_PER_INSTANT = 8;

interface Remembered {
  readonly value: { readonly agentId: string } | { readonly lineMs: number; readonly seq: number };
  readonly expiresAtMs: number;
}

/** Drops expired entries from a map kept in insertion (time) order. */
function prune(map: Map<string, Remembered>, nowMs: number): void {
  for (const [key, entry] of map) {
    if (entry.expiresAtMs >= nowMs) return;
    map.delete(key);
  }
}

/** The requirements after a step relaxed and dropped some (the same object when nothing changed). */
function relaxed(requirements: SkillLevels, step: EscalationStep): SkillLevels {
  let out: Record<string, number> | undefined;
  if (step.relax !== undefined) {
    for (const skill of Object.keys(step.relax)) {
      const min = step.relax[skill] as number;
      const current = requirements[skill];
      if (current !== undefined && min < current) (out ??= { ...requirements })[skill] = min;
    }
  }
  for (const skill of step.dropSkills ?? []) {
    if ((out ?? requirements)[skill] !== undefined) delete (out ??= { ...requirements })[skill];
  }
  return out ?? requirements;
}

/** How long the longest-waiting unanswered call of a queue has been in it, ms (0 when none). */
export const longestWaitMs = (queue: QueueRecord, nowMs: number): number =>
  queue.first === undefined ? 0 : nowMs - queue.first.queuedAtMs;

/**
 * The per-call policies of the router: admission, known-agent routing, escalation steps, hold-time
 * limits, callbacks, rejoining after an abandon, and the position and wait estimates. Each call
 * has at most one pending timer, for whichever of its timed actions comes first.
 */
export class CallPolicies {
  readonly #core: RouterCore;
  readonly #lastAgentWindowMs: number;
  /** customerId → the agent that last answered them, in time order. */
  readonly #lastAgents = new Map<string, Remembered>();
  /** queueId + customerId → the place in line of a call abandoned there, in time order. */
  readonly #abandoned = new Map<string, Remembered>();
  #hopsAtMs = Number.NaN;
  readonly #hops = new Map<string, number>();

  constructor(core: RouterCore, lastAgentWindowMs: number) {
    this.#core = core;
    this.#lastAgentWindowMs = lastAgentWindowMs;
  }

  // ---- admission and memory ----------------------------------------------------------------

  /** Why `queue` would not take a call of `bucket` now, or `undefined` when it would. */
  refusal(queue: QueueRecord, bucket: WaitingBucket): RefusalReason | undefined {
    if (queue.waiting >= queue.maxLength) return 'queue-full';
    if (queue.joinRule === 'agents-logged-in' && !this.#core.table.hasAgents(bucket, 'logged-in')) return 'no-agents';
    if (queue.joinRule === 'agents-available' && !this.#core.table.hasAgents(bucket, 'available')) return 'no-agents';
    return undefined;
  }

  /** Gives a new call the place of the same customer's call abandoned in this queue within its rejoin window. */
  rejoin(call: CallRecord): boolean {
    const queue = call.queue;
    if (queue.rejoinWindowMs === 0 || call.customerId === undefined) return false;
    prune(this.#abandoned, this.#core.now());
    const key = `${queue.id}\u0000${call.customerId}`;
    const entry = this.#abandoned.get(key);
    if (entry === undefined || !('lineMs' in entry.value)) return false;
    this.#abandoned.delete(key);
    call.lineMs = entry.value.lineMs;
    call.seq = entry.value.seq;
    return true;
  }

  rememberAbandon(call: CallRecord): void {
    const window = call.queue.rejoinWindowMs;
    if (window === 0 || call.customerId === undefined || call.kind !== 'inbound') return;
    const now = this.#core.now();
    const key = `${call.queue.id}\u0000${call.customerId}`;
    this.#abandoned.delete(key);
    this.#abandoned.set(key, { value: { lineMs: call.lineMs, seq: call.seq }, expiresAtMs: now + window });
    prune(this.#abandoned, now);
  }

  /** Remembers who answered a customer, for last-agent routing. */
  rememberAgent(call: CallRecord, agent: { readonly id: string }): void {
    if (this.#lastAgentWindowMs === 0 || call.customerId === undefined) return;
    const now = this.#core.now();
    this.#lastAgents.delete(call.customerId);
    this.#lastAgents.set(call.customerId, { value: { agentId: agent.id }, expiresAtMs: now + this.#lastAgentWindowMs });
    prune(this.#lastAgents, now);
  }

  /** The agent that last answered this call's customer, if remembered and still serving the queue. */
  lastAgentOf(call: CallRecord): KnownTarget | undefined {
    if (this.#lastAgentWindowMs === 0 || call.customerId === undefined) return undefined;
    const entry = this.#lastAgents.get(call.customerId);
    if (entry === undefined || entry.expiresAtMs < this.#core.now() || !('agentId' in entry.value)) return undefined;
    const agent = this.#core.agents.get(entry.value.agentId);
    if (agent === undefined || !agent.queues.has(call.queue.id)) return undefined;
    return { agentId: agent.id, kind: 'last-agent', waitMs: call.queue.knownAgentWaitMs };
  }

  // ---- known agents ------------------------------------------------------------------------

  /** Why a call cannot wait for this agent, or `undefined` when it can. */
  knownProblem(call: CallRecord, known: KnownTarget): FallbackReason | undefined {
    const agent = this.#core.agents.get(known.agentId);
    if (agent === undefined) return 'agent-unknown';
    if (agent.presence === 'offline') return 'agent-offline';
    if ((agent.slots.get(call.channel)?.capacity ?? 0) === 0) return 'no-capacity';
    return undefined;
  }

  /** Puts a call in its known agent's line and offers it if the agent is free; with no wait, falls back at once. */
  waitForAgent(call: CallRecord, known: KnownTarget): void {
    const core = this.#core;
    const agent = core.agents.get(known.agentId);
    if (agent === undefined) return;
    call.knownAgent = agent;
    call.knownKind = known.kind;
    call.knownUntilMs = core.now() + known.waitMs;
    putInLine(call);
    core.routeAgent(agent);
    if (call.knownAgent !== undefined && call.knownUntilMs <= core.now()) {
      this.fallBack(call, 'timeout');
      core.routeBucket(call.bucket);
    }
  }

  /** A call stops waiting for its known agent and waits in its bucket (the caller routes it). */
  fallBack(call: CallRecord, reason: FallbackReason): void {
    const agent = call.knownAgent;
    const kind = call.knownKind;
    if (agent === undefined || kind === undefined) return;
    takeOutOfLine(call);
    call.knownAgent = undefined;
    call.knownKind = undefined;
    putInLine(call);
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

  // ---- the call's timer --------------------------------------------------------------------

  /** (Re)arms the call's single timer for its next timed action, or cancels it when there is none. */
  arm(call: CallRecord): void {
    const due = this.#nextDue(call);
    if (call.timer !== undefined) {
      if (call.timer.atMs === due) return;
      this.#core.deadlines.cancel(call.timer);
      call.timer = undefined;
    }
    if (due !== Infinity) call.timer = this.#core.deadlines.add(due, 'call-timer', call.id);
  }

  disarm(call: CallRecord): void {
    if (call.timer === undefined) return;
    this.#core.deadlines.cancel(call.timer);
    call.timer = undefined;
  }

  /** A bucket lost its last logged-in agent: its calls' no-agent clocks start now. */
  unstaffed(bucket: WaitingBucket): void {
    bucket.unstaffedSinceMs = this.#core.now();
    if (bucket.queue.maxWaitNoAgentsMs === Infinity) return;
    for (const call of bucket.inLine()) this.arm(call);
  }

  #nextDue(call: CallRecord): number {
    if (call.status === 'scheduled') return call.dueAtMs;
    if (call.status !== 'waiting') return Infinity;
    let due = call.knownAgent === undefined ? Infinity : call.knownUntilMs;
    if (call.kind === 'inbound') {
      due = Math.min(due, this.#limitAt(call));
      const noAgents = this.#noAgentsAt(call);
      if (noAgents < due) due = noAgents;
    }
    const step = call.plan[call.nextStep];
    if (step !== undefined) due = Math.min(due, this.#stepAt(call, step));
    return due;
  }

  /** When the call reaches its hold-time limit in its queue. */
  #limitAt(call: CallRecord): number {
    return call.queuedAtMs + Math.min(call.queue.maxWaitMs, call.maxWaitMs);
  }

  /** When the call reaches its queue's limit for waiting with no agent logged in who could take it. */
  #noAgentsAt(call: CallRecord): number {
    const limit = call.queue.maxWaitNoAgentsMs;
    if (limit === Infinity || call.bucket.staffedPools > 0) return Infinity;
    return Math.max(call.queuedAtMs, call.bucket.unstaffedSinceMs) + limit;
  }

  /** When the step comes due: at `afterMs`, at once when nobody could take the call (`skipIfNoAgents`), or at a gate's recheck. */
  #stepAt(call: CallRecord, step: EscalationStep): number {
    if (call.stepRecheckMs !== undefined) return call.stepRecheckMs;
    const at = call.queuedAtMs + step.afterMs;
    const now = this.#core.now();
    if (step.skipIfNoAgents === true && at > now && !this.#core.table.hasAgents(call.bucket, 'configured')) {
      if (step.overflow === undefined || this.#hopsLeft(call)) return now;
    }
    return at;
  }

  /** The call's timer fired: fall back from its known agent, time out, or apply its due steps; then route it. */
  onTimer(call: CallRecord): void {
    const core = this.#core;
    call.timer = undefined;
    const now = core.now();
    if (call.status === 'scheduled') {
      if (now >= call.dueAtMs) this.#callbackDue(call);
      else this.arm(call);
      return;
    }
    if (call.status !== 'waiting') return;
    if (call.knownAgent !== undefined && now >= call.knownUntilMs) this.fallBack(call, 'timeout');
    if (call.kind === 'inbound') {
      if (now >= this.#limitAt(call)) return this.#timeOut(call, 'max-wait');
      if (now >= this.#noAgentsAt(call)) return this.#timeOut(call, 'max-wait-no-agents');
    }
    for (;;) {
      const step = call.plan[call.nextStep];
      if (step === undefined) break;
      const at = this.#stepAt(call, step);
      if (at > now) break;
      const early = call.stepRecheckMs === undefined && at < call.queuedAtMs + step.afterMs;
      if (this.#applyStep(call, step, early)) break;
    }
    this.#routeAndArm(call);
  }

  #routeAndArm(call: CallRecord): void {
    if (call.status === 'waiting' && call.knownAgent === undefined) this.#core.routeBucket(call.bucket);
    this.arm(call);
  }

  // ---- escalation --------------------------------------------------------------------------

  /**
   * Applies the call's next step: its changes the first time it comes due, then its overflow when
   * the gate is open. Returns whether the call moved to another queue (its new plan starts over).
   */
  #applyStep(call: CallRecord, step: EscalationStep, early: boolean): boolean {
    const core = this.#core;
    const now = core.now();
    const index = call.nextStep;
    const firstTime = call.stepRecheckMs === undefined;
    if (firstTime) {
      const changes = this.#change(call, step);
      const out = core.out;
      if (out.wants('call:escalated')) {
        out.push('call:escalated', {
          callId: call.id,
          queueId: call.queue.id,
          atMs: now,
          step: index,
          name: step.name,
          changes,
          early,
          waitMs: now - call.queuedAtMs,
        });
      }
    }
    const overflow = step.overflow;
    if (overflow !== undefined) {
      const target = core.queues.get(overflow.queue);
      if (target !== undefined && target !== call.queue) {
        if (this.#gateOpen(target, overflow.when) && this.#hopsLeft(call)) {
          this.#moveToQueue(call, target, 'escalation');
          return true;
        }
        if (overflow.recheckMs !== undefined) {
          call.stepRecheckMs = now + overflow.recheckMs;
          return false;
        }
      }
    }
    call.stepRecheckMs = undefined;
    call.nextStep++;
    return false;
  }

  /** Applies a step's priority, requirement, tier and place changes to a waiting call. */
  #change(call: CallRecord, step: EscalationStep): EscalationChanges {
    const core = this.#core;
    const changes: { -readonly [K in keyof EscalationChanges]: EscalationChanges[K] } = {};
    const priority = call.priority + (step.raisePriority ?? 0);
    const requirements = relaxed(call.requirements, step);
    const maxTier = step.maxTier === undefined ? call.maxTier : Math.max(call.maxTier, step.maxTier);
    const placeReset = step.keepPlace === false;
    if (priority === call.priority && requirements === call.requirements && maxTier === call.maxTier && !placeReset) {
      return changes;
    }
    takeOutOfLine(call);
    if (priority !== call.priority) changes.priority = { from: call.priority, to: priority };
    if (maxTier !== call.maxTier) changes.maxTier = { from: call.maxTier, to: maxTier };
    call.priority = priority;
    call.maxTier = maxTier;
    if (placeReset) {
      call.lineMs = core.now();
      call.seq = core.nextCallSeq();
      changes.placeReset = true;
    }
    rerank(call);
    if (requirements !== call.requirements || changes.maxTier !== undefined) {
      setBucket(call, core.table.bucketFor(call.queue, call.channel, requirements, maxTier));
      if (requirements !== call.requirements) {
        changes.requirements = { from: call.requirements, to: call.bucket.requirementLevels };
      }
      call.requirements = call.bucket.requirementLevels;
    }
    putInLine(call);
    return changes;
  }

  #gateOpen(target: QueueRecord, gate: OverflowGate | undefined): boolean {
    if (gate === undefined) return true;
    if (gate.maxWaiting !== undefined && target.waiting >= gate.maxWaiting) return false;
    if (gate.maxLongestWaitMs !== undefined && longestWaitMs(target, this.#core.now()) >= gate.maxLongestWaitMs) {
      return false;
    }
    return true;
  }

  #hopsLeft(call: CallRecord): boolean {
    const now = this.#core.now();
    if (now !== this.#hopsAtMs) {
      this.#hopsAtMs = now;
      this.#hops.clear();
    }
    return (this.#hops.get(call.id) ?? 0) < MAX_HOPS_PER_INSTANT;
  }

  /** Moves a waiting call to another queue, keeping its place in line, its requirements and its known agent. */
  #moveToQueue(call: CallRecord, target: QueueRecord, reason: 'escalation' | 'timeout'): void {
    const core = this.#core;
    const from = call.queue;
    this.#hops.set(call.id, (this.#hops.get(call.id) ?? 0) + 1);
    takeOutOfLine(call);
    changeQueue(call, target, core.now());
    setBucket(call, core.table.bucketFor(target, call.channel, call.requirements, call.maxTier));
    call.requirements = call.bucket.requirementLevels;
    putInLine(call);
    if (core.out.wants('call:overflowed')) {
      core.out.push('call:overflowed', {
        callId: call.id,
        queueId: target.id,
        atMs: core.now(),
        fromQueueId: from.id,
        reason,
      });
    }
  }

  // ---- hold-time limits --------------------------------------------------------------------

  #timeOut(call: CallRecord, reason: TimeoutReason): void {
    const core = this.#core;
    const queue = call.queue;
    const now = core.now();
    let exit = queue.exitAction;
    let target: QueueRecord | undefined;
    if (exit.action === 'overflow') {
      target = core.queues.get(exit.queue);
      if (target === undefined || target === queue || !this.#hopsLeft(call)) {
        exit = { action: 'disconnect' };
        target = undefined;
      }
    }
    if (core.out.wants('call:timed-out')) {
      core.out.push('call:timed-out', {
        callId: call.id,
        queueId: queue.id,
        atMs: now,
        reason,
        action: exit.action,
        targetQueueId: target?.id,
        waitMs: now - call.queuedAtMs,
      });
    }
    if (target !== undefined) {
      this.#moveToQueue(call, target, 'timeout');
      this.#routeAndArm(call);
    } else if (exit.action === 'callback') {
      this.toCallback(call, 'timeout', undefined, undefined);
    } else {
      core.removeUnanswered(call);
    }
  }

  // ---- callbacks ---------------------------------------------------------------------------

  /**
   * A waiting caller chose a callback (or timed out into one): the call keeps its place in line
   * as a callback, on the queue's callback channel, and hold-time limits stop applying.
   */
  toCallback(
    call: CallRecord,
    reason: 'requested' | 'timeout',
    maxAttempts: number | undefined,
    retryDelayMs: number | undefined,
  ): void {
    const core = this.#core;
    const policy = call.queue.callback;
    call.kind = 'callback';
    call.callbackAttempts = 0;
    call.callbackMaxAttempts = maxAttempts ?? policy.maxAttempts;
    call.callbackRetryMs = retryDelayMs ?? policy.retryDelayMs;
    const channel = policy.channel ?? call.channel;
    if (channel !== call.channel) {
      takeOutOfLine(call);
      call.channel = channel;
      setBucket(call, core.table.bucketFor(call.queue, channel, call.requirements, call.maxTier));
      putInLine(call);
    }
    this.#callbackEvent(call, reason, core.now(), undefined);
    this.#routeAndArm(call);
  }

  /** Registers a callback due at `call.dueAtMs` (a new record in status `scheduled`). */
  schedule(call: CallRecord): void {
    const core = this.#core;
    core.calls.set(call.id, call);
    call.bucket.calls++;
    call.queue.scheduled++;
    this.#callbackEvent(call, 'scheduled', call.dueAtMs, undefined);
    if (call.dueAtMs <= core.now()) this.#callbackDue(call);
    else this.arm(call);
  }

  /** The agent called the customer back and nobody answered: retry later, or give up after the last attempt. */
  callbackUnanswered(call: CallRecord): void {
    const core = this.#core;
    const agent = call.agent;
    if (agent === undefined) return;
    core.handOn(call, 0, () => {
      const now = core.now();
      if (call.callbackAttempts >= call.callbackMaxAttempts) {
        core.calls.delete(call.id);
        call.bucket.calls--;
        if (core.out.wants('call:callback-failed')) {
          core.out.push('call:callback-failed', {
            callId: call.id,
            queueId: call.queue.id,
            atMs: now,
            attempts: call.callbackAttempts,
            agentId: agent.id,
          });
        }
        return;
      }
      call.status = 'scheduled';
      call.dueAtMs = now + call.callbackRetryMs;
      call.queue.scheduled++;
      this.#callbackEvent(call, 'retry', call.dueAtMs, agent.id);
      if (call.dueAtMs <= now) this.#callbackDue(call);
      else this.arm(call);
    });
  }

  /** A scheduled callback's time came: it enters line, at its old place when it had one. */
  #callbackDue(call: CallRecord): void {
    const core = this.#core;
    call.queue.scheduled--;
    call.queuedAtMs = core.now();
    rerank(call);
    joinQueueList(call);
    const preferred = call.preferred;
    call.preferred = undefined;
    core.enterLine(call, preferred, true);
  }

  #callbackEvent(
    call: CallRecord,
    reason: 'requested' | 'scheduled' | 'retry' | 'timeout',
    dueAtMs: number,
    agentId: string | undefined,
  ): void {
    const out = this.#core.out;
    if (out.wants('call:callback-scheduled')) {
      out.push('call:callback-scheduled', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: this.#core.now(),
        reason,
        dueAtMs,
        attempts: call.callbackAttempts,
        agentId,
      });
    }
  }

  // ---- transfers ---------------------------------------------------------------------------

  /**
   * A connected call goes to `target` (already checked to accept it): the agent is released to
   * wrap-up and the call waits there with its context, its known agent first when one is given.
   */
  transfer(
    call: CallRecord,
    target: QueueRecord,
    bucket: WaitingBucket,
    options: { keepArrival: boolean; priority: number; wrapUpMs: number; known: KnownTarget | undefined },
  ): void {
    const core = this.#core;
    const fromQueue = call.queue;
    const fromAgent = call.agent;
    if (fromAgent === undefined) return;
    const now = core.now();
    const talkMs = now - call.answeredAtMs;
    core.handOn(call, options.wrapUpMs, () => {
      call.kind = 'inbound';
      call.channel = call.originalChannel;
      call.priority = options.priority;
      if (!options.keepArrival) {
        call.arrivalMs = now;
        call.lineMs = now;
        call.seq = core.nextCallSeq();
      }
      changeQueue(call, target, now);
      setBucket(call, bucket);
      call.requirements = bucket.requirementLevels;
      const problem = options.known === undefined ? undefined : this.knownProblem(call, options.known);
      if (core.out.wants('call:transferred')) {
        core.out.push('call:transferred', {
          callId: call.id,
          queueId: target.id,
          atMs: now,
          fromQueueId: fromQueue.id,
          fromAgentId: fromAgent.id,
          toAgentId: problem === undefined ? options.known?.agentId : undefined,
          talkMs,
          keepArrival: options.keepArrival,
        });
      }
      core.enterLine(call, options.known, false);
    });
  }

  // ---- position and estimated wait ---------------------------------------------------------

  /**
   * 1-based position of a waiting call among the waiting calls that compete with it for the same
   * agents (its known agent's line, or every bucket those agents serve on its channel); 0 when the
   * call is not waiting. Costs a scan of those lines.
   */
  positionOf(call: CallRecord): number {
    if (call.status !== 'waiting') return 0;
    const now = this.#core.now();
    const priority = effectivePriority(call, now);
    const score = weightedWait(call, now);
    let position = 1;
    const count = (other: CallRecord): void => {
      if (other !== call && isAhead(other, effectivePriority(other, now), weightedWait(other, now), call, priority, score)) {
        position++;
      }
    };
    if (call.knownAgent !== undefined) {
      for (const other of call.knownAgent.known) count(other);
      return position;
    }
    const buckets = new Set<WaitingBucket>([call.bucket]);
    for (const link of call.bucket.links) for (const bucket of link.pool.buckets.get(call.channel) ?? []) buckets.add(bucket);
    for (const bucket of buckets) for (const other of bucket.inLine()) count(other);
    return position;
  }

  /**
   * Estimated time until a waiting call is offered, ms: its position × the mean time between the
   * queue's recent answers (up to its last 32, measured up to now, so a stalled queue's estimate
   * grows). With no answers yet (or all of them at this instant): ⌈position ÷ agents logged in who
   * could take it⌉ × the queue's `defaultHandleMs`, or `Infinity` when no such agent is logged in.
   * 0 when not waiting.
   */
  estimatedWaitMs(call: CallRecord): number {
    if (call.status !== 'waiting') return 0;
    const now = this.#core.now();
    const position = this.positionOf(call);
    const queue = call.queue;
    const history = Math.min(queue.answerCount, queue.answers.length);
    const oldest = history === 0 ? now : (queue.answers[(queue.answerCount - history) % queue.answers.length] as number);
    if (now > oldest) return (position * (now - oldest)) / history;
    const agents = call.knownAgent !== undefined ? 1 : this.#core.table.loggedInAgents(call.bucket);
    if (agents === 0) return Infinity;
    return Math.ceil(position / agents) * queue.defaultHandleMs;
  }
}
