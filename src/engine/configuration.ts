import type { AgentPool } from '../routing/agent-pool.js';
import type { EscalationStep } from '../model/policies.js';
import type { Channel, PresenceState, QueueUpdate } from '../model/types.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import { takesChannel } from './agent-state.js';
import { reline } from './call-lines.js';
import { routeReturned } from './dispatch.js';
import type { AgentRecord, CallRecord, CallRecordStatus, ChannelSlot, QueueRecord } from './records.js';
import type { RouterCore } from './router-core.js';
import { SmallSet } from './small-set.js';

/** Recent answer times kept per queue for wait estimates. */
const ANSWER_HISTORY = 32;
const MS_PER_MINUTE = 60_000;

/** A queue's record with the defaults of `QueueOptions` applied. */
export function newQueueRecord(id: string, options: QueueUpdate): QueueRecord {
  return {
    id,
    strategy: options.strategy ?? 'longest-idle',
    weight: options.weight ?? 1,
    offerTimeoutMs: options.offerTimeoutMs ?? 15_000,
    wrapUpMs: options.wrapUpMs ?? 0,
    escalation: options.escalation ?? [],
    agingPerMinute: options.agingPerMinute ?? 0,
    agingPerMs: (options.agingPerMinute ?? 0) / MS_PER_MINUTE,
    maxTier: options.maxTier ?? Infinity,
    maxWaitMs: options.maxWaitMs ?? Infinity,
    maxWaitNoAgentsMs: options.maxWaitNoAgentsMs ?? Infinity,
    exitAction: options.exitAction ?? { action: 'disconnect' },
    maxLength: options.maxLength ?? Infinity,
    joinRule: options.joinRule ?? 'always',
    rejoinWindowMs: options.rejoinWindowMs ?? 0,
    knownAgentWaitMs: options.knownAgentWaitMs ?? 0,
    callback: { maxAttempts: 3, retryDelayMs: 300_000, ...options.callback },
    defaultHandleMs: options.defaultHandleMs ?? 180_000,
    serviceLevelMs: options.serviceLevelMs ?? 20_000,
    shortAbandonMs: options.shortAbandonMs ?? 5_000,
    waiting: 0,
    offered: 0,
    talking: 0,
    scheduled: 0,
    first: undefined,
    last: undefined,
    answers: new Float64Array(ANSWER_HISTORY),
    answerCount: 0,
    buckets: new Map(),
  };
}

/**
 * Applies a validated update to a running queue. New policies apply to calls that join from now
 * on, except aging, which re-ranks the calls in line at once, and the limits and callback
 * settings, which every waiting call follows from its next timed action.
 */
export function updateQueueRecord(core: RouterCore, queue: QueueRecord, update: QueueUpdate): void {
  const { agingPerMinute, callback, ...rest } = update;
  Object.assign(queue, rest);
  if (callback !== undefined) queue.callback = { ...queue.callback, ...callback };
  if (agingPerMinute !== undefined && agingPerMinute !== queue.agingPerMinute) {
    queue.agingPerMinute = agingPerMinute;
    queue.agingPerMs = agingPerMinute / MS_PER_MINUTE;
    for (let call = queue.first; call !== undefined; call = call.nextInQueue) reline(call);
  }
  for (let call = queue.first; call !== undefined; call = call.nextInQueue) core.timers.arm(call);
}

/** Validated fields of a new agent. */
export interface AgentFields {
  readonly id: string;
  readonly queues: Map<string, number>;
  readonly skills: Map<string, number>;
  readonly capacity: ReadonlyMap<Channel, number>;
  readonly presence: PresenceState;
  readonly reason: string | undefined;
}

const newSlot = (channel: Channel, capacity: number): ChannelSlot => ({
  channel,
  capacity,
  used: 0,
  epoch: 0,
  listed: false,
  freeIndex: -1,
});

/** An agent's record, in the pool of its profile, idle since now. */
export function newAgentRecord(core: RouterCore, fields: AgentFields): AgentRecord {
  const now = core.now();
  const slots = new Map<Channel, ChannelSlot>();
  for (const [channel, count] of fields.capacity) slots.set(channel, newSlot(channel, count));
  return {
    id: fields.id,
    seq: core.nextAgentSeq(),
    presence: fields.presence,
    reason: fields.reason,
    queues: fields.queues,
    skills: fields.skills,
    slots,
    pool: poolOf(core, fields.queues, fields.skills, slots),
    calls: new SmallSet(),
    offers: 0,
    talking: 0,
    wrapUps: new SmallSet(),
    callsHandled: 0,
    talkTimeMs: 0,
    missedOffers: 0,
    idleSinceMs: now,
    lastOfferSeq: 0,
    readyAt: undefined,
    known: [],
    state: fields.presence,
    shownPresence: fields.presence,
    shownReason: fields.reason,
    stateSinceMs: now,
  };
}

/**
 * Gives a working agent new queues, skills and (optionally) capacity, moves it to the pool of its
 * new profile and routes work to it. A channel dropped while it still holds work keeps a
 * zero-capacity slot until that work drains.
 */
export function reprofileAgent(
  core: RouterCore,
  agent: AgentRecord,
  queues: Map<string, number>,
  skills: Map<string, number>,
  capacity: ReadonlyMap<Channel, number> | undefined,
): void {
  if (core.out.wants('agent:updated')) {
    core.out.push('agent:updated', { agentId: agent.id, atMs: core.now(), queues: Object.fromEntries(queues) });
  }
  agent.queues = queues;
  agent.skills = skills;
  if (capacity !== undefined) {
    for (const [channel, slot] of agent.slots) {
      if (capacity.has(channel)) continue;
      if (slot.used > 0) slot.capacity = 0;
      else {
        agent.pool.unlist(slot);
        agent.slots.delete(channel);
      }
    }
    for (const [channel, count] of capacity) {
      const slot = agent.slots.get(channel);
      if (slot === undefined) agent.slots.set(channel, newSlot(channel, count));
      else slot.capacity = count;
    }
  }
  core.movePool(agent, poolOf(core, queues, skills, agent.slots));
  // Calls waiting for this agent on a channel it no longer takes go to their queues.
  const returned: WaitingBucket[] = [];
  core.known.letGo(agent, 'no-capacity', returned, (call) => takesChannel(agent, call.channel));
  core.agentChanged(agent);
  if (returned.length > 0) routeReturned(core, returned);
}

/** Removes an empty queue: agents stop serving it (and may move pools), its buckets go. */
export function removeQueue(core: RouterCore, queue: QueueRecord): void {
  for (const agent of core.agents.values()) {
    if (!agent.queues.has(queue.id)) continue;
    const queues = new Map(agent.queues);
    queues.delete(queue.id);
    reprofileAgent(core, agent, queues, agent.skills, undefined);
  }
  core.table.dropQueue(queue);
  core.queues.delete(queue.id);
}

/** The pool for a profile: queues with tier levels, skills, and the channels with capacity. */
function poolOf(
  core: RouterCore,
  queues: Map<string, number>,
  skills: Map<string, number>,
  slots: ReadonlyMap<Channel, ChannelSlot>,
): AgentPool {
  const channels = new Set<Channel>();
  for (const slot of slots.values()) if (slot.capacity > 0) channels.add(slot.channel);
  return core.table.poolFor(queues, skills, channels);
}

/** Validated fields of a new call (or scheduled callback). */
export interface CallFields {
  readonly id: string;
  readonly queue: QueueRecord;
  readonly bucket: WaitingBucket;
  readonly priority: number;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly escalation: readonly EscalationStep[] | undefined;
}

/**
 * A call's record, arriving now, in its bucket's queue (not yet in line or counted anywhere).
 * (The extra fields are arguments, not spread into `fields`: an object spread here cost 3× the
 * whole routing decision.)
 */
export function newCallRecord(
  core: RouterCore,
  fields: CallFields,
  maxWaitMs: number,
  status: CallRecordStatus,
  kind: CallRecord['kind'],
): CallRecord {
  const now = core.now();
  const { queue, bucket } = fields;
  return {
    id: fields.id,
    queue,
    priority: fields.priority,
    rank: fields.priority,
    channel: bucket.channel,
    requirements: bucket.requirementLevels,
    maxTier: bucket.maxTier,
    customerId: fields.customerId,
    attributes: fields.attributes,
    originalPriority: fields.priority,
    originalRequirements: bucket.requirementLevels,
    originalChannel: bucket.channel,
    arrivalMs: now,
    lineMs: now,
    seq: core.nextCallSeq(),
    queuedAtMs: now,
    bucket,
    status,
    kind,
    lineToken: 0,
    agent: undefined,
    offeredAtMs: 0,
    answeredAtMs: 0,
    offerDeadline: undefined,
    offers: 0,
    plan: fields.escalation ?? queue.escalation,
    ownPlan: fields.escalation !== undefined,
    nextStep: 0,
    stepRecheckMs: undefined,
    maxWaitMs,
    timer: undefined,
    knownAgent: undefined,
    knownKind: undefined,
    knownUntilMs: 0,
    preferred: undefined,
    callbackAttempts: 0,
    callbackMaxAttempts: queue.callback.maxAttempts,
    callbackRetryMs: queue.callback.retryDelayMs,
    dueAtMs: 0,
    prevInQueue: undefined,
    nextInQueue: undefined,
    inQueueList: false,
  };
}
