import type {
  CallKind,
  ExitAction,
  FallbackReason,
  KnownAgentKind,
  RefusalReason,
  TimeoutReason,
} from './policies.js';
import type { IntervalReport } from './stats.js';
import type { AgentState, CallOutcome, Channel, PresenceState, SkillLevels } from './types.js';

/** Fields every call event carries. */
export interface CallEventBase {
  readonly callId: string;
  readonly queueId: string;
  /** Clock time of the event, ms. */
  readonly atMs: number;
}

/** A call entered a queue's line. */
export interface CallQueuedEvent extends CallEventBase {
  readonly priority: number;
  readonly channel: Channel;
  /** `callback` when a callback the center owes enters line (scheduled, or retried). */
  readonly kind: CallKind;
  /** Whether the caller abandoned this queue lately and got its old place back. */
  readonly rejoined: boolean;
  /** The agent the call waits for first (preferred or last agent), if any. */
  readonly knownAgentId: string | undefined;
  readonly customerId: string | undefined;
}

/** A queue did not accept a call: nothing was kept. */
export interface CallRefusedEvent extends CallEventBase {
  readonly reason: RefusalReason;
}

/** A call was offered to an agent: ring it, then report `answer` or `decline`. */
export interface CallOfferedEvent extends CallEventBase {
  readonly agentId: string;
  readonly channel: Channel;
  readonly customerId: string | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** When the offer times out, or `undefined` when it never does. */
  readonly expiresAtMs: number | undefined;
  /** 1 for the call's first offer, 2 for the second, … */
  readonly attempt: number;
  /** `callback`: the agent is to call the customer back. */
  readonly kind: CallKind;
  /** How the agent was chosen: from the queue, or as the call's known agent. */
  readonly via: 'queue' | KnownAgentKind;
}

/** An agent answered; the call is connected (for a callback: the agent is calling the customer). */
export interface CallAnsweredEvent extends CallEventBase {
  readonly agentId: string;
  /** Time from arrival to answer, ms. */
  readonly waitMs: number;
  readonly kind: CallKind;
}

/** An offer ended without an answer; the call is back in its place in line. */
export interface CallOfferEndedEvent extends CallEventBase {
  readonly agentId: string;
}

/** Why an offer was taken back from an agent. */
export type OfferRevokedReason = 'agent-unavailable' | 'agent-removed';

/** The engine took an offer back (the agent went not-ready, offline or was removed): stop ringing. */
export interface CallOfferRevokedEvent extends CallOfferEndedEvent {
  readonly reason: OfferRevokedReason;
}

/** The caller hung up before being connected. */
export interface CallAbandonedEvent extends CallEventBase {
  /** Whether the call was waiting in line or ringing an agent. */
  readonly phase: 'waiting' | 'offered';
  /** The agent being offered the call, when `phase` is `offered`. */
  readonly agentId: string | undefined;
  readonly waitMs: number;
}

/** What an escalation step changed, each as from → to. */
export interface EscalationChanges {
  readonly priority?: { readonly from: number; readonly to: number };
  readonly requirements?: { readonly from: SkillLevels; readonly to: SkillLevels };
  readonly maxTier?: { readonly from: number; readonly to: number };
  /** The call went to the back of its priority (the step had `keepPlace: false`). */
  readonly placeReset?: true;
}

/** An escalation step was applied to a waiting call. */
export interface CallEscalatedEvent extends CallEventBase {
  /** Index of the step in the call's plan. */
  readonly step: number;
  /** The step's `name`, if it has one. */
  readonly name: string | undefined;
  readonly changes: EscalationChanges;
  /** Whether the step came early because no configured agent could take the call (`skipIfNoAgents`). */
  readonly early: boolean;
  /** Waiting time in the queue when the step applied, ms. */
  readonly waitMs: number;
}

/** A call moved to another queue (`queueId`), keeping its place unless a step said otherwise. */
export interface CallOverflowedEvent extends CallEventBase {
  readonly fromQueueId: string;
  readonly reason: 'escalation' | 'timeout';
}

/** A call reached a hold-time limit; `action` is what was done (and what the backend does). */
export interface CallTimedOutEvent extends CallEventBase {
  readonly reason: TimeoutReason;
  readonly action: ExitAction['action'];
  /** With `overflow`: the queue the call moved to. */
  readonly targetQueueId: string | undefined;
  /** Waiting time in the queue, ms. */
  readonly waitMs: number;
}

/** The backend took a call out of routing (`withdraw`). */
export interface CallWithdrawnEvent extends CallEventBase {
  readonly reason: string;
  readonly phase: 'scheduled' | 'waiting' | 'offered';
  /** The agent whose offer was taken back, when `phase` is `offered`: stop ringing it. */
  readonly agentId: string | undefined;
}

/** A callback is owed: it waits in line now (`dueAtMs` = now) or from `dueAtMs`. */
export interface CallCallbackScheduledEvent extends CallEventBase {
  readonly reason: 'requested' | 'scheduled' | 'retry' | 'timeout';
  readonly dueAtMs: number;
  /** Attempts to reach the customer made so far. */
  readonly attempts: number;
  /** With `retry`: the agent whose attempt was not answered, and how long that attempt took. */
  readonly agentId: string | undefined;
  readonly talkMs: number;
}

/** The last attempt of a callback went unanswered: the call is gone. */
export interface CallCallbackFailedEvent extends CallEventBase {
  readonly attempts: number;
  readonly agentId: string;
  /** How long the last attempt took, ms. */
  readonly talkMs: number;
}

/** A connected call was transferred: it left its agent and waits in `queueId`. */
export interface CallTransferredEvent extends CallEventBase {
  readonly fromQueueId: string;
  readonly fromAgentId: string;
  /** The agent the call waits for first, with an agent transfer. */
  readonly toAgentId: string | undefined;
  readonly talkMs: number;
  readonly keepArrival: boolean;
  /** The call's priority in the new queue. */
  readonly priority: number;
}

/** A call stopped waiting for its known agent; the whole queue may take it now. */
export interface CallAgentFallbackEvent extends CallEventBase {
  readonly agentId: string;
  readonly kind: KnownAgentKind;
  readonly reason: FallbackReason;
}

/** The backend changed a call's priority or age (`setCallPriority`, `adjustCallAge`). */
export interface CallReprioritizedEvent extends CallEventBase {
  readonly priority: number;
  /** The call's place in line (its arrival, moved earlier by age adjustments). */
  readonly lineMs: number;
}

/** A connected call ended. */
export interface CallCompletedEvent extends CallEventBase {
  readonly agentId: string;
  readonly waitMs: number;
  readonly talkMs: number;
  readonly outcome: CallOutcome;
  readonly kind: CallKind;
  /** The wrap-up the agent goes to for this call, ms. */
  readonly wrapUpMs: number;
}

/**
 * An agent's state changed, or its presence or not-ready reason did (then `from` may equal `to`:
 * an agent on a call who sets not-ready stays `busy`, with `presence: 'not-ready'`).
 */
export interface AgentStateChangedEvent {
  readonly agentId: string;
  readonly from: AgentState;
  readonly to: AgentState;
  /** The presence the backend set. */
  readonly presence: PresenceState;
  /** The not-ready reason, while the presence is `not-ready` (also under work: busy, presence not-ready). */
  readonly reason: string | undefined;
  readonly atMs: number;
}

/** A queue was added, or its service-level settings were given again by `updateQueue`. */
export interface QueueConfiguredEvent {
  readonly queueId: string;
  readonly atMs: number;
  readonly serviceLevelMs: number;
  readonly shortAbandonMs: number;
}

/** A queue was removed. */
export interface QueueRemovedEvent {
  readonly queueId: string;
  readonly atMs: number;
}

/** An agent was added. */
export interface AgentAddedEvent {
  readonly agentId: string;
  readonly atMs: number;
  /** Queue id → tier level. */
  readonly queues: Readonly<Record<string, number>>;
  readonly state: PresenceState;
}

/** An agent's queues changed (`updateAgent`). */
export interface AgentUpdatedEvent {
  readonly agentId: string;
  readonly atMs: number;
  readonly queues: Readonly<Record<string, number>>;
}

/** An agent was removed. */
export interface AgentRemovedEvent {
  readonly agentId: string;
  readonly atMs: number;
}

/** A customer survey was recorded for a completed call. */
export interface CallSurveyEvent extends CallEventBase {
  /** The agent who completed the call. */
  readonly agentId: string;
  readonly score: number;
}

/** A listener threw; the engine's state is consistent and the remaining events were delivered. */
export interface ListenerErrorEvent {
  readonly event: string;
  readonly error: unknown;
}

/** Every event `CallRouter` emits, with its payload. */
export interface CallRouterEvents {
  /** A call entered a queue's line (it may be offered at once, right after). */
  'call:queued': [CallQueuedEvent];
  /** A call was offered to an agent. */
  'call:offered': [CallOfferedEvent];
  /** The agent answered the offered call. */
  'call:answered': [CallAnsweredEvent];
  /** The agent declined; the call is back in its place in line. */
  'call:declined': [CallOfferEndedEvent];
  /** The offer was not answered within the queue's `offerTimeoutMs`; the call is back in its place. */
  'call:offer-timeout': [CallOfferEndedEvent];
  /** The engine withdrew an offer because the agent left; the call is back in its place. */
  'call:offer-revoked': [CallOfferRevokedEvent];
  /** The caller hung up while waiting or ringing. */
  'call:abandoned': [CallAbandonedEvent];
  /** A connected call ended. */
  'call:completed': [CallCompletedEvent];
  /** A queue did not accept a call (full, or no agents under its join rule). */
  'call:refused': [CallRefusedEvent];
  /** An escalation step changed a waiting call. */
  'call:escalated': [CallEscalatedEvent];
  /** A call moved to another queue (escalation or hold-time limit). */
  'call:overflowed': [CallOverflowedEvent];
  /** A call reached a hold-time limit. */
  'call:timed-out': [CallTimedOutEvent];
  /** The backend withdrew a call. */
  'call:withdrawn': [CallWithdrawnEvent];
  /** A callback was requested, scheduled or retried. */
  'call:callback-scheduled': [CallCallbackScheduledEvent];
  /** A callback's last attempt went unanswered. */
  'call:callback-failed': [CallCallbackFailedEvent];
  /** A connected call was transferred to a queue or an agent. */
  'call:transferred': [CallTransferredEvent];
  /** A call stopped waiting for its known agent. */
  'call:agent-fallback': [CallAgentFallbackEvent];
  /** A call's priority or age was changed by the backend. */
  'call:reprioritized': [CallReprioritizedEvent];
  /** An agent's state, presence or not-ready reason changed. */
  'agent:state-changed': [AgentStateChangedEvent];
  /** A queue was added or its service-level settings updated. */
  'queue:configured': [QueueConfiguredEvent];
  /** A queue was removed. */
  'queue:removed': [QueueRemovedEvent];
  /** An agent was added. */
  'agent:added': [AgentAddedEvent];
  /** An agent's queues were updated. */
  'agent:updated': [AgentUpdatedEvent];
  /** An agent was removed. */
  'agent:removed': [AgentRemovedEvent];
  /** A survey score was recorded for a completed call. */
  'call:survey': [CallSurveyEvent];
  /** An interval closed: its figures per queue and for the center. */
  'stats:interval': [IntervalReport];
  /** A listener threw. The error was caught; the engine stays consistent. */
  'listener-error': [ListenerErrorEvent];
}

/** Name of a `CallRouter` event. */
export type CallRouterEventName = keyof CallRouterEvents;

/** Exhaustive by type: adding an event to `CallRouterEvents` without listing it here fails to compile. */
const EVENT_SET: Record<CallRouterEventName, true> = {
  'call:queued': true,
  'call:offered': true,
  'call:answered': true,
  'call:declined': true,
  'call:offer-timeout': true,
  'call:offer-revoked': true,
  'call:abandoned': true,
  'call:completed': true,
  'call:refused': true,
  'call:escalated': true,
  'call:overflowed': true,
  'call:timed-out': true,
  'call:withdrawn': true,
  'call:callback-scheduled': true,
  'call:callback-failed': true,
  'call:transferred': true,
  'call:agent-fallback': true,
  'call:reprioritized': true,
  'agent:state-changed': true,
  'queue:configured': true,
  'queue:removed': true,
  'agent:added': true,
  'agent:updated': true,
  'agent:removed': true,
  'call:survey': true,
  'stats:interval': true,
  'listener-error': true,
};

/** Every event name `CallRouter` emits, e.g. to subscribe a wallboard or an audit log to all of them. */
export const CALL_ROUTER_EVENT_NAMES: readonly CallRouterEventName[] = Object.freeze(
  Object.keys(EVENT_SET) as CallRouterEventName[],
);
