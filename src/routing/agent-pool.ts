import { Heap } from 'heap-js';
import type { AgentRecord, ChannelSlot } from '../engine/records.js';
import type { Channel, PresenceState, StrategyName } from '../model/types.js';
import { STRATEGIES } from './strategies.js';
import type { WaitingBucket } from './waiting-bucket.js';

/** A free agent in a strategy heap; stale once the slot's epoch moves on. */
export interface FreeEntry {
  readonly agent: AgentRecord;
  readonly slot: ChannelSlot;
  readonly epoch: number;
  readonly load: number;
  readonly key: number;
}

/** Lower load on the channel first, then the strategy's key, then the order agents were added. */
export const byFreeOrder = (a: FreeEntry, b: FreeEntry): number =>
  a.load - b.load || a.key - b.key || a.agent.seq - b.agent.seq;

/** A bucket's view of a pool that may serve it. */
export interface PoolLink {
  readonly pool: AgentPool;
  /** The pool's tier level for the bucket's queue. */
  readonly level: number;
  /** Total proficiency of the pool's agents in the bucket's required skills (for `most-skilled`). */
  readonly score: number;
}

/** A free agent and the slot it would take a call on. */
export interface FreeAgent {
  readonly agent: AgentRecord;
  readonly slot: ChannelSlot;
}

/** The free agents of one pool on one channel, with a heap per strategy in use. */
class FreeChannel {
  /**
   * Free slots, indexable for uniform random choice; removal swaps the last one in. Each slot
   * knows its position (`freeIndex`): a slot is in the free list of its own pool and channel only.
   */
  readonly free: FreeAgent[] = [];
  /**
   * A heap per strategy in use, in an array: listing a slot walks it (iterating a map made an
   * iterator and an entry array per listing), and a pool uses one or two strategies.
   */
  readonly heaps: Array<{ readonly strategy: StrategyName; readonly heap: Heap<FreeEntry> }> = [];

  heapOf(strategy: StrategyName): Heap<FreeEntry> | undefined {
    const heaps = this.heaps;
    for (let i = 0; i < heaps.length; i++) {
      const entry = heaps[i] as FreeChannel['heaps'][number];
      if (entry.strategy === strategy) return entry.heap;
    }
    return undefined;
  }

  get size(): number {
    return this.free.length;
  }

  /** @returns whether the slot was not listed before. */
  add(agent: AgentRecord, slot: ChannelSlot): boolean {
    if (slot.freeIndex >= 0) return false;
    slot.freeIndex = this.free.length;
    this.free.push({ agent, slot });
    return true;
  }

  delete(slot: ChannelSlot): void {
    const at = slot.freeIndex;
    if (at < 0) return;
    slot.freeIndex = -1;
    const last = this.free.pop() as FreeAgent;
    if (at < this.free.length) {
      this.free[at] = last;
      last.slot.freeIndex = at;
    }
  }
}

const isCurrent = (entry: FreeEntry): boolean => entry.slot.listed && entry.epoch === entry.slot.epoch;

/**
 * Agents with the same profile (queues with tier levels, skills, channels): whoever may take a
 * call of one bucket, every agent of the pool may. Real centers have far fewer profiles than
 * agents, so matching compares pool heads, never individual agents.
 */
export class AgentPool {
  readonly key: string;
  readonly queues: ReadonlyMap<string, number>;
  readonly skills: ReadonlyMap<string, number>;
  readonly channels: ReadonlySet<Channel>;
  readonly agents = new Set<AgentRecord>();
  /** Agents of the pool that are logged in (not offline), and that are available. */
  loggedIn = 0;
  available = 0;
  /** When the pool's last logged-in agent logged out (`-Infinity`: never). */
  unstaffedSinceMs = -Infinity;
  /** Buckets this pool may serve, per channel. */
  readonly buckets = new Map<Channel, WaitingBucket[]>();
  readonly #free = new Map<Channel, FreeChannel>();

  constructor(
    key: string,
    queues: ReadonlyMap<string, number>,
    skills: ReadonlyMap<string, number>,
    channels: ReadonlySet<Channel>,
  ) {
    this.key = key;
    this.queues = queues;
    this.skills = skills;
    this.channels = channels;
  }

  /** Lists a slot as free, keyed for every strategy heap in use on its channel. */
  list(agent: AgentRecord, slot: ChannelSlot): void {
    const free = this.#freeChannel(slot.channel);
    slot.listed = true;
    slot.epoch++;
    // Re-listing a listed slot (to re-key it) must not count the pool as newly free.
    if (free.add(agent, slot) && free.size === 1) this.#countFreePool(slot.channel, 1);
    const heaps = free.heaps;
    for (let i = 0; i < heaps.length; i++) {
      const { strategy, heap } = heaps[i] as FreeChannel['heaps'][number];
      heap.add(this.#entry(agent, slot, strategy));
      if (heap.length > 2 * free.size + 32) this.#rebuild(free, strategy);
    }
  }

  /** Takes a slot off the free list; its heap entries become stale. */
  unlist(slot: ChannelSlot): void {
    if (!slot.listed) return;
    slot.listed = false;
    slot.epoch++;
    const free = this.#free.get(slot.channel) as FreeChannel;
    free.delete(slot);
    if (free.size === 0) this.#countFreePool(slot.channel, -1);
  }

  /** Keeps each linked bucket's count of pools with a free agent, so a busy center answers "none" at once. */
  #countFreePool(channel: Channel, change: 1 | -1): void {
    const buckets = this.buckets.get(channel);
    if (buckets !== undefined) for (const bucket of buckets) bucket.freePools += change;
  }

  /**
   * Moves an agent's presence in the pool's counts (`undefined`: not in the pool). When the pool's
   * first agent logs in or its last logs out, the linked buckets' count of staffed pools follows;
   * `onUnstaffed` gets each bucket left with none.
   */
  countPresence(
    from: PresenceState | undefined,
    to: PresenceState | undefined,
    nowMs: number,
    onUnstaffed: (bucket: WaitingBucket) => void,
  ): void {
    this.available += (to === 'available' ? 1 : 0) - (from === 'available' ? 1 : 0);
    const change = (to !== undefined && to !== 'offline' ? 1 : 0) - (from !== undefined && from !== 'offline' ? 1 : 0);
    if (change === 0) return;
    const before = this.loggedIn;
    this.loggedIn += change;
    if (before > 0 && this.loggedIn > 0) return;
    if (this.loggedIn === 0) this.unstaffedSinceMs = nowMs;
    for (const buckets of this.buckets.values()) {
      for (const bucket of buckets) {
        bucket.staffedPools += change;
        if (bucket.staffedPools === 0) onUnstaffed(bucket);
      }
    }
  }

  /** Number of free slots on a channel. */
  freeCount(channel: Channel): number {
    return this.#free.get(channel)?.size ?? 0;
  }

  /** The best free agent on `channel` under `strategy`, without taking it. */
  head(channel: Channel, strategy: StrategyName): FreeEntry | undefined {
    const free = this.#free.get(channel);
    if (free === undefined || free.size === 0) return undefined;
    let heap = free.heapOf(strategy);
    if (heap === undefined) heap = this.#rebuild(free, strategy);
    let head = heap.peek();
    while (head !== undefined && !isCurrent(head)) {
      heap.pop();
      head = heap.peek();
    }
    return head;
  }

  /** The `index`-th free agent on `channel` (0 ≤ index < `freeCount(channel)`), for uniform random choice. */
  freeAt(channel: Channel, index: number): FreeAgent | undefined {
    return this.#free.get(channel)?.free[index];
  }

  #freeChannel(channel: Channel): FreeChannel {
    let free = this.#free.get(channel);
    if (free === undefined) {
      free = new FreeChannel();
      this.#free.set(channel, free);
    }
    return free;
  }

  #entry(agent: AgentRecord, slot: ChannelSlot, strategy: StrategyName): FreeEntry {
    return {
      agent,
      slot,
      epoch: slot.epoch,
      load: slot.used,
      key: STRATEGIES[strategy].key(agent),
    };
  }

  /** (Re)builds a strategy heap from the free slots, dropping stale entries. */
  #rebuild(free: FreeChannel, strategy: StrategyName): Heap<FreeEntry> {
    let heap = free.heapOf(strategy);
    const entries: FreeEntry[] = [];
    if (heap === undefined) {
      heap = new Heap<FreeEntry>(byFreeOrder);
      free.heaps.push({ strategy, heap });
      for (const { agent, slot } of free.free) entries.push(this.#entry(agent, slot, strategy));
    } else {
      for (const entry of heap.toArray()) if (isCurrent(entry)) entries.push(entry);
    }
    heap.init(entries);
    return heap;
  }
}
