import type { AgentPool } from '../routing/agent-pool.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type {
  AgentState,
  Channel,
  PresenceState,
  SkillLevels,
  StrategyName,
} from '../model/types.js';
import type { Deadline } from './deadlines.js';

/** Internal, mutable state of a queue. Plain data: it serialises. */
export interface QueueRecord {
  readonly id: string;
  strategy: StrategyName;
  weight: number;
  offerTimeoutMs: number;
  wrapUpMs: number;
  waiting: number;
  offered: number;
  talking: number;
  /** The queue's buckets by channel and requirements key. */
  readonly buckets: Map<string, WaitingBucket>;
}

/** An agent's load on one channel. `epoch` changes whenever its free-agent entries go stale. */
export interface ChannelSlot {
  readonly channel: Channel;
  capacity: number;
  /** Calls held on this channel: offered, talking or in wrap-up. */
  used: number;
  epoch: number;
  /** Whether the slot is listed as free in its pool. */
  listed: boolean;
}

/** Internal, mutable state of an agent. */
export interface AgentRecord {
  readonly id: string;
  /** Order of addition: the fixed order of `linear` and the final tie-breaker. */
  readonly seq: number;
  presence: PresenceState;
  reason: string | undefined;
  queues: Map<string, number>;
  skills: Map<string, number>;
  readonly slots: Map<Channel, ChannelSlot>;
  pool: AgentPool;
  /** Calls offered to or talking with the agent. */
  readonly calls: Set<CallRecord>;
  offers: number;
  talking: number;
  /** Wrap-up periods under way, each holding a slot of its channel until its deadline. */
  readonly wrapUps: Set<Deadline>;
  callsHandled: number;
  talkTimeMs: number;
  missedOffers: number;
  idleSinceMs: number;
  lastOfferSeq: number;
  readyAt: Deadline | undefined;
  state: AgentState;
  stateSinceMs: number;
}

/** Internal lifecycle of a call. */
export type CallRecordStatus = 'waiting' | 'offered' | 'talking';

/** Internal, mutable state of a live call. */
export interface CallRecord {
  readonly id: string;
  readonly queue: QueueRecord;
  readonly priority: number;
  readonly channel: Channel;
  readonly requirements: SkillLevels;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly arrivalMs: number;
  /** Global enqueue order: makes equal priority and arrival strictly first-come, first-served. */
  readonly seq: number;
  readonly bucket: WaitingBucket;
  status: CallRecordStatus;
  /** Token of the call's current place in its bucket's line; 0 when not in line. */
  lineToken: number;
  agent: AgentRecord | undefined;
  offeredAtMs: number;
  answeredAtMs: number;
  offerDeadline: Deadline | undefined;
  offers: number;
}
