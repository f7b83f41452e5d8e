import type { CallRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';
import { effectivePriority, isAhead, weightedWait } from '../routing/routing-table.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';

/**
 * 1-based position of a waiting call among the waiting calls that compete with it for the same
 * agents (its known agent's line, or every bucket those agents serve on its channel); 0 when the
 * call is not waiting. Costs a scan of those lines.
 */
export function positionOf(core: RouterCore, call: CallRecord): number {
  if (call.status !== 'waiting') return 0;
  const now = core.now();
  const priority = effectivePriority(call, now);
  const score = weightedWait(call, now);
  let position = 1;
  const count = (other: CallRecord): void => {
    if (other !== call && isAhead(other, effectivePriority(other, now), weightedWait(other, now), call, priority, score)) {
      position++;
    }
  };
  if (call.knownAgent !== undefined) {
    for (const other of call.knownAgent.known) count(other);
    return position;
  }
  const buckets = new Set<WaitingBucket>([call.bucket]);
  for (const link of call.bucket.links) for (const bucket of link.pool.buckets.get(call.channel) ?? []) buckets.add(bucket);
  for (const bucket of buckets) for (const other of bucket.inLine()) count(other);
  return position;
}

/**
 * Estimated time until a waiting call is offered, ms: its position × the mean time between the
 * queue's recent answers (up to its last 32, measured up to now, so a stalled queue's estimate
 * grows). With no answers yet (or all of them at this instant): ⌈position ÷ agents logged in who
 * could take it⌉ × the queue's `defaultHandleMs`, or `Infinity` when no such agent is logged in.
 * 0 when not waiting.
 */
export function estimatedWaitMs(core: RouterCore, call: CallRecord): number {
  if (call.status !== 'waiting') return 0;
  const now = core.now();
  const position = positionOf(core, call);
  const queue = call.queue;
  const history = Math.min(queue.answerCount, queue.answers.length);
  const oldest = history === 0 ? now : (queue.answers[(queue.answerCount - history) % queue.answers.length] as number);
  if (now > oldest) return (position * (now - oldest)) / history;
  const agents = call.knownAgent !== undefined ? 1 : core.table.loggedInAgents(call.bucket);
  if (agents === 0) return Infinity;
  return Math.ceil(position / agents) * queue.defaultHandleMs;
}
