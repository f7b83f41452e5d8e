import type { Clock, TimerHandle } from './clock.js';

/** Node's timers accept at most 2^31 - 1 ms; longer delays are chained. */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

interface SystemTimer extends TimerHandle {
  timeout: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Real time: `Date.now()` and `setTimeout`. The default clock of `CallRouter`.
 *
 * Delays longer than Node's timer limit (about 24.8 days) are split into several timers.
 */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  schedule(delayMs: number, callback: () => void): TimerHandle {
    const timer: SystemTimer = { __timer: 'system', timeout: undefined };
    const dueAt = Date.now() + Math.max(0, delayMs);
    const arm = (): void => {
      const remaining = Math.max(0, dueAt - Date.now());
      if (remaining > MAX_TIMER_DELAY_MS) {
        timer.timeout = setTimeout(arm, MAX_TIMER_DELAY_MS);
      } else {
        timer.timeout = setTimeout(() => {
          timer.timeout = undefined;
          callback();
        }, remaining);
      }
    };
    arm();
    return timer;
  }

  cancel(handle: TimerHandle): void {
    const timer = handle as SystemTimer;
    if (timer.timeout !== undefined) {
      clearTimeout(timer.timeout);
      timer.timeout = undefined;
    }
  }
}
