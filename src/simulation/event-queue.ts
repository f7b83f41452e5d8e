import { TimeHeap } from '../clock/time-heap.js';

/** Kinds fit in the low bits of an event's sequence number. */
const KIND_BITS = 8;

/**
 * The simulator's own future-event list: events ordered by (time, push order), each with a small
 * integer kind and a reference. Arrivals, completions, hang-ups and answers go here rather than
 * onto the router's clock: no timer object or closure per event on the hot path, and cancelling
 * is free (the handler checks whether the event still applies when it comes out).
 *
 * It is the clock's {@link TimeHeap}, with the kind kept in the sequence number
 * (`pushes × 8 + kind`): the order is still that of pushes, and no object is made per event.
 */
export class EventQueue<T> {
  readonly #heap = new TimeHeap<T>();
  #pushes = 0;

  get size(): number {
    return this.#heap.length;
  }

  /** Time of the earliest event (`Infinity` when empty). */
  peekTime(): number {
    return this.#heap.peekAtMs();
  }

  /** Adds an event; `kind` is an integer from 0 to 7. */
  push(timeMs: number, kind: number, ref: T): void {
    this.#heap.push(ref, timeMs, this.#pushes++ * KIND_BITS + kind);
  }

  /** Kind of the earliest event. */
  peekKind(): number {
    return this.#heap.peekSeq() % KIND_BITS;
  }

  /** Removes the earliest event and returns its reference. */
  pop(): T {
    return this.#heap.pop() as T;
  }
}
