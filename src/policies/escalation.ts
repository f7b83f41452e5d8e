import { changeQueue, longestWaitMs, putInLine, rerank, setBucket, takeOutOfLine } from '../engine/call-lines.js';
import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';
import type { EscalationChanges } from '../model/events.js';
import type { EscalationStep, OverflowGate } from '../model/policies.js';
import type { SkillLevels } from '../model/types.js';

/** Overflows one call may make within one clock instant: a guard against queues overflowing into each other at once. */
const MAX_HOPS_PER_INSTANT = 8;

/** The requirements after a step relaxed and dropped some (the same object when nothing changed). */
function relaxed(requirements: SkillLevels, step: EscalationStep): SkillLevels {
  let out: Record<string, number> | undefined;
  if (step.relax !== undefined) {
    for (const skill of Object.keys(step.relax)) {
      const min = step.relax[skill] as number;
      const current = requirements[skill];
      if (current !== undefined && min < current) (out ??= { ...requirements })[skill] = min;
    }
  }
  for (const skill of step.dropSkills ?? []) {
    if ((out ?? requirements)[skill] !== undefined) delete (out ??= { ...requirements })[skill];
  }
  return out ?? requirements;
}

/**
 * Escalation steps: time-triggered, cumulative changes to a waiting call (raise priority, relax
 * requirements, widen tiers, overflow to another queue while its health allows).
 */
export class Escalation {
  readonly #core: RouterCore;
  #hopsAtMs = Number.NaN;
  readonly #hops = new Map<string, number>();

  constructor(core: RouterCore) {
    this.#core = core;
  }

  /**
   * When the call's next step comes due: at `afterMs` in its queue, at once when nobody could take
   * the call as it stands (`skipIfNoAgents`), or at an overflow gate's recheck.
   */
  stepAt(call: CallRecord, step: EscalationStep): number {
    if (call.stepRecheckMs !== undefined) return call.stepRecheckMs;
    const at = call.queuedAtMs + step.afterMs;
    const now = this.#core.now();
    if (step.skipIfNoAgents === true && at > now && !this.#core.table.hasAgents(call.bucket, 'configured')) {
      if (step.overflow === undefined || this.hopsLeft(call)) return now;
    }
    return at;
  }

  /** Applies the call's steps that are due, in order, stopping after an overflow (the new queue's plan starts over). */
  applyDue(call: CallRecord): void {
    const now = this.#core.now();
    for (;;) {
      const step = call.plan[call.nextStep];
      if (step === undefined) return;
      const at = this.stepAt(call, step);
      if (at > now) return;
      const early = call.stepRecheckMs === undefined && at < call.queuedAtMs + step.afterMs;
      if (this.#apply(call, step, early)) return;
    }
  }

  /** Whether the call may still overflow at this instant (see `MAX_HOPS_PER_INSTANT`). */
  hopsLeft(call: CallRecord): boolean {
    const now = this.#core.now();
    if (now !== this.#hopsAtMs) {
      this.#hopsAtMs = now;
      this.#hops.clear();
    }
    return (this.#hops.get(call.id) ?? 0) < MAX_HOPS_PER_INSTANT;
  }

  /** Moves a waiting call to another queue, keeping its place in line, its requirements and its known agent. */
  moveToQueue(call: CallRecord, target: QueueRecord, reason: 'escalation' | 'timeout'): void {
    const core = this.#core;
    const from = call.queue;
    this.#hops.set(call.id, (this.#hops.get(call.id) ?? 0) + 1);
    takeOutOfLine(call);
    changeQueue(call, target, core.now());
    setBucket(call, core.table.bucketFor(target, call.channel, call.requirements, call.maxTier));
    call.requirements = call.bucket.requirementLevels;
    putInLine(call);
    if (core.out.wants('call:overflowed')) {
      core.out.push('call:overflowed', { callId: call.id, queueId: target.id, atMs: core.now(), fromQueueId: from.id, reason });
    }
  }

  /**
   * Applies the call's next step: its changes the first time it comes due, then its overflow when
   * the gate is open. Returns whether the call moved to another queue.
   */
  #apply(call: CallRecord, step: EscalationStep, early: boolean): boolean {
    const core = this.#core;
    const now = core.now();
    if (call.stepRecheckMs === undefined) {
      const index = call.nextStep;
      const changes = this.#change(call, step);
      if (core.out.wants('call:escalated')) {
        core.out.push('call:escalated', {
          callId: call.id,
          queueId: call.queue.id,
          atMs: now,
          step: index,
          name: step.name,
          changes,
          early,
          waitMs: now - call.queuedAtMs,
        });
      }
    }
    const overflow = step.overflow;
    if (overflow !== undefined) {
      const target = core.queues.get(overflow.queue);
      if (target !== undefined && target !== call.queue) {
        if (this.#gateOpen(target, overflow.when) && this.hopsLeft(call)) {
          this.moveToQueue(call, target, 'escalation');
          return true;
        }
        if (overflow.recheckMs !== undefined) {
          call.stepRecheckMs = now + overflow.recheckMs;
          return false;
        }
      }
    }
    call.stepRecheckMs = undefined;
    call.nextStep++;
    return false;
  }

  /** Applies a step's priority, requirement, tier and place changes to a waiting call. */
  #change(call: CallRecord, step: EscalationStep): EscalationChanges {
    const core = this.#core;
    const changes: { -readonly [K in keyof EscalationChanges]: EscalationChanges[K] } = {};
    const priority = call.priority + (step.raisePriority ?? 0);
    const requirements = relaxed(call.requirements, step);
    const maxTier = step.maxTier === undefined ? call.maxTier : Math.max(call.maxTier, step.maxTier);
    const placeReset = step.keepPlace === false;
    if (priority === call.priority && requirements === call.requirements && maxTier === call.maxTier && !placeReset) {
      return changes;
    }
    takeOutOfLine(call);
    if (priority !== call.priority) changes.priority = { from: call.priority, to: priority };
    if (maxTier !== call.maxTier) changes.maxTier = { from: call.maxTier, to: maxTier };
    call.priority = priority;
    call.maxTier = maxTier;
    if (placeReset) {
      call.lineMs = core.now();
      call.seq = core.nextCallSeq();
      changes.placeReset = true;
    }
    rerank(call);
    if (requirements !== call.requirements || changes.maxTier !== undefined) {
      const from = call.bucket;
      const to = core.table.bucketFor(call.queue, call.channel, requirements, maxTier);
      // Whoever could take the call before could take it now: if nobody is logged in for its new
      // line either, the no-agent clock runs from the later of the two lines' last logouts.
      if (to.staffedPools === 0) to.unstaffedSinceMs = Math.max(to.unstaffedSinceMs, from.unstaffedSinceMs);
      setBucket(call, to);
      if (requirements !== call.requirements) changes.requirements = { from: call.requirements, to: call.bucket.requirementLevels };
      call.requirements = call.bucket.requirementLevels;
    }
    putInLine(call);
    return changes;
  }

  #gateOpen(target: QueueRecord, gate: OverflowGate | undefined): boolean {
    if (gate === undefined) return true;
    if (gate.maxWaiting !== undefined && target.waiting >= gate.maxWaiting) return false;
    return gate.maxLongestWaitMs === undefined || longestWaitMs(target, this.#core.now()) < gate.maxLongestWaitMs;
  }
}
