import type {
  CallbackPolicy,
  CallKind,
  EscalationStep,
  ExitAction,
  JoinRule,
  KnownAgentKind,
} from './policies.js';

/**
 * The kind of contact a call is. Agents have a capacity per channel.
 * Any non-empty string is accepted, so backends can add channels of their own.
 */
export type Channel = 'voice' | 'chat' | 'email' | 'task' | (string & {});

/** Skill name → proficiency (1 = basic … 5 = expert), or minimum proficiency in requirements. */
export type SkillLevels = Readonly<Record<string, number>>;

/** The agent-selection strategies a queue can use. */
export type StrategyName =
  | 'longest-idle'
  | 'round-robin'
  | 'linear'
  | 'fewest-calls'
  | 'least-talk-time'
  | 'most-skilled'
  | 'random';

/** Options of {@link CallRouter.addQueue}. */
export interface QueueOptions {
  /** Unique queue id. */
  readonly id: string;
  /**
   * How a free agent is chosen for a call when several may take it (within one tier level).
   * @default 'longest-idle'
   */
  readonly strategy?: StrategyName;
  /**
   * Relative importance for agents that serve several queues. Between calls of equal priority,
   * an agent takes the one with the largest `waitMs × weight`, so a call in a queue of weight 2
   * that has waited 10 s ranks with a weight-1 call that has waited 20 s. With equal weights (the
   * default) service across queues is first-come, first-served and no queue can starve another;
   * a heavier queue that stays overloaded can hold back a lighter one for as long as the overload
   * lasts. Must be > 0.
   * @default 1
   */
  readonly weight?: number;
  /**
   * How long an agent may leave an offer unanswered before it times out and the call returns
   * to its place in line. `Infinity` means offers never time out.
   * @default 15000
   */
  readonly offerTimeoutMs?: number;
  /**
   * After-call work: how long an agent stays in `wrap-up` after completing a call of this queue.
   * @default 0
   */
  readonly wrapUpMs?: number;
  /**
   * Escalation plan: time-triggered steps applied to each waiting call in order, each once,
   * cumulatively (raise priority, relax requirements, widen tiers, overflow). A call may bring a
   * plan of its own (`CallInput.escalation`). @default []
   */
  readonly escalation?: readonly EscalationStep[];
  /**
   * Priority aging: a waiting call's effective priority is `priority + minutes waited × this`, so
   * low-priority calls cannot starve. Order within the queue is unchanged by aging (every call
   * gains at the same rate); across queues it is compared at the moment of each decision. >= 0.
   * @default 0
   */
  readonly agingPerMinute?: number;
  /**
   * Agents up to this tier level may take a new call; escalation steps widen it (`maxTier`). The
   * default makes every tier eligible from the start (lower levels still come first).
   * @default Infinity
   */
  readonly maxTier?: number;
  /** Hold-time limit: the longest a call may wait in line in this queue, ms. @default Infinity */
  readonly maxWaitMs?: number;
  /**
   * The longest a call may wait while no agent who could take it is logged in (not offline), ms;
   * counted from when the call joined or the last such agent logged out, whichever is later.
   * 0 makes calls leave as soon as the queue is unstaffed (Asterisk `leavewhenempty`).
   * @default Infinity
   */
  readonly maxWaitNoAgentsMs?: number;
  /** What happens to a call that reaches a hold-time limit. @default { action: 'disconnect' } */
  readonly exitAction?: ExitAction;
  /** Calls in line beyond which new calls are refused (`queue-full`). @default Infinity */
  readonly maxLength?: number;
  /** Which agents must be present for a new call to join (else it is refused with `no-agents`). @default 'always' */
  readonly joinRule?: JoinRule;
  /**
   * A caller (same `customerId`) who abandoned this queue and calls again within this window gets
   * the old place in line back. 0 turns it off. @default 0
   */
  readonly rejoinWindowMs?: number;
  /**
   * How long a call waits for its known agent (preferred, last agent, transfer target) before any
   * agent of the queue may take it. 0 takes the known agent only if it is free at once.
   * @default 0
   */
  readonly knownAgentWaitMs?: number;
  /** Callback retries and channel. */
  readonly callback?: CallbackPolicy;
  /** Handle time assumed for wait estimates before the queue has answered any call, ms. @default 180000 */
  readonly defaultHandleMs?: number;
  /** Service-level threshold: a call answered (or abandoned) within this wait is "within threshold", ms. @default 20000 */
  readonly serviceLevelMs?: number;
  /** Abandons within this wait are "short abandons", left out of one service-level variant, ms. @default 5000 */
  readonly shortAbandonMs?: number;
}

/** Fields of a queue that {@link CallRouter.updateQueue} can change. */
export type QueueUpdate = Partial<Omit<QueueOptions, 'id'>>;

/** A queue's configuration and its current counts. */
export interface QueueSnapshot {
  readonly id: string;
  /** See {@link QueueOptions.strategy}. */
  readonly strategy: StrategyName;
  /** See {@link QueueOptions.weight}. */
  readonly weight: number;
  /** See {@link QueueOptions.offerTimeoutMs}. */
  readonly offerTimeoutMs: number;
  /** See {@link QueueOptions.wrapUpMs}. */
  readonly wrapUpMs: number;
  /** Calls waiting in line (not offered). */
  readonly waiting: number;
  /** Calls offered to an agent, not yet answered. */
  readonly offered: number;
  /** Calls connected to an agent. */
  readonly talking: number;
  /** Callbacks waiting for their time (scheduled, or between attempts). */
  readonly scheduled: number;
  /** How long the longest-waiting unanswered call (waiting or offered) has been in the queue, ms. */
  readonly longestWaitMs: number;
  readonly escalation: readonly EscalationStep[];
  readonly agingPerMinute: number;
  readonly maxTier: number;
  readonly maxWaitMs: number;
  readonly maxWaitNoAgentsMs: number;
  readonly exitAction: ExitAction;
  readonly maxLength: number;
  readonly joinRule: JoinRule;
  readonly rejoinWindowMs: number;
  readonly knownAgentWaitMs: number;
  readonly callback: Readonly<Required<Omit<CallbackPolicy, 'channel'>>> & Pick<CallbackPolicy, 'channel'>;
  readonly defaultHandleMs: number;
  readonly serviceLevelMs: number;
  readonly shortAbandonMs: number;
}

/** Presence states the backend sets. */
export type PresenceState = 'offline' | 'available' | 'not-ready';

/**
 * An agent's state. The backend sets presence (`offline`, `available`, `not-ready`); the engine
 * shows work on top of it: `offered` (an offer is ringing), `busy` (connected), `wrap-up`.
 * With work under way the state is the work (offered before busy before wrap-up); without, it
 * is the presence.
 */
export type AgentState = PresenceState | 'offered' | 'busy' | 'wrap-up';

/**
 * Queues an agent serves. Either queue ids (all at tier level 1) or queue id → tier level
 * (1 = first choice; an agent at level 1 is chosen before any agent at level 2).
 */
export type QueueMemberships = readonly string[] | Readonly<Record<string, number>>;

/** Options of {@link CallRouter.addAgent}. */
export interface AgentOptions {
  /** Unique agent id. */
  readonly id: string;
  /** Queues the agent serves, with tier levels. */
  readonly queues: QueueMemberships;
  /** Skill name → proficiency, an integer from 1 to 5. @default {} */
  readonly skills?: SkillLevels;
  /**
   * Calls the agent may hold at once, per channel. A channel not listed cannot be offered.
   * @default { voice: 1 }
   */
  readonly capacity?: Readonly<Partial<Record<Channel, number>>>;
  /** Presence to start in. @default 'offline' */
  readonly state?: PresenceState;
  /** Reason for `not-ready`. */
  readonly reason?: string;
}

/** Fields of an agent that {@link CallRouter.updateAgent} can change, even while it works. */
export type AgentUpdate = Partial<Pick<AgentOptions, 'queues' | 'skills' | 'capacity'>>;

/** An agent as the engine sees it now. */
export interface AgentSnapshot {
  readonly id: string;
  readonly state: AgentState;
  /** The presence the backend set; differs from `state` while the agent has work. */
  readonly presence: PresenceState;
  /** Reason given with `not-ready` (`missed-offers` when the engine set it). */
  readonly reason: string | undefined;
  /** Queue id → tier level. */
  readonly queues: Readonly<Record<string, number>>;
  readonly skills: SkillLevels;
  /** Channels the agent takes, with their capacity (channels with capacity 0 are left out). */
  readonly capacity: Readonly<Record<string, number>>;
  /** Calls held per channel (offered, talking or in wrap-up). */
  readonly load: Readonly<Record<string, number>>;
  /** Ids of the calls offered to or connected with the agent. */
  readonly callIds: readonly string[];
  /** Calls answered since the agent was added. */
  readonly callsHandled: number;
  /** Total talk time of completed calls, ms. */
  readonly talkTimeMs: number;
  /** Offers in a row that were declined or timed out. */
  readonly missedOffers: number;
  /** When the agent last became free of all work (or came available), ms. */
  readonly idleSinceMs: number;
  /** While a back-off after a decline or missed offer runs: when it ends, ms. */
  readonly readyAtMs: number | undefined;
  /** Time of the last change of `state`, ms. */
  readonly stateSinceMs: number;
}

/** A call to route, given to {@link CallRouter.enqueue}. */
export interface CallInput {
  /** Unique among live calls. */
  readonly id: string;
  /** Queue id. */
  readonly queue: string;
  /** Higher is served first; equal priority is first-come, first-served. Finite. @default 0 */
  readonly priority?: number;
  /** @default 'voice' */
  readonly channel?: Channel;
  /** Skill name → minimum proficiency (1–5) the agent needs. @default {} */
  readonly requirements?: SkillLevels;
  /** The customer, for repeat-contact and last-agent features. */
  readonly customerId?: string;
  /** Free-form data that rides with the call (IVR input, CRM keys). Not copied: keep it immutable. */
  readonly attributes?: Readonly<Record<string, unknown>>;
  /** This call's own escalation plan, used instead of its queue's while it is in that queue. */
  readonly escalation?: readonly EscalationStep[];
  /**
   * This call's own hold-time limit in the queue it is enqueued to, ms (the smaller of it and the
   * queue's applies). Like its own `escalation`, it does not follow the call to another queue.
   */
  readonly maxWaitMs?: number;
  /** An agent the call waits for first (it need not serve the queue, but needs capacity on the channel). */
  readonly preferredAgent?: string;
  /** How long to wait for `preferredAgent`. @default the queue's `knownAgentWaitMs` */
  readonly preferredAgentWaitMs?: number;
}

/** A callback to make at a future time, given to {@link CallRouter.scheduleCallback}. */
export interface ScheduledCallbackInput extends Omit<CallInput, 'maxWaitMs'> {
  /** When the callback enters line, ms on the router's clock (now or earlier: at once). */
  readonly atMs: number;
  /** Attempts to reach the customer. @default the queue's `callback.maxAttempts` */
  readonly maxAttempts?: number;
  /** Time between attempts. @default the queue's `callback.retryDelayMs` */
  readonly retryDelayMs?: number;
}

/** What the backend reports when a call ends, given to {@link CallRouter.complete}. */
export interface CallOutcome {
  /** Whether the customer's problem was solved on this contact. */
  readonly resolved?: boolean;
  /** A free-form disposition code. */
  readonly disposition?: string;
  /** Overrides the queue's `wrapUpMs` for this call. */
  readonly wrapUpMs?: number;
}

interface CallSnapshotBase {
  readonly id: string;
  readonly queueId: string;
  /** Priority now (escalation steps and `setCallPriority` change it), before aging. */
  readonly priority: number;
  readonly channel: Channel;
  /** Requirements now (escalation steps may have relaxed them). */
  readonly requirements: SkillLevels;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** When the call arrived, ms: waits and service level count from here (a transfer may keep it). */
  readonly arrivalMs: number;
  /** The call's place in line: `arrivalMs`, moved earlier by `adjustCallAge`. Order in line is priority, then this, then enqueue order. */
  readonly lineMs: number;
  /** When the call joined its current queue, ms: escalation steps and hold-time limits count from here. */
  readonly queuedAtMs: number;
  /** `callback` for a callback the center owes. */
  readonly kind: CallKind;
  /** Agents up to this tier level may take the call (`Infinity`: all). */
  readonly maxTier: number;
  /** Escalation steps of the call's plan applied so far in its current queue. */
  readonly escalationStep: number;
  /** Offers made for this call so far. */
  readonly offers: number;
  /** Callbacks: attempts to reach the customer made so far. */
  readonly callbackAttempts: number;
}

/** A callback waiting for its time (scheduled, or between attempts): not in line yet. */
export interface ScheduledCallSnapshot extends CallSnapshotBase {
  readonly status: 'scheduled';
  /** When it enters line, ms. */
  readonly dueAtMs: number;
}

/** A call waiting in line. */
export interface WaitingCallSnapshot extends CallSnapshotBase {
  readonly status: 'waiting';
  /** The agent the call waits for first, while it does. */
  readonly knownAgentId: string | undefined;
  readonly knownAgentKind: KnownAgentKind | undefined;
  /** When it stops waiting for the known agent, ms. */
  readonly knownAgentUntilMs: number | undefined;
}

/** A call offered to an agent, ringing. */
export interface OfferedCallSnapshot extends CallSnapshotBase {
  readonly status: 'offered';
  readonly agentId: string;
  readonly offeredAtMs: number;
  /** When the offer times out, or `undefined` when the queue's offers never time out. */
  readonly offerExpiresAtMs: number | undefined;
}

/** A call connected to an agent. */
export interface TalkingCallSnapshot extends CallSnapshotBase {
  readonly status: 'talking';
  readonly agentId: string;
  readonly answeredAtMs: number;
}

/** A live call, tagged by `status`. Completed and abandoned calls are not kept. */
export type CallSnapshot = ScheduledCallSnapshot | WaitingCallSnapshot | OfferedCallSnapshot | TalkingCallSnapshot;

/** The lifecycle states of a live call. */
export type CallStatus = CallSnapshot['status'];
