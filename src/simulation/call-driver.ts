import { enqueueBuilt, type CallRouter } from '../call-router.js';
import type { BuiltCall } from '../engine/call-input.js';
import type { SimulatedClock } from '../clock/simulated-clock.js';
import type { CallOfferedEvent } from '../model/events.js';
import type { Random } from '../random/random.js';
import type { WaitHistogram } from '../stats/wait-histogram.js';
import type { ArrivalGenerator, Arrival } from './arrivals.js';
import { EventQueue } from './event-queue.js';
import type { Sampler } from './distributions.js';

/** Answered calls' waits by whole second (the last bin: {@link WAIT_BINS} − 1 s or more). */
export const WAIT_BINS = 601;

/** Where a queue's arrivals and waits are counted. */
export interface QueueMeasure {
  arrivals: number;
  /** Arrivals that found no free agent. */
  waited: number;
  readonly waits: WaitHistogram;
  readonly bins: number[];
}

/** How the agents of a group answer. */
export interface Behavior {
  readonly answerDelay: Sampler | undefined;
  readonly missProbability: number;
}

/** Fixed fields of a stream's calls. */
export interface StreamInput {
  readonly generator: ArrivalGenerator;
  readonly priority: number | undefined;
  readonly channel: string | undefined;
  readonly requirements: Readonly<Record<string, number>> | undefined;
  /** The arrival waiting to happen. */
  pending: Arrival | undefined;
}

/** The simulation's record of a call; the router carries it as the call's `attributes`. */
class SimCall {
  patience = false;
  /** Bumped at each offer, so a delayed answer knows whether its offer still stands. */
  offer = 0;
  ringing = false;
  connected = false;
  /** A delayed answer waiting: which offer, in which queue, of which kind. */
  answerOffer = 0;
  answerQueue = '';
  answerKind = '';

  constructor(
    readonly id: string,
    readonly arrival: Arrival,
    readonly measure: QueueMeasure,
    readonly enqueuedAtMs: number,
  ) {}
}

const ARRIVE = 0;
const COMPLETE = 1;
const HANG_UP = 2;
const ANSWER = 3;
const TASK = 4;

/**
 * The telephony backend of a simulation: makes calls arrive, has agents answer them (at once,
 * after a delay, or not at all), talk for the call's handle time and hang up, and has callers hang
 * up when their patience runs out, all through the router's public API.
 *
 * Its own events (arrivals, hang-ups, answers, tasks such as shift changes) are kept in an
 * {@link EventQueue}, interleaved with the router's timers on the shared clock: whichever is due
 * first runs first, router timers first at equal times.
 */
export class CallDriver {
  readonly #router: CallRouter;
  readonly #clock: SimulatedClock;
  readonly #events = new EventQueue<unknown>();
  readonly #streams: readonly StreamInput[];
  readonly #endMs: number;
  readonly #warmupMs: number;
  readonly #behaviorOf: ReadonlyMap<string, Behavior>;
  readonly #behaviorRng: Random;
  readonly #measures: ReadonlyMap<string, QueueMeasure>;
  readonly #centerWaits: WaitHistogram;
  readonly #centerBins: number[];
  #calls = 0;
  /**
   * The call handed to the router at each arrival, filled anew: the router copies what it needs
   * before it returns (an object per arrival was garbage at once).
   */
  readonly #built: { -readonly [K in keyof BuiltCall]: BuiltCall[K] } = {
    id: '',
    queue: '',
    priority: undefined,
    channel: undefined,
    requirements: undefined,
    attributes: {},
  };

  constructor(options: {
    router: CallRouter;
    clock: SimulatedClock;
    streams: readonly StreamInput[];
    endMs: number;
    warmupMs: number;
    behaviorOf: ReadonlyMap<string, Behavior>;
    behaviorRng: Random;
    measures: ReadonlyMap<string, QueueMeasure>;
    centerWaits: WaitHistogram;
    centerBins: number[];
  }) {
    this.#router = options.router;
    this.#clock = options.clock;
    this.#streams = options.streams;
    this.#endMs = options.endMs;
    this.#warmupMs = options.warmupMs;
    this.#behaviorOf = options.behaviorOf;
    this.#behaviorRng = options.behaviorRng;
    this.#measures = options.measures;
    this.#centerWaits = options.centerWaits;
    this.#centerBins = options.centerBins;
    const router = this.#router;
    router.on('call:offered', (event) => this.#offered(event));
    const offerEnded = ({ callId }: { callId: string }): void => {
      const call = this.#callOf(callId);
      if (call !== undefined) call.ringing = false;
    };
    router.on('call:offer-timeout', offerEnded);
    router.on('call:declined', offerEnded);
    router.on('call:offer-revoked', offerEnded);
    // A caller sent to a callback has hung up (one sent to voicemail or disconnected is gone, and
    // its hang-up event finds it so).
    router.on('call:timed-out', ({ callId, action }) => {
      if (action !== 'callback') return;
      const call = this.#callOf(callId);
      if (call !== undefined) call.patience = false;
    });
    for (const stream of this.#streams) this.#nextArrival(stream);
  }

  /** Calls generated so far. */
  get calls(): number {
    return this.#calls;
  }

  /** Runs `task` at `atMs` (shift changes, measurement marks). */
  at(atMs: number, task: () => void): void {
    this.#events.push(atMs, TASK, task);
  }

  /** Runs every event and router timer due up to `untilMs`, then moves the clock there. */
  runUntil(untilMs: number): void {
    this.#run(untilMs);
    if (untilMs > this.#clock.now()) this.#clock.advanceTo(untilMs);
  }

  /** Runs every event and router timer due up to `stopMs`, leaving the clock at the last one. */
  drain(stopMs: number): void {
    this.#run(stopMs);
  }

  #run(untilMs: number): void {
    const clock = this.#clock;
    const events = this.#events;
    for (;;) {
      const next = events.peekTime();
      const timer = clock.nextDueAtMs();
      if (timer !== undefined && timer <= next && timer <= untilMs) {
        clock.advanceTo(timer);
        continue;
      }
      if (next > untilMs) break;
      if (next > clock.now()) clock.advanceTo(next);
      const kind = events.peekKind();
      this.#handle(kind, events.pop());
    }
  }

  #handle(kind: number, ref: unknown): void {
    switch (kind) {
      case ARRIVE:
        this.#arrive(ref as StreamInput);
        return;
      case COMPLETE: {
        const call = ref as SimCall;
        const wrapUpMs = call.arrival.wrapUpMs;
        this.#router.complete(call.id, wrapUpMs === undefined ? undefined : { wrapUpMs });
        return;
      }
      case HANG_UP: {
        const call = ref as SimCall;
        if (!call.patience) return;
        call.patience = false;
        call.ringing = false;
        if (!call.connected && this.#router.hasCall(call.id)) this.#router.abandon(call.id);
        return;
      }
      case ANSWER: {
        const call = ref as SimCall;
        if (!call.ringing || call.offer !== call.answerOffer) return;
        call.ringing = false;
        this.#router.answer(call.id);
        this.#connected(call, call.answerQueue, call.answerKind);
        return;
      }
      default:
        (ref as () => void)();
    }
  }

  #nextArrival(stream: StreamInput): void {
    const arrival = stream.generator.next(this.#endMs);
    stream.pending = arrival;
    if (arrival !== undefined) this.#events.push(arrival.atMs, ARRIVE, stream);
  }

  #arrive(stream: StreamInput): void {
    const arrival = stream.pending as Arrival;
    const id = `c${++this.#calls}`;
    const measure = this.#measures.get(arrival.queue) as QueueMeasure;
    const now = this.#clock.now();
    const call = new SimCall(id, arrival, measure, now);
    const attributes = call as unknown as Record<string, unknown>;
    // Built here from the validated scenario: the router need not check it again.
    const built = this.#built;
    built.id = id;
    built.queue = arrival.queue;
    built.priority = stream.priority;
    built.channel = stream.channel;
    built.requirements = stream.requirements;
    built.attributes = attributes;
    const { status } = enqueueBuilt(this.#router, built);
    if (arrival.atMs >= this.#warmupMs) {
      measure.arrivals++;
      if (status === 'waiting') measure.waited++;
    }
    if (status !== 'refused' && !call.connected && arrival.patienceMs !== Infinity) {
      call.patience = true;
      this.#events.push(now + arrival.patienceMs, HANG_UP, call);
    }
    this.#nextArrival(stream);
  }

  #offered({ callId, queueId, agentId, attributes, kind }: CallOfferedEvent): void {
    const call = attributes as unknown as SimCall;
    call.offer++;
    const behavior = this.#behaviorOf.get(agentId) as Behavior;
    if (behavior.missProbability > 0 && this.#behaviorRng.next() < behavior.missProbability) {
      call.ringing = true; // rings out: the queue's offer timeout takes the call back
      return;
    }
    if (behavior.answerDelay === undefined) {
      this.#router.answer(callId);
      this.#connected(call, queueId, kind);
      return;
    }
    call.ringing = true;
    call.answerOffer = call.offer;
    call.answerQueue = queueId;
    call.answerKind = kind;
    this.#events.push(this.#clock.now() + behavior.answerDelay(this.#behaviorRng), ANSWER, call);
  }

  /** The agent answered: stop the caller's patience, count the wait, and talk for the handle time. */
  #connected(call: SimCall, queueId: string, kind: string): void {
    call.connected = true;
    call.patience = false;
    const now = this.#clock.now();
    // A callback's customer was not holding: no wait to count.
    if (now >= this.#warmupMs && kind !== 'callback') {
      const waitMs = now - call.enqueuedAtMs;
      const m = queueId === call.arrival.queue ? call.measure : (this.#measures.get(queueId) as QueueMeasure);
      const bin = waitMs >= (WAIT_BINS - 1) * 1_000 ? WAIT_BINS - 1 : Math.floor(waitMs / 1_000);
      m.waits.add(waitMs);
      (m.bins[bin] as number)++;
      this.#centerWaits.add(waitMs);
      (this.#centerBins[bin] as number)++;
    }
    this.#events.push(now + call.arrival.handleMs, COMPLETE, call);
  }

  #callOf(callId: string): SimCall | undefined {
    return this.#router.hasCall(callId) ? (this.#router.getCall(callId).attributes as unknown as SimCall) : undefined;
  }
}
