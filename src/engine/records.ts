import type { AgentPool } from '../routing/agent-pool.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type {
  AgentState,
  Channel,
  PresenceState,
  SkillLevels,
  StrategyName,
} from '../model/types.js';
import type { CallKind, CallbackPolicy, EscalationStep, ExitAction, JoinRule, KnownAgentKind } from '../model/policies.js';
import type { KnownTarget } from '../policies/known-agents.js';
import type { Deadline } from './deadlines.js';
import type { SmallSet } from './small-set.js';

/** Internal, mutable state of a queue. Plain data: it serialises. */
export interface QueueRecord {
  readonly id: string;
  strategy: StrategyName;
  weight: number;
  offerTimeoutMs: number;
  wrapUpMs: number;
  escalation: readonly EscalationStep[];
  agingPerMinute: number;
  /** Priority points a waiting call gains per ms. */
  agingPerMs: number;
  maxTier: number;
  maxWaitMs: number;
  maxWaitNoAgentsMs: number;
  exitAction: ExitAction;
  maxLength: number;
  joinRule: JoinRule;
  rejoinWindowMs: number;
  knownAgentWaitMs: number;
  callback: Required<Omit<CallbackPolicy, 'channel'>> & Pick<CallbackPolicy, 'channel'>;
  defaultHandleMs: number;
  serviceLevelMs: number;
  shortAbandonMs: number;
  /** Calls in line (including those waiting for a known agent). */
  waiting: number;
  offered: number;
  talking: number;
  /** Callbacks waiting for their time (scheduled, or between attempts). */
  scheduled: number;
  /** Unanswered calls (waiting or offered) in the order they joined the queue. */
  first: CallRecord | undefined;
  last: CallRecord | undefined;
  /** Times of the most recent answers, a ring buffer, for estimated waits. */
  readonly answers: Float64Array;
  answerCount: number;
  /** The queue's buckets by channel, requirements and tier limit. */
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
  /**
   * Where the slot is in its pool's list of free slots on its channel (−1: not in it), so that
   * listing and unlisting it (on every offer and every wrap-up's end) needs no map of positions.
   */
  freeIndex: number;
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
  readonly calls: SmallSet<CallRecord>;
  offers: number;
  talking: number;
  /** Wrap-up periods under way, each holding a slot of its channel until its deadline. */
  readonly wrapUps: SmallSet<Deadline>;
  callsHandled: number;
  talkTimeMs: number;
  missedOffers: number;
  idleSinceMs: number;
  lastOfferSeq: number;
  readyAt: Deadline | undefined;
  /** Calls waiting for this agent in particular (preferred, last agent, transfer): few, unsorted. */
  readonly known: CallRecord[];
  state: AgentState;
  /** The presence last reported in `agent:state-changed`. */
  shownPresence: PresenceState;
  /** The not-ready reason last reported. */
  shownReason: string | undefined;
  stateSinceMs: number;
}

/** Internal lifecycle of a call. */
export type CallRecordStatus = 'scheduled' | 'waiting' | 'offered' | 'talking';

/** Internal, mutable state of a live call. */
export interface CallRecord {
  readonly id: string;
  queue: QueueRecord;
  /** Priority as set (enqueue, escalation, `setCallPriority`). */
  priority: number;
  /** The line's priority key: `priority − lineMs × agingPerMs` (effective priority minus `now × agingPerMs`). */
  rank: number;
  channel: Channel;
  requirements: SkillLevels;
  /** Agents up to this tier level of the queue may take the call. */
  maxTier: number;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly originalPriority: number;
  readonly originalRequirements: SkillLevels;
  readonly originalChannel: Channel;
  /** When the call arrived, for waits and service level (a transfer may keep it). */
  arrivalMs: number;
  /** The call's place in line: arrival, moved earlier by age adjustments. */
  lineMs: number;
  /** Enqueue order: makes equal priority and arrival strictly first-come, first-served. */
  seq: number;
  /** When the call joined its current queue: escalation steps and hold limits count from here. */
  queuedAtMs: number;
  bucket: WaitingBucket;
  status: CallRecordStatus;
  kind: CallKind;
  /** Token of the call's current place in its bucket's line; 0 when not in line. */
  lineToken: number;
  agent: AgentRecord | undefined;
  offeredAtMs: number;
  answeredAtMs: number;
  offerDeadline: Deadline | undefined;
  offers: number;
  /** Escalation plan in force and the index of its next step. */
  plan: readonly EscalationStep[];
  /** Whether `plan` is the call's own (given at enqueue), not its queue's. */
  ownPlan: boolean;
  nextStep: number;
  /** When a gated overflow step is checked again. */
  stepRecheckMs: number | undefined;
  /** The call's own hold-time limit in its current queue. */
  maxWaitMs: number;
  /** The call's single pending timed action: next step, hold limit, known-agent fallback or callback time. */
  timer: Deadline | undefined;
  /** The agent the call waits for, while it does. */
  knownAgent: AgentRecord | undefined;
  knownKind: KnownAgentKind | undefined;
  /** While the call waits for its known agent: when the wait ends; after it fell back: when it did (0: never waited). */
  knownUntilMs: number;
  /** A scheduled callback's known agent, until it enters line. */
  preferred: KnownTarget | undefined;
  /** Callbacks: attempts made, attempts allowed, delay between them, and when the next one enters line. */
  callbackAttempts: number;
  callbackMaxAttempts: number;
  callbackRetryMs: number;
  dueAtMs: number;
  /** Neighbours in the queue's join-order list of unanswered calls. */
  prevInQueue: CallRecord | undefined;
  nextInQueue: CallRecord | undefined;
  inQueueList: boolean;
}
