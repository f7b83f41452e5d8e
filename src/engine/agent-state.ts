import type { AgentState } from '../model/types.js';
import type { AgentRecord } from './records.js';

/** Whether the agent may be offered calls at all (capacity aside): available and not backing off. */
export const isEligible = (agent: AgentRecord): boolean =>
  agent.presence === 'available' && agent.readyAt === undefined;

/** Whether the agent takes calls of this channel at all (has capacity on it). */
export const takesChannel = (agent: AgentRecord, channel: string): boolean => (agent.slots.get(channel)?.capacity ?? 0) > 0;

/** The state an agent shows: its work (offered before busy before wrap-up), else its presence. */
export const shownState = (agent: AgentRecord): AgentState =>
  agent.offers > 0 ? 'offered' : agent.talking > 0 ? 'busy' : agent.wrapUps.size > 0 ? 'wrap-up' : agent.presence;

/**
 * Lists each of the agent's slots in its pool exactly when the agent may be offered a call on it
 * (re-keying slots that stay listed, since load and strategy keys may have changed).
 */
export function relist(agent: AgentRecord): void {
  const eligible = isEligible(agent);
  const pool = agent.pool;
  for (const slot of agent.slots.values()) {
    if (eligible && slot.used < slot.capacity) pool.list(agent, slot);
    else if (slot.listed) pool.unlist(slot);
  }
}
