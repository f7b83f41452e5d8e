import type { Channel, SkillLevels } from './types.js';

/**
 * A queue whose health gates an overflow: the call moves only while the target is under every
 * bound given (Genesys-style conditional overflow).
 */
export interface OverflowGate {
  /** Overflow only while the target has fewer calls waiting in line than this. */
  readonly maxWaiting?: number;
  /** Overflow only while the target's longest current wait is under this, ms. */
  readonly maxLongestWaitMs?: number;
}

/** Where an escalation step sends a call, and under which condition. */
export interface OverflowTarget {
  /** Id of the queue the call moves to. */
  readonly queue: string;
  /** Bounds on the target's health; when one is not met the call stays. @default no bounds */
  readonly when?: OverflowGate;
  /**
   * When the gate is closed: check again after this long (the step stays pending), or give the
   * step up when absent.
   */
  readonly recheckMs?: number;
}

/**
 * A time-triggered change to a waiting call. Steps of a plan are cumulative and are applied in
 * order, each once, at `afterMs` of waiting in the call's current queue.
 */
export interface EscalationStep {
  /** Waiting time in the current queue (since the call joined it) at which the step applies, ms. */
  readonly afterMs: number;
  /** Added to the call's priority. */
  readonly raisePriority?: number;
  /** Skill → new minimum proficiency; a minimum only ever goes down (a higher value is ignored). */
  readonly relax?: SkillLevels;
  /** Skills the call stops requiring. */
  readonly dropSkills?: readonly string[];
  /** Agents up to this tier level of the queue become eligible (the bullseye widens). */
  readonly maxTier?: number;
  /** Moves the call to another queue, whose own escalation plan and limits then apply. */
  readonly overflow?: OverflowTarget;
  /**
   * Whether the call keeps its place in line (its arrival time and enqueue order). `false` puts
   * it behind the calls of its priority, as if it had just arrived.
   * @default true
   */
  readonly keepPlace?: boolean;
  /**
   * Apply the step at once, instead of at `afterMs`, when no configured agent (of any presence)
   * could take the call as it stands: there is no point waiting at a stage nobody can serve
   * (FreeSWITCH's tier "no agent, no wait", Twilio's `skip_if`).
   * @default false
   */
  readonly skipIfNoAgents?: boolean;
  /** A label for events and logs. */
  readonly name?: string;
}

/**
 * What happens to a call whose hold-time limit is reached. `overflow` and `callback` the engine
 * carries out itself (the call stays live); after `voicemail` and `disconnect` the call leaves the
 * engine and the backend plays the voicemail prompt or hangs up.
 */
export type ExitAction =
  | { readonly action: 'overflow'; readonly queue: string }
  | { readonly action: 'callback' }
  | { readonly action: 'voicemail' }
  | { readonly action: 'disconnect' };

/** Which agents must be present for a call to join a queue (Asterisk `joinempty`). */
export type JoinRule = 'always' | 'agents-logged-in' | 'agents-available';

/** Callback settings of a queue. */
export interface CallbackPolicy {
  /** Attempts to reach the customer before the callback fails. @default 3 */
  readonly maxAttempts?: number;
  /** Time between an unanswered attempt and the next one, ms. @default 300000 */
  readonly retryDelayMs?: number;
  /**
   * Channel the callback is offered on (agents need capacity on it). A dedicated channel such as
   * `'callback'` gives callbacks their own agent capacity. @default the call's channel
   */
  readonly channel?: Channel;
}

/** Options of {@link CallRouter.requestCallback} and {@link CallRouter.scheduleCallback}. */
export interface CallbackOptions {
  /** Overrides the queue's `callback.maxAttempts`. */
  readonly maxAttempts?: number;
  /** Overrides the queue's `callback.retryDelayMs`. */
  readonly retryDelayMs?: number;
}

/** Where {@link CallRouter.transfer} sends a connected call. */
export type TransferTarget =
  | { readonly queue: string; readonly agent?: undefined }
  | {
      /** The agent to take the call; it waits for that agent for `waitMs`, then the queue takes it. */
      readonly agent: string;
      /** The queue the call joins. @default the call's current queue */
      readonly queue?: string;
    };

/** Options of {@link CallRouter.transfer}. */
export interface TransferOptions {
  /**
   * Whether the call keeps its original arrival time (its place in line and, for service-level
   * purposes, its wait). @default true
   */
  readonly keepArrival?: boolean;
  /** The call's priority in the new queue. @default its original priority */
  readonly priority?: number;
  /** The call's requirements in the new queue. @default its original requirements */
  readonly requirements?: SkillLevels;
  /** Wrap-up of the transferring agent. @default the current queue's `wrapUpMs` */
  readonly wrapUpMs?: number;
  /** With an agent target: how long the call waits for that agent. @default the target queue's `knownAgentWaitMs` */
  readonly waitMs?: number;
}

/** Why a call was not accepted by a queue. */
export type RefusalReason = 'queue-full' | 'no-agents';

/** Which hold-time limit a call reached. */
export type TimeoutReason = 'max-wait' | 'max-wait-no-agents';

/** How a known agent came to be wanted for a call. */
export type KnownAgentKind = 'preferred' | 'last-agent' | 'transfer';

/** Why a call stopped waiting for its known agent and went to the whole queue. */
export type FallbackReason = 'timeout' | 'agent-offline' | 'agent-removed' | 'agent-unknown' | 'no-capacity';

/** Whether a call is a caller on hold or a callback the center owes. */
export type CallKind = 'inbound' | 'callback';
