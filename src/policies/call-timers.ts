import { routeAgent, routeBucket } from '../engine/dispatch.js';
import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';
import type { TimeoutReason } from '../model/policies.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';

/**
 * Each live call's single timer, set for whichever of its timed actions comes first: the end of
 * its wait for a known agent, a hold-time limit, its next escalation step, or (scheduled
 * callbacks) its time to enter line. When it fires, the due actions run in that order and the
 * timer is set for the next one. Calls that leave line (offered, gone) have none.
 */
export class CallTimers {
  readonly #core: RouterCore;

  constructor(core: RouterCore) {
    this.#core = core;
  }

  /** (Re)arms the call's timer for its next timed action, or cancels it when there is none. */
  arm(call: CallRecord): void {
    const due = this.#nextDue(call);
    if (call.timer !== undefined) {
      if (call.timer.atMs === due) return;
      this.#core.deadlines.cancel(call.timer);
      call.timer = undefined;
    }
    if (due !== Infinity) call.timer = this.#core.deadlines.add(due, 'call-timer', call.id);
  }

  disarm(call: CallRecord): void {
    if (call.timer === undefined) return;
    this.#core.deadlines.cancel(call.timer);
    call.timer = undefined;
  }

  /** A bucket lost its last logged-in agent: its calls' no-agent clocks start now. */
  unstaffed(bucket: WaitingBucket): void {
    bucket.unstaffedSinceMs = this.#core.now();
    if (bucket.queue.maxWaitNoAgentsMs === Infinity) return;
    for (const call of bucket.inLine()) this.arm(call);
  }

  /**
   * The call's timer fired: fall back from its known agent, time out, or apply its due steps; then
   * route it, unless `route` is false (the caller routes it with other calls, in line order).
   */
  fire(call: CallRecord, route = true): void {
    const core = this.#core;
    call.timer = undefined;
    const now = core.now();
    if (call.status === 'scheduled') {
      if (now >= call.dueAtMs) core.callbacks.due(call);
      else this.arm(call);
      return;
    }
    if (call.status !== 'waiting') return;
    if (call.knownAgent !== undefined && now >= call.knownUntilMs) core.known.fallBack(call, 'timeout');
    if (call.kind === 'inbound') {
      if (now >= this.#limitAt(call)) return this.#timeOut(call, 'max-wait', route);
      if (now >= this.#noAgentsAt(call)) return this.#timeOut(call, 'max-wait-no-agents', route);
    }
    core.escalation.applyDue(call);
    this.routeAndArm(call, route);
  }

  /**
   * Offers a waiting call if a free agent may take it (its known agent, else its line's), unless
   * `route` is false (the caller routes it with other calls), then arms its timer.
   */
  routeAndArm(call: CallRecord, route = true): void {
    if (route && call.status === 'waiting') {
      if (call.knownAgent === undefined) routeBucket(this.#core, call.bucket);
      else routeAgent(this.#core, call.knownAgent);
    }
    this.arm(call);
  }

  #nextDue(call: CallRecord): number {
    if (call.status === 'scheduled') return call.dueAtMs;
    if (call.status !== 'waiting') return Infinity;
    let due = call.knownAgent === undefined ? Infinity : call.knownUntilMs;
    if (call.kind === 'inbound') due = Math.min(due, this.#limitAt(call), this.#noAgentsAt(call));
    const step = call.plan[call.nextStep];
    if (step !== undefined) due = Math.min(due, this.#core.escalation.stepAt(call, step));
    return due;
  }

  /** When the call reaches its hold-time limit in its queue (the smaller of the queue's and its own). */
  #limitAt(call: CallRecord): number {
    return call.queuedAtMs + Math.min(call.queue.maxWaitMs, call.maxWaitMs);
  }

  /** When the call reaches its queue's limit for waiting with no agent logged in who could take it. */
  #noAgentsAt(call: CallRecord): number {
    const limit = call.queue.maxWaitNoAgentsMs;
    if (limit === Infinity || call.bucket.staffedPools > 0) return Infinity;
    // Waiting for a known agent who is logged in is not waiting with no agents.
    if (call.knownAgent !== undefined && call.knownAgent.presence !== 'offline') return Infinity;
    // A call that waited for its known agent counts from when it stopped (`knownUntilMs` is then when it fell back).
    return Math.max(call.queuedAtMs, call.bucket.unstaffedSinceMs, call.knownUntilMs) + limit;
  }

  /** A hold-time limit was reached: the queue's exit action is carried out (overflow, callback) or the call leaves. */
  #timeOut(call: CallRecord, reason: TimeoutReason, route: boolean): void {
    const core = this.#core;
    const queue = call.queue;
    const now = core.now();
    let action = queue.exitAction.action;
    let target: QueueRecord | undefined;
    if (queue.exitAction.action === 'overflow') {
      target = core.queues.get(queue.exitAction.queue);
      if (target === undefined || target === queue || !core.escalation.hopsLeft(call)) {
        action = 'disconnect';
        target = undefined;
      }
    }
    if (core.out.wants('call:timed-out')) {
      core.out.push('call:timed-out', {
        callId: call.id,
        queueId: queue.id,
        atMs: now,
        reason,
        action,
        targetQueueId: target?.id,
        waitMs: now - call.queuedAtMs,
      });
    }
    if (target !== undefined) {
      core.escalation.moveToQueue(call, target, 'timeout');
      this.routeAndArm(call, route);
    } else if (action === 'callback') {
      core.callbacks.request(call, 'timeout', undefined, undefined, route);
    } else {
      core.removeUnanswered(call);
    }
  }
}
