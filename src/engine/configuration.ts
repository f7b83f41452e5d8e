import type { AgentPool } from '../routing/agent-pool.js';
import type { Channel, PresenceState, QueueUpdate } from '../model/types.js';
import type { AgentRecord, ChannelSlot, QueueRecord } from './records.js';
import type { RouterCore } from './router-core.js';

/** A queue's record with the defaults of `QueueOptions` applied. */
export function newQueueRecord(id: string, options: QueueUpdate): QueueRecord {
  return {
    id,
    strategy: options.strategy ?? 'longest-idle',
    weight: options.weight ?? 1,
    offerTimeoutMs: options.offerTimeoutMs ?? 15_000,
    wrapUpMs: options.wrapUpMs ?? 0,
    waiting: 0,
    offered: 0,
    talking: 0,
    buckets: new Map(),
  };
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
    calls: new Set(),
    offers: 0,
    talking: 0,
    wrapUps: new Set(),
    callsHandled: 0,
    talkTimeMs: 0,
    missedOffers: 0,
    idleSinceMs: now,
    lastOfferSeq: 0,
    readyAt: undefined,
    state: fields.presence,
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
  core.agentUpdated(agent);
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
