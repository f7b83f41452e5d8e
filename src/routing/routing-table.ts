import type { AgentRecord, CallRecord, QueueRecord } from '../engine/records.js';
import type { Channel, SkillLevels } from '../model/types.js';
import type { Random } from '../random/random.js';
import { AgentPool, byFreeOrder, type FreeAgent, type FreeEntry, type PoolLink } from './agent-pool.js';
import { STRATEGIES } from './strategies.js';
import type { ServiceOrderKey } from './service-order-heap.js';
import { WaitingBucket, type LineTokens } from './waiting-bucket.js';

const SEP = '\u0000';
/** Bucket count below which idle buckets are kept (they are cheap, and re-creating one links it to every pool). */
const MIN_SWEEP_AT = 1_024;

/**
 * Order of calls across queues: higher effective priority (`priority`, plus aging), then larger
 * weighted wait (`waitMs × weight`), then earlier place in line, then enqueue order. Within one
 * queue this is service order.
 */
export function isAhead(
  a: ServiceOrderKey,
  aPriority: number,
  aScore: number,
  b: ServiceOrderKey,
  bPriority: number,
  bScore: number,
): boolean {
  if (aPriority !== bPriority) return aPriority > bPriority;
  if (aScore !== bScore) return aScore > bScore;
  if (a.lineMs !== b.lineMs) return a.lineMs < b.lineMs;
  return a.seq < b.seq;
}

/** A waiting call's effective priority at `nowMs`: its priority plus what it gained by aging. */
export const effectivePriority = (call: CallRecord, nowMs: number): number =>
  call.rank + nowMs * call.queue.agingPerMs;

/** A waiting call's weighted wait at `nowMs`, the second key of the cross-queue order. */
export const weightedWait = (call: CallRecord, nowMs: number): number => (nowMs - call.lineMs) * call.queue.weight;

/** A canonical key for requirements, whatever the order of their fields (hot path: no sort for ≤ 2 skills). */
function requirementsKey(requirements: SkillLevels): string {
  let count = 0;
  let first = '';
  let second = '';
  for (const skill in requirements) {
    const part = `${skill}=${requirements[skill]}`;
    if (count === 0) first = part;
    else if (count === 1) second = part;
    else return levelsKey(Object.entries(requirements));
    count++;
  }
  if (count < 2) return first;
  return first < second ? `${first}${SEP}${second}` : `${second}${SEP}${first}`;
}

/** A canonical key for name → level pairs (skills, requirements, queue tiers), in name order. */
function levelsKey(levels: Iterable<readonly [string, number]>): string {
  return [...levels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(SEP);
}

/**
 * Waiting calls grouped into buckets and free agents grouped into pools, with the cached links
 * between them. Matching compares only bucket heads (for a freed agent) or pool heads (for an
 * arriving call): no decision scans all calls or all agents. Links change when configuration
 * changes (a new pool or bucket), never per decision.
 */
export class RoutingTable {
  readonly #pools = new Map<string, AgentPool>();
  readonly #buckets = new Set<WaitingBucket>();
  readonly #random: Random;
  #sweepAt = MIN_SWEEP_AT;
  readonly #lineTokens: LineTokens = { next: 0 };

  constructor(random: Random) {
    this.#random = random;
  }

  /** The pool of agents with this profile, created and linked on first use. */
  poolFor(
    queues: ReadonlyMap<string, number>,
    skills: ReadonlyMap<string, number>,
    channels: ReadonlySet<Channel>,
  ): AgentPool {
    const key = `${levelsKey(queues)}|${levelsKey(skills)}|${[...channels].sort().join(SEP)}`;
    let pool = this.#pools.get(key);
    if (pool !== undefined) return pool;
    pool = new AgentPool(key, queues, skills, channels);
    this.#pools.set(key, pool);
    for (const bucket of this.#buckets) this.#link(pool, bucket);
    return pool;
  }

  /** Forgets a pool once its last agent left, so buckets stop looking at it. */
  releasePool(pool: AgentPool): void {
    if (pool.agents.size > 0 || this.#pools.get(pool.key) !== pool) return;
    this.#pools.delete(pool.key);
    for (const buckets of pool.buckets.values()) {
      for (const bucket of buckets) bucket.links = bucket.links.filter((link) => link.pool !== pool);
    }
  }

  /**
   * The bucket for calls of this queue, channel and requirements, created and linked on first use.
   * `requirements` must be validated; the bucket keeps its own frozen copy for every call in it.
   */
  bucketFor(queue: QueueRecord, channel: Channel, requirements: SkillLevels, maxTier: number): WaitingBucket {
    const reqKey = requirementsKey(requirements);
    let local = channel === 'voice' ? reqKey : `${channel}\u0001${reqKey}`;
    if (maxTier !== Infinity) local = `${local}\u0002${maxTier}`;
    let bucket = queue.buckets.get(local);
    if (bucket !== undefined) return bucket;
    if (this.#buckets.size >= this.#sweepAt) this.#sweep();
    const pairs = Object.keys(requirements)
      .sort()
      .map((skill) => [skill, requirements[skill] as number] as const);
    bucket = new WaitingBucket(local, queue, channel, pairs, maxTier, this.#lineTokens);
    this.#buckets.add(bucket);
    queue.buckets.set(local, bucket);
    for (const pool of this.#pools.values()) this.#link(pool, bucket);
    // A new line nobody logged in could serve: its no-agent clock runs from the last logout of an
    // agent who could.
    if (bucket.staffedPools === 0) {
      for (const link of bucket.links) bucket.unstaffedSinceMs = Math.max(bucket.unstaffedSinceMs, link.pool.unstaffedSinceMs);
    }
    return bucket;
  }

  /** Removes the (empty) buckets of a queue that is being removed. */
  dropQueue(queue: QueueRecord): void {
    this.#drop(new Set(queue.buckets.values()));
  }

  /**
   * Drops buckets no live call belongs to, so requirement sets that come and go (per-call
   * attributes, say) are not kept forever. Runs when the bucket count doubles: amortised O(1).
   */
  #sweep(): void {
    const idle = new Set<WaitingBucket>();
    for (const bucket of this.#buckets) if (bucket.calls === 0) idle.add(bucket);
    this.#drop(idle);
    this.#sweepAt = Math.max(MIN_SWEEP_AT, 2 * this.#buckets.size);
  }

  #drop(buckets: ReadonlySet<WaitingBucket>): void {
    if (buckets.size === 0) return;
    const pools = new Set<AgentPool>();
    for (const bucket of buckets) {
      this.#buckets.delete(bucket);
      bucket.queue.buckets.delete(bucket.key);
      for (const { pool } of bucket.links) pools.add(pool);
    }
    for (const pool of pools) {
      for (const [channel, list] of pool.buckets) pool.buckets.set(channel, list.filter((b) => !buckets.has(b)));
    }
  }

  /**
   * The free agent a call of `bucket` should be offered to: the lowest tier level that has a
   * free agent, and within it the best by the queue's strategy.
   */
  findAgent(bucket: WaitingBucket): FreeAgent | undefined {
    if (bucket.freePools === 0) return undefined;
    const strategy = bucket.queue.strategy;
    const { bySkill, uniform } = STRATEGIES[strategy];
    if (uniform) return this.#findUniform(bucket);
    let best: FreeEntry | undefined;
    let bestLevel = 0;
    let bestScore = 0;
    for (const link of bucket.links) {
      if (best !== undefined && link.level > bestLevel) break;
      const head = link.pool.head(bucket.channel, strategy);
      if (head === undefined) continue;
      const better =
        best === undefined ||
        (bySkill && link.score !== bestScore ? link.score > bestScore : byFreeOrder(head, best) < 0);
      if (better) {
        best = head;
        bestLevel = link.level;
        bestScore = link.score;
      }
    }
    return best;
  }

  /** Whether an agent of a linked pool is logged in (`'logged-in'`) or available, or exists at all (`'configured'`). */
  hasAgents(bucket: WaitingBucket, which: 'configured' | 'logged-in' | 'available'): boolean {
    if (which === 'logged-in') return bucket.staffedPools > 0;
    if (which === 'configured') return bucket.links.length > 0;
    for (const link of bucket.links) if (link.pool.available > 0) return true;
    return false;
  }

  /** Agents logged in across the pools linked to a bucket. */
  loggedInAgents(bucket: WaitingBucket): number {
    let count = 0;
    for (const link of bucket.links) count += link.pool.loggedIn;
    return count;
  }

  /**
   * The waiting call an eligible agent should be offered: across the buckets it may serve on the
   * channels where it has free capacity, the highest priority, then the largest
   * `waitMs × queue weight`, then the earliest arrival and enqueue order.
   */
  findCall(agent: AgentRecord, nowMs: number): CallRecord | undefined {
    let best: CallRecord | undefined;
    let bestPriority = 0;
    let bestScore = 0;
    for (const slot of agent.slots.values()) {
      if (slot.used >= slot.capacity) continue;
      const buckets = agent.pool.buckets.get(slot.channel);
      if (buckets === undefined) continue;
      for (const bucket of buckets) {
        const head = bucket.peek();
        if (head === undefined) continue;
        const queue = bucket.queue;
        const priority = head.rank + nowMs * queue.agingPerMs;
        const score = (nowMs - head.lineMs) * queue.weight;
        if (best === undefined || isAhead(head, priority, score, best, bestPriority, bestScore)) {
          best = head;
          bestPriority = priority;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** A free agent drawn uniformly among all free agents of the lowest tier level that has one. */
  #findUniform(bucket: WaitingBucket): FreeAgent | undefined {
    const channel = bucket.channel;
    let level = 0;
    let total = 0;
    for (const link of bucket.links) {
      if (total > 0 && link.level > level) break;
      const count = link.pool.freeCount(channel);
      if (count === 0) continue;
      level = link.level;
      total += count;
    }
    if (total === 0) return undefined;
    let index = Math.floor(this.#random.next() * total);
    for (const link of bucket.links) {
      if (link.level !== level) continue;
      const count = link.pool.freeCount(channel);
      if (index < count) return link.pool.freeAt(channel, index);
      index -= count;
    }
    return undefined;
  }

  #link(pool: AgentPool, bucket: WaitingBucket): void {
    const level = pool.queues.get(bucket.queue.id);
    if (level === undefined || level > bucket.maxTier || !pool.channels.has(bucket.channel)) return;
    let score = 0;
    for (const [skill, min] of bucket.requirements) {
      const proficiency = pool.skills.get(skill);
      if (proficiency === undefined || proficiency < min) return;
      score += proficiency;
    }
    const link: PoolLink = { pool, level, score };
    const links = bucket.links;
    let at = links.length;
    while (at > 0 && (links[at - 1] as PoolLink).level > level) at--;
    links.splice(at, 0, link);
    let list = pool.buckets.get(bucket.channel);
    if (list === undefined) pool.buckets.set(bucket.channel, (list = []));
    list.push(bucket);
    if (pool.freeCount(bucket.channel) > 0) bucket.freePools++;
    if (pool.loggedIn > 0) bucket.staffedPools++;
  }
}
