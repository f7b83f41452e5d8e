import { effectivePriority, isAhead, weightedWait } from '../routing/routing-table.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import { isEligible } from './agent-state.js';
import type { AgentRecord, CallRecord, ChannelSlot } from './records.js';
import type { RouterCore } from './router-core.js';

/*
 * Routing decisions: which free agent an arriving call goes to, which waiting call a freed agent
 * takes, and in which order calls returned to line together are offered again. Matching compares
 * bucket heads and pool heads only (see RoutingTable); the offer itself is the core's.
 */

/** Offers the bucket's calls, head first, while a free agent may take them. */
export function routeBucket(core: RouterCore, bucket: WaitingBucket): void {
  for (;;) {
    if (bucket.peek() === undefined) return;
    const free = core.table.findAgent(bucket);
    if (free === undefined) return;
    core.offer(bucket.shift() as CallRecord, free.agent, free.slot, 'queue');
  }
}

/** Offers a free agent the best waiting calls it may take, while it has free capacity. */
export function routeAgent(core: RouterCore, agent: AgentRecord): void {
  if (!isEligible(agent)) return;
  for (;;) {
    // Calls waiting for this agent in particular come first: nobody else may take them.
    const known = agent.known.length === 0 ? undefined : bestKnown(core, agent);
    if (known !== undefined) {
      const via = known.knownKind ?? 'preferred';
      agent.known.splice(agent.known.indexOf(known), 1);
      known.knownAgent = undefined;
      core.offer(known, agent, agent.slots.get(known.channel) as ChannelSlot, via);
      continue;
    }
    const call = core.table.findCall(agent, core.now());
    if (call === undefined) return;
    call.bucket.shift();
    core.offer(call, agent, agent.slots.get(call.channel) as ChannelSlot, 'queue');
  }
}

/** The first of the calls waiting for this agent that it has free capacity for. */
function bestKnown(core: RouterCore, agent: AgentRecord): CallRecord | undefined {
  const now = core.now();
  let best: CallRecord | undefined;
  let bestPriority = 0;
  let bestScore = 0;
  for (const call of agent.known) {
    const slot = agent.slots.get(call.channel);
    if (slot === undefined || slot.used >= slot.capacity) continue;
    const priority = effectivePriority(call, now);
    const score = weightedWait(call, now);
    if (best === undefined || isAhead(call, priority, score, best, bestPriority, bestScore)) {
      best = call;
      bestPriority = priority;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Routes the calls returned to `buckets` one offer at a time, best first in the cross-queue
 * order (priority, then `waitMs × weight`, then arrival): the best head that a free agent may
 * take goes first.
 */
export function routeReturned(core: RouterCore, buckets: WaitingBucket[]): void {
  if (buckets.length <= 1) {
    if (buckets.length === 1) routeBucket(core, buckets[0] as WaitingBucket);
    return;
  }
  const pending = [...new Set(buckets)];
  const now = core.now();
  for (;;) {
    // The best head, across the returned buckets, that a free agent may take.
    let best: CallRecord | undefined;
    let bestPriority = 0;
    let bestScore = 0;
    let bestBucket: WaitingBucket | undefined;
    for (const bucket of pending) {
      const head = bucket.peek();
      if (head === undefined || bucket.freePools === 0) continue;
      const priority = effectivePriority(head, now);
      const score = weightedWait(head, now);
      if (best === undefined || isAhead(head, priority, score, best, bestPriority, bestScore)) {
        best = head;
        bestPriority = priority;
        bestScore = score;
        bestBucket = bucket;
      }
    }
    if (bestBucket === undefined) return;
    const free = core.table.findAgent(bestBucket);
    if (free === undefined) return; // unreachable: freePools > 0 means a pool head exists
    core.offer(bestBucket.shift() as CallRecord, free.agent, free.slot, 'queue');
  }
}

