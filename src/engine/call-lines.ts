import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type { CallRecord, QueueRecord } from './records.js';

/**
 * Where a call stands, as plain bookkeeping with no routing and no events: its queue's join-order
 * list of unanswered calls, its bucket, and its place in line (a bucket's line, or the short line
 * of the known agent it waits for). Every move keeps the counts of queues and buckets exact.
 */

/** Appends the call to its queue's join-order list (it joins now, so the list stays in time order). */
export function joinQueueList(call: CallRecord): void {
  const queue = call.queue;
  call.prevInQueue = queue.last;
  call.nextInQueue = undefined;
  if (queue.last === undefined) queue.first = call;
  else queue.last.nextInQueue = call;
  queue.last = call;
  call.inQueueList = true;
}

/** Takes the call out of its queue's join-order list (answered, gone, or moving to another queue). */
export function leaveQueueList(call: CallRecord): void {
  if (!call.inQueueList) return;
  const queue = call.queue;
  if (call.prevInQueue === undefined) queue.first = call.nextInQueue;
  else call.prevInQueue.nextInQueue = call.nextInQueue;
  if (call.nextInQueue === undefined) queue.last = call.prevInQueue;
  else call.nextInQueue.prevInQueue = call.prevInQueue;
  call.prevInQueue = undefined;
  call.nextInQueue = undefined;
  call.inQueueList = false;
}

/** Gives the call another bucket, keeping each bucket's count of live calls. */
export function setBucket(call: CallRecord, bucket: WaitingBucket): void {
  if (call.bucket === bucket) return;
  call.bucket.calls--;
  call.bucket = bucket;
  bucket.calls++;
}

/** The line's priority key for the call's priority and place in its queue (see `CallRecord.rank`). */
export function rerank(call: CallRecord): void {
  call.rank = call.queue.agingPerMs === 0 ? call.priority : call.priority - call.lineMs * call.queue.agingPerMs;
}

/**
 * Re-keys a call after its priority, place or its queue's aging changed: a call in its bucket's
 * line moves to its new place there (no routing needed: no free agent may take any call of it).
 */
export function reline(call: CallRecord): void {
  const inBucket = call.lineToken !== 0;
  if (inBucket) call.bucket.remove(call);
  rerank(call);
  if (inBucket) call.bucket.push(call);
}

/** Puts a call in line (its bucket's, or its known agent's) and counts it as waiting. */
export function putInLine(call: CallRecord): void {
  call.status = 'waiting';
  call.queue.waiting++;
  if (call.knownAgent !== undefined) call.knownAgent.known.push(call);
  else call.bucket.push(call);
}

/** Takes a waiting call out of line, wherever it waits, and stops counting it as waiting. */
export function takeOutOfLine(call: CallRecord): void {
  call.queue.waiting--;
  const agent = call.knownAgent;
  if (agent !== undefined) {
    const at = agent.known.indexOf(call);
    if (at >= 0) agent.known.splice(at, 1);
  } else {
    call.bucket.remove(call);
  }
}

/** Moves a call (not in line) to another queue, joining it now under that queue's plan, tier limit and hold-time limit. */
export function changeQueue(call: CallRecord, queue: QueueRecord, nowMs: number): void {
  leaveQueueList(call);
  call.queue = queue;
  call.queuedAtMs = nowMs;
  call.plan = queue.escalation;
  call.ownPlan = false;
  call.nextStep = 0;
  call.stepRecheckMs = undefined;
  call.maxTier = queue.maxTier;
  call.maxWaitMs = Infinity;
  rerank(call);
  joinQueueList(call);
}

/** How long the longest-waiting unanswered call of a queue has been in it, ms (0 when none). */
export const longestWaitMs = (queue: QueueRecord, nowMs: number): number =>
  queue.first === undefined ? 0 : nowMs - queue.first.queuedAtMs;
