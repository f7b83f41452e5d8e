/**
 * Checks run after every command of the model-based tests, through the router's public reads only.
 */
import { expect } from 'vitest';
import { AcdError, type AgentSnapshot, type CallRouter, type CallSnapshot } from '../../src/index.js';
import type { Harness } from './harness.js';
import { ModelError, type MAgent, type MCall, type ReferenceModel } from './reference-model.js';

function positive(map: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of map) if (v > 0) out[k] = v;
  return out;
}

export function expectedAgent(m: ReferenceModel, a: MAgent): AgentSnapshot {
  return {
    id: a.id,
    state: m.computedState(a),
    presence: a.presence,
    reason: a.reason,
    queues: Object.fromEntries(a.queues),
    skills: Object.fromEntries(a.skills),
    capacity: positive(a.capacity),
    load: positive(a.load),
    callIds: [...a.callIds],
    callsHandled: a.callsHandled,
    talkTimeMs: a.talkTimeMs,
    missedOffers: a.missedOffers,
    idleSinceMs: a.idleSinceMs,
    readyAtMs: a.readyAtMs,
    stateSinceMs: a.stateSinceMs,
  };
}

export function expectedCall(c: MCall): CallSnapshot {
  const base = {
    id: c.id,
    queueId: c.queueId,
    priority: c.priority,
    channel: c.channel,
    requirements: c.requirements,
    customerId: c.customerId,
    attributes: c.attributes,
    arrivalMs: c.arrivalMs,
    lineMs: c.lineMs,
    queuedAtMs: c.queuedAtMs,
    kind: c.kind,
    maxTier: c.maxTier,
    escalationStep: c.nextStep,
    offers: c.offers,
    callbackAttempts: c.callbackAttempts,
  };
  switch (c.status) {
    case 'scheduled':
      return { ...base, status: 'scheduled', dueAtMs: c.dueAtMs };
    case 'waiting':
      return { ...base, status: 'waiting', knownAgentId: undefined, knownAgentKind: undefined, knownAgentUntilMs: undefined };
    case 'offered':
      return {
        ...base,
        status: 'offered',
        agentId: c.agentId as string,
        offeredAtMs: c.offeredAtMs,
        offerExpiresAtMs: c.offerExpiresAtMs,
      };
    case 'talking':
      return { ...base, status: 'talking', agentId: c.agentId as string, answeredAtMs: c.answeredAtMs };
  }
}

/** Every id the tests may look up: live in the model, forgotten, and never used. */
function knownCallIds(m: ReferenceModel): string[] {
  return [...m.calls.map((c) => c.id), ...m.deadIds];
}

/** A full picture of the router through its reads, to show a failed call changed nothing. */
export function fullSnapshot(r: Harness, m: ReferenceModel): unknown {
  const router = r.router;
  const queueIds = router.queueIds();
  const agentIds = router.agentIds();
  return {
    now: r.clock.now(),
    pendingTimers: r.clock.pendingTimers,
    nextDueAtMs: r.clock.nextDueAtMs(),
    queueIds,
    agentIds,
    queues: queueIds.map((id) => router.getQueue(id)),
    waiting: queueIds.map((id) => router.waitingCalls(id)),
    agents: agentIds.map((id) => router.getAgent(id)),
    calls: knownCallIds(m).map((id) => (router.hasCall(id) ? router.getCall(id) : 'gone')),
  };
}

function agentMayTake(a: AgentSnapshot, c: CallSnapshot): boolean {
  const level = a.queues[c.queueId];
  if (level === undefined || level > c.maxTier || a.presence !== 'available' || a.readyAtMs !== undefined) return false;
  if ((a.load[c.channel] ?? 0) >= (a.capacity[c.channel] ?? 0)) return false;
  return Object.entries(c.requirements).every(([skill, min]) => (a.skills[skill] ?? 0) >= min);
}

/** Deep equality as strict as `toStrictEqual` on plain data (keys set to undefined count), but cheap. */
function strictlyEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !strictlyEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** `expect(actual).toStrictEqual(expected)`, with vitest's diff only when they differ (the checks run thousands of times). */
function same(actual: unknown, expected: unknown, label: string): void {
  if (!strictlyEqual(actual, expected)) expect(actual, label).toStrictEqual(expected);
}

/** Compares the whole model with the router and checks the invariants. */
export function checkAll(m: ReferenceModel, r: Harness): void {
  const router: CallRouter = r.router;

  // ---- the model and the router agree -----------------------------------------------------
  same(router.queueIds(), m.queues.map((q) => q.id), 'queueIds');
  for (const q of m.queues) {
    const calls = m.calls.filter((c) => c.queueId === q.id);
    same(router.getQueue(q.id), {
      id: q.id,
      strategy: q.strategy,
      weight: q.weight,
      offerTimeoutMs: q.offerTimeoutMs,
      wrapUpMs: q.wrapUpMs,
      waiting: calls.filter((c) => c.status === 'waiting').length,
      offered: calls.filter((c) => c.status === 'offered').length,
      talking: calls.filter((c) => c.status === 'talking').length,
      scheduled: calls.filter((c) => c.status === 'scheduled').length,
      longestWaitMs: m.longestWaitMs(q.id),
      escalation: q.escalation,
      agingPerMinute: q.agingPerMinute,
      maxTier: q.maxTier,
      maxWaitMs: q.maxWaitMs,
      maxWaitNoAgentsMs: q.maxWaitNoAgentsMs,
      exitAction: q.exitAction,
      maxLength: q.maxLength,
      joinRule: q.joinRule,
      rejoinWindowMs: 0,
      knownAgentWaitMs: 0,
      callback: q.callback,
      defaultHandleMs: 180_000,
      serviceLevelMs: 20_000,
      shortAbandonMs: 5_000,
    }, `queue ${q.id}`);
    same(
      router.waitingCalls(q.id).map((c) => c.id),
      m.waitingIn(q.id).map((c) => c.id),
      `waitingCalls(${q.id}) in service order`,
    );
  }
  same(router.agentIds(), m.agents.map((a) => a.id), 'agentIds');
  const agents = m.agents.map((a) => router.getAgent(a.id));
  for (const [i, a] of m.agents.entries()) {
    const actual = agents[i] as AgentSnapshot;
    const expected = expectedAgent(m, a);
    same({ ...actual, callIds: [...actual.callIds].sort() }, { ...expected, callIds: [...expected.callIds].sort() }, `agent ${a.id}`);
  }
  // Invariant 1: every live call has the model's status (and agent); forgotten calls are gone.
  for (const c of m.calls) {
    if (!router.hasCall(c.id)) throw new ModelError(`hasCall(${c.id}) is false for a live call`);
    same(router.getCall(c.id), expectedCall(c), `call ${c.id}`);
    same(router.positionOf(c.id), m.positionOf(c), `positionOf(${c.id})`);
    same(router.estimatedWaitMs(c.id), m.estimatedWaitMs(c), `estimatedWaitMs(${c.id})`);
  }
  for (const id of m.deadIds) if (router.hasCall(id)) throw new ModelError(`hasCall(${id}) is true for a call that left`);
  for (const id of m.leftThisOp) {
    if (m.call(id) !== undefined) continue;
    let code: string | undefined;
    try {
      router.getCall(id);
    } catch (error) {
      code = error instanceof AcdError ? error.code : String(error);
    }
    if (code !== 'UNKNOWN_CALL') throw new ModelError(`getCall(${id}) of a call that left: ${code ?? 'no error'}, expected UNKNOWN_CALL`);
  }

  // ---- invariants through the public reads only -------------------------------------------
  const queueIds = router.queueIds();
  const waiting = queueIds.flatMap((q) => router.waitingCalls(q));
  // Invariant 1: no call id twice across the waiting lines and the agents' calls.
  const seen = new Map<string, string>();
  for (const c of waiting) {
    if (seen.has(c.id)) throw new ModelError(`call ${c.id} waits twice`);
    seen.set(c.id, `waiting in ${c.queueId}`);
  }
  for (const a of agents) {
    for (const id of a.callIds) {
      const other = seen.get(id);
      if (other !== undefined) throw new ModelError(`call ${id} is held by ${a.id} and ${other}`);
      seen.set(id, `held by ${a.id}`);
      const call = router.getCall(id);
      if (call.status === 'waiting' || call.status === 'scheduled' || call.agentId !== a.id) {
        throw new ModelError(`agent ${a.id} lists ${id}, which is ${call.status} with ${'agentId' in call ? call.agentId : 'nobody'}`);
      }
    }
  }
  const live = queueIds.reduce((n, q) => {
    const s = router.getQueue(q);
    return n + s.waiting + s.offered + s.talking;
  }, 0);
  if (live !== seen.size) throw new ModelError(`queues count ${live} live calls, but ${seen.size} are waiting or held`);

  // Invariant 2: no agent holds more calls per channel than its capacity (unless capacity was
  // lowered under its load by updateAgent; then no new offer may come until the load drops).
  for (const [i, a] of agents.entries()) {
    const model = m.agents[i] as MAgent;
    for (const [channel, load] of Object.entries(a.load)) {
      if (load > (a.capacity[channel] ?? 0) && !model.overCapacity.has(channel)) {
        throw new ModelError(`agent ${a.id} holds ${load} ${channel} call(s) with capacity ${a.capacity[channel] ?? 0}`);
      }
    }
  }

  // Invariant 4: no idle compatible agent while a call it could take waits.
  for (const c of waiting) {
    for (const a of agents) {
      if (agentMayTake(a, c)) {
        throw new ModelError(`call ${c.id} waits in ${c.queueId} while agent ${a.id} is free and may take it: ${JSON.stringify(a)}`);
      }
    }
  }

  // Invariant 5: conservation. arrived = scheduled + waiting + offered + talking + every way of leaving.
  const scheduled = queueIds.reduce((n, q) => n + router.getQueue(q).scheduled, 0);
  const left = m.completed + m.abandoned + m.withdrawn + m.timedOut + m.callbacksFailed;
  if (m.arrived !== scheduled + live + left) {
    throw new ModelError(
      `arrived ${m.arrived} != scheduled ${scheduled} + live ${live} + completed ${m.completed} + abandoned ${m.abandoned} + ` +
        `withdrawn ${m.withdrawn} + timed out ${m.timedOut} + callbacks failed ${m.callbacksFailed}`,
    );
  }

  // No timer leak: the router keeps one clock timer at most (for its earliest deadline).
  if (r.clock.pendingTimers > 1) throw new ModelError(`the clock has ${r.clock.pendingTimers} pending timers; the router keeps one at most`);

  // Events are emitted once state is consistent: what a listener read equals the final state.
  for (const e of r.events) {
    if (e.name === 'listener-error') continue;
    const p = e.payload as { callId?: string; agentId?: string };
    if (e.call !== undefined && p.callId !== undefined) {
      const gone = m.call(p.callId) === undefined;
      if ((e.call === 'gone') !== gone) {
        throw new ModelError(`inside a ${e.name} listener, getCall(${p.callId}) read ${JSON.stringify(e.call)}`);
      }
      const now = router.hasCall(p.callId) ? router.getCall(p.callId) : 'gone';
      same(e.call, now, `getCall(${p.callId}) read inside the ${e.name} listener`);
    }
    if (e.agent !== undefined && p.agentId !== undefined) {
      const now = router.hasAgent(p.agentId) ? router.getAgent(p.agentId) : 'gone';
      same(e.agent, now, `getAgent(${p.agentId}) read inside the ${e.name} listener`);
    }
  }

  // Two listeners (before and after the recorder) throw on every event: the recorder still gets
  // every event, and each throw is reported by one 'listener-error', in order.
  if (r.throwingListener) {
    const delivered = r.events.filter((e) => e.name !== 'listener-error').map((e) => e.name);
    const reported = r.events.filter((e) => e.name === 'listener-error').map((e) => e.payload as { event: string; error: unknown });
    expect(reported.map((x) => x.event), 'listener-error events, one per throwing listener of each event').toStrictEqual(
      delivered.flatMap((name) => [name, name]),
    );
    reported.forEach((x, i) => {
      if (x.error !== r.thrown[i]) throw new ModelError(`listener-error #${i} does not carry the error the listener threw`);
    });
    // The throwers also throw on listener-error itself: that must not be reported again.
    if (r.thrown.length !== 2 * delivered.length + 2 * reported.length) {
      throw new ModelError(
        `the throwing listeners ran ${r.thrown.length} times for ${delivered.length} events + ${reported.length} listener-errors`,
      );
    }
  }
}
