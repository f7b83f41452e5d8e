import type { StrategyName } from '../model/types.js';

/** What a strategy may read of an agent. */
export interface StrategyAgentView {
  /** Order in which the agent was added. */
  readonly seq: number;
  readonly idleSinceMs: number;
  readonly callsHandled: number;
  readonly talkTimeMs: number;
  /** Router-wide sequence number of the agent's latest offer (0 before the first). */
  readonly lastOfferSeq: number;
}

/**
 * Orders free agents: the agent with the lowest key is chosen first (ties: lower load on the
 * channel, then the order agents were added). A key is computed when an agent becomes free and
 * kept while it stays free, so choosing is a heap pop.
 */
export interface AgentSelectionStrategy {
  readonly name: StrategyName;
  key(agent: StrategyAgentView): number;
  /** Whether pools are ranked by the agent's proficiency in the call's required skills first. */
  readonly bySkill: boolean;
  /**
   * Whether the choice is uniform among all free agents of the best tier level, drawn at decision
   * time (a key drawn when an agent became free would favour agents freed later).
   */
  readonly uniform: boolean;
}

const strategy = (
  name: StrategyName,
  key: AgentSelectionStrategy['key'],
  { bySkill = false, uniform = false } = {},
): AgentSelectionStrategy => ({ name, key, bySkill, uniform });

/** The built-in strategies, by name. */
export const STRATEGIES: Readonly<Record<StrategyName, AgentSelectionStrategy>> = {
  /** The agent idle the longest (since its last call ended or it came available). */
  'longest-idle': strategy('longest-idle', (agent) => agent.idleSinceMs),
  /** Rotation with memory: the agent offered a call least recently, in order of addition at first. */
  'round-robin': strategy('round-robin', (agent) => agent.lastOfferSeq),
  /** Fixed order: the agent added first. */
  linear: strategy('linear', (agent) => agent.seq),
  /** The agent that has answered the fewest calls. */
  'fewest-calls': strategy('fewest-calls', (agent) => agent.callsHandled),
  /** The agent with the least total talk time. */
  'least-talk-time': strategy('least-talk-time', (agent) => agent.talkTimeMs),
  /** The highest total proficiency in the call's required skills; ties by longest idle. */
  'most-skilled': strategy('most-skilled', (agent) => agent.idleSinceMs, { bySkill: true }),
  /** A uniformly random free agent of the best tier level, from the router's seeded generator (no key). */
  random: strategy('random', (agent) => agent.seq, { uniform: true }),
};

/** Names of the built-in strategies. */
export const STRATEGY_NAMES = Object.keys(STRATEGIES) as StrategyName[];
