import type { AgentSnapshot, CallSnapshot, QueueSnapshot } from '../model/types.js';
import { longestWaitMs } from './call-lines.js';
import type { AgentRecord, CallRecord, QueueRecord } from './records.js';

/** A read-only copy of a live call. */
export function callSnapshot(call: CallRecord): CallSnapshot {
  const base = {
    id: call.id,
    queueId: call.queue.id,
    priority: call.priority,
    channel: call.channel,
    requirements: call.requirements,
    customerId: call.customerId,
    attributes: call.attributes,
    arrivalMs: call.arrivalMs,
    lineMs: call.lineMs,
    queuedAtMs: call.queuedAtMs,
    kind: call.kind,
    maxTier: call.maxTier,
    escalationStep: call.nextStep,
    offers: call.offers,
    callbackAttempts: call.callbackAttempts,
  };
  const agentId = call.agent?.id as string;
  switch (call.status) {
    case 'scheduled':
      return { ...base, status: 'scheduled', dueAtMs: call.dueAtMs };
    case 'waiting': {
      const known = call.knownAgent;
      return {
        ...base,
        status: 'waiting',
        knownAgentId: known?.id,
        knownAgentKind: known === undefined ? undefined : call.knownKind,
        knownAgentUntilMs: known === undefined ? undefined : call.knownUntilMs,
      };
    }
    case 'offered':
      return {
        ...base,
        status: 'offered',
        agentId,
        offeredAtMs: call.offeredAtMs,
        offerExpiresAtMs: call.offerDeadline?.atMs,
      };
    case 'talking':
      return { ...base, status: 'talking', agentId, answeredAtMs: call.answeredAtMs };
  }
}

/** A read-only copy of an agent. */
export function agentSnapshot(agent: AgentRecord): AgentSnapshot {
  const capacity: Record<string, number> = {};
  const load: Record<string, number> = {};
  for (const slot of agent.slots.values()) {
    if (slot.capacity > 0) capacity[slot.channel] = slot.capacity;
    if (slot.used > 0) load[slot.channel] = slot.used;
  }
  return {
    id: agent.id,
    state: agent.state,
    presence: agent.presence,
    reason: agent.reason,
    queues: Object.fromEntries(agent.queues),
    skills: Object.fromEntries(agent.skills),
    capacity,
    load,
    callIds: [...agent.calls].map((call) => call.id),
    callsHandled: agent.callsHandled,
    talkTimeMs: agent.talkTimeMs,
    missedOffers: agent.missedOffers,
    idleSinceMs: agent.idleSinceMs,
    readyAtMs: agent.readyAt?.atMs,
    stateSinceMs: agent.stateSinceMs,
  };
}

/** A read-only copy of a queue's configuration and counts. */
export function queueSnapshot(queue: QueueRecord, nowMs: number): QueueSnapshot {
  return {
    id: queue.id,
    strategy: queue.strategy,
    weight: queue.weight,
    offerTimeoutMs: queue.offerTimeoutMs,
    wrapUpMs: queue.wrapUpMs,
    waiting: queue.waiting,
    offered: queue.offered,
    talking: queue.talking,
    scheduled: queue.scheduled,
    longestWaitMs: longestWaitMs(queue, nowMs),
    escalation: queue.escalation,
    agingPerMinute: queue.agingPerMinute,
    maxTier: queue.maxTier,
    maxWaitMs: queue.maxWaitMs,
    maxWaitNoAgentsMs: queue.maxWaitNoAgentsMs,
    exitAction: queue.exitAction,
    maxLength: queue.maxLength,
    joinRule: queue.joinRule,
    rejoinWindowMs: queue.rejoinWindowMs,
    knownAgentWaitMs: queue.knownAgentWaitMs,
    callback: { ...queue.callback },
    defaultHandleMs: queue.defaultHandleMs,
    serviceLevelMs: queue.serviceLevelMs,
    shortAbandonMs: queue.shortAbandonMs,
  };
}
