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
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    /** Time of day the simulation starts: shifts and curves are by time of day. */
    startTime: timeOfDay.default(0),
    /** Simulated time during which calls arrive. */
    duration: positiveDuration,
    /** Time at the start left out of the results (rounded up to a whole interval). @default 0 */
    warmup: duration.default(0),
    replications: z.number().int().min(1).max(10_000).default(1),
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
  .superRefine((s, ctx) => {
    const queueIds = new Set<string>();
    s.queues.forEach((q, i) => {
      if (queueIds.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate queue id "${q.id}"`, path: ['queues', i, 'id'] });
      queueIds.add(q.id);
    });
    const known = (id: string): boolean => queueIds.has(id);
    const names = new Set<string>();
    s.agents.forEach((g, i) => {
      if (names.has(g.name)) ctx.addIssue({ code: 'custom', message: `duplicate agent group name "${g.name}"`, path: ['agents', i, 'name'] });
      names.add(g.name);
      for (const id of Object.keys(g.queues)) {
        if (!known(id)) ctx.addIssue({ code: 'custom', message: `unknown queue "${id}"`, path: ['agents', i, 'queues', id] });
      }
    });
    s.arrivals.forEach((a, i) => {
      if (!known(a.queue)) ctx.addIssue({ code: 'custom', message: `unknown queue "${a.queue}"`, path: ['arrivals', i, 'queue'] });
      if (a.process === 'trace') {
        if ((a.file === undefined) === (a.calls === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'a trace needs exactly one of `file` and `calls`', path: ['arrivals', i] });
        }
        a.calls?.forEach((c, j) => {
          if (c.queue !== undefined && !known(c.queue)) {
            ctx.addIssue({ code: 'custom', message: `unknown queue "${c.queue}"`, path: ['arrivals', i, 'calls', j, 'queue'] });
          }
        });
      } else if (a.handleTime === undefined) {
        ctx.addIssue({ code: 'custom', message: '`handleTime` is required (only a trace may give handle times per call)', path: ['arrivals', i, 'handleTime'] });
      }
    });
    if (s.warmup >= s.duration) {
      ctx.addIssue({ code: 'custom', message: '`warmup` must be shorter than `duration`', path: ['warmup'] });
    }
    if (s.interval < 1_000 || !Number.isInteger(s.interval)) {
      ctx.addIssue({ code: 'custom', message: '`interval` must be a whole number of ms, at least 1 s', path: ['interval'] });
    }
  });

/** A scenario as written (JSON or object): durations may be strings such as `"3m"`. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A checked scenario: defaults applied, every duration and time of day in ms. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ArrivalStream = Scenario['arrivals'][number];
export type AgentGroup = Scenario['agents'][number];
export type TraceCall = z.output<typeof traceCallSchema>;
export type ScenarioTargets = Scenario['targets'];
