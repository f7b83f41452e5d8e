import type { Clock } from './clock/clock.js';
import {
  newAgentRecord,
  newCallRecord,
  newQueueRecord,
  removeQueue,
  reprofileAgent,
  updateQueueRecord,
  type CallFields,
} from './engine/configuration.js';
import type { KnownTarget } from './policies/known-agents.js';
import { transferCall } from './policies/transfers.js';
import { estimatedWaitMs, positionOf } from './policies/wait-estimates.js';
import {
  QUEUE_POLICY_FIELDS,
  overflowTargets,
  requireAttempts,
} from './engine/validate-policies.js';
import {
  builtCallFields,
  checkOverflowTargets,
  parseCallFields,
  parseTransfer,
  requireAgent,
  requireQueue,
  type BuiltCall,
} from './engine/call-input.js';
import { admitCall, reprioritize } from './engine/line-entry.js';
import { RouterEmitter } from './engine/router-emitter.js';
import { parseRouterOptions, type CallRouterOptions } from './engine/router-options.js';
import { RouterCore } from './engine/router-core.js';
import type { AgentRecord, CallRecord, QueueRecord } from './engine/records.js';
import { agentSnapshot, callSnapshot, queueSnapshot } from './engine/snapshots.js';
import {
  optionalString,
  rejectUnknownFields,
  requireCapacity,
  requireDuration,
  requireFinite,
  requireId,
  requireMemberships,
  requireObject,
  requireOutcome,
  requirePresence,
  requireQueueUpdate,
  requireSkillMap,
} from './engine/validate.js';
import {
  DuplicateIdError,
  InvalidArgumentError,
  InvalidStateError,
  UnknownCallError,
  UnknownQueueError,
} from './model/errors.js';
import type { Logger } from './model/logger.js';
import type {
  CallbackOptions,
  RefusalReason,
  TransferOptions,
  TransferTarget,
} from './model/policies.js';
import type {
  AgentOptions,
  AgentSnapshot,
  AgentUpdate,
  CallInput,
  CallOutcome,
  CallSnapshot,
  PresenceState,
  QueueOptions,
  QueueSnapshot,
  QueueUpdate,
  ScheduledCallbackInput,
} from './model/types.js';
import type { AgentStats, CenterStats, IntervalReport, QueueStats } from './model/stats.js';
import { SeededRandom } from './random/random.js';
import { AuditLog } from './stats/audit-log.js';
import { StatsCollector } from './stats/stats-collector.js';
import { DEFAULT_STATS_SETTINGS } from './stats/stats-settings.js';
import { byServiceOrder } from './routing/waiting-bucket.js';

export type { CallRouterOptions };

/**
 * What {@link CallRouter.enqueue} or {@link CallRouter.transfer} did with a call. A refusal is a
 * result, not an exception: the queue was full or had no agents under its join rule, nothing was
 * kept (a refused transfer leaves the call connected to its agent), and the backend handles the
 * caller itself.
 */
export interface EnqueueResult {
  /** Whether the queue took the call. */
  readonly accepted: boolean;
  /** The call's id. */
  readonly callId: string;
  /** `offered` when a free agent took the call at once; `refused` when the queue did not take it. */
  readonly status: 'waiting' | 'offered' | 'refused';
  /** The agent offered the call, when `status` is `offered`. */
  readonly agentId: string | undefined;
  /** Why the queue refused: `queue-full` (`maxLength`) or `no-agents` (`joinRule`). */
  readonly reason: RefusalReason | undefined;
}

/** What {@link CallRouter.transfer} did; see {@link EnqueueResult}. */
export type TransferResult = EnqueueResult;

const QUEUE_FIELDS = ['strategy', 'weight', 'offerTimeoutMs', 'wrapUpMs', ...QUEUE_POLICY_FIELDS];
const AGENT_FIELDS = ['id', 'queues', 'skills', 'capacity', 'state', 'reason'];
const AGENT_UPDATE_FIELDS = ['queues', 'skills', 'capacity'];
const BASE_CALL_FIELDS = ['id', 'queue', 'priority', 'channel', 'requirements', 'customerId', 'attributes', 'escalation', 'preferredAgent', 'preferredAgentWaitMs'];
const CALL_FIELDS = [...BASE_CALL_FIELDS, 'maxWaitMs'];
const CALLBACK_FIELDS = [...BASE_CALL_FIELDS, 'atMs', 'maxAttempts', 'retryDelayMs'];
const DEFAULT_CAPACITY: Readonly<Record<string, number>> = { voice: 1 };

/**
 * @internal The simulator's enqueue, for calls it built itself from a validated scenario: as
 * {@link CallRouter.enqueue} without re-checking the input (see `builtCallFields`). Not part of
 * the package's API; the public methods keep validating everything.
 */
export let enqueueBuilt: (router: CallRouter, call: BuiltCall) => EnqueueResult;

/**
 * The ACD: queues of callers, skilled agents, offers, wrap-up and typed events.
 *
 * Every method is synchronous and deterministic. Each validates its input first and throws an
 * {@link AcdError} subclass without changing anything when it is wrong. Whatever frees an agent or
 * adds a call routes at once; events are emitted after the state is consistent, so a listener may
 * call back into the router, and a listener that throws is reported (`listener-error`, logger)
 * without affecting the engine.
 *
 * @example
 * const router = new CallRouter({ clock: new SimulatedClock() });
 * router.addQueue({ id: 'support' });
 * router.addAgent({ id: 'ana', queues: ['support'], state: 'available' });
 * router.on('call:offered', ({ callId, agentId }) => router.answer(callId));
 * router.enqueue({ id: 'c-1', queue: 'support' }); // offered to ana, answered
 */
export class CallRouter extends RouterEmitter {
  /** The clock the router reads time from. */
  readonly clock: Clock;
  readonly #logger: Logger;
  readonly #core: RouterCore;
  readonly #stats: StatsCollector | undefined;

  constructor(options: CallRouterOptions = {}) {
    const { clock, logger, seed, policy, stats, audit } = parseRouterOptions(options);
    super(logger);
    this.clock = clock;
    this.#logger = logger;
    this.#core = new RouterCore(clock, new SeededRandom(seed), this.events, policy);
    const startMs = clock.now();
    const collector = stats === undefined ? undefined : new StatsCollector(stats, startMs);
    const log = audit === undefined ? undefined : new AuditLog(audit, logger, stats ?? DEFAULT_STATS_SETTINGS, startMs);
    this.#stats = collector;
    if (collector !== undefined || log !== undefined) {
      this.events.setTap((name, payload) => {
        // The router closes intervals itself; a replay closes them on the stats:interval lines.
        if (collector !== undefined && name !== 'stats:interval') {
          if (clock.now() >= collector.intervalEndMs) this.#closeIntervals();
          collector.consume(name, payload as never);
        }
        if (log === undefined) return;
        try {
          log.write(name, clock.now(), payload);
        } catch (error) {
          logger.error({ err: error, event: name }, 'acd-engine: the audit sink threw');
        }
      });
    }
  }

  // ---- queues ------------------------------------------------------------------------------

  /** Adds a queue. Throws `DUPLICATE_ID` if one with that id exists. */
  addQueue(options: QueueOptions): QueueSnapshot {
    const opts = requireObject('queue', options);
    const id = requireId('queue.id', opts.id);
    const { id: _id, ...rest } = opts;
    const update = requireQueueUpdate('queue', rest, QUEUE_FIELDS);
    if (this.#core.queues.has(id)) throw new DuplicateIdError('queue', id);
    checkOverflowTargets(this.#core, id, update.escalation, update.exitAction);
    const queue = newQueueRecord(id, update);
    this.#core.queues.set(id, queue);
    this.#queueConfigured(queue);
    this.#logger.info({ queueId: id }, 'queue added');
    this.#done();
    return queueSnapshot(queue, this.#core.now());
  }

  /**
   * Changes a queue's policies while it runs. New values apply to the next decision: a new
   * `offerTimeoutMs` to the next offer, a new `wrapUpMs` to the next completion, a new escalation
   * plan to calls that join from now on; hold-time limits apply to waiting calls at once, and a new
   * `agingPerMinute` re-ranks the line at once.
   */
  updateQueue(queueId: string, update: QueueUpdate): QueueSnapshot {
    const queue = this.#queue(queueId);
    const changes = requireQueueUpdate('update', update, QUEUE_FIELDS);
    checkOverflowTargets(this.#core, queue.id, changes.escalation, changes.exitAction);
    updateQueueRecord(this.#core, queue, changes);
    this.#queueConfigured(queue);
    this.#logger.info({ queueId, changes }, 'queue updated');
    this.#done();
    return queueSnapshot(queue, this.#core.now());
  }

  /**
   * Removes a queue that has no live calls and that no other queue overflows to (else
   * `INVALID_STATE`). Agents stop serving it.
   */
  removeQueue(queueId: string): void {
    const queue = this.#queue(queueId);
    const live = queue.waiting + queue.offered + queue.talking + queue.scheduled;
    if (live > 0) {
      throw new InvalidStateError(`Queue \`${queueId}\` still has ${live} live call(s); remove it once it is empty`);
    }
    for (const other of this.#core.queues.values()) {
      if (other !== queue && overflowTargets(other.escalation, other.exitAction).includes(queue.id)) {
        throw new InvalidStateError(`Queue \`${queueId}\` is an overflow target of queue \`${other.id}\`; change that queue first`);
      }
    }
    removeQueue(this.#core, queue);
    if (this.events.wants('queue:removed')) this.events.push('queue:removed', { queueId: queue.id, atMs: this.#core.now() });
    this.#logger.info({ queueId }, 'queue removed');
    this.#done();
  }

  // ---- agents ------------------------------------------------------------------------------

  /** Adds an agent (offline unless `state` says otherwise). An available agent takes waiting calls at once. */
  addAgent(options: AgentOptions): AgentSnapshot {
    const opts = requireObject('agent', options);
    rejectUnknownFields('agent', opts, AGENT_FIELDS);
    const id = requireId('agent.id', opts.id);
    const queues = this.#memberships('agent.queues', opts.queues);
    const skills = opts.skills === undefined ? new Map<string, number>() : requireSkillMap('agent.skills', opts.skills);
    const capacity = requireCapacity('agent.capacity', opts.capacity ?? DEFAULT_CAPACITY);
    const presence = opts.state === undefined ? 'offline' : requirePresence('agent.state', opts.state);
    const reason = this.#reason('agent.reason', presence, opts.reason);
    if (this.#core.agents.has(id)) throw new DuplicateIdError('agent', id);

    const agent = newAgentRecord(this.#core, {
      id,
      queues,
      skills,
      capacity,
      presence,
      reason,
    });
    if (this.events.wants('agent:added')) {
      this.events.push('agent:added', { agentId: id, atMs: this.#core.now(), queues: Object.fromEntries(queues), state: presence });
    }
    this.#core.addAgent(agent);
    this.#logger.info({ agentId: id }, 'agent added');
    this.#done();
    return agentSnapshot(agent);
  }

  /**
   * Changes an agent's queues (with tier levels), skills or capacity, also while it works.
   * Calls already offered or connected are not affected; new offers follow the new profile.
   */
  updateAgent(agentId: string, update: AgentUpdate): AgentSnapshot {
    const agent = this.#agent(agentId);
    const opts = requireObject('update', update);
    rejectUnknownFields('update', opts, AGENT_UPDATE_FIELDS);
    const queues = opts.queues === undefined ? agent.queues : this.#memberships('update.queues', opts.queues);
    const skills =
      opts.skills === undefined ? agent.skills : requireSkillMap('update.skills', opts.skills);
    const capacity = opts.capacity === undefined ? undefined : requireCapacity('update.capacity', opts.capacity);

    reprofileAgent(this.#core, agent, queues, skills, capacity);
    this.#logger.info({ agentId }, 'agent updated');
    this.#done();
    return agentSnapshot(agent);
  }

  /**
   * Removes an agent. Not allowed while it is connected to a call (`INVALID_STATE`): complete the
   * call first. Offers ringing the agent are revoked and their calls go back to their places.
   */
  removeAgent(agentId: string): void {
    const agent = this.#agent(agentId);
    if (agent.talking > 0) {
      throw new InvalidStateError(`Agent \`${agentId}\` is connected to ${agent.talking} call(s); complete them first`);
    }
    this.#core.removeAgent(agent);
    if (this.events.wants('agent:removed')) this.events.push('agent:removed', { agentId, atMs: this.#core.now() });
    this.#logger.info({ agentId }, 'agent removed');
    this.#done();
  }

  /**
   * Sets an agent's presence. `available` makes it take waiting calls at once; `not-ready` and
   * `offline` stop new offers and revoke offers ringing it (their calls go back to their places);
   * connected calls and wrap-up continue. Setting the current presence again does nothing.
   */
  setAgentState(agentId: string, state: PresenceState, reason?: string): AgentSnapshot {
    const agent = this.#agent(agentId);
    const presence = requirePresence('state', state);
    const why = this.#reason('reason', presence, reason);
    if (presence !== agent.presence || why !== agent.reason) {
      this.#core.setPresence(agent, presence, why);
      this.#done();
    }
    return agentSnapshot(agent);
  }

  // ---- calls -------------------------------------------------------------------------------

  /**
   * Puts a call in its queue's line and offers it at once if a free agent may take it (its known
   * agent first, when it has one). A queue that is full or has no agents under its join rule
   * refuses the call: the result says why, `call:refused` is emitted, and nothing is kept.
   */
  enqueue(call: CallInput): EnqueueResult {
    const input = requireObject('call', call);
    rejectUnknownFields('call', input, CALL_FIELDS);
    const maxWaitMs = input.maxWaitMs === undefined ? Infinity : requireDuration('call.maxWaitMs', input.maxWaitMs, true);
    return this.#enqueueFields(parseCallFields(this.#core, 'call', input), maxWaitMs);
  }

  /** Enqueues a call whose fields are validated: admission, routing, then the events. */
  #enqueueFields(fields: CallFields & { readonly preferred: KnownTarget | undefined }, maxWaitMs: number): EnqueueResult {
    const core = this.#core;
    const record = newCallRecord(core, fields, maxWaitMs, 'waiting', 'inbound');
    const refusal = admitCall(core, record, fields.preferred);
    core.settle();
    // The routing decision (with any step due at once), before listeners (which may answer or abandon) run.
    const result = this.#result(record, refusal);
    this.events.flush();
    return result;
  }

  static {
    enqueueBuilt = (router, call) => router.#enqueueFields(builtCallFields(router.#core, call), Infinity);
  }


  /**
   * Schedules a callback the center owes a customer (a follow-up the next day, say): at `atMs` it
   * enters line as a call of kind `callback`, is offered to an agent, who calls the customer;
   * report an unanswered attempt with {@link callbackUnanswered}. Returns the scheduled call.
   */
  scheduleCallback(callback: ScheduledCallbackInput): CallSnapshot {
    const input = requireObject('callback', callback);
    rejectUnknownFields('callback', input, CALLBACK_FIELDS);
    const atMs = requireFinite('callback.atMs', input.atMs);
    const maxAttempts = input.maxAttempts === undefined ? undefined : requireAttempts('callback.maxAttempts', input.maxAttempts);
    const retryDelayMs =
      input.retryDelayMs === undefined ? undefined : requireDuration('callback.retryDelayMs', input.retryDelayMs);
    const fields = parseCallFields(this.#core, 'callback', input, 'callback');
    const core = this.#core;
    const record = newCallRecord(core, fields, Infinity, 'scheduled', 'callback');
    // The callback arrives when it is due: its place in line is from then (ties in scheduling order).
    record.dueAtMs = atMs;
    record.arrivalMs = Math.max(atMs, record.arrivalMs);
    record.lineMs = record.arrivalMs;
    record.preferred = fields.preferred;
    if (maxAttempts !== undefined) record.callbackMaxAttempts = maxAttempts;
    if (retryDelayMs !== undefined) record.callbackRetryMs = retryDelayMs;
    core.callbacks.schedule(record);
    this.#done();
    return callSnapshot(record);
  }

  /** The agent answered the call offered to it: the call is connected (`INVALID_STATE` unless offered). */
  answer(callId: string): void {
    this.#core.answer(this.#call(callId, 'offered', 'answer'));
    this.#done();
  }

  /** The agent declined the offer: the call goes back to its place in line (`INVALID_STATE` unless offered). */
  decline(callId: string): void {
    this.#core.decline(this.#call(callId, 'offered', 'decline'));
    this.#done();
  }

  /**
   * The caller hung up before being connected (waiting, or ringing an agent). The call is gone.
   * A connected call ends with {@link complete} instead, and a scheduled callback is taken back
   * with {@link withdraw} (`INVALID_STATE`).
   */
  abandon(callId: string): void {
    const call = this.#liveCall(callId);
    if (call.status === 'talking') {
      throw new InvalidStateError(`Cannot abandon call \`${callId}\`: it is connected; use complete()`);
    }
    if (call.status === 'scheduled') {
      throw new InvalidStateError(`Cannot abandon call \`${callId}\`: it is a scheduled callback; use withdraw()`);
    }
    this.#core.abandon(call);
    this.#done();
  }

  /**
   * The backend takes a call out of routing for a reason of its own (an exit key, a supervisor):
   * a scheduled callback, a waiting call or one ringing an agent (the offer is withdrawn: stop
   * ringing). The call is gone. A connected call cannot be withdrawn (`INVALID_STATE`).
   */
  withdraw(callId: string, reason: string): void {
    const call = this.#liveCall(callId);
    const why = requireId('reason', reason);
    if (call.status === 'talking') {
      throw new InvalidStateError(`Cannot withdraw call \`${callId}\`: it is connected; use complete() or transfer()`);
    }
    this.#core.withdraw(call, why);
    this.#done();
  }

  /**
   * Sets a live call's priority. A waiting call keeps its place among calls of its new priority
   * (its arrival time and enqueue order); an offered or connected call keeps it for later.
   */
  setCallPriority(callId: string, priority: number): CallSnapshot {
    const call = this.#liveCall(callId);
    const value = requireFinite('priority', priority);
    reprioritize(this.#core, call, value, call.lineMs);
    this.#done();
    return callSnapshot(call);
  }

  /**
   * Makes a call more urgent by moving its place in line `byMs` earlier, as if it had arrived
   * that much sooner (it never goes back). Waits and service level still count from its real arrival.
   */
  adjustCallAge(callId: string, byMs: number): CallSnapshot {
    const call = this.#liveCall(callId);
    const by = requireDuration('byMs', byMs);
    reprioritize(this.#core, call, call.priority, call.lineMs - by);
    this.#done();
    return callSnapshot(call);
  }

  /**
   * A waiting caller chose to be called back: the caller hangs up, the call keeps its place in
   * line as a callback (on the queue's callback channel), hold-time limits stop applying, and
   * when it is offered and answered the agent calls the customer. `INVALID_STATE` unless the call
   * is a waiting inbound call.
   */
  requestCallback(callId: string, options?: CallbackOptions): CallSnapshot {
    const call = this.#call(callId, 'waiting', 'request a callback for');
    const opts = options === undefined ? {} : requireObject('options', options);
    rejectUnknownFields('options', opts, ['maxAttempts', 'retryDelayMs']);
    const maxAttempts = opts.maxAttempts === undefined ? undefined : requireAttempts('options.maxAttempts', opts.maxAttempts);
    const retryDelayMs =
      opts.retryDelayMs === undefined ? undefined : requireDuration('options.retryDelayMs', opts.retryDelayMs);
    if (call.kind === 'callback') throw new InvalidStateError(`Call \`${callId}\` is a callback already`);
    this.#core.callbacks.request(call, 'requested', maxAttempts, retryDelayMs);
    this.#done();
    return callSnapshot(call);
  }

  /**
   * The agent called the customer back and nobody answered. The agent is free again (no wrap-up);
   * the callback is retried after the retry delay, keeping its place, or fails after its last
   * attempt (`call:callback-failed`). `INVALID_STATE` unless the call is a connected callback.
   */
  callbackUnanswered(callId: string): void {
    const call = this.#call(callId, 'talking', 'report an unanswered callback for');
    if (call.kind !== 'callback') throw new InvalidStateError(`Call \`${callId}\` is not a callback`);
    this.#core.callbacks.unanswered(call);
    this.#done();
  }

  /**
   * Transfers a connected call to a queue, or to an agent (it waits for that agent for
   * `options.waitMs`, then for any agent of the queue). The call keeps its attributes and customer,
   * and by default its arrival time (its place and its wait for service-level purposes); its
   * priority and requirements are its original ones unless `options` gives new ones. The agent goes
   * to wrap-up. A target queue that is full or has no agents under its join rule refuses: the
   * result says why and the call stays connected.
   */
  transfer(callId: string, target: TransferTarget, options?: TransferOptions): TransferResult {
    const call = this.#call(callId, 'talking', 'transfer');
    const core = this.#core;
    const { queue, bucket, plan } = parseTransfer(core, call, target, options);
    const refusal = core.admission.refusal(queue, bucket);
    if (refusal === undefined) transferCall(core, call, queue, bucket, plan);
    core.settle();
    const result = this.#result(call, refusal);
    this.events.flush();
    return result;
  }

  /**
   * A waiting call's position in line, 1-based, among the waiting calls that compete with it for
   * the same agents (for announcements: "you are caller number 3"). 0 when the call is not waiting
   * (scheduled, ringing or connected). Costs a scan of the competing lines, not of all calls.
   */
  positionOf(callId: string): number {
    return positionOf(this.#core, this.#liveCall(callId));
  }

  /**
   * Estimated time until a waiting call is offered, ms: its {@link positionOf} × the mean time
   * between the queue's recent answers (its last 32, measured up to now). Before the queue has
   * answered anything: ⌈position ÷ agents logged in who could take it⌉ × the queue's
   * `defaultHandleMs`, or `Infinity` when no such agent is logged in. 0 when not waiting.
   */
  estimatedWaitMs(callId: string): number {
    return estimatedWaitMs(this.#core, this.#liveCall(callId));
  }

  /**
   * A connected call ended. The agent goes to wrap-up for the queue's `wrapUpMs` (or
   * `outcome.wrapUpMs`), then takes calls again. The call is gone.
   */
  complete(callId: string, outcome?: CallOutcome): void {
    const call = this.#liveCall(callId);
    const checked = requireOutcome('outcome', outcome);
    if (call.status !== 'talking') {
      throw new InvalidStateError(`Cannot complete call \`${callId}\`: it is ${call.status}, not talking`);
    }
    this.#core.complete(call, checked);
    this.#done();
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Whether a live call (waiting, offered or talking) has this id. */
  hasCall(callId: string): boolean {
    return this.#core.calls.has(requireId('callId', callId));
  }

  /** Whether an agent has this id. */
  hasAgent(agentId: string): boolean {
    return this.#core.agents.has(requireId('agentId', agentId));
  }

  /** Whether a queue has this id. */
  hasQueue(queueId: string): boolean {
    return this.#core.queues.has(requireId('queueId', queueId));
  }

  /** A copy of a live call. Throws `UNKNOWN_CALL` once it completed or was abandoned. */
  getCall(callId: string): CallSnapshot {
    return callSnapshot(this.#liveCall(callId));
  }

  /** A copy of an agent's state. */
  getAgent(agentId: string): AgentSnapshot {
    return agentSnapshot(this.#agent(agentId));
  }

  /** A copy of a queue's configuration and counts. */
  getQueue(queueId: string): QueueSnapshot {
    return queueSnapshot(this.#queue(queueId), this.#core.now());
  }

  /** Ids of all queues, in the order they were added. */
  queueIds(): string[] {
    return [...this.#core.queues.keys()];
  }

  /** Ids of all agents, in the order they were added. */
  agentIds(): string[] {
    return [...this.#core.agents.keys()];
  }

  /**
   * The calls waiting in a queue (not offered; including those waiting for a known agent), in
   * service order: priority (with aging), then place in line, then enqueue order.
   */
  waitingCalls(queueId: string): CallSnapshot[] {
    const queue = this.#queue(queueId);
    const calls: CallRecord[] = [];
    for (let call = queue.first; call !== undefined; call = call.nextInQueue) if (call.status === 'waiting') calls.push(call);
    return calls.sort(byServiceOrder).map(callSnapshot);
  }

  // ---- statistics --------------------------------------------------------------------------

  /**
   * A queue's statistics now: real-time counts (waiting, by priority, ringing, longest wait,
   * agents logged in, eligible and available) and its figures since it was added and in the
   * current interval. O(1). `INVALID_STATE` when statistics are off.
   */
  queueStats(queueId: string): QueueStats {
    const queue = this.#queue(queueId);
    return this.#collector().queueStats(queue.id, this.#core.now()) as QueueStats;
  }

  /** An agent's statistics now (time in each state, calls, talk, wrap-up, idle, occupancy, FCR, CSAT). O(1). */
  agentStats(agentId: string): AgentStats {
    const agent = this.#agent(agentId);
    return this.#collector().agentStats(agent.id, this.#core.now()) as AgentStats;
  }

  /** The whole center's statistics now: every queue's figures summed (removed queues included). O(queues + agents). */
  stats(): CenterStats {
    return this.#collector().centerStats(this.#core.now());
  }

  /** The closed interval reports, oldest first (at most `stats.keepIntervals` of them). */
  intervals(): IntervalReport[] {
    return [...this.#collector().intervals()];
  }

  /**
   * Records a customer survey for a completed call (CSAT), also after the call is gone: within
   * `stats.surveyWindowMs` of its completion, once per call. The score counts for the queue and
   * the agent that completed the call. `UNKNOWN_CALL` when no such call completed within the
   * window (or it has a survey already), `INVALID_STATE` while it is still live.
   */
  recordSurvey(callId: string, score: number): void {
    const id = requireId('callId', callId);
    const value = requireFinite('score', score);
    if (this.#stats === undefined) throw new InvalidStateError('Statistics are off (options.stats: false)');
    const now = this.#core.now();
    const target = this.#stats.surveyable(id, now);
    if (target === undefined) {
      if (this.#core.calls.has(id)) throw new InvalidStateError(`Cannot record a survey for call \`${id}\`: it has not completed`);
      throw new UnknownCallError(id);
    }
    this.#collector(); // closes the intervals that ended, before the survey counts
    this.events.push('call:survey', { callId: id, queueId: target.queue.id, atMs: now, agentId: target.agentId, score: value });
    this.#done();
  }


  /**
   * Cancels every pending timed action (offer timeouts, wrap-up ends, back-offs) and the router's
   * clock timer, so a process using `SystemClock` can exit. For shutting down: offers already
   * ringing then never time out and agents in wrap-up stay there. Reads keep working.
   */
  dispose(): void {
    this.#core.deadlines.clear();
  }

  // ---- internals ---------------------------------------------------------------------------

  /** The statistics, with every interval that ended by now closed (and reported). */
  #collector(): StatsCollector {
    if (this.#stats === undefined) throw new InvalidStateError('Statistics are off (options.stats: false)');
    if (this.#core.now() >= this.#stats.intervalEndMs) {
      this.#closeIntervals();
      this.events.flush();
    }
    return this.#stats;
  }

  /**
   * Closes the intervals that ended by now, each with a `stats:interval` event, before anything
   * else happens: at the first event or read at or after a boundary. No timer of its own
   * keeps the process alive or a simulation running.
   */
  #closeIntervals(): void {
    const stats = this.#stats;
    if (stats === undefined) return;
    const now = this.#core.now();
    while (now >= stats.intervalEndMs) this.events.push('stats:interval', stats.closeInterval());
  }

  #queueConfigured(queue: QueueRecord): void {
    if (!this.events.wants('queue:configured')) return;
    this.events.push('queue:configured', {
      queueId: queue.id,
      atMs: this.#core.now(),
      serviceLevelMs: queue.serviceLevelMs,
      shortAbandonMs: queue.shortAbandonMs,
    });
  }

  /** Ends an operation: timed actions due this instant run, then events are delivered. */
  #done(): void {
    this.#core.settle();
    this.events.flush();
  }

  #queue(queueId: unknown, name = 'queueId'): QueueRecord {
    return requireQueue(this.#core, queueId, name);
  }

  #agent(agentId: unknown): AgentRecord {
    return requireAgent(this.#core, agentId, 'agentId');
  }

  #liveCall(callId: unknown): CallRecord {
    const id = requireId('callId', callId);
    const call = this.#core.calls.get(id);
    if (call === undefined) throw new UnknownCallError(id);
    return call;
  }

  #call(callId: unknown, status: CallRecord['status'], action: string): CallRecord {
    const call = this.#liveCall(callId);
    if (call.status !== status) {
      throw new InvalidStateError(`Cannot ${action} call \`${call.id}\`: it is ${call.status}, not ${status}`);
    }
    return call;
  }

  #result(call: CallRecord, refusal: RefusalReason | undefined): EnqueueResult {
    if (refusal !== undefined) {
      return { accepted: false, callId: call.id, status: 'refused', agentId: undefined, reason: refusal };
    }
    return call.status === 'offered'
      ? { accepted: true, callId: call.id, status: 'offered', agentId: call.agent?.id, reason: undefined }
      : { accepted: true, callId: call.id, status: 'waiting', agentId: undefined, reason: undefined };
  }

  #memberships(name: string, value: unknown): Map<string, number> {
    if (value === undefined) throw new InvalidArgumentError(`Expected \`${name}\` to be queue ids or queue id → tier level, got \`undefined\``);
    const memberships = requireMemberships(name, value);
    for (const queueId of memberships.keys()) if (!this.#core.queues.has(queueId)) throw new UnknownQueueError(queueId);
    return memberships;
  }

  #reason(name: string, presence: PresenceState, reason: unknown): string | undefined {
    const text = optionalString(name, reason);
    if (text !== undefined && presence !== 'not-ready') {
      throw new InvalidArgumentError(`Expected \`${name}\` only with state 'not-ready', got it with '${presence}'`);
    }
    return text;
  }
}
