import type { Random } from '../random/random.js';
import { samplerOf, type Sampler } from './distributions.js';
import type { ArrivalStream, TraceCall } from './scenario-schema.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** One generated call: when it arrives and what it brings. */
export interface Arrival {
  atMs: number;
  queue: string;
  handleMs: number;
  /** `Infinity`: the caller never hangs up. */
  patienceMs: number;
  /** `undefined`: the queue's `wrapUpMs`. */
  wrapUpMs: number | undefined;
}

/** Rate (calls per ms) in force at `t`, and when it next changes. */
type RateSegment = (t: number) => { rate: number; untilMs: number };

/**
 * Generates one stream's calls in time order. Each call's handle time, patience and wrap-up are
 * drawn from the stream's own random source right after its arrival time, so a stream gives the
 * same calls whatever the router does with them.
 */
export class ArrivalGenerator {
  readonly #stream: ArrivalStream;
  readonly #rng: Random;
  readonly #handle: Sampler | undefined;
  readonly #patience: Sampler | undefined;
  readonly #wrapUp: Sampler | undefined;
  readonly #segment: RateSegment | undefined;
  /** Calls per ms of a constant-rate stream (its inter-arrival times are exponential). */
  readonly #rate: number | undefined;
  readonly #trace: readonly TraceCall[] | undefined;
  #traceIndex = 0;
  #t = 0;

  constructor(stream: ArrivalStream, rng: Random, startTimeMs: number) {
    this.#stream = stream;
    this.#rng = rng;
    this.#handle = stream.handleTime === undefined ? undefined : samplerOf(stream.handleTime);
    this.#patience = stream.patience === undefined ? undefined : samplerOf(stream.patience);
    this.#wrapUp = stream.wrapUp === undefined ? undefined : samplerOf(stream.wrapUp);
    if (stream.process === 'poisson') {
      this.#rate = stream.callsPerHour / HOUR_MS;
    } else if (stream.process === 'curve') {
      this.#segment = curveSegments(stream.callsPerInterval, stream.interval, (stream.start ?? startTimeMs) - startTimeMs, stream.daily);
    } else {
      this.#trace = stream.calls ?? [];
    }
  }

  /** The next call arriving before `endMs`, or `undefined` when the stream has none. */
  next(endMs: number): Arrival | undefined {
    const atMs = this.#trace === undefined ? this.#nextPoissonTime(endMs) : this.#trace[this.#traceIndex]?.at;
    if (atMs === undefined || atMs >= endMs) return undefined;
    const traced = this.#trace?.[this.#traceIndex++];
    const rng = this.#rng;
    const handleMs = traced?.handle ?? (this.#handle as Sampler)(rng);
    const patienceMs = traced?.patience ?? (this.#patience === undefined ? Infinity : this.#patience(rng));
    const wrapUpMs = this.#wrapUp === undefined ? undefined : this.#wrapUp(rng);
    return { atMs, queue: traced?.queue ?? this.#stream.queue, handleMs, patienceMs, wrapUpMs };
  }

  /**
   * A (non-homogeneous) Poisson process by inversion of its cumulative rate: an Exp(1) amount of
   * "rate × time" is spent across the constant-rate segments, exact for piecewise-constant rates.
   */
  #nextPoissonTime(endMs: number): number | undefined {
    let budget = -Math.log(1 - this.#rng.next());
    if (this.#rate !== undefined) {
      this.#t += budget / this.#rate;
      return this.#t < endMs ? this.#t : undefined;
    }
    const segment = this.#segment as RateSegment;
    let t = this.#t;
    for (;;) {
      if (t >= endMs) return undefined;
      const { rate, untilMs } = segment(t);
      const room = rate * (untilMs - t);
      if (rate > 0 && budget < room) {
        t += budget / rate;
        this.#t = t;
        return t;
      }
      if (untilMs === Infinity) return undefined;
      budget -= room;
      t = untilMs;
    }
  }
}

/**
 * The arrival rate of a Poisson or curve stream (calls per ms) at `t` ms into the simulation, as
 * its generator draws it (0 for a trace).
 */
export function streamRate(stream: ArrivalStream, t: number, startTimeMs: number): number {
  if (stream.process === 'poisson') return stream.callsPerHour / HOUR_MS;
  if (stream.process === 'trace') return 0;
  return curveSegments(stream.callsPerInterval, stream.interval, (stream.start ?? startTimeMs) - startTimeMs, stream.daily)(t).rate;
}

/** Piecewise-constant rates from calls per interval, starting `offsetMs` into the simulation (mod 24 h when daily). */
function curveSegments(callsPerInterval: readonly number[], intervalMs: number, offsetMs: number, daily: boolean): RateSegment {
  const lengthMs = callsPerInterval.length * intervalMs;
  const rates = callsPerInterval.map((calls) => calls / intervalMs);
  const periodMs = daily ? Math.max(DAY_MS, lengthMs) : Infinity;
  const start = daily ? ((offsetMs % DAY_MS) + DAY_MS) % DAY_MS : offsetMs;
  return (t) => {
    let c = t - start;
    let base = start;
    if (daily) {
      const k = Math.floor(c / periodMs);
      base += k * periodMs;
      c -= k * periodMs;
    }
    if (c < 0) return { rate: 0, untilMs: base };
    if (c >= lengthMs) return { rate: 0, untilMs: daily ? base + periodMs : Infinity };
    const index = Math.floor(c / intervalMs);
    return { rate: rates[index] as number, untilMs: base + (index + 1) * intervalMs };
  };
}
