import { streamRate } from '../simulation/arrivals.js';
import { meanOf } from '../simulation/distributions.js';
import { onDuty } from '../simulation/shifts.js';
import type { ArrivalStream, Scenario } from '../simulation/scenario-schema.js';
import { erlangAMetrics, erlangCMetrics } from '../staffing/erlang.js';

const STEP_MS = 60_000;

/** What the Erlang formulas predict for a whole scenario day. */
export interface ErlangDayPrediction {
  /** Answered within the queue's threshold ÷ answered, over the measured period. */
  readonly serviceLevel: number;
  /** Abandoned ÷ offered (Erlang A; 0 for Erlang C). */
  readonly abandonment: number;
}

/** The single-queue scenario's load as the Erlang formulas see it, minute by minute. */
export interface ErlangDayInput {
  readonly thresholdMs: number;
  /** Per minute of the measured period: arrival rate (calls per ms), mean handle time and mean patience (ms). */
  readonly minutes: ReadonlyArray<{ readonly offsetMs: number; readonly ratePerMs: number; readonly ahtMs: number; readonly patienceMs: number }>;
}


/**
 * The load of a single-queue scenario minute by minute over its measured period, or `undefined`
 * when the Erlang formulas do not apply: several queues, or a recorded trace.
 */
export function erlangDayInput(scenario: Scenario, warmupMs: number): ErlangDayInput | undefined {
  const queue = scenario.queues[0];
  if (scenario.queues.length !== 1 || queue === undefined || scenario.arrivals.some((a) => a.process === 'trace' || a.handleTime === undefined)) return undefined;
  const queueWrapUpMs = typeof queue['wrapUpMs'] === 'number' ? queue['wrapUpMs'] : 0;
  const answerDelayMs = scenario.agentBehavior.answerDelay === undefined ? 0 : meanOf(scenario.agentBehavior.answerDelay);
  const streams = scenario.arrivals.map((stream) => ({
    stream,
    ahtMs: meanOf(stream.handleTime as NonNullable<ArrivalStream['handleTime']>) + (stream.wrapUp === undefined ? queueWrapUpMs : meanOf(stream.wrapUp)) + answerDelayMs,
    patienceMs: stream.patience === undefined ? Infinity : meanOf(stream.patience),
  }));
  const minutes: Array<ErlangDayInput['minutes'][number]> = [];
  for (let t = warmupMs; t < scenario.duration; t += STEP_MS) {
    const mid = t + Math.min(STEP_MS, scenario.duration - t) / 2;
    let rate = 0;
    let aht = 0;
    let patience = 0;
    for (const s of streams) {
      const r = streamRate(s.stream, mid, scenario.startTime);
      rate += r;
      aht += r * s.ahtMs;
      patience += r * s.patienceMs;
    }
    minutes.push({ offsetMs: mid, ratePerMs: rate, ahtMs: rate > 0 ? aht / rate : 0, patienceMs: rate > 0 ? patience / rate : Infinity });
  }
  return { thresholdMs: typeof queue['serviceLevelMs'] === 'number' ? queue['serviceLevelMs'] : 20_000, minutes };
}

/** Agents on duty at `offsetMs` into the simulation, with these group sizes. */
export function agentsOnDuty(scenario: Scenario, counts: readonly number[], offsetMs: number): number {
  return scenario.agents.reduce((sum, group, i) => sum + (onDuty(group, scenario.startTime + offsetMs) ? (counts[i] ?? 0) : 0), 0);
}

/**
 * Erlang C (nobody hangs up) or Erlang A (exponential patience of the scenario's mean) for the
 * whole day: each minute is a stationary M/M/n(+M) queue with the arrival rate and the agents on
 * duty at that minute, and the day's figures are those minutes' figures weighted by their calls
 * (answered calls, for the service level). Calls waiting when staffing drops, breaks starting
 * mid-call and non-exponential times are what the formula does not see.
 */
export function erlangDay(scenario: Scenario, input: ErlangDayInput, counts: readonly number[], model: 'erlang-c' | 'erlang-a'): ErlangDayPrediction {
  let offered = 0;
  let answered = 0;
  let within = 0;
  let abandoned = 0;
  const memo = new Map<string, { sl: number; ab: number }>();
  for (const minute of input.minutes) {
    if (minute.ratePerMs === 0) continue;
    const agents = agentsOnDuty(scenario, counts, minute.offsetMs);
    const key = `${agents}:${minute.ratePerMs}:${minute.ahtMs}:${minute.patienceMs}`;
    let m = memo.get(key);
    if (m === undefined) {
      const load = { agents, erlangs: minute.ratePerMs * minute.ahtMs, ahtMs: minute.ahtMs, serviceLevelMs: input.thresholdMs };
      if (model === 'erlang-c') m = { sl: erlangCMetrics(load).serviceLevel, ab: 0 };
      else {
        const a = erlangAMetrics({ ...load, patienceMs: minute.patienceMs });
        m = { sl: a.serviceLevelOfAnswered, ab: a.abandonment };
      }
      memo.set(key, m);
    }
    const calls = minute.ratePerMs * STEP_MS;
    offered += calls;
    answered += calls * (1 - m.ab);
    within += calls * (1 - m.ab) * m.sl;
    abandoned += calls * m.ab;
  }
  return { serviceLevel: answered > 0 ? within / answered : 1, abandonment: offered > 0 ? abandoned / offered : 0 };
}
