import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { Channel, SkillLevels } from '../model/types.js';
import type { PoolLink } from './agent-pool.js';
import { ServiceOrderHeap, type ServiceOrderKey } from './service-order-heap.js';

/** Issues tokens for places in line, unique across all buckets of a router; 0 means "not in line". */
export interface LineTokens {
  next: number;
}

const isInLine = (call: CallRecord, token: number): boolean => call.lineToken === token;

/**
 * Service order within a queue: higher priority first (with aging, the rank), then earlier place
 * in line, then enqueue order. The sequence number makes equal priority and arrival strictly
 * first-come, first-served, which a plain heap does not guarantee.
 */
export const byServiceOrder = (a: ServiceOrderKey, b: ServiceOrderKey): number =>
  b.rank - a.rank || a.lineMs - b.lineMs || a.seq - b.seq;

/**
 * The waiting calls of one queue that share a channel, requirements and tier limit: every agent that may take
 * one of them may take all of them, so only the head ever needs comparing.
 * Calls that leave from the middle (abandon) are tombstoned and skipped at the head; the heap is
 * rebuilt when tombstones outnumber live entries.
 */
export class WaitingBucket {
  /** Key within its queue: channel and requirements. */
  readonly key: string;
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
  /** How many of the linked pools have an agent logged in (not offline). */
  staffedPools = 0;
  /** When `staffedPools` last dropped to 0 (`-Infinity`: never staffed since the bucket was made). */
  unstaffedSinceMs = -Infinity;
  /** Agents up to this tier level of the queue may take the bucket's calls. */
  readonly maxTier: number;
  /**
   * Live calls that belong to the bucket: waiting, offered or talking (an unanswered offer returns
   * its call here). A bucket is dropped only when this is 0.
   */
  calls = 0;
  readonly #heap = new ServiceOrderHeap<CallRecord>();
  readonly #tokens: LineTokens;
  #dead = 0;

  constructor(
    key: string,
    queue: QueueRecord,
    channel: Channel,
    requirements: ReadonlyArray<readonly [string, number]>,
    maxTier: number,
    tokens: LineTokens,
  ) {
    this.#tokens = tokens;
    this.maxTier = maxTier;
    this.key = key;
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
    call.lineToken = ++this.#tokens.next;
    this.#heap.push(call, call.lineToken);
  }

  /** The first call in service order, or `undefined`. Drops calls that left from the middle. */
  peek(): CallRecord | undefined {
    const heap = this.#heap;
    let head = heap.peek();
    while (head !== undefined && head.lineToken !== heap.peekToken()) {
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
    head.lineToken = 0;
    return head;
  }

  /** Takes a call out of line from anywhere (lazily: its heap copy goes stale). */
  remove(call: CallRecord): void {
    if (call.lineToken === 0) return;
    call.lineToken = 0;
    this.#dead++;
    if (this.#dead > 64 && this.#dead > this.#heap.length / 2) {
      this.#heap.retain(isInLine);
      this.#dead = 0;
    }
  }

  /** The calls in line, in no particular order. */
  inLine(): CallRecord[] {
    return this.#heap.current(isInLine);
  }
}
