import { changeQueue, setBucket } from '../engine/call-lines.js';
import { enterLine } from '../engine/line-entry.js';
import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type { KnownTarget } from './known-agents.js';

/** A transfer's settings, validated, with defaults applied. */
export interface TransferPlan {
  readonly keepArrival: boolean;
  readonly priority: number;
  readonly wrapUpMs: number;
  /** The agent to wait for first, with an agent transfer. */
  readonly known: KnownTarget | undefined;
}

/**
 * A connected call goes to `target` (already checked to accept it, in `bucket`): the agent is
 * released to wrap-up and the call waits there with its context, its known agent first when
 * one is given, under the target queue's plan and limits.
 */
export function transferCall(core: RouterCore, call: CallRecord, target: QueueRecord, bucket: WaitingBucket, plan: TransferPlan): void {
  const fromQueue = call.queue;
  const fromAgent = call.agent;
  if (fromAgent === undefined) return;
  const now = core.now();
  const talkMs = now - call.answeredAtMs;
  core.handOn(call, plan.wrapUpMs, () => {
    call.kind = 'inbound';
    call.channel = call.originalChannel;
    call.priority = plan.priority;
    if (!plan.keepArrival) {
      call.arrivalMs = now;
      call.lineMs = now;
      call.seq = core.nextCallSeq();
    }
    changeQueue(call, target, now);
    setBucket(call, bucket);
    call.requirements = bucket.requirementLevels;
    const problem = plan.known === undefined ? undefined : core.known.problem(call, plan.known);
    if (core.out.wants('call:transferred')) {
      core.out.push('call:transferred', {
        callId: call.id,
        queueId: target.id,
        atMs: now,
        fromQueueId: fromQueue.id,
        fromAgentId: fromAgent.id,
        toAgentId: problem === undefined ? plan.known?.agentId : undefined,
        talkMs,
        keepArrival: plan.keepArrival,
        priority: call.priority,
      });
    }
    enterLine(core, call, plan.known, false);
  });
}
