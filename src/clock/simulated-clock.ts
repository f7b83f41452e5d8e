import type { Clock, TimerHandle } from './clock.js';
import { TimeHeap } from './time-heap.js';

interface SimulatedTimer extends TimerHandle {
  readonly dueAtMs: number;
  readonly seq: number;
  callback: (() => void) | undefined;
}

function assertTime(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`Expected \`${name}\` to be a finite number, got \`${String(value)}\` (${typeof value})`);
  }
}

/**
 * A clock that moves only when told to. Time-based tests become instant and exact, and the
 * simulator drives whole contact-center days through the real router with it.
 *
 * Invariants: time never moves backwards; timers fire in due-time order, equal due times in
 * the order they were scheduled; a timer scheduled by a firing timer for a time within the
 * current advance also fires within it; while a timer fires, `now()` is its due time.
 *
 * @example
 * const clock = new SimulatedClock();
 * const firedAt: number[] = [];
 * clock.schedule(1_000, () => firedAt.push(clock.now()));
 * clock.advance(1_500); // firedAt is [1000]; clock.now() is 1500
 */
export class SimulatedClock implements Clock {
  #nowMs: number;
  #seq = 0;
  /** Earlier due time first; equal due times in the order they were scheduled. */
  readonly #timers = new TimeHeap<SimulatedTimer>();
  #pending = 0;

  /** @param startMs - the time the clock starts at. @default 0 */
  constructor(startMs = 0) {
    assertTime('startMs', startMs);
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  /** Number of timers scheduled and not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#pending;
  }

  /** Due time of the earliest pending timer, or `undefined` when none is pending. */
  nextDueAtMs(): number | undefined {
    this.#dropCancelledHead();
    return this.#timers.length === 0 ? undefined : this.#timers.peekAtMs();
  }

  schedule(delayMs: number, callback: () => void): TimerHandle {
    assertTime('delayMs', delayMs);
    const timer: SimulatedTimer = {
      __timer: 'simulated',
      dueAtMs: this.#nowMs + Math.max(0, delayMs),
      seq: this.#seq++,
      callback,
    };
    this.#timers.push(timer, timer.dueAtMs, timer.seq);
    this.#pending++;
    return timer;
  }

  cancel(handle: TimerHandle): void {
    const timer = handle as SimulatedTimer;
    if (timer.callback !== undefined) {
      timer.callback = undefined;
      this.#pending--;
    }
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): void {
    assertTime('ms', ms);
    if (ms < 0) throw new RangeError(`Expected \`ms\` to be >= 0, got \`${ms}\``);
    this.advanceTo(this.#nowMs + ms);
  }

  /** Moves time forward to `timeMs`, firing every timer due on the way. */
  advanceTo(timeMs: number): void {
    assertTime('timeMs', timeMs);
    if (timeMs < this.#nowMs) {
      throw new RangeError(`Expected \`timeMs\` to be >= the current time ${this.#nowMs}, got \`${timeMs}\``);
    }
    const timers = this.#timers;
    while (timers.peekAtMs() <= timeMs) {
      const next = timers.pop() as SimulatedTimer;
      const callback = next.callback;
      if (callback === undefined) continue; // cancelled
      if (next.dueAtMs > this.#nowMs) this.#nowMs = next.dueAtMs;
      next.callback = undefined;
      this.#pending--;
      callback();
    }
    // A firing timer may itself have advanced the clock past `timeMs`.
    if (timeMs > this.#nowMs) this.#nowMs = timeMs;
  }

  /**
   * Fires the earliest pending timer (and any others due at the same time), moving time to it.
   * @returns `false` when no timer was pending.
   */
  runNext(): boolean {
    const due = this.nextDueAtMs();
    if (due === undefined) return false;
    this.advanceTo(due);
    return true;
  }

  #dropCancelledHead(): void {
    const timers = this.#timers;
    while (timers.length > 0 && (timers.peek() as SimulatedTimer).callback === undefined) timers.pop();
  }
}
