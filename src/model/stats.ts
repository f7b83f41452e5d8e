import type { AgentState, PresenceState } from './types.js';

/**
 * Service level in its standard variants, each a share from 0 to 1 (`null` with no calls to
 * count). With T the queue's `serviceLevelMs`, A the inbound calls answered (A_T of them within
 * T), Ab the calls abandoned (Ab_T of them within T, Ab_s within the queue's `shortAbandonMs`):
 */
export interface ServiceLevels {
  /** A_T / A: answered within T among answered (Asterisk's `ServiceLevelPerf`). */
  readonly answered: number | null;
  /** A_T / (A + Ab): answered within T among all calls that left the line, abandons included. */
  readonly offered: number | null;
  /** (A_T + Ab_T) / (A + Ab): an abandon within T does not count as failed (Asterisk's `ServiceLevelPerf2`). */
  readonly abandonedInThresholdMet: number | null;
  /** A_T / (A + Ab − Ab_T): abandons within T are left out; later abandons count as failed. */
  readonly abandonedAfterThreshold: number | null;
  /** A_T / (A + Ab − Ab_s): short abandons (within `shortAbandonMs`) are left out, the rest count as failed. */
  readonly excludingShortAbandons: number | null;
}

/**
 * What happened in a queue over a period: since the queue was added (`totals`), or in one
 * interval. Counts are of events in the period; averages and shares are `null` with nothing to
 * average. Callbacks are counted apart and left out of service level and waits: a callback's
 * customer is not holding.
 */
export interface QueueFigures {
  /** Calls that joined the queue: new (rejoined ones included), callbacks entering line, overflows and transfers in. */
  readonly entered: number;
  /** Calls the queue did not accept (`maxLength`, `joinRule`). */
  readonly refused: number;
  /** Offers made to agents (a call offered twice counts twice). */
  readonly offers: number;
  /** Inbound calls answered. */
  readonly answered: number;
  readonly answeredInThreshold: number;
  readonly abandoned: number;
  readonly abandonedInThreshold: number;
  /** Abandons within the queue's `shortAbandonMs`. */
  readonly shortAbandons: number;
  /** Calls that reached a hold-time limit (whatever the exit action). */
  readonly timedOut: number;
  readonly overflowedIn: number;
  readonly overflowedOut: number;
  readonly transferredIn: number;
  readonly transferredOut: number;
  /** Calls the backend withdrew. */
  readonly withdrawn: number;
  /** Escalation steps applied. */
  readonly escalations: number;
  /** Calls with at least one escalation step applied in this queue. */
  readonly escalatedCalls: number;
  readonly callbacksRequested: number;
  /** Callback attempts: the agent answered the offer and dialled. */
  readonly callbacksDialled: number;
  /** Callbacks whose last attempt went unanswered. */
  readonly callbacksFailed: number;
  /** Connected calls completed (callbacks that reached the customer included). */
  readonly completed: number;
  /** Completions whose outcome said `resolved` true or false. */
  readonly outcomes: number;
  /** Resolved completions not followed by a repeat contact of the customer within the FCR window (so far). */
  readonly resolved: number;
  /** Resolved completions that a repeat contact counted against. */
  readonly repeatContacts: number;
  /** Surveys recorded. */
  readonly surveys: number;
  readonly serviceLevel: ServiceLevels;
  /** Average speed of answer: mean wait of inbound calls answered, ms. */
  readonly asaMs: number | null;
  /** Mean wait of inbound calls that left the line answered or abandoned, ms. */
  readonly averageWaitMs: number | null;
  /** Quantiles of the waits of answered inbound calls, ms (within 1 % above 1 s). */
  readonly waitP50Ms: number | null;
  readonly waitP90Ms: number | null;
  readonly waitP95Ms: number | null;
  /** Talk time of completed calls, ms. */
  readonly talkTimeMs: number;
  /** Wrap-up time of completed calls (as set at completion), ms. */
  readonly wrapUpTimeMs: number;
  /** Average handle time: (talk + wrap-up) / completed, ms. */
  readonly ahtMs: number | null;
  /** Abandoned / (answered + abandoned). */
  readonly abandonmentRate: number | null;
  /** Escalated calls / calls entered. */
  readonly escalationRate: number | null;
  /** Transferred out / answered. */
  readonly transferRate: number | null;
  /** First-contact resolution: resolved / outcomes. */
  readonly fcr: number | null;
  /** Mean survey score. */
  readonly csat: number | null;
}

/** A queue's statistics now. */
export interface QueueStats {
  readonly queueId: string;
  /** Clock time of the reading, ms. */
  readonly atMs: number;
  readonly serviceLevelMs: number;
  readonly shortAbandonMs: number;
  /** Calls waiting in line now (ringing ones not included). */
  readonly waiting: number;
  /** Calls waiting now, by priority (base priority, before aging). */
  readonly waitingByPriority: Readonly<Record<string, number>>;
  /** Calls ringing an agent now. */
  readonly ringing: number;
  /** Calls connected now. */
  readonly talking: number;
  /** How long the longest-waiting unanswered call has been in the queue, ms. */
  readonly longestWaitMs: number;
  /** Agents serving the queue that are logged in (not offline). */
  readonly agentsLoggedIn: number;
  /** Agents serving the queue whose presence is `available` (idle or working). */
  readonly agentsEligible: number;
  /** Agents serving the queue that are `available` now (idle). */
  readonly agentsAvailable: number;
  /** Since the queue was added. */
  readonly totals: QueueFigures;
  /** Since the current interval began. */
  readonly interval: QueueFigures;
  readonly intervalStartMs: number;
}

/** An agent's statistics now, since it was added. */
export interface AgentStats {
  readonly agentId: string;
  readonly atMs: number;
  readonly state: AgentState;
  readonly presence: PresenceState;
  readonly stateSinceMs: number;
  /** Time spent in each state, ms (the current one up to now). */
  readonly timeInStateMs: Readonly<Record<AgentState, number>>;
  /** Calls answered (callback dials included). */
  readonly callsHandled: number;
  /** Talk time of calls ended (completed, transferred, unanswered callbacks), ms. */
  readonly talkTimeMs: number;
  /** Time in wrap-up, ms. */
  readonly wrapUpTimeMs: number;
  /** Time available and idle, ms. */
  readonly idleTimeMs: number;
  /** Offers declined or timed out. */
  readonly missedOffers: number;
  /** Time working (offered, busy, wrap-up) / time working or idle; `null` before either. */
  readonly occupancy: number | null;
  readonly outcomes: number;
  readonly resolved: number;
  readonly fcr: number | null;
  readonly surveys: number;
  readonly csat: number | null;
}

/** The whole center's statistics now: queue figures summed over every queue (removed ones included). */
export interface CenterStats {
  readonly atMs: number;
  readonly queues: number;
  readonly agents: number;
  readonly waiting: number;
  readonly ringing: number;
  readonly talking: number;
  readonly longestWaitMs: number;
  readonly agentsLoggedIn: number;
  readonly agentsEligible: number;
  readonly agentsAvailable: number;
  /** Working time / (working + idle time) over all agents. */
  readonly occupancy: number | null;
  readonly totals: QueueFigures;
  readonly interval: QueueFigures;
  readonly intervalStartMs: number;
}

/** The figures of a closed interval, per queue and for the whole center. */
export interface IntervalReport {
  readonly startMs: number;
  readonly endMs: number;
  /** Queues that existed during the interval. */
  readonly queues: Readonly<Record<string, QueueFigures>>;
  readonly center: QueueFigures;
}

/** Options of the statistics (`CallRouterOptions.stats`). */
export interface StatsOptions {
  /** Length of an interval report, ms (whole, ≥ 1000); intervals close on multiples of it on the clock. @default 900000 */
  readonly intervalMs?: number;
  /** Closed intervals kept for {@link CallRouter.intervals}. @default 96 */
  readonly keepIntervals?: number;
  /** A contact of the same `customerId` within this long of a resolved completion counts against its FCR, ms. @default 259200000 (72 h) */
  readonly fcrWindowMs?: number;
  /**
   * How long after completion a survey may be recorded for a call, ms. The router keeps the queue
   * and agent of each call completed within it (about 160 B a call). @default 86400000 (24 h)
   */
  readonly surveyWindowMs?: number;
}
