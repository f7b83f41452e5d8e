import { takesChannel } from '../engine/agent-state.js';
import { joinQueueList, putInLine, rerank, setBucket, takeOutOfLine } from '../engine/call-lines.js';
import { enterLine } from '../engine/line-entry.js';
import type { CallRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';

/**
 * Callbacks: a caller who would rather be called back leaves the line but keeps a virtual place
 * in it. When the callback reaches the head, an agent is offered it (kind `callback`) and calls
 * the customer; an unanswered attempt is retried after a delay, at the old place, up to a number
 * of attempts. Callbacks can also be scheduled for a later time.
 */
export class Callbacks {
  readonly #core: RouterCore;

  constructor(core: RouterCore) {
    this.#core = core;
  }

  /**
   * A waiting caller chose a callback (or timed out into one): the call keeps its place in line as
   * a callback, on the queue's callback channel, and hold-time limits stop applying.
   */
  request(
    call: CallRecord,
    reason: 'requested' | 'timeout',
    maxAttempts: number | undefined,
    retryDelayMs: number | undefined,
    route = true,
  ): void {
    const core = this.#core;
    const policy = call.queue.callback;
    call.kind = 'callback';
    call.callbackAttempts = 0;
    call.callbackMaxAttempts = maxAttempts ?? policy.maxAttempts;
    call.callbackRetryMs = retryDelayMs ?? policy.retryDelayMs;
    const channel = policy.channel ?? call.channel;
    if (channel !== call.channel) {
      takeOutOfLine(call);
      call.channel = channel;
      setBucket(call, core.table.bucketFor(call.queue, channel, call.requirements, call.maxTier));
      putInLine(call);
      // A known agent with no capacity on the callback channel could never take it.
      if (call.knownAgent !== undefined && !takesChannel(call.knownAgent, channel)) {
        core.known.fallBack(call, 'no-capacity');
      }
    }
    this.#event(call, reason, core.now(), undefined);
    core.timers.routeAndArm(call, route);
  }

  /** Registers a callback due at `call.dueAtMs` (a new record in status `scheduled`). */
  schedule(call: CallRecord): void {
    const core = this.#core;
    core.calls.set(call.id, call);
    call.bucket.calls++;
    call.queue.scheduled++;
    this.#event(call, 'scheduled', call.dueAtMs, undefined);
    if (call.dueAtMs <= core.now()) this.due(call);
    else core.timers.arm(call);
  }

  /** The agent called the customer back and nobody answered: retry later, or give up after the last attempt. */
  unanswered(call: CallRecord): void {
    const core = this.#core;
    const agent = call.agent;
    if (agent === undefined) return;
    const talkMs = core.now() - call.answeredAtMs;
    core.handOn(call, 0, () => {
      const now = core.now();
      if (call.callbackAttempts >= call.callbackMaxAttempts) {
        core.calls.delete(call.id);
        call.bucket.calls--;
        if (core.out.wants('call:callback-failed')) {
          core.out.push('call:callback-failed', {
            callId: call.id,
            queueId: call.queue.id,
            atMs: now,
            attempts: call.callbackAttempts,
            agentId: agent.id,
            talkMs,
          });
        }
        return;
      }
      call.status = 'scheduled';
      call.dueAtMs = now + call.callbackRetryMs;
      call.queue.scheduled++;
      this.#event(call, 'retry', call.dueAtMs, agent.id, talkMs);
      if (call.dueAtMs <= now) this.due(call);
      else core.timers.arm(call);
    });
  }

  /** A scheduled callback's time came: it enters line, at its old place when it had one. */
  due(call: CallRecord): void {
    const core = this.#core;
    call.queue.scheduled--;
    call.queuedAtMs = core.now();
    // A scheduled callback joins the first time now: the queue's plan as it is now, unless it brought
    // its own. A retry keeps the plan and the steps it had.
    if (call.callbackAttempts === 0 && !call.ownPlan) call.plan = call.queue.escalation;
    rerank(call);
    joinQueueList(call);
    const preferred = call.preferred;
    call.preferred = undefined;
    enterLine(core, call, preferred, true);
  }

  #event(
    call: CallRecord,
    reason: 'requested' | 'scheduled' | 'retry' | 'timeout',
    dueAtMs: number,
    agentId: string | undefined,
    talkMs = 0,
  ): void {
    const out = this.#core.out;
    if (out.wants('call:callback-scheduled')) {
      out.push('call:callback-scheduled', {
        callId: call.id,
        queueId: call.queue.id,
        atMs: this.#core.now(),
        reason,
        dueAtMs,
        attempts: call.callbackAttempts,
        agentId,
        talkMs,
      });
    }
  }
}
