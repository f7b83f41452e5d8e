import type { Clock } from './clock/clock.js';
import { newAgentRecord, newQueueRecord, removeQueue, reprofileAgent } from './engine/configuration.js';
import { RouterEmitter } from './engine/router-emitter.js';
import { parseRouterOptions, type CallRouterOptions } from './engine/router-options.js';
import { RouterCore } from './engine/router-core.js';
import type { AgentRecord, CallRecord, QueueRecord } from './engine/records.js';
import { agentSnapshot, callSnapshot, queueSnapshot } from './engine/snapshots.js';
import {
  checkSkills,
  optionalString,
  rejectUnknownFields,
  requireCapacity,
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
  UnknownAgentError,
  UnknownCallError,
  UnknownQueueError,
} from './model/errors.js';
import type { Logger } from './model/logger.js';
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
} from './model/types.js';
import { SeededRandom } from './random/random.js';
import { byServiceOrder } from './routing/waiting-bucket.js';

export type { CallRouterOptions };

/** What {@link CallRouter.enqueue} did with a call. */
export interface EnqueueResult {
  /** Always `true` for now; queue admission rules (maximum length, no agents) will add refusals. */
  readonly accepted: true;
  /** The call's id. */
  readonly callId: string;
  /** `offered` when a free agent took the call at once. */
  readonly status: 'waiting' | 'offered';
  /** The agent offered the call, when `status` is `offered`. */
  readonly agentId: string | undefined;
}

const QUEUE_FIELDS = ['strategy', 'weight', 'offerTimeoutMs', 'wrapUpMs'];
const AGENT_FIELDS = ['id', 'queues', 'skills', 'capacity', 'state', 'reason'];
const AGENT_UPDATE_FIELDS = ['queues', 'skills', 'capacity'];
const CALL_FIELDS = ['id', 'queue', 'priority', 'channel', 'requirements', 'customerId', 'attributes'];
const DEFAULT_CAPACITY: Readonly<Record<string, number>> = { voice: 1 };
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

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

  constructor(options: CallRouterOptions = {}) {
    const { clock, logger, seed, policy } = parseRouterOptions(options);
    super(logger);
    this.clock = clock;
    this.#logger = logger;
    this.#core = new RouterCore(clock, new SeededRandom(seed), this.events, policy);
  }

  // ---- queues ------------------------------------------------------------------------------

  /** Adds a queue. Throws `DUPLICATE_ID` if one with that id exists. */
  addQueue(options: QueueOptions): QueueSnapshot {
    const opts = requireObject('queue', options);
    const id = requireId('queue.id', opts.id);
    const { id: _id, ...rest } = opts;
    const update = requireQueueUpdate('queue', rest, QUEUE_FIELDS);
    if (this.#core.queues.has(id)) throw new DuplicateIdError('queue', id);
    const queue = newQueueRecord(id, update);
    this.#core.queues.set(id, queue);
    this.#logger.info({ queueId: id }, 'queue added');
    return queueSnapshot(queue);
  }

  /**
   * Changes a queue's policies while it runs. New values apply to the next decision: a new
   * `offerTimeoutMs` to the next offer, a new `wrapUpMs` to the next completion.
   */
  updateQueue(queueId: string, update: QueueUpdate): QueueSnapshot {
    const queue = this.#queue(queueId);
    const changes = requireQueueUpdate('update', update, QUEUE_FIELDS);
    Object.assign(queue, changes);
    this.#logger.info({ queueId, changes }, 'queue updated');
    return queueSnapshot(queue);
  }

  /**
   * Removes a queue that has no live calls (else `INVALID_STATE`). Agents stop serving it.
   */
  removeQueue(queueId: string): void {
    const queue = this.#queue(queueId);
    const live = queue.waiting + queue.offered + queue.talking;
    if (live > 0) {
      throw new InvalidStateError(`Queue \`${queueId}\` still has ${live} live call(s); remove it once it is empty`);
    }
    removeQueue(this.#core, queue);
    this.#logger.info({ queueId }, 'queue removed');
    this.events.flush();
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
    this.#core.addAgent(agent);
    this.#logger.info({ agentId: id }, 'agent added');
    this.events.flush();
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
    this.events.flush();
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
    this.#logger.info({ agentId }, 'agent removed');
    this.events.flush();
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
      this.events.flush();
    }
    return agentSnapshot(agent);
  }

  // ---- calls -------------------------------------------------------------------------------

  /** Puts a call in its queue's line and offers it at once if a free agent may take it. */
  enqueue(call: CallInput): EnqueueResult {
    const input = requireObject('call', call);
    rejectUnknownFields('call', input, CALL_FIELDS);
    const id = requireId('call.id', input.id);
    const queue = this.#queue(input.queue, 'call.queue');
    const priority = input.priority === undefined ? 0 : requireFinite('call.priority', input.priority);
    const channel = input.channel === undefined ? 'voice' : requireId('call.channel', input.channel);
    const requirements =
      input.requirements === undefined ? EMPTY : checkSkills('call.requirements', input.requirements);
    const customerId = optionalString('call.customerId', input.customerId);
    if (input.attributes !== undefined) requireObject('call.attributes', input.attributes);
    const core = this.#core;
    if (core.calls.has(id)) throw new DuplicateIdError('call', id);

    const bucket = core.table.bucketFor(queue, channel, requirements);
    const record: CallRecord = {
      id,
      queue,
      priority,
      channel,
      requirements: bucket.requirementLevels,
      customerId,
      attributes: (input.attributes as Record<string, unknown> | undefined) ?? EMPTY,
      arrivalMs: core.now(),
      seq: core.nextCallSeq(),
      bucket,
      status: 'waiting',
      lineToken: 0,
      agent: undefined,
      offeredAtMs: 0,
      answeredAtMs: 0,
      offerDeadline: undefined,
      offers: 0,
    };
    core.admit(record);
    // The routing decision, before listeners (which may answer or abandon) run.
    const result: EnqueueResult =
      record.status === 'waiting'
        ? { accepted: true, callId: id, status: 'waiting', agentId: undefined }
        : { accepted: true, callId: id, status: 'offered', agentId: record.agent?.id };
    this.events.flush();
    return result;
  }

  /** The agent answered the call offered to it: the call is connected (`INVALID_STATE` unless offered). */
  answer(callId: string): void {
    this.#core.answer(this.#call(callId, 'offered', 'answer'));
    this.events.flush();
  }

  /** The agent declined the offer: the call goes back to its place in line (`INVALID_STATE` unless offered). */
  decline(callId: string): void {
    this.#core.decline(this.#call(callId, 'offered', 'decline'));
    this.events.flush();
  }

  /**
   * The caller hung up before being connected (waiting, or ringing an agent). The call is gone.
   * A connected call ends with {@link complete} instead (`INVALID_STATE`).
   */
  abandon(callId: string): void {
    const call = this.#liveCall(callId);
    if (call.status === 'talking') {
      throw new InvalidStateError(`Cannot abandon call \`${callId}\`: it is connected; use complete()`);
    }
    this.#core.abandon(call);
    this.events.flush();
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
    this.events.flush();
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
    return queueSnapshot(this.#queue(queueId));
  }

  /** Ids of all queues, in the order they were added. */
  queueIds(): string[] {
    return [...this.#core.queues.keys()];
  }

  /** Ids of all agents, in the order they were added. */
  agentIds(): string[] {
    return [...this.#core.agents.keys()];
  }

  /** The calls waiting in a queue (not offered), in service order: priority, then arrival. */
  waitingCalls(queueId: string): CallSnapshot[] {
    const queue = this.#queue(queueId);
    const calls = [...queue.buckets.values()].flatMap((bucket) => bucket.inLine());
    return calls.sort(byServiceOrder).map(callSnapshot);
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

  #queue(queueId: unknown, name = 'queueId'): QueueRecord {
    const id = requireId(name, queueId);
    const queue = this.#core.queues.get(id);
    if (queue === undefined) throw new UnknownQueueError(id);
    return queue;
  }

  #agent(agentId: unknown): AgentRecord {
    const id = requireId('agentId', agentId);
    const agent = this.#core.agents.get(id);
    if (agent === undefined) throw new UnknownAgentError(id);
    return agent;
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
