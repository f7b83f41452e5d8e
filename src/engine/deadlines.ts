import type { Clock, TimerHandle } from '../clock/clock.js';
import { TimeHeap } from '../clock/time-heap.js';

/** What a deadline does when it comes due. */
export type DeadlineKind = 'offer-timeout' | 'wrap-up-end' | 'agent-ready' | 'call-timer';

/** A pending timed action of the router, kept as plain data (no closures). */
export interface Deadline {
  readonly atMs: number;
  readonly seq: number;
  readonly kind: DeadlineKind;
  /** Id of the call (offer-timeout, call-timer) or agent (wrap-up-end, agent-ready). */
  readonly targetId: string;
  /** Channel of the slot a wrap-up holds. */
  readonly channel: string;
  live: boolean;
}

const isLive = (deadline: Deadline): boolean => deadline.live;

/** Cancelled deadlines tolerated in the heap before it is rebuilt from the live ones. */
const COMPACT_AFTER = 1_024;

/**
 * The router's timed actions in one heap, with a single clock timer armed for the earliest.
 * Invariant: deadlines come due in time order, equal times in the order they were added.
 *
 * Cancelling is lazy: a cancelled deadline stays in the heap until it reaches the head, the heap
 * empties of live deadlines (then it is cleared), or cancelled ones pile up (then it is rebuilt),
 * so memory stays proportional to live deadlines. The clock timer is not cancelled with them:
 * most offers are answered long before they would time out, and re-arming the clock for every
 * offer would cost more than letting a stale timer fire once and find nothing due.
 */
export class Deadlines {
  readonly #clock: Clock;
  readonly #onDue: () => void;
  /** By time, equal times in the order they were added. */
  readonly #heap = new TimeHeap<Deadline>();
  #seq = 0;
  #live = 0;
  #dead = 0;
  #timer: TimerHandle | undefined;
  #armedAtMs = Infinity;
  /** While due deadlines run, the clock is armed once at the end, not for each deadline added. */
  #running = false;

  constructor(clock: Clock, onDue: () => void) {
    this.#clock = clock;
    this.#onDue = onDue;
  }

  add(atMs: number, kind: DeadlineKind, targetId: string, channel = ''): Deadline {
    const deadline: Deadline = { atMs, seq: this.#seq++, kind, targetId, channel, live: true };
    this.#heap.push(deadline, atMs, deadline.seq);
    this.#live++;
    if (!this.#running && atMs < this.#armedAtMs) this.#arm(atMs);
    return deadline;
  }

  cancel(deadline: Deadline): void {
    if (!deadline.live) return;
    deadline.live = false;
    this.#live--;
    if (this.#live === 0) {
      // Usually one or two entries: popping them keeps the heap's array (clear() allocates anew).
      const heap = this.#heap;
      if (heap.length <= 8) while (heap.length > 0) heap.pop();
      else heap.clear();
      this.#dead = 0;
    } else if (++this.#dead > COMPACT_AFTER && this.#dead > this.#live) {
      this.#heap.retain(isLive);
      this.#dead = 0;
    }
  }

  /** Whether a live deadline is due at or before `nowMs` (one added for "now" during an operation). */
  hasDue(nowMs: number): boolean {
    this.#dropDeadHead();
    return this.#heap.peekAtMs() <= nowMs;
  }

  /**
   * Runs every deadline due at or before `nowMs`, earliest first (deadlines that `fire` adds for
   * that instant run too), then arms the clock for the next one.
   */
  runDue(nowMs: number, fire: (deadline: Deadline) => void): void {
    this.#running = true;
    try {
      let deadline: Deadline | undefined;
      while ((deadline = this.#takeDue(nowMs)) !== undefined) fire(deadline);
    } finally {
      this.#running = false;
    }
    this.rearm();
  }

  /** Removes and returns the earliest live deadline due at or before `nowMs`. */
  #takeDue(nowMs: number): Deadline | undefined {
    const heap = this.#heap;
    while (heap.peekAtMs() <= nowMs) {
      const head = heap.pop() as Deadline;
      if (!head.live) {
        this.#dead--;
        continue;
      }
      head.live = false;
      this.#live--;
      return head;
    }
    return undefined;
  }

  /** Arms the clock timer for the earliest live deadline, after due ones were taken. */
  rearm(): void {
    this.#dropDeadHead();
    const heap = this.#heap;
    if (heap.length === 0) this.#disarm();
    else if (heap.peekAtMs() !== this.#armedAtMs || this.#timer === undefined) this.#arm(heap.peekAtMs());
  }

  #dropDeadHead(): void {
    const heap = this.#heap;
    while (heap.length > 0 && !(heap.peek() as Deadline).live) {
      heap.pop();
      this.#dead--;
    }
  }

  #disarm(): void {
    if (this.#timer !== undefined) this.#clock.cancel(this.#timer);
    this.#timer = undefined;
    this.#armedAtMs = Infinity;
  }

  #arm(atMs: number): void {
    this.#disarm();
    this.#armedAtMs = atMs;
    this.#timer = this.#clock.schedule(atMs - this.#clock.now(), this.#fired);
  }

  /** The clock timer's callback: one function for every arming, not a closure each time. */
  readonly #fired = (): void => {
    this.#timer = undefined;
    this.#armedAtMs = Infinity;
    this.#onDue();
  };

  /** Stops the clock timer and cancels every deadline. */
  clear(): void {
    this.#disarm();
    for (const deadline of this.#heap.toArray()) deadline.live = false;
    this.#heap.clear();
    this.#live = 0;
    this.#dead = 0;
  }
}
