import type { FallbackReason, RefusalReason } from '../model/policies.js';
import type { KnownTarget } from '../policies/known-agents.js';
import { joinQueueList, putInLine, reline, rerank } from './call-lines.js';
import { routeBucket } from './dispatch.js';
import type { CallRecord } from './records.js';
import type { RouterCore } from './router-core.js';

/*
 * Calls entering line: new calls (admission, rejoining, the known agent), callbacks whose time
 * came and transferred calls; and calls changing place within it.
 */

/**
 * A new call joins its queue, unless the queue refuses it (full, or no agents under its join
 * rule). It waits for its known agent when it has one, else in its bucket, and is offered at
 * once if a free agent may take it.
 */
export function admitCall(core: RouterCore, call: CallRecord, preferred: KnownTarget | undefined): RefusalReason | undefined {
  const refusal = core.admission.refusal(call.queue, call.bucket);
  if (refusal !== undefined) {
    if (core.out.wants('call:refused')) {
      core.out.push('call:refused', { callId: call.id, queueId: call.queue.id, atMs: core.now(), reason: refusal });
    }
    return refusal;
  }
  const rejoined = core.admission.rejoin(call);
  rerank(call);
  core.calls.set(call.id, call);
  call.bucket.calls++;
  joinQueueList(call);
  const known = preferred ?? core.known.lastAgentOf(call);
  const problem = known === undefined ? undefined : core.known.problem(call, known);
  queued(core, call, rejoined, problem === undefined ? known?.agentId : undefined);
  placeInLine(core, call, known, problem);
  return undefined;
}

/**
 * A call already in `calls` and in its queue's list (a callback whose time came, a transfer)
 * enters line: its known agent's, else its bucket's. `announce` emits `call:queued` first.
 */
export function enterLine(core: RouterCore, call: CallRecord, known: KnownTarget | undefined, announce: boolean): void {
  const problem = known === undefined ? undefined : core.known.problem(call, known);
  if (announce) queued(core, call, false, problem === undefined ? known?.agentId : undefined);
  placeInLine(core, call, known, problem);
}

function placeInLine(core: RouterCore, call: CallRecord, known: KnownTarget | undefined, problem: FallbackReason | undefined): void {
  if (known !== undefined && problem === undefined) {
    core.known.waitFor(call, known);
  } else {
    if (known !== undefined && problem !== undefined) core.known.fallbackEvent(call, known, problem);
    putInLine(call);
    routeBucket(core, call.bucket);
  }
  core.timers.arm(call);
}

function queued(core: RouterCore, call: CallRecord, rejoined: boolean, knownAgentId: string | undefined): void {
  if (core.out.wants('call:queued')) {
    core.out.push('call:queued', {
      callId: call.id,
      queueId: call.queue.id,
      atMs: core.now(),
      priority: call.priority,
      channel: call.channel,
      kind: call.kind,
      rejoined,
      knownAgentId,
      customerId: call.customerId,
    });
  }
}

/**
 * Gives a call a new priority or place in line. A waiting call moves within its line; no routing
 * is needed, since no free agent may take any call of its bucket.
 */
export function reprioritize(core: RouterCore, call: CallRecord, priority: number, lineMs: number): void {
  call.priority = priority;
  call.lineMs = lineMs;
  reline(call);
  if (core.out.wants('call:reprioritized')) {
    core.out.push('call:reprioritized', { callId: call.id, queueId: call.queue.id, atMs: core.now(), priority, lineMs });
  }
}

