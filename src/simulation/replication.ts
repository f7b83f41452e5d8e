import { CallRouter } from '../call-router.js';
import type { Clock } from '../clock/clock.js';
import { SimulatedClock } from '../clock/simulated-clock.js';
import { AcdError, ScenarioError } from '../model/errors.js';
import type { IntervalReport, QueueFigures } from '../model/stats.js';
import type { QueueOptions } from '../model/types.js';
import { SeededRandom } from '../random/random.js';
import { WaitHistogram } from '../stats/wait-histogram.js';
import { ArrivalGenerator } from './arrivals.js';
import { CallDriver, WAIT_BINS, type Behavior, type QueueMeasure } from './call-driver.js';
import { samplerOf } from './distributions.js';
import { sumFigures } from './figures-sum.js';
import type { Scenario } from './scenario-schema.js';
import { deriveSeed, STREAM } from './seeds.js';
import { presenceAt, scheduleShift } from './shifts.js';

const DAY_MS = 86_400_000;
/** The drain stops this long after the end at the latest (a call nobody can ever take would wait forever). */
const MAX_DRAIN_MS = 7 * DAY_MS;

/** What one replication measured. */
export interface ReplicationResult {
  readonly replication: number;
  /** Per queue, over the measured period (after the warm-up, drain included). */
  readonly queues: Readonly<Record<string, MeasuredFigures>>;
  readonly center: MeasuredFigures;
  /** Occupancy per agent group and overall, over the measured period up to the end of `duration`. */
  readonly occupancy: Readonly<Record<string, number | null>>;
  readonly centerOccupancy: number | null;
  /** The router's interval reports from 0 to `duration`. */
  readonly intervals: readonly IntervalReport[];
  /** Answered calls' waits in the measured period, per queue, by whole second (see {@link WAIT_BINS}). */
  readonly waitCounts: Readonly<Record<string, readonly number[]>>;
  readonly centerWaitCounts: readonly number[];
  /** Calls generated, over the whole run. */
  readonly calls: number;
  /** Calls still in the center when the drain stopped (none when it ran to the end). */
  readonly unfinished: number;
  /** Wall-clock time of the run, ms. */
  readonly wallMs: number;
}

/** The router's figures plus what only the simulation knows. */
export interface MeasuredFigures extends QueueFigures {
  /** Calls that arrived in the measured period. */
  readonly arrivals: number;
  /** Share of arrivals that found no free agent and waited (Erlang C's P(wait)). */
  readonly probabilityOfWaiting: number | null;
}

export { WAIT_BINS };

interface OccupancyMark {
  working: number;
  worked: number;
}

/**
 * Runs one replication of a scenario on a fresh router and clock. Randomness comes from streams
 * derived from the scenario seed and `replication` alone.
 */
export function runReplication(
  scenario: Scenario,
  replication: number,
  warmupMs: number,
  onRouter: ((router: CallRouter, replication: number) => void) | undefined,
  wallClock: Pick<Clock, 'now'>,
): ReplicationResult {
  const started = wallClock.now();
  const { duration, interval, seed } = scenario;
  const clock = new SimulatedClock(0);
  const router = new CallRouter({
    clock,
    seed: deriveSeed(seed, replication, STREAM.router),
    stats: { intervalMs: interval, keepIntervals: Math.ceil((duration + MAX_DRAIN_MS) / interval) + 2, surveyWindowMs: 0 },
  });
  const path = (where: string, error: unknown): never => {
    if (error instanceof AcdError) throw new ScenarioError([{ path: where, message: error.message }]);
    throw error;
  };
  scenario.queues.forEach((queue, i) => {
    try {
      router.addQueue(queue as unknown as QueueOptions);
    } catch (error) {
      path(`queues[${i}]`, error);
    }
  });

  // Agents, their behaviour and their shifts.
  const behaviorRng = new SeededRandom(deriveSeed(seed, replication, STREAM.behavior));
  const behaviorOf = new Map<string, Behavior>();
  const groupOf = new Map<string, string>();
  const startTod = scenario.startTime;
  scenario.agents.forEach((group, i) => {
    const delay = group.answerDelay ?? scenario.agentBehavior.answerDelay;
    const behavior: Behavior = {
      answerDelay: delay === undefined ? undefined : samplerOf(delay),
      missProbability: group.missProbability ?? scenario.agentBehavior.missProbability ?? 0,
    };
    for (let k = 1; k <= group.count; k++) {
      const id = `${group.name}-${k}`;
      behaviorOf.set(id, behavior);
      groupOf.set(id, group.name);
      try {
        router.addAgent({ id, queues: group.queues, skills: group.skills ?? {}, ...(group.capacity ? { capacity: group.capacity } : {}), state: presenceAt(group, startTod) });
      } catch (error) {
        path(`agents[${i}]`, error);
      }
    }
  });

  // Measurement.
  const queueIds = scenario.queues.map((q) => q.id);
  const measured = new Map<string, QueueMeasure>(queueIds.map((id) => [id, { arrivals: 0, waited: 0, waits: new WaitHistogram(), bins: new Array<number>(WAIT_BINS).fill(0) }]));
  const centerWaits = new WaitHistogram();
  const centerBins = new Array<number>(WAIT_BINS).fill(0);
  let occupancyAtWarmup: Map<string, OccupancyMark> | undefined;
  const markOccupancy = (): Map<string, OccupancyMark> => {
    const marks = new Map<string, OccupancyMark>();
    for (const [agentId, group] of groupOf) {
      const t = router.agentStats(agentId).timeInStateMs;
      const working = t.offered + t.busy + t['wrap-up'];
      const mark = marks.get(group) ?? { working: 0, worked: 0 };
      mark.working += working;
      mark.worked += working + t.available;
      marks.set(group, mark);
    }
    return marks;
  };

  onRouter?.(router, replication);

  // The backend, and the calls.
  const driver = new CallDriver({
    router,
    clock,
    streams: scenario.arrivals.map((stream, i) => ({
      generator: new ArrivalGenerator(stream, new SeededRandom(deriveSeed(seed, replication, STREAM.arrivals, i)), startTod),
      priority: stream.priority,
      channel: stream.channel,
      requirements: stream.requirements,
      pending: undefined,
    })),
    endMs: duration,
    warmupMs,
    behaviorOf,
    behaviorRng,
    measures: measured,
    centerWaits,
    centerBins,
  });
  if (warmupMs > 0) driver.at(warmupMs, () => (occupancyAtWarmup = markOccupancy()));
  for (const group of scenario.agents) scheduleShift(router, driver, group, startTod, duration);

  // Run the day, then let the calls still in the center finish.
  driver.runUntil(duration);
  const occupancyAtEnd = markOccupancy();
  if (scenario.drain) driver.drain(duration + MAX_DRAIN_MS);

  // Read the figures: intervals up to the end, and the measured period (whole intervals after the warm-up).
  const center = router.stats();
  const reports = router.intervals();
  const inPeriod = reports.filter((r) => r.startMs >= warmupMs);
  const queues: Record<string, MeasuredFigures> = {};
  const waitCounts: Record<string, number[]> = {};
  let arrivals = 0;
  let waited = 0;
  for (const id of queueIds) {
    const m = measured.get(id) as QueueMeasure;
    waitCounts[id] = m.bins;
    const periods: QueueFigures[] = inPeriod.flatMap((r) => (r.queues[id] === undefined ? [] : [r.queues[id]]));
    periods.push(router.queueStats(id).interval);
    queues[id] = { ...sumFigures(periods, m.waits), arrivals: m.arrivals, probabilityOfWaiting: m.arrivals > 0 ? m.waited / m.arrivals : null };
    arrivals += m.arrivals;
    waited += m.waited;
  }
  const centerFigures: MeasuredFigures = {
    ...sumFigures([...inPeriod.map((r) => r.center), center.interval], centerWaits),
    arrivals,
    probabilityOfWaiting: arrivals > 0 ? waited / arrivals : null,
  };
  const occupancy: Record<string, number | null> = {};
  let working = 0;
  let worked = 0;
  for (const group of scenario.agents) {
    const end = occupancyAtEnd.get(group.name) ?? { working: 0, worked: 0 };
    const start = occupancyAtWarmup?.get(group.name) ?? { working: 0, worked: 0 };
    const w = end.working - start.working;
    const all = end.worked - start.worked;
    occupancy[group.name] = all > 0 ? w / all : null;
    working += w;
    worked += all;
  }
  const result: ReplicationResult = {
    replication,
    queues,
    center: centerFigures,
    occupancy,
    centerOccupancy: worked > 0 ? working / worked : null,
    intervals: reports.filter((r) => r.startMs < duration),
    waitCounts,
    centerWaitCounts: centerBins,
    calls: driver.calls,
    unfinished: center.waiting + center.ringing + center.talking,
    wallMs: wallClock.now() - started,
  };
  router.dispose();
  return result;
}
