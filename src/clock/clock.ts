/** An opaque handle returned by {@link Clock.schedule}; pass it to {@link Clock.cancel}. */
export interface TimerHandle {
  readonly __timer: unknown;
}

/**
 * The source of time for the engine. Everything time-based in acd-engine (offer timeouts,
 * wrap-up, back-off) reads time and schedules work only through this interface.
 *
 * Use {@link SystemClock} in production and {@link SimulatedClock} in tests and simulation.
 */
export interface Clock {
  /** Current time in milliseconds. Never decreases. */
  now(): number;
  /** Runs `callback` once, `delayMs` from now (a negative delay counts as 0). */
  schedule(delayMs: number, callback: () => void): TimerHandle;
  /** Cancels a timer. Cancelling a timer that already fired or was cancelled does nothing. */
  cancel(handle: TimerHandle): void;
}
