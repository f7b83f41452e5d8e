import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { Channel, SkillLevels } from '../model/types.js';
import type { PoolLink } from './agent-pool.js';
import { ServiceOrderHeap } from './service-order-heap.js';

/** A call's place in a bucket. `live` turns false when the call leaves from the middle. */
export interface WaitingEntry {
  readonly call: CallRecord;
  readonly priority: number;
  readonly arrivalMs: number;
  readonly seq: number;
  live: boolean;
}

/**
 * Service order: higher priority first, then earlier arrival, then enqueue order. The sequence
 * number makes equal priority and arrival strictly first-come, first-served, which a plain heap
 * does not guarantee.
 */
export const byServiceOrder = (a: WaitingEntry, b: WaitingEntry): number =>
  b.priority - a.priority || a.arrivalMs - b.arrivalMs || a.seq - b.seq;

/**
 * The waiting calls of one queue that share a channel and requirements: every agent that may take
 * one of them may take all of them, so only the head ever needs comparing.
 * Calls that leave from the middle (abandon) are tombstoned and skipped at the head; the heap is
 * rebuilt when tombstones outnumber live entries.
 */
export class WaitingBucket {
  readonly key: string;
  /** Key within its queue (channel and requirements). */
  readonly localKey: string;
  readonly queue: QueueRecord;
  readonly channel: Channel;
  /** Required skills as [skill, minimum proficiency] pairs, sorted by skill. */
  readonly requirements: ReadonlyArray<readonly [string, number]>;
  /** The same requirements as a frozen object, shared by every call in the bucket. */
  readonly requirementLevels: SkillLevels;
  /** Pools whose agents may take these calls, lowest tier level first. */
  links: PoolLink[] = [];
  /** How many of the linked pools have a free agent on the channel now. */
  freePools = 0;
  /**
   * Live calls that belong to the bucket: waiting, offered or talking (an unanswered offer returns
   * its call here). A bucket is dropped only when this is 0.
   */
  calls = 0;
  readonly #heap = new ServiceOrderHeap<WaitingEntry>();
  #dead = 0;

  constructor(
    key: string,
    localKey: string,
    queue: QueueRecord,
    channel: Channel,
    requirements: ReadonlyArray<readonly [string, number]>,
  ) {
    this.key = key;
    this.localKey = localKey;
    this.queue = queue;
    this.channel = channel;
    this.requirements = requirements;
    this.requirementLevels = Object.freeze(Object.fromEntries(requirements));
  }

  /** Live calls in the bucket. */
  get size(): number {
    return this.#heap.length - this.#dead;
  }

  /** Puts a call in line at the place its priority, arrival and sequence give it. */
  push(call: CallRecord): void {
    const entry: WaitingEntry = {
      call,
      priority: call.priority,
      arrivalMs: call.arrivalMs,
      seq: call.seq,
      live: true,
    };
    call.entry = entry;
    this.#heap.push(entry);
  }

  /** The first call in service order, or `undefined`. */
  peek(): WaitingEntry | undefined {
    const heap = this.#heap;
    let head = heap.peek();
    while (head !== undefined && !head.live) {
      heap.pop();
      this.#dead--;
      head = heap.peek();
    }
    return head;
  }

  /** Takes the first call out of line. */
  shift(): CallRecord | undefined {
    const head = this.peek();
    if (head === undefined) return undefined;
    this.#heap.pop();
    head.live = false;
    head.call.entry = undefined;
    return head.call;
  }

  /** Takes a call out of line from anywhere (lazily). */
  remove(call: CallRecord): void {
    const entry = call.entry;
    if (entry === undefined || !entry.live) return;
    entry.live = false;
    call.entry = undefined;
    this.#dead++;
    if (this.#dead > 64 && this.#dead > this.#heap.length / 2) this.#compact();
  }

  /** Live entries in no particular order. */
  entries(): WaitingEntry[] {
    return this.#heap.toArray().filter((entry) => entry.live);
  }

  #compact(): void {
    this.#heap.init(this.entries());
    this.#dead = 0;
  }
}
