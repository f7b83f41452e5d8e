import { z } from 'zod';
import { STRATEGY_NAMES } from '../routing/strategies.js';
import { parseDuration, parseTimeOfDay } from './durations.js';

/** A duration: ms as a number, or a string with a unit (`"20s"`, `"3m"`, `"8h"`). */
const duration = z.union([z.number().nonnegative(), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const ms = parseDuration(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `Expected a duration such as "20s", "3m", "8h" or a number of ms, got "${value}"` });
    return z.NEVER;
  }
  return ms;
});
const positiveDuration = duration.refine((ms) => ms > 0, { message: 'Expected a duration > 0' });

/** A time of day: `"HH:MM"` (or ms since midnight, as a parsed scenario holds it). */
const timeOfDay = z.union([z.number().min(0).max(86_400_000), z.string()]).transform((value, ctx) => {
  if (typeof value === 'number') return value;
  const ms = parseTimeOfDay(value);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `Expected a time of day "HH:MM" (00:00 to 24:00), got "${value}"` });
    return z.NEVER;
  }
  return ms;
});

const probability = z.number().min(0).max(1);

/** A scenario's seed, also as an override in the simulation functions' options. */
export const seedSchema = z.number().int().min(0).max(0xffff_ffff);
/** A scenario's number of replications, also as an override in the simulation functions' options. */
export const replicationsSchema = z.number().int().min(1).max(10_000);
const skillLevels = z.record(z.string().min(1), z.number().int().min(1).max(5));

/** Handle time, wrap-up, patience and answer-delay distributions. */
export const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exponential'), mean: positiveDuration }),
  z.strictObject({ type: z.literal('deterministic'), value: duration }),
  z
    .strictObject({ type: z.literal('uniform'), min: duration, max: duration })
    .refine((d) => d.max >= d.min, { message: '`max` must be >= `min`', path: ['max'] }),
  z.strictObject({ type: z.literal('lognormal'), mean: positiveDuration, sd: duration }),
  z.strictObject({ type: z.literal('gamma'), shape: z.number().positive(), mean: positiveDuration }),
  z.strictObject({ type: z.literal('erlang'), k: z.number().int().min(1).max(1000), mean: positiveDuration }),
  z
    .strictObject({
      type: z.literal('empirical'),
      values: z.array(duration).min(1),
      weights: z.array(z.number().nonnegative()).optional(),
    })
    .refine((d) => d.weights === undefined || d.weights.length === d.values.length, {
      message: '`weights` must have one weight per value',
      path: ['weights'],
    })
    .refine((d) => d.weights === undefined || d.weights.some((w) => w > 0), {
      message: 'at least one weight must be > 0',
      path: ['weights'],
    }),
]);

/**
 * A queue: the router's `QueueOptions` (times in ms, as `CallRouter.addQueue` takes them). The
 * common fields are checked here; the rest (escalation, exit actions, callbacks, …) by the router
 * itself, whose message is then given with the queue's path.
 */
const queueSchema = z.looseObject({
  id: z.string().min(1),
  strategy: z.enum(STRATEGY_NAMES as unknown as [string, ...string[]]).optional(),
  weight: z.number().positive().optional(),
  serviceLevelMs: z.number().nonnegative().optional(),
  wrapUpMs: z.number().nonnegative().optional(),
  offerTimeoutMs: z.number().positive().optional(),
  maxWaitMs: z.number().nonnegative().optional(),
});

const breakSchema = z.strictObject({
  at: timeOfDay,
  duration: positiveDuration,
  reason: z.string().min(1).default('break'),
});

const shiftSchema = z.strictObject({
  /** Time of day the group logs in. */
  start: timeOfDay,
  /** Time of day the group logs out (before `start`: the shift runs over midnight). */
  end: timeOfDay,
  breaks: z.array(breakSchema).default([]),
});

const behaviorFields = {
  /** Time from an offer to the agent's answer. @default 0 */
  answerDelay: distributionSchema.optional(),
  /** Probability that an agent lets an offer ring out (the queue's offer timeout returns the call). @default 0 */
  missProbability: probability.max(0.99).optional(),
};

const agentGroupSchema = z.strictObject({
  /** Group name; agent ids are `<name>-1`, `<name>-2`, … */
  name: z.string().min(1),
  count: z.number().int().min(0).max(1_000_000),
  queues: z.record(z.string().min(1), z.number().int().min(1)),
  skills: skillLevels.optional(),
  capacity: z.record(z.string().min(1), z.number().int().min(0)).optional(),
  /** Working hours by time of day, every day; without one the group works around the clock. */
  shift: shiftSchema.optional(),
  ...behaviorFields,
});

const traceCallSchema = z.strictObject({
  at: duration,
  handle: duration.optional(),
  patience: duration.optional(),
  queue: z.string().min(1).optional(),
});

const streamFields = {
  queue: z.string().min(1),
  name: z.string().min(1).optional(),
  priority: z.number().finite().optional(),
  channel: z.string().min(1).optional(),
  requirements: skillLevels.optional(),
  handleTime: distributionSchema.optional(),
  /** After-call work per call; without it the queue's `wrapUpMs` applies. */
  wrapUp: distributionSchema.optional(),
  /** How long a caller waits before hanging up; without it callers never abandon. */
  patience: distributionSchema.optional(),
};

const arrivalSchema = z.discriminatedUnion('process', [
  z.strictObject({ process: z.literal('poisson'), callsPerHour: z.number().positive(), ...streamFields }),
  z.strictObject({
    process: z.literal('curve'),
    /** Length of each entry of `callsPerInterval`. */
    interval: positiveDuration.default(900_000),
    /** Calls expected in each interval (a Poisson process at that rate within it). */
    callsPerInterval: z.array(z.number().nonnegative()).min(1),
    /** Time of day the first interval starts. @default the scenario's `startTime` */
    start: timeOfDay.optional(),
    /** Repeat the curve every day. @default true */
    daily: z.boolean().default(true),
    ...streamFields,
  }),
  z.strictObject({
    process: z.literal('trace'),
    /** A CSV file (path relative to the scenario file): `time` and optional `handle`, `patience`, `queue`. */
    file: z.string().min(1).optional(),
    calls: z.array(traceCallSchema).optional(),
    ...streamFields,
  }),
]);

const targetsSchema = z.strictObject({
  /** Service-level target: this share answered within `serviceLevelMs` (e.g. 0.8). */
  serviceLevel: probability.optional(),
  /** Threshold of the service-level target. @default each queue's `serviceLevelMs` (20 s) */
  serviceLevelMs: duration.optional(),
  /** Average speed of answer at most this. */
  asa: duration.optional(),
  /** Abandonment rate at most this share. */
  abandonment: probability.optional(),
  /** Agent occupancy at most this share. */
  maxOccupancy: probability.optional(),
});

/** The JSON (or object) form of a scenario, as checked before it runs. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).default('scenario'),
    description: z.string().optional(),
    /** One seed for everything: arrivals, durations, agent behaviour and the router's random choices. */
    seed: seedSchema.default(1),
    /** Time of day the simulation starts: shifts and curves are by time of day. */
    startTime: timeOfDay.default(0),
    /** Simulated time during which calls arrive. */
    duration: positiveDuration,
    /** Time at the start left out of the results (rounded up to a whole interval). @default 0 */
    warmup: duration.default(0),
    replications: replicationsSchema.default(1),
    /** Statistics interval. @default "15m" */
    interval: duration.default(900_000),
    /** After `duration`, let the calls still in the center finish (no new arrivals). @default true */
    drain: z.boolean().default(true),
    /** Defaults for every agent group. */
    agentBehavior: z.strictObject(behaviorFields).default({}),
    targets: targetsSchema.default({}),
    queues: z.array(queueSchema).min(1),
    agents: z.array(agentGroupSchema).min(1),
    arrivals: z.array(arrivalSchema).min(1),
  })
  // Runs even when fields failed their own checks, so one pass reports every problem: `s` may then
  // hold raw or missing values, which `crossCheck` skips.
  .superRefine(
    (s: unknown, ctx) => {
      if (typeof s === 'object' && s !== null) crossCheck(s as LooseScenario, ctx);
    },
    { when: () => true },
  );

/** A scenario whose fields may have failed their own checks: what {@link crossCheck} reads of it. */
interface LooseScenario {
  readonly queues?: unknown;
  readonly agents?: unknown;
  readonly arrivals?: unknown;
  readonly warmup?: unknown;
  readonly duration?: unknown;
  readonly interval?: unknown;
}

type Loose = Readonly<Record<string, unknown>>;

/** The items of `value` that are objects, with their indexes. */
function entries(value: unknown): Array<[number, Loose]> {
  if (!Array.isArray(value)) return [];
  const out: Array<[number, Loose]> = [];
  value.forEach((item: unknown, i) => {
    if (typeof item === 'object' && item !== null) out.push([i, item as Loose]);
  });
  return out;
}

/** Checks across fields: queue ids referred to exist, names are unique, durations fit together. */
function crossCheck(s: LooseScenario, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: PropertyKey[]): void => ctx.addIssue({ code: 'custom', message, path });
  const queueIds = new Set<string>();
  for (const [i, q] of entries(s.queues)) {
    if (typeof q.id !== 'string') continue;
    if (queueIds.has(q.id)) issue(`duplicate queue id "${q.id}"`, ['queues', i, 'id']);
    queueIds.add(q.id);
  }
  // With no valid queue list, every reference would look unknown: leave references alone then.
  const known = (id: unknown): boolean => typeof id !== 'string' || !Array.isArray(s.queues) || queueIds.has(id);
  const names = new Set<string>();
  for (const [i, g] of entries(s.agents)) {
    if (typeof g.name === 'string') {
      if (names.has(g.name)) issue(`duplicate agent group name "${g.name}"`, ['agents', i, 'name']);
      names.add(g.name);
    }
    if (typeof g.queues !== 'object' || g.queues === null) continue;
    for (const id of Object.keys(g.queues)) if (!known(id)) issue(`unknown queue "${id}"`, ['agents', i, 'queues', id]);
  }
  for (const [i, a] of entries(s.arrivals)) {
    if (!known(a.queue)) issue(`unknown queue "${String(a.queue)}"`, ['arrivals', i, 'queue']);
    if (a.process === 'trace') {
      if ((a.file === undefined) === (a.calls === undefined)) issue('a trace needs exactly one of `file` and `calls`', ['arrivals', i]);
      for (const [j, c] of entries(a.calls)) {
        if (c.queue !== undefined && !known(c.queue)) issue(`unknown queue "${String(c.queue)}"`, ['arrivals', i, 'calls', j, 'queue']);
      }
    } else if ((a.process === 'poisson' || a.process === 'curve') && a.handleTime === undefined) {
      issue('`handleTime` is required (only a trace may give handle times per call)', ['arrivals', i, 'handleTime']);
    }
  }
  if (typeof s.warmup === 'number' && typeof s.duration === 'number' && s.warmup >= s.duration) {
    issue('`warmup` must be shorter than `duration`', ['warmup']);
  }
  if (typeof s.interval === 'number' && (s.interval < 1_000 || !Number.isInteger(s.interval))) {
    issue('`interval` must be a whole number of ms, at least 1 s', ['interval']);
  }
}

/** A scenario as written (JSON or object): durations may be strings such as `"3m"`. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A checked scenario: defaults applied, every duration and time of day in ms. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ArrivalStream = Scenario['arrivals'][number];
export type AgentGroup = Scenario['agents'][number];
export type TraceCall = z.output<typeof traceCallSchema>;
export type ScenarioTargets = Scenario['targets'];
