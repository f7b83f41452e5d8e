import type { AgentState, CallOutcome, Channel } from './types.js';

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
}

/** An agent answered; the call is connected. */
export interface CallAnsweredEvent extends CallEventBase {
  readonly agentId: string;
  /** Time from arrival to answer, ms. */
  readonly waitMs: number;
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

/** A connected call ended. */
export interface CallCompletedEvent extends CallEventBase {
  readonly agentId: string;
  readonly waitMs: number;
  readonly talkMs: number;
  readonly outcome: CallOutcome;
}

/** An agent's state changed. */
export interface AgentStateChangedEvent {
  readonly agentId: string;
  readonly from: AgentState;
  readonly to: AgentState;
  /** The not-ready reason, when `to` is `not-ready`. */
  readonly reason: string | undefined;
  readonly atMs: number;
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
  /** An agent's state changed. */
  'agent:state-changed': [AgentStateChangedEvent];
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
  'agent:state-changed': true,
  'listener-error': true,
};

/** Every event name `CallRouter` emits, e.g. to subscribe a wallboard or an audit log to all of them. */
export const CALL_ROUTER_EVENT_NAMES: readonly CallRouterEventName[] = Object.freeze(
  Object.keys(EVENT_SET) as CallRouterEventName[],
);
