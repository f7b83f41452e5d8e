import type { CallRouterEventName, CallRouterEvents } from '../model/events.js';
import type { AgentStats, CenterStats, IntervalReport, QueueFigures, QueueStats } from '../model/stats.js';
import type { AgentState, PresenceState } from '../model/types.js';
import { TimedMemory } from '../policies/timed-memory.js';
import { figures, Tally } from './tally.js';

/** Statistics settings, with defaults applied. */
export interface StatsSettings {
  readonly intervalMs: number;
  readonly keepIntervals: number;
  readonly fcrWindowMs: number;
  readonly surveyWindowMs: number;
}

/**
 * An agent's time in each state, ms, in named fields of one fixed shape: the hottest statistic
 * (every state change adds to it) is then a named store, not a store keyed by the state's name.
 */
class StateTimes {
  offline = 0;
  available = 0;
  notReady = 0;
  offered = 0;
  busy = 0;
  wrapUp = 0;

  add(state: AgentState, ms: number): void {
    switch (state) {
      case 'offline':
        this.offline += ms;
        return;
      case 'available':
        this.available += ms;
        return;
      case 'not-ready':
        this.notReady += ms;
        return;
      case 'offered':
        this.offered += ms;
        return;
      case 'busy':
        this.busy += ms;
        return;
      case 'wrap-up':
        this.wrapUp += ms;
        return;
    }
  }

  /** Time working: offered, busy or in wrap-up. */
  get working(): number {
    return this.offered + this.busy + this.wrapUp;
  }

  /** The times by state name, as {@link AgentStats.timeInStateMs} reports them. */
  toRecord(): Record<AgentState, number> {
    return {
      offline: this.offline,
      available: this.available,
      'not-ready': this.notReady,
      offered: this.offered,
      busy: this.busy,
      'wrap-up': this.wrapUp,
    };
  }
}

interface CallTrack {
  /** The queue the call is in (a queue is removed only once it has no live calls). */
  queue: QueueTrack;
  priority: number;
  status: 'scheduled' | 'waiting' | 'offered' | 'talking';
  kind: 'inbound' | 'callback';
  customerId: string | undefined;
  /** Whether a step escalated the call in its current queue. */
  escalated: boolean;
  /** The queue whose unanswered list holds the call, while one does; when it joined that list. */
  listedIn: QueueTrack | undefined;
  joinedAtMs: number;
  /** Neighbours in that list. */
  prev: CallTrack | undefined;
  next: CallTrack | undefined;
}

interface QueueTrack {
  readonly id: string;
  serviceLevelMs: number;
  shortAbandonMs: number;
  readonly total: Tally;
  current: Tally;
  /** `[total, current]`: every count goes to both. */
  readonly tallies: [Tally, Tally];
  /**
   * Unanswered calls (waiting or ringing), in join order: a list through the calls' tracks (the
   * handlers hold the track, so joining and leaving it costs no look-up by id).
   */
  firstUnanswered: CallTrack | undefined;
  lastUnanswered: CallTrack | undefined;
  readonly byPriority: Map<number, number>;
  waiting: number;
  ringing: number;
  talking: number;
  loggedIn: number;
  eligible: number;
  available: number;
}

interface AgentTrack {
  readonly id: string;
  queues: readonly string[];
  state: AgentState;
  presence: PresenceState;
  stateSinceMs: number;
  /** Start of the time not yet added to `time` (a presence change under work splits it, not the state). */
  periodStartMs: number;
  readonly time: StateTimes;
  callsHandled: number;
  talkTimeMs: number;
  missedOffers: number;
  outcomes: number;
  resolved: number;
  surveys: number;
  surveyScoreSum: number;
}

/** A resolved contact that a repeat contact of its customer would count against. */
interface Resolution {
  readonly queue: QueueTrack;
  readonly agentId: string;
  readonly interval: number;
}

/** A completed call that may still be surveyed. */
interface Surveyable {
  readonly queue: QueueTrack;
  readonly agentId: string;
}

type Payload<K extends CallRouterEventName> = CallRouterEvents[K][0];

function newCallTrack(
  queue: QueueTrack,
  priority: number,
  status: CallTrack['status'],
  kind: CallTrack['kind'],
  customerId: string | undefined,
): CallTrack {
  return {
    queue,
    priority,
    status,
    kind,
    customerId,
    escalated: false,
    listedIn: undefined,
    joinedAtMs: 0,
    prev: undefined,
    next: undefined,
  };
}

/** Takes a call out of `q`'s unanswered list, if it is in it. */
function unlist(q: QueueTrack, call: CallTrack): void {
  if (call.listedIn !== q) return;
  if (call.prev === undefined) q.firstUnanswered = call.next;
  else call.prev.next = call.next;
  if (call.next === undefined) q.lastUnanswered = call.prev;
  else call.next.prev = call.prev;
  call.listedIn = undefined;
  call.prev = undefined;
  call.next = undefined;
}

/*
 * Counts of the hottest events, applied to a queue's total and current tallies in turn (a call
 * per tally rather than a loop over `tallies`).
 */

function answeredIn(t: Tally, waitMs: number, inThreshold: boolean): void {
  t.answered++;
  t.waitSumMs += waitMs;
  t.waits.add(waitMs);
  if (inThreshold) t.answeredInThreshold++;
}

function abandonedIn(t: Tally, waitMs: number, inThreshold: boolean, short: boolean): void {
  t.abandoned++;
  t.abandonWaitSumMs += waitMs;
  if (inThreshold) t.abandonedInThreshold++;
  if (short) t.shortAbandons++;
}

function completedIn(t: Tally, talkMs: number, wrapUpMs: number, resolved: boolean | undefined): void {
  t.completed++;
  t.talkTimeMs += talkMs;
  t.wrapUpTimeMs += wrapUpMs;
  if (resolved !== undefined) t.outcomes++;
  if (resolved === true) t.resolved++;
}

/**
 * Every statistic of the router, computed from its lifecycle events alone: the live router feeds
 * it each event as it is pushed, and {@link replayStats} feeds it the lines of an audit log, so
 * both give the same figures exactly. Updates are O(1) per event (O(queues of the agent) for an
 * agent's state change); reads are O(1) per queue or agent and O(queues) for the center.
 */
export class StatsCollector {
  readonly settings: StatsSettings;
  readonly #queues = new Map<string, QueueTrack>();
  readonly #agents = new Map<string, AgentTrack>();
  readonly #calls = new Map<string, CallTrack>();
  /** Removed queues: their figures stay in the center's, and a survey or repeat contact may still count for them. */
  readonly #retired: QueueTrack[] = [];
  /** Removed queues whose figures go in the open interval's report. */
  #retiredInInterval = new Set<QueueTrack>();
  readonly #resolutions = new TimedMemory<Resolution>();
  readonly #surveyable = new TimedMemory<Surveyable>();
  readonly #intervals: IntervalReport[] = [];
  #intervalStartMs: number;
  #intervalEndMs: number;
  #interval = 0;
  /** Agents logged in, eligible and idle across the center. */
  #loggedIn = 0;
  #eligible = 0;
  #available = 0;

  constructor(settings: StatsSettings, startMs: number) {
    this.settings = settings;
    this.#intervalStartMs = Math.floor(startMs / settings.intervalMs) * settings.intervalMs;
    this.#intervalEndMs = this.#intervalStartMs + settings.intervalMs;
  }

  /** Start of the open interval, ms. */
  get intervalStartMs(): number {
    return this.#intervalStartMs;
  }

  /** End of the open interval, ms: when it closes. */
  get intervalEndMs(): number {
    return this.#intervalEndMs;
  }

  /** Whether a completed call may still get a survey, and where it counts. */
  surveyable(callId: string, nowMs: number): Surveyable | undefined {
    return this.#surveyable.get(callId, nowMs);
  }

  // ---- events ------------------------------------------------------------------------------

  /** Applies one lifecycle event. */
  consume<K extends CallRouterEventName>(name: K, payload: Payload<K>): void {
    const handler = this.#handlers[name] as ((payload: Payload<K>) => void) | undefined;
    handler?.(payload);
  }

  /** Closes the open interval at its end and starts the next one; returns its report. */
  closeInterval(): IntervalReport {
    const startMs = this.#intervalStartMs;
    const endMs = this.intervalEndMs;
    const queues: Record<string, QueueFigures> = {};
    const center = new Tally();
    const reported = new Map<string, Tally>();
    const addToReport = (queue: QueueTrack): void => {
      const tally = reported.get(queue.id);
      if (tally === undefined) reported.set(queue.id, queue.current);
      else tally.add(queue.current);
      center.add(queue.current);
    };
    for (const queue of this.#retiredInInterval) addToReport(queue);
    for (const queue of this.#queues.values()) addToReport(queue);
    for (const [id, tally] of reported) queues[id] = figures(tally);
    const reset = (queue: QueueTrack): void => {
      queue.current = new Tally();
      queue.tallies[1] = queue.current;
    };
    for (const queue of this.#queues.values()) reset(queue);
    for (const queue of this.#retiredInInterval) reset(queue);
    this.#retiredInInterval = new Set();
    const report: IntervalReport = { startMs, endMs, queues, center: figures(center) };
    this.#intervals.push(report);
    if (this.#intervals.length > this.settings.keepIntervals) this.#intervals.shift();
    this.#intervalStartMs = endMs;
    this.#intervalEndMs = endMs + this.settings.intervalMs;
    this.#interval++;
    return report;
  }

  // ---- reads -------------------------------------------------------------------------------

  hasQueue(queueId: string): boolean {
    return this.#queues.has(queueId);
  }

  hasAgent(agentId: string): boolean {
    return this.#agents.has(agentId);
  }

  queueStats(queueId: string, nowMs: number): QueueStats | undefined {
    const q = this.#queues.get(queueId);
    if (q === undefined) return undefined;
    const waitingByPriority: Record<string, number> = {};
    for (const [priority, count] of [...q.byPriority].sort(([a], [b]) => b - a)) waitingByPriority[String(priority)] = count;
    return {
      queueId: q.id,
      atMs: nowMs,
      serviceLevelMs: q.serviceLevelMs,
      shortAbandonMs: q.shortAbandonMs,
      waiting: q.waiting,
      waitingByPriority,
      ringing: q.ringing,
      talking: q.talking,
      longestWaitMs: this.#longestWait(q, nowMs),
      agentsLoggedIn: q.loggedIn,
      agentsEligible: q.eligible,
      agentsAvailable: q.available,
      totals: figures(q.total),
      interval: figures(q.current),
      intervalStartMs: this.#intervalStartMs,
    };
  }

  agentStats(agentId: string, nowMs: number): AgentStats | undefined {
    const a = this.#agents.get(agentId);
    if (a === undefined) return undefined;
    const time = a.time.toRecord();
    time[a.state] += nowMs - a.periodStartMs;
    const working = time.offered + time.busy + time['wrap-up'];
    const worked = working + time.available;
    return {
      agentId: a.id,
      atMs: nowMs,
      state: a.state,
      presence: a.presence,
      stateSinceMs: a.stateSinceMs,
      timeInStateMs: time,
      callsHandled: a.callsHandled,
      talkTimeMs: a.talkTimeMs,
      wrapUpTimeMs: time['wrap-up'],
      idleTimeMs: time.available,
      missedOffers: a.missedOffers,
      occupancy: worked > 0 ? working / worked : null,
      outcomes: a.outcomes,
      resolved: a.resolved,
      fcr: a.outcomes > 0 ? a.resolved / a.outcomes : null,
      surveys: a.surveys,
      csat: a.surveys > 0 ? a.surveyScoreSum / a.surveys : null,
    };
  }

  centerStats(nowMs: number): CenterStats {
    const total = new Tally();
    const current = new Tally();
    for (const queue of this.#retired) total.add(queue.total);
    for (const queue of this.#retiredInInterval) current.add(queue.current);
    let waiting = 0;
    let ringing = 0;
    let talking = 0;
    let longestWaitMs = 0;
    for (const q of this.#queues.values()) {
      total.add(q.total);
      current.add(q.current);
      waiting += q.waiting;
      ringing += q.ringing;
      talking += q.talking;
      longestWaitMs = Math.max(longestWaitMs, this.#longestWait(q, nowMs));
    }
    let working = 0;
    let idle = 0;
    for (const a of this.#agents.values()) {
      const open = nowMs - a.periodStartMs;
      working += a.time.working;
      idle += a.time.available;
      if (a.state === 'available') idle += open;
      else if (a.state === 'offered' || a.state === 'busy' || a.state === 'wrap-up') working += open;
    }
    return {
      atMs: nowMs,
      queues: this.#queues.size,
      agents: this.#agents.size,
      waiting,
      ringing,
      talking,
      longestWaitMs,
      agentsLoggedIn: this.#loggedIn,
      agentsEligible: this.#eligible,
      agentsAvailable: this.#available,
      occupancy: working + idle > 0 ? working / (working + idle) : null,
      totals: figures(total),
      interval: figures(current),
      intervalStartMs: this.#intervalStartMs,
    };
  }

  /** Closed intervals, oldest first (at most `keepIntervals`). */
  intervals(): readonly IntervalReport[] {
    return this.#intervals;
  }

  #longestWait(q: QueueTrack, nowMs: number): number {
    return q.firstUnanswered === undefined ? 0 : nowMs - q.firstUnanswered.joinedAtMs;
  }

  // ---- bookkeeping -------------------------------------------------------------------------

  #join(q: QueueTrack, call: CallTrack, atMs: number): void {
    call.queue = q;
    call.status = 'waiting';
    call.escalated = false;
    unlist(q, call);
    call.listedIn = q;
    call.joinedAtMs = atMs;
    call.prev = q.lastUnanswered;
    call.next = undefined;
    if (q.lastUnanswered === undefined) q.firstUnanswered = call;
    else q.lastUnanswered.next = call;
    q.lastUnanswered = call;
    this.#toWaiting(q, call);
  }

  #toWaiting(q: QueueTrack, call: CallTrack): void {
    call.status = 'waiting';
    q.waiting++;
    q.byPriority.set(call.priority, (q.byPriority.get(call.priority) ?? 0) + 1);
  }

  #fromWaiting(q: QueueTrack, call: CallTrack): void {
    q.waiting--;
    const left = (q.byPriority.get(call.priority) ?? 0) - 1;
    if (left > 0) q.byPriority.set(call.priority, left);
    else q.byPriority.delete(call.priority);
  }

  /** Takes an unanswered call out of its queue's real-time counts. */
  #leave(q: QueueTrack, call: CallTrack): void {
    if (call.status === 'waiting') this.#fromWaiting(q, call);
    else if (call.status === 'offered') q.ringing--;
    unlist(q, call);
  }

  #agentCounts(a: AgentTrack, sign: 1 | -1): void {
    const loggedIn = a.presence !== 'offline' ? sign : 0;
    const eligible = a.presence === 'available' ? sign : 0;
    const available = a.state === 'available' ? sign : 0;
    this.#loggedIn += loggedIn;
    this.#eligible += eligible;
    this.#available += available;
    if (loggedIn === 0 && eligible === 0 && available === 0) return;
    for (const queueId of a.queues) {
      const q = this.#queues.get(queueId);
      if (q === undefined) continue;
      q.loggedIn += loggedIn;
      q.eligible += eligible;
      q.available += available;
    }
  }

  /** Moves an agent to a new state and presence in the logged-in / eligible / available counts. */
  #shiftCounts(a: AgentTrack, state: AgentState, presence: PresenceState): void {
    const loggedIn = (presence !== 'offline' ? 1 : 0) - (a.presence !== 'offline' ? 1 : 0);
    const eligible = (presence === 'available' ? 1 : 0) - (a.presence === 'available' ? 1 : 0);
    const available = (state === 'available' ? 1 : 0) - (a.state === 'available' ? 1 : 0);
    a.state = state;
    a.presence = presence;
    if (loggedIn === 0 && eligible === 0 && available === 0) return;
    this.#loggedIn += loggedIn;
    this.#eligible += eligible;
    this.#available += available;
    for (const queueId of a.queues) {
      const q = this.#queues.get(queueId);
      if (q === undefined) continue;
      q.loggedIn += loggedIn;
      q.eligible += eligible;
      q.available += available;
    }
  }

  #talkTime(agentId: string, talkMs: number): void {
    const a = this.#agents.get(agentId);
    if (a !== undefined) a.talkTimeMs += talkMs;
  }

  readonly #handlers: { [K in CallRouterEventName]?: (payload: Payload<K>) => void } = {
    'queue:configured': (p) => {
      let q = this.#queues.get(p.queueId);
      if (q === undefined) {
        const total = new Tally();
        const current = new Tally();
        q = {
          id: p.queueId,
          serviceLevelMs: p.serviceLevelMs,
          shortAbandonMs: p.shortAbandonMs,
          total,
          current,
          tallies: [total, current],
          firstUnanswered: undefined,
          lastUnanswered: undefined,
          byPriority: new Map(),
          waiting: 0,
          ringing: 0,
          talking: 0,
          loggedIn: 0,
          eligible: 0,
          available: 0,
        };
        this.#queues.set(q.id, q);
      }
      q.serviceLevelMs = p.serviceLevelMs;
      q.shortAbandonMs = p.shortAbandonMs;
    },
    'queue:removed': (p) => {
      const q = this.#queues.get(p.queueId);
      if (q === undefined) return;
      this.#retired.push(q);
      this.#retiredInInterval.add(q);
      this.#queues.delete(q.id);
    },
    'agent:added': (p) => {
      const a: AgentTrack = {
        id: p.agentId,
        queues: Object.keys(p.queues),
        state: p.state,
        presence: p.state,
        stateSinceMs: p.atMs,
        periodStartMs: p.atMs,
        time: new StateTimes(),
        callsHandled: 0,
        talkTimeMs: 0,
        missedOffers: 0,
        outcomes: 0,
        resolved: 0,
        surveys: 0,
        surveyScoreSum: 0,
      };
      this.#agents.set(a.id, a);
      this.#agentCounts(a, 1);
    },
    'agent:updated': (p) => {
      const a = this.#agents.get(p.agentId);
      if (a === undefined) return;
      this.#agentCounts(a, -1);
      a.queues = Object.keys(p.queues);
      this.#agentCounts(a, 1);
    },
    'agent:removed': (p) => {
      const a = this.#agents.get(p.agentId);
      if (a === undefined) return;
      this.#agentCounts(a, -1);
      this.#agents.delete(a.id);
    },
    'agent:state-changed': (p) => {
      const a = this.#agents.get(p.agentId);
      if (a === undefined) return;
      a.time.add(a.state, p.atMs - a.periodStartMs);
      a.periodStartMs = p.atMs;
      // As the router: a presence change under work is reported, but the state did not change.
      if (p.to !== p.from || p.to === 'not-ready') a.stateSinceMs = p.atMs;
      this.#shiftCounts(a, p.to, p.presence);
    },
    'call:refused': (p) => {
      const q = this.#queues.get(p.queueId);
      if (q !== undefined) {
        q.total.refused++;
        q.current.refused++;
      }
    },
    'call:queued': (p) => {
      const q = this.#queues.get(p.queueId);
      if (q === undefined) return;
      if (p.kind === 'inbound' && p.customerId !== undefined) this.#repeatContact(p.customerId, p.atMs);
      let call = this.#calls.get(p.callId);
      if (call === undefined) {
        call = newCallTrack(q, p.priority, 'waiting', p.kind, p.customerId);
        this.#calls.set(p.callId, call);
      }
      call.priority = p.priority;
      call.kind = p.kind;
      call.customerId = p.customerId;
      this.#join(q, call, p.atMs);
      q.total.entered++;
      q.current.entered++;
    },
    'call:offered': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      this.#fromWaiting(q, call);
      call.status = 'offered';
      q.ringing++;
      q.total.offers++;
      q.current.offers++;
    },
    'call:declined': (p) => this.#offerEnded(p.callId, p.agentId, true),
    'call:offer-timeout': (p) => this.#offerEnded(p.callId, p.agentId, true),
    'call:offer-revoked': (p) => this.#offerEnded(p.callId, p.agentId, false),
    'call:answered': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      q.ringing--;
      q.talking++;
      unlist(q, call);
      call.status = 'talking';
      const a = this.#agents.get(p.agentId);
      if (a !== undefined) a.callsHandled++;
      if (p.kind === 'callback') {
        for (const t of q.tallies) t.callbacksDialled++;
        return;
      }
      const inThreshold = p.waitMs <= q.serviceLevelMs;
      answeredIn(q.total, p.waitMs, inThreshold);
      answeredIn(q.current, p.waitMs, inThreshold);
    },
    'call:abandoned': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      this.#leave(q, call);
      this.#calls.delete(p.callId);
      if (call.kind === 'callback') {
        for (const t of q.tallies) t.withdrawn++;
        return;
      }
      const inThreshold = p.waitMs <= q.serviceLevelMs;
      const short = p.waitMs <= q.shortAbandonMs;
      abandonedIn(q.total, p.waitMs, inThreshold, short);
      abandonedIn(q.current, p.waitMs, inThreshold, short);
    },
    'call:withdrawn': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      this.#leave(q, call);
      this.#calls.delete(p.callId);
      for (const t of q.tallies) t.withdrawn++;
    },
    'call:timed-out': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      for (const t of q.tallies) t.timedOut++;
      if (p.action === 'voicemail' || p.action === 'disconnect') {
        this.#leave(q, call);
        this.#calls.delete(p.callId);
      }
    },
    'call:overflowed': (p) => {
      const call = this.#calls.get(p.callId);
      const to = this.#queues.get(p.queueId);
      if (call === undefined || to === undefined) return;
      const from = call.queue;
      this.#leave(from, call);
      for (const t of from.tallies) t.overflowedOut++;
      this.#join(to, call, p.atMs);
      for (const t of to.tallies) {
        t.overflowedIn++;
        t.entered++;
      }
    },
    'call:escalated': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      const first = !call.escalated;
      call.escalated = true;
      for (const t of q.tallies) {
        t.escalations++;
        if (first) t.escalatedCalls++;
      }
      if (p.changes.priority !== undefined && call.status === 'waiting') {
        this.#fromWaiting(q, call);
        call.priority = p.changes.priority.to;
        this.#toWaiting(q, call);
      }
    },
    'call:reprioritized': (p) => {
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      const q = call.queue;
      if (call.status === 'waiting') {
        this.#fromWaiting(q, call);
        call.priority = p.priority;
        this.#toWaiting(q, call);
      } else {
        call.priority = p.priority;
      }
    },
    'call:callback-scheduled': (p) => {
      const q = this.#queues.get(p.queueId);
      if (q === undefined) return;
      if (p.reason === 'scheduled') {
        this.#calls.set(p.callId, newCallTrack(q, 0, 'scheduled', 'callback', undefined));
        return;
      }
      const call = this.#calls.get(p.callId);
      if (call === undefined) return;
      if (p.reason === 'retry') {
        q.talking--;
        call.status = 'scheduled';
        if (p.agentId !== undefined) this.#talkTime(p.agentId, p.talkMs);
        return;
      }
      call.kind = 'callback';
      for (const t of q.tallies) t.callbacksRequested++;
    },
    'call:callback-failed': (p) => {
      const q = this.#queues.get(p.queueId);
      this.#calls.delete(p.callId);
      this.#talkTime(p.agentId, p.talkMs);
      if (q === undefined) return;
      q.talking--;
      for (const t of q.tallies) t.callbacksFailed++;
    },
    'call:completed': (p) => {
      const call = this.#calls.get(p.callId);
      this.#calls.delete(p.callId);
      const q = this.#queues.get(p.queueId);
      const a = this.#agents.get(p.agentId);
      if (a !== undefined) a.talkTimeMs += p.talkMs;
      if (q === undefined) return;
      q.talking--;
      const resolved = p.outcome.resolved;
      completedIn(q.total, p.talkMs, p.wrapUpMs, resolved);
      completedIn(q.current, p.talkMs, p.wrapUpMs, resolved);
      if (a !== undefined && resolved !== undefined) {
        a.outcomes++;
        if (resolved) a.resolved++;
      }
      const customerId = call?.customerId;
      if (resolved === true && customerId !== undefined) {
        const resolution: Resolution = { queue: q, agentId: p.agentId, interval: this.#interval };
        this.#resolutions.set(customerId, resolution, p.atMs, p.atMs + this.settings.fcrWindowMs);
      }
      this.#surveyable.set(p.callId, { queue: q, agentId: p.agentId }, p.atMs, p.atMs + this.settings.surveyWindowMs);
    },
    'call:transferred': (p) => {
      const call = this.#calls.get(p.callId);
      const from = this.#queues.get(p.fromQueueId);
      const to = this.#queues.get(p.queueId);
      this.#talkTime(p.fromAgentId, p.talkMs);
      if (call === undefined || from === undefined || to === undefined) return;
      from.talking--;
      for (const t of from.tallies) t.transferredOut++;
      call.priority = p.priority;
      call.kind = 'inbound';
      this.#join(to, call, p.atMs);
      for (const t of to.tallies) {
        t.transferredIn++;
        t.entered++;
      }
    },
    'call:survey': (p) => {
      const target = this.#surveyable.take(p.callId, p.atMs);
      if (target !== undefined) {
        this.#touchRetired(target.queue);
        for (const t of target.queue.tallies) {
          t.surveys++;
          t.surveyScoreSum += p.score;
        }
      }
      const a = this.#agents.get(p.agentId);
      if (a !== undefined) {
        a.surveys++;
        a.surveyScoreSum += p.score;
      }
    },
  };

  #offerEnded(callId: string, agentId: string, missed: boolean): void {
    if (missed) {
      const a = this.#agents.get(agentId);
      if (a !== undefined) a.missedOffers++;
    }
    const call = this.#calls.get(callId);
    if (call === undefined) return;
    call.queue.ringing--;
    this.#toWaiting(call.queue, call);
  }

  /** A removed queue that a survey or repeat contact still counts for goes in the open interval's report. */
  #touchRetired(queue: QueueTrack): void {
    if (this.#queues.get(queue.id) !== queue) this.#retiredInInterval.add(queue);
  }

  /** A new inbound contact of a customer counts against the FCR of their last resolved contact within the window. */
  #repeatContact(customerId: string, atMs: number): void {
    const earlier = this.#resolutions.take(customerId, atMs);
    if (earlier === undefined) return;
    const q = earlier.queue;
    this.#touchRetired(q);
    q.total.resolved--;
    q.total.repeatContacts++;
    q.current.repeatContacts++;
    if (earlier.interval === this.#interval) q.current.resolved--;
    const a = this.#agents.get(earlier.agentId);
    if (a !== undefined) a.resolved--;
  }
}
