/**
 * Statistics rebuilt from the audit log agree exactly with the live ones.
 *
 * Random sequences of operations run against a real `CallRouter` on a `SimulatedClock` (queues with
 * and without escalation plans, hold-time limits, overflows, admission and callback policies;
 * agents added, updated, removed and changing presence, also while they work; calls enqueued with
 * preferred agents, customers that come back, their own plans and limits; answers, declines, offer
 * timeouts, abandons, rejoins, withdraws, callbacks requested, scheduled, dialled and unanswered,
 * transfers to queues and agents, completions with `resolved` true, false or absent, surveys; and
 * clock steps across interval boundaries of a 1-minute interval). At several points and at the end,
 * `replayStats(lines so far, { nowMs: clock.now() })` must give exactly (`toStrictEqual`) the live
 * `queueStats` of every queue, `agentStats` of every agent, `stats()` and `intervals()`. The audit
 * log goes to a function sink in one test and through a pino logger (`audit: 'logger'`) in another.
 *
 * At the same points the live figures are checked against what the router and its events say:
 * - each queue's waiting, ringing, talking and longest wait equal `getQueue`'s, and its waiting
 *   calls by priority equal `waitingCalls` grouped by priority;
 * - each queue's agents logged in, eligible and available, and the center's, equal the counts of
 *   `getAgent` snapshots;
 * - an agent's state, presence, state-since time and calls handled equal `getAgent`'s, its times in
 *   state sum to the time since it was added;
 * - since a queue was (re)added, its totals of entered, offers, answered, abandoned, refused,
 *   completed, timed out, transferred and overflowed in and out equal the counts of the events a
 *   listener recorded (answered and abandoned: inbound calls only);
 * - for every counter but `resolved` (which a repeat contact takes back from the interval of the
 *   resolution only), the totals are the sum of every `stats:interval` report and the open interval,
 *   for the center and for each queue.
 */
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import {
  AcdError,
  CallRouter,
  replayStats,
  SimulatedClock,
  type CallRouterOptions,
  type CallSnapshot,
  type CenterStats,
  type EscalationStep,
  type IntervalReport,
  type QueueFigures,
  type StatsOptions,
} from '../src/index.js';
import { queueOptionsArb, routerOptionsArb } from './support/commands.js';
import { callPoliciesArb, queuePoliciesFor } from './support/policy-arbitraries.js';

const NUM_RUNS = Number(process.env.STATS_RUNS ?? 120);
const PINO_RUNS = Number(process.env.STATS_PINO_RUNS ?? 40);
const MAX_OPS = 90;
const TIMEOUT_MS = Number(process.env.STATS_TIMEOUT_MS ?? 60_000);

const QUEUE_IDS = ['q0', 'q1', 'q2'] as const;
const AGENT_IDS = ['a0', 'a1', 'a2', 'a3', 'a4'] as const;
const CUSTOMERS = ['k0', 'k1', 'k2'] as const;
const INTERVAL_MS = 60_000;

// ---- operations, as plain data (they shrink well and print readably) ----------------------------

type Memberships = Record<string, number>;
type Pick = number;

type Op =
  | { t: 'addQueue'; q: string; options: Record<string, unknown> }
  | { t: 'updateQueue'; q: string; options: Record<string, unknown> }
  | { t: 'removeQueue'; q: string }
  | { t: 'addAgent'; a: string; queues: Memberships; skills: Record<string, number>; capacity?: Record<string, number>; state?: string; reason?: string }
  | { t: 'updateAgent'; pick: Pick; queues?: Memberships; skills?: Record<string, number>; capacity?: Record<string, number> }
  | { t: 'removeAgent'; pick: Pick }
  | { t: 'presence'; pick: Pick; working: boolean; state: 'available' | 'not-ready' | 'offline'; reason?: string }
  | {
      t: 'enqueue';
      q: string;
      reuse: boolean;
      pick: Pick;
      priority: number;
      channel: string;
      requirements: Record<string, number>;
      customerId?: string;
      preferredAgent?: string;
      preferredAgentWaitMs?: number;
      maxWaitMs?: number;
      escalation?: EscalationStep[];
    }
  | { t: 'schedule'; q: string; inMs: number; customerId?: string; preferredAgent?: string; maxAttempts?: number; retryDelayMs?: number }
  | { t: 'call'; op: CallOp; pick: Pick; any: boolean; value: number }
  | { t: 'complete'; pick: Pick; resolved?: boolean; wrapUpMs?: number; disposition?: string }
  | {
      t: 'transfer';
      pick: Pick;
      target: { queue: string } | { agent: string; queue?: string };
      keepArrival?: boolean;
      priority?: number;
      waitMs?: number;
      wrapUpMs?: number;
    }
  | { t: 'survey'; pick: Pick; from: 'completed' | 'live' | 'unknown'; score: number }
  | { t: 'answerAll' }
  | { t: 'advance'; ms: number }
  | { t: 'check' };

type CallOp = 'answer' | 'decline' | 'abandon' | 'withdraw' | 'requestCallback' | 'callbackUnanswered' | 'setPriority' | 'adjustAge';

const queueIdArb = fc.constantFrom(...QUEUE_IDS);
const maybe = <T>(arb: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq });

/** Drops `undefined` fields, so inputs carry only what was drawn. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const membershipsArb: fc.Arbitrary<Memberships> = fc
  .record({ q0: maybe(fc.integer({ min: 1, max: 3 }), 4), q1: maybe(fc.integer({ min: 1, max: 3 }), 4), q2: maybe(fc.integer({ min: 1, max: 3 }), 2) })
  .map((levels) => {
    const out = defined(levels) as Memberships;
    return Object.keys(out).length === 0 ? { q0: 1 } : out;
  });

const skillsArb = fc
  .record({ en: maybe(fc.integer({ min: 1, max: 5 }), 4), fr: maybe(fc.integer({ min: 1, max: 5 }), 4), tech: maybe(fc.integer({ min: 1, max: 5 }), 4) })
  .map((s) => defined(s) as Record<string, number>);

const capacityArb = fc.constantFrom<Record<string, number> | undefined>(undefined, undefined, { voice: 1, chat: 2 }, { chat: 2 }, { voice: 2 });

const statsFieldsArb = fc.record(
  {
    serviceLevelMs: fc.constantFrom(0, 3_000, 10_000, 20_000),
    shortAbandonMs: fc.constantFrom(0, 2_000, 5_000, 30_000),
    rejoinWindowMs: fc.constantFrom(0, 30_000, 120_000),
    knownAgentWaitMs: fc.constantFrom(0, 4_000, 20_000),
  },
  { requiredKeys: [] },
);

/** A queue's options: base fields, its statistics and rejoin settings, and (half the time) policies. */
const queueConfigArb = (q: string): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(queueOptionsArb, statsFieldsArb, fc.boolean(), queuePoliciesFor(q, QUEUE_IDS))
    .map(([base, stats, withPolicies, policies]) => ({ ...base, ...stats, ...(withPolicies ? policies : {}) }));

const requirementsArb = fc.constantFrom<Record<string, number>>({}, {}, {}, { en: 1 }, { fr: 2 }, { en: 2, tech: 1 });

const addAgentOpArb: fc.Arbitrary<Op> = fc
  .record({
    a: fc.constantFrom(...AGENT_IDS),
    queues: membershipsArb,
    skills: skillsArb,
    capacity: capacityArb,
    state: fc.constantFrom('available', 'available', 'available', 'not-ready', 'offline', undefined),
    reason: maybe(fc.constantFrom('lunch', 'training')),
  })
  .map((p): Op => defined({ t: 'addAgent', ...p, reason: p.state === 'not-ready' ? p.reason : undefined }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: queueIdArb.chain((q) => queueConfigArb(q).map((options): Op => ({ t: 'addQueue', q, options }))) },
  { weight: 3, arbitrary: queueIdArb.chain((q) => queueConfigArb(q).map((options): Op => ({ t: 'updateQueue', q, options }))) },
  { weight: 1, arbitrary: queueIdArb.map((q): Op => ({ t: 'removeQueue', q })) },
  { weight: 3, arbitrary: addAgentOpArb },
  {
    weight: 2,
    arbitrary: fc
      .record({ pick: fc.nat(), queues: maybe(membershipsArb), skills: maybe(skillsArb), capacity: maybe(fc.constantFrom<Record<string, number>>({ voice: 1 }, { chat: 1 }, { voice: 1, chat: 2 })) })
      .map((p): Op => defined({ t: 'updateAgent', ...p })),
  },
  { weight: 1, arbitrary: fc.nat().map((pick): Op => ({ t: 'removeAgent', pick })) },
  {
    weight: 5,
    arbitrary: fc
      .record({
        pick: fc.nat(),
        working: fc.boolean(),
        state: fc.constantFrom('available', 'available', 'available', 'not-ready', 'not-ready', 'offline') as fc.Arbitrary<'available' | 'not-ready' | 'offline'>,
        reason: maybe(fc.constantFrom('lunch', 'training')),
      })
      .map((p): Op => defined({ t: 'presence', ...p, reason: p.state === 'not-ready' ? p.reason : undefined })),
  },
  {
    weight: 28,
    arbitrary: fc
      .record({
        q: fc.constantFrom('q0', 'q0', 'q1', 'q1', 'q2'),
        reuse: fc.constantFrom(false, false, false, false, false, true),
        pick: fc.nat(),
        priority: fc.integer({ min: 0, max: 2 }),
        channel: fc.constantFrom('voice', 'voice', 'voice', 'chat'),
        requirements: requirementsArb,
        customerId: maybe(fc.constantFrom(...CUSTOMERS), 3),
        preferredAgent: fc.option(fc.constantFrom(...AGENT_IDS, 'nobody'), { nil: undefined, freq: 5 }),
        preferredAgentWaitMs: maybe(fc.constantFrom(0, 3_000, 15_000)),
        own: callPoliciesArb(QUEUE_IDS),
      })
      .map(({ own, ...p }): Op => {
        const escalation = own.escalation?.filter((step) => step.overflow?.queue !== p.q);
        return defined({ t: 'enqueue', ...p, maxWaitMs: own.maxWaitMs, escalation, preferredAgentWaitMs: p.preferredAgent === undefined ? undefined : p.preferredAgentWaitMs });
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        q: queueIdArb,
        inMs: fc.constantFrom(-1_000, 0, 3_000, 20_000, 70_000),
        customerId: maybe(fc.constantFrom(...CUSTOMERS)),
        preferredAgent: fc.option(fc.constantFrom(...AGENT_IDS), { nil: undefined, freq: 4 }),
        maxAttempts: maybe(fc.constantFrom(1, 2)),
        retryDelayMs: maybe(fc.constantFrom(0, 4_000, 30_000)),
      })
      .map((p): Op => defined({ t: 'schedule', ...p })),
  },
  ...(
    [
      ['answer', 12],
      ['decline', 3],
      ['abandon', 4],
      ['withdraw', 2],
      ['requestCallback', 2],
      ['callbackUnanswered', 3],
      ['setPriority', 1],
      ['adjustAge', 1],
    ] as Array<[CallOp, number]>
  ).map(([op, weight]) => ({
    weight,
    arbitrary: fc
      .record({ pick: fc.nat(), any: fc.constantFrom(false, false, false, false, false, false, true), value: fc.constantFrom(0, 1, 3, 5_000, 40_000) })
      .map((p): Op => ({ t: 'call', op, ...p })),
  })),
  {
    weight: 16,
    arbitrary: fc
      .record({
        pick: fc.nat(),
        resolved: fc.constantFrom(true, true, false, undefined),
        wrapUpMs: maybe(fc.constantFrom(0, 1_000, 7_000)),
        disposition: maybe(fc.constantFrom('sale', 'info')),
      })
      .map((p): Op => defined({ t: 'complete', ...p })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        pick: fc.nat(),
        target: fc.oneof(
          queueIdArb.map((queue) => ({ queue })),
          fc.constantFrom(...AGENT_IDS).map((agent) => ({ agent })),
          fc.tuple(fc.constantFrom(...AGENT_IDS), queueIdArb).map(([agent, queue]) => ({ agent, queue })),
        ),
        keepArrival: maybe(fc.boolean()),
        priority: maybe(fc.constantFrom(0, 2, 5)),
        waitMs: maybe(fc.constantFrom(0, 5_000)),
        wrapUpMs: maybe(fc.constantFrom(0, 3_000)),
      })
      .map((p): Op => defined({ t: 'transfer', ...p })),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({
        pick: fc.nat(),
        from: fc.constantFrom('completed', 'completed', 'completed', 'completed', 'live', 'unknown') as fc.Arbitrary<'completed' | 'live' | 'unknown'>,
        score: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0.1, 0.7, -2.5, 1e-9)),
      })
      .map((p): Op => ({ t: 'survey', ...p })),
  },
  {
    weight: 10,
    arbitrary: fc
      .oneof(
        { weight: 6, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
        { weight: 3, arbitrary: fc.constantFrom(1, 5_000, 15_000, 30_000, 59_999, 60_000, 61_000) },
        { weight: 1, arbitrary: fc.constantFrom(125_000, 400_000) },
      )
      .map((ms): Op => ({ t: 'advance', ms })),
  },
  { weight: 8, arbitrary: fc.constant<Op>({ t: 'answerAll' }) },
  { weight: 3, arbitrary: fc.constant<Op>({ t: 'check' }) },
);

const statsOptionsArb: fc.Arbitrary<StatsOptions> = fc.record({
  intervalMs: fc.constant(INTERVAL_MS),
  keepIntervals: fc.constantFrom(2, 1_000),
  fcrWindowMs: fc.constantFrom(30_000, 200_000, Infinity),
  surveyWindowMs: fc.constantFrom(10_000, 100_000, Infinity),
});

const scenarioArb = fc.record({
  options: routerOptionsArb,
  stats: statsOptionsArb,
  startMs: fc.constantFrom(0, 1_234_567, 59_999),
  queues: fc.tuple(queueConfigArb('q0'), queueConfigArb('q1'), fc.option(queueConfigArb('q2'), { nil: undefined })),
  agents: fc.array(addAgentOpArb, { minLength: 1, maxLength: 5 }),
  ops: fc.array(opArb, { minLength: 10, maxLength: MAX_OPS, size: 'max' }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

// ---- the run ----------------------------------------------------------------------------------------

/** What a listener counted for a queue since it was (re)added. */
interface Counted {
  entered: number;
  offers: number;
  answered: number;
  abandoned: number;
  refused: number;
  completed: number;
  timedOut: number;
  transferredIn: number;
  transferredOut: number;
  overflowedIn: number;
  overflowedOut: number;
}

const newCounted = (): Counted => ({
  entered: 0,
  offers: 0,
  answered: 0,
  abandoned: 0,
  refused: 0,
  completed: 0,
  timedOut: 0,
  transferredIn: 0,
  transferredOut: 0,
  overflowedIn: 0,
  overflowedOut: 0,
});

/** Counters of `QueueFigures` that add up over intervals (all but `resolved`; see the file comment). */
const ADDITIVE: ReadonlyArray<keyof QueueFigures> = [
  'entered', 'refused', 'offers', 'answered', 'answeredInThreshold', 'abandoned', 'abandonedInThreshold', 'shortAbandons',
  'timedOut', 'overflowedIn', 'overflowedOut', 'transferredIn', 'transferredOut', 'withdrawn', 'escalations', 'escalatedCalls',
  'callbacksRequested', 'callbacksDialled', 'callbacksFailed', 'completed', 'outcomes', 'repeatContacts', 'surveys',
  'talkTimeMs', 'wrapUpTimeMs',
];

type Sink = 'function' | 'pino';

class Run {
  readonly clock: SimulatedClock;
  readonly router: CallRouter;
  /** Audit lines written so far (pino: the audit records' lines only). */
  readonly lines: string[] = [];
  readonly callIds: string[] = [];
  readonly completed: string[] = [];
  readonly agentAddedAt = new Map<string, number>();
  readonly counted = new Map<string, Counted>();
  /** Every `stats:interval` report, in order. */
  readonly reports: IntervalReport[] = [];
  /**
   * Queue ids removed at least once. A report gives a queue id's figures over every queue of that id
   * in the interval (a removed one still gets the surveys and repeat contacts of its calls), so the
   * per-queue interval sums are checked only for queues whose id was never removed.
   */
  readonly removedOnce = new Set<string>();
  readonly listenerErrors: unknown[] = [];
  readonly #kinds = new Map<string, 'inbound' | 'callback'>();
  #next = 0;

  constructor(s: Scenario, sink: Sink) {
    this.clock = new SimulatedClock(s.startMs);
    const base: CallRouterOptions = { ...s.options, clock: this.clock, stats: s.stats };
    if (sink === 'function') {
      this.router = new CallRouter({ ...base, audit: (line) => this.lines.push(line) });
    } else {
      const stream = new Writable({
        write: (chunk, _encoding, done) => {
          for (const line of String(chunk).split('\n')) if (line.includes('"acd":')) this.lines.push(line);
          done();
        },
      });
      this.router = new CallRouter({ ...base, logger: pino({ level: 'info' }, stream), audit: 'logger' });
    }
    this.#listen();
    const [q0, q1, q2] = s.queues;
    const queues = q2 === undefined ? [q0, q1] : [q0, q1, q2];
    const baseKeys = new Set(['strategy', 'weight', 'offerTimeoutMs', 'wrapUpMs', 'serviceLevelMs', 'shortAbandonMs']);
    // Base options first, then the policies (an overflow target must exist).
    queues.forEach((options, i) => {
      this.router.addQueue({ id: `q${i}`, ...Object.fromEntries(Object.entries(options).filter(([k]) => baseKeys.has(k))) });
    });
    queues.forEach((options, i) => this.#tolerate(() => this.router.updateQueue(`q${i}`, options as never)));
  }

  #listen(): void {
    const { router } = this;
    const count = (queueId: string, key: keyof Counted): void => {
      const c = this.counted.get(queueId);
      if (c !== undefined) c[key]++;
    };
    router.on('queue:configured', ({ queueId }) => {
      if (!this.counted.has(queueId)) this.counted.set(queueId, newCounted());
    });
    router.on('queue:removed', ({ queueId }) => {
      this.counted.delete(queueId);
      this.removedOnce.add(queueId);
    });
    router.on('call:queued', ({ callId, queueId, kind }) => {
      this.#kinds.set(callId, kind);
      count(queueId, 'entered');
    });
    router.on('call:callback-scheduled', ({ callId }) => this.#kinds.set(callId, 'callback'));
    router.on('call:offered', ({ queueId }) => count(queueId, 'offers'));
    router.on('call:answered', ({ queueId, kind }) => {
      if (kind === 'inbound') count(queueId, 'answered');
    });
    router.on('call:abandoned', ({ callId, queueId }) => {
      if (this.#kinds.get(callId) === 'inbound') count(queueId, 'abandoned');
    });
    router.on('call:refused', ({ queueId }) => count(queueId, 'refused'));
    router.on('call:completed', ({ callId, queueId }) => {
      count(queueId, 'completed');
      this.completed.push(callId);
    });
    router.on('call:timed-out', ({ queueId }) => count(queueId, 'timedOut'));
    router.on('call:transferred', ({ callId, queueId, fromQueueId }) => {
      this.#kinds.set(callId, 'inbound');
      count(fromQueueId, 'transferredOut');
      count(queueId, 'transferredIn');
      count(queueId, 'entered');
    });
    router.on('call:overflowed', ({ queueId, fromQueueId }) => {
      count(fromQueueId, 'overflowedOut');
      count(queueId, 'overflowedIn');
      count(queueId, 'entered');
    });
    router.on('stats:interval', (report) => this.reports.push(report));
    router.on('agent:added', ({ agentId, atMs }) => this.agentAddedAt.set(agentId, atMs));
    router.on('listener-error', ({ error }) => this.listenerErrors.push(error));
  }

  /** Runs an operation the router may refuse: an `AcdError` leaves everything as it was. */
  #tolerate(op: () => unknown): void {
    try {
      op();
    } catch (error) {
      if (!(error instanceof AcdError)) throw error;
    }
  }

  #calls(filter: (call: CallSnapshot) => boolean): CallSnapshot[] {
    const out: CallSnapshot[] = [];
    for (const id of this.callIds) {
      if (!this.router.hasCall(id)) continue;
      const call = this.router.getCall(id);
      if (filter(call)) out.push(call);
    }
    return out;
  }

  #pickCall(pick: number, any: boolean, filter: (call: CallSnapshot) => boolean): string {
    const calls = this.#calls(any ? () => true : filter);
    if (calls.length === 0) return 'no-such-call';
    return (calls[pick % calls.length] as CallSnapshot).id;
  }

  #pickAgent(pick: number, working = false): string {
    let ids = this.router.agentIds();
    if (working) {
      const busy = ids.filter((id) => this.router.getAgent(id).state !== 'available' && this.router.getAgent(id).callIds.length > 0);
      if (busy.length > 0) ids = busy;
    }
    return ids.length === 0 ? 'nobody' : (ids[pick % ids.length] as string);
  }

  apply(op: Op): void {
    const { router } = this;
    switch (op.t) {
      case 'addQueue':
        return this.#tolerate(() => router.addQueue({ id: op.q, ...op.options } as never));
      case 'updateQueue':
        return this.#tolerate(() => router.updateQueue(op.q, op.options as never));
      case 'removeQueue':
        return this.#tolerate(() => router.removeQueue(op.q));
      case 'addAgent': {
        const { t: _t, a, ...rest } = op;
        return this.#tolerate(() => router.addAgent({ id: a, ...rest } as never));
      }
      case 'updateAgent': {
        const { t: _t, pick, ...update } = op;
        return this.#tolerate(() => router.updateAgent(this.#pickAgent(pick), update));
      }
      case 'removeAgent':
        return this.#tolerate(() => router.removeAgent(this.#pickAgent(op.pick)));
      case 'presence':
        return this.#tolerate(() => router.setAgentState(this.#pickAgent(op.pick, op.working), op.state, op.reason));
      case 'enqueue': {
        const { t: _t, q, reuse, pick, ...rest } = op;
        const dead = this.callIds.filter((id) => !router.hasCall(id));
        const id = reuse && dead.length > 0 ? (dead[pick % dead.length] as string) : `c${this.#next++}`;
        if (!this.callIds.includes(id)) this.callIds.push(id);
        return this.#tolerate(() => router.enqueue({ id, queue: q, ...rest } as never));
      }
      case 'schedule': {
        const { t: _t, q, inMs, ...rest } = op;
        const id = `c${this.#next++}`;
        this.callIds.push(id);
        return this.#tolerate(() => router.scheduleCallback({ id, queue: q, atMs: this.clock.now() + inMs, ...rest } as never));
      }
      case 'call':
        return this.#callOp(op.op, op.pick, op.any, op.value);
      case 'complete': {
        const id = this.#pickCall(op.pick, false, (c) => c.status === 'talking');
        const outcome = defined({ resolved: op.resolved, wrapUpMs: op.wrapUpMs, disposition: op.disposition });
        return this.#tolerate(() => router.complete(id, Object.keys(outcome).length === 0 && op.pick % 2 === 0 ? undefined : outcome));
      }
      case 'transfer': {
        const id = this.#pickCall(op.pick, false, (c) => c.status === 'talking');
        const options = defined({ keepArrival: op.keepArrival, priority: op.priority, waitMs: op.waitMs, wrapUpMs: op.wrapUpMs });
        return this.#tolerate(() => router.transfer(id, op.target as never, options));
      }
      case 'survey': {
        let id = 'no-such-call';
        if (op.from === 'completed' && this.completed.length > 0) id = this.completed[op.pick % this.completed.length] as string;
        if (op.from === 'live') id = this.#pickCall(op.pick, true, () => true);
        return this.#tolerate(() => router.recordSurvey(id, op.score));
      }
      case 'answerAll':
        for (const call of this.#calls((c) => c.status === 'offered')) this.#tolerate(() => router.answer(call.id));
        return;
      case 'advance':
        this.clock.advance(op.ms);
        return;
      case 'check':
        this.check();
        return;
    }
  }

  #callOp(op: CallOp, pick: number, any: boolean, value: number): void {
    const { router } = this;
    const status = (s: CallSnapshot['status']) => (c: CallSnapshot) => c.status === s;
    switch (op) {
      case 'answer':
        return this.#tolerate(() => router.answer(this.#pickCall(pick, any, status('offered'))));
      case 'decline':
        return this.#tolerate(() => router.decline(this.#pickCall(pick, any, status('offered'))));
      case 'abandon':
        return this.#tolerate(() => router.abandon(this.#pickCall(pick, any, (c) => c.status === 'waiting' || c.status === 'offered')));
      case 'withdraw':
        return this.#tolerate(() => router.withdraw(this.#pickCall(pick, any, (c) => c.status !== 'talking'), 'ivr-exit'));
      case 'requestCallback':
        return this.#tolerate(() =>
          router.requestCallback(this.#pickCall(pick, any, (c) => c.status === 'waiting' && c.kind === 'inbound'), value === 0 ? undefined : { maxAttempts: 2, retryDelayMs: value }),
        );
      case 'callbackUnanswered':
        return this.#tolerate(() => router.callbackUnanswered(this.#pickCall(pick, any, (c) => c.status === 'talking' && c.kind === 'callback')));
      case 'setPriority':
        return this.#tolerate(() => router.setCallPriority(this.#pickCall(pick, any, status('waiting')), value % 4));
      case 'adjustAge':
        return this.#tolerate(() => router.adjustCallAge(this.#pickCall(pick, any, status('waiting')), value));
    }
  }

  /** The live figures against the replayed ones, and against the router's reads and events. */
  check(): void {
    const { router } = this;
    expect(this.listenerErrors, 'errors thrown by the test listeners').toStrictEqual([]);
    const nowMs = this.clock.now();
    // Live reads first: a read closes the intervals that ended by now and writes their
    // `stats:interval` lines. A replay closes intervals only at those lines, so lines cut after an
    // interval's end but before the router's next event or read give the previous interval's figures.
    const center = router.stats();
    const queueIds = router.queueIds();
    const agentIds = router.agentIds();
    const queues = queueIds.map((id) => router.queueStats(id));
    const agents = agentIds.map((id) => router.agentStats(id));
    const intervals = router.intervals();

    const replay = replayStats([...this.lines], { nowMs });
    expect(replay.nowMs).toBe(nowMs);
    expect(replay.stats(), 'stats()').toStrictEqual(center);
    queueIds.forEach((id, i) => expect(replay.queueStats(id), `queueStats(${id})`).toStrictEqual(queues[i]));
    agentIds.forEach((id, i) => expect(replay.agentStats(id), `agentStats(${id})`).toStrictEqual(agents[i]));
    expect(replay.intervals(), 'intervals()').toStrictEqual(intervals);
    for (const id of QUEUE_IDS) if (!router.hasQueue(id)) expect(replay.queueStats(id), `replayed queueStats(${id}) of a removed queue`).toBeUndefined();
    for (const id of AGENT_IDS) if (!router.hasAgent(id)) expect(replay.agentStats(id), `replayed agentStats(${id}) of a removed agent`).toBeUndefined();

    this.#sanity(center, queueIds, agentIds);
  }

  #sanity(center: CenterStats, queueIds: string[], agentIds: string[]): void {
    const { router } = this;
    const nowMs = this.clock.now();
    const snapshots = agentIds.map((id) => router.getAgent(id));
    let waiting = 0;
    let ringing = 0;
    let talking = 0;
    let longest = 0;
    for (const id of queueIds) {
      const stats = router.queueStats(id);
      const queue = router.getQueue(id);
      const where = `queueStats(${id}) at ${nowMs}`;
      expect(stats.atMs, where).toBe(nowMs);
      expect(stats.waiting, `${where}.waiting = getQueue().waiting`).toBe(queue.waiting);
      expect(stats.ringing, `${where}.ringing = getQueue().offered`).toBe(queue.offered);
      expect(stats.talking, `${where}.talking = getQueue().talking`).toBe(queue.talking);
      expect(stats.longestWaitMs, `${where}.longestWaitMs = getQueue().longestWaitMs`).toBe(queue.longestWaitMs);
      expect(stats.serviceLevelMs, where).toBe(queue.serviceLevelMs);
      expect(stats.shortAbandonMs, where).toBe(queue.shortAbandonMs);
      const byPriority: Record<string, number> = {};
      for (const call of router.waitingCalls(id)) byPriority[String(call.priority)] = (byPriority[String(call.priority)] ?? 0) + 1;
      expect(stats.waitingByPriority, `${where}.waitingByPriority = waitingCalls() by priority`).toEqual(byPriority);
      const serving = snapshots.filter((a) => Object.hasOwn(a.queues, id));
      expect(stats.agentsLoggedIn, `${where}.agentsLoggedIn`).toBe(serving.filter((a) => a.presence !== 'offline').length);
      expect(stats.agentsEligible, `${where}.agentsEligible`).toBe(serving.filter((a) => a.presence === 'available').length);
      expect(stats.agentsAvailable, `${where}.agentsAvailable`).toBe(serving.filter((a) => a.state === 'available').length);
      const counted = this.counted.get(id) as Counted;
      for (const [key, value] of Object.entries(counted)) {
        expect(stats.totals[key as keyof QueueFigures], `${where}.totals.${key} = events counted since the queue was added`).toBe(value);
      }
      if (!this.removedOnce.has(id)) this.#sums(`queue ${id}`, stats.totals, stats.interval, (r) => r.queues[id]);
      waiting += queue.waiting;
      ringing += queue.offered;
      talking += queue.talking;
      longest = Math.max(longest, queue.longestWaitMs);
    }
    expect(center.queues).toBe(queueIds.length);
    expect(center.agents).toBe(agentIds.length);
    expect(center.waiting, 'stats().waiting').toBe(waiting);
    expect(center.ringing, 'stats().ringing').toBe(ringing);
    expect(center.talking, 'stats().talking').toBe(talking);
    expect(center.longestWaitMs, 'stats().longestWaitMs').toBe(longest);
    expect(center.agentsLoggedIn, 'stats().agentsLoggedIn').toBe(snapshots.filter((a) => a.presence !== 'offline').length);
    expect(center.agentsEligible, 'stats().agentsEligible').toBe(snapshots.filter((a) => a.presence === 'available').length);
    expect(center.agentsAvailable, 'stats().agentsAvailable').toBe(snapshots.filter((a) => a.state === 'available').length);
    this.#sums('center', center.totals, center.interval, (r) => r.center);

    for (const snapshot of snapshots) {
      const stats = router.agentStats(snapshot.id);
      const where = `agentStats(${snapshot.id}) at ${nowMs}`;
      expect(stats.state, `${where}.state`).toBe(snapshot.state);
      expect(stats.presence, `${where}.presence`).toBe(snapshot.presence);
      expect(stats.stateSinceMs, `${where}.stateSinceMs`).toBe(snapshot.stateSinceMs);
      expect(stats.callsHandled, `${where}.callsHandled`).toBe(snapshot.callsHandled);
      const inStates = Object.values(stats.timeInStateMs).reduce((a, b) => a + b, 0);
      expect(inStates, `${where}: time in states = time since added`).toBe(nowMs - (this.agentAddedAt.get(snapshot.id) as number));
    }
  }

  /** Totals = every closed interval's figures + the open interval's, for the additive counters. */
  #sums(where: string, totals: QueueFigures, open: QueueFigures, of: (r: IntervalReport) => QueueFigures | undefined): void {
    for (const key of ADDITIVE) {
      let sum = open[key] as number;
      for (const report of this.reports) sum += (of(report)?.[key] as number | undefined) ?? 0;
      expect(sum, `${where}: totals.${key} = sum over intervals`).toBe(totals[key]);
    }
  }
}

function runScenario(s: Scenario, sink: Sink): Run {
  const run = new Run(s, sink);
  run.check();
  s.agents.forEach((op) => run.apply(op));
  s.ops.forEach((op) => run.apply(op));
  run.clock.advance(INTERVAL_MS + 1);
  run.check();
  // The lines parsed first (records, or pino's `{ acd: record }` objects) replay the same.
  const parsed = replayStats(run.lines.map((line) => JSON.parse(line) as never), { nowMs: run.clock.now() });
  expect(parsed.stats(), 'stats() replayed from parsed lines').toStrictEqual(run.router.stats());
  expect(parsed.intervals(), 'intervals() replayed from parsed lines').toStrictEqual(run.router.intervals());
  const first = JSON.parse(run.lines[0] as string) as { event?: string; acd?: { event: string } };
  expect(first.acd?.event ?? first.event, 'the first audit line').toBe('audit:start');
  return run;
}

describe('statistics replayed from the audit log', () => {
  it(
    'equal the live statistics exactly, at every check and at the end (function sink)',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          runScenario(s, 'function');
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'equal the live statistics exactly from the pino lines of audit: "logger"',
    () => {
      fc.assert(
        fc.property(scenarioArb, (s) => {
          const pinoRun = runScenario(s, 'pino');
          // The same records as a function sink writes, wrapped in pino's lines.
          const records = pinoRun.lines.map((line) => (JSON.parse(line) as { acd: unknown }).acd);
          expect(records).toStrictEqual(runScenario(s, 'function').lines.map((line) => JSON.parse(line) as unknown));
        }),
        { numRuns: PINO_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

describe('cases found by the property above', () => {
  // Shrunk from enqueue(q1, maxWaitMs 0) → removeQueue(q1) → addQueue(q1) → removeQueue(q1): the
  // collector once kept one removed queue's open-interval tally per queue id, so the second removal
  // overwrote the first one's figures (still in the center's totals, gone from its interval figures
  // and from the interval's report).
  it('a queue removed, added again and removed again within one interval keeps its first figures in the interval', () => {
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock, stats: { intervalMs: INTERVAL_MS } });
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.withdraw('c1', 'ivr-exit');
    router.removeQueue('q');
    router.addQueue({ id: 'q' });
    router.removeQueue('q');
    expect(router.stats().totals.entered).toBe(1);
    expect(router.stats().interval.entered, 'the open interval of the center').toBe(1);
    clock.advance(INTERVAL_MS);
    const [report] = router.intervals();
    expect(report?.center.entered, "the interval report's center").toBe(1);
    expect(report?.queues.q?.entered, "the interval report's queue").toBe(1);
  });

  // Found by the property: a replay used to close intervals only at the router's `stats:interval`
  // lines, which the router writes at its first event or read after an interval's end; lines taken
  // before that replayed the previous interval's figures. A replay now closes intervals by time.
  it('a replay at a time past an interval end, with no line since, equals the live reads at that time', () => {
    const clock = new SimulatedClock();
    const lines: string[] = [];
    const router = new CallRouter({ clock, stats: { intervalMs: INTERVAL_MS }, audit: (line) => lines.push(line) });
    router.addQueue({ id: 'q' });
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advance(INTERVAL_MS + 1_000);
    const replay = replayStats([...lines], { nowMs: clock.now() });
    expect(replay.stats(), 'stats()').toStrictEqual(router.stats());
    expect(replay.queueStats('q'), 'queueStats(q)').toStrictEqual(router.queueStats('q'));
    expect(replay.intervals(), 'intervals()').toStrictEqual(router.intervals());
  });

  it('the audit log of a router with statistics off rebuilds the same figures, intervals included', () => {
    const run = (stats: boolean) => {
      const clock = new SimulatedClock();
      const lines: string[] = [];
      // With statistics off the log carries the default settings (15-minute intervals).
      const router = new CallRouter({ clock, stats, audit: (line) => lines.push(line) });
      router.addQueue({ id: 'q' });
      router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
      router.enqueue({ id: 'c1', queue: 'q', customerId: 'k' });
      clock.advance(2_000);
      router.answer('c1');
      clock.advance(900_000);
      router.complete('c1', { resolved: true });
      router.enqueue({ id: 'c2', queue: 'q', customerId: 'k' });
      clock.advance(2 * 900_000);
      return { router, lines, nowMs: clock.now() };
    };
    const on = run(true);
    const off = run(false);
    const replay = replayStats(off.lines, { nowMs: off.nowMs });
    // The stats-off log has no stats:interval lines, yet the same intervals close by time.
    expect(off.lines.some((line) => line.includes('stats:interval'))).toBe(false);
    expect(replay.intervals()).toStrictEqual(on.router.intervals());
    expect(replay.stats()).toStrictEqual(on.router.stats());
    expect(replay.queueStats('q')).toStrictEqual(on.router.queueStats('q'));
    expect(replay.intervals()).toHaveLength(3);
  });
});
