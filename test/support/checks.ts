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
    lineMs: c.arrivalMs,
    queuedAtMs: c.arrivalMs,
    kind: 'inbound' as const,
    maxTier: Infinity,
    escalationStep: 0,
    offers: c.offers,
    callbackAttempts: 0,
  };
  switch (c.status) {
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
  if (a.queues[c.queueId] === undefined || a.presence !== 'available' || a.readyAtMs !== undefined) return false;
  if ((a.load[c.channel] ?? 0) >= (a.capacity[c.channel] ?? 0)) return false;
  return Object.entries(c.requirements).every(([skill, min]) => (a.skills[skill] ?? 0) >= min);
}

/** Compares the whole model with the router and checks the invariants. */
export function checkAll(m: ReferenceModel, r: Harness): void {
  const router: CallRouter = r.router;

  // ---- the model and the router agree -----------------------------------------------------
  expect(router.queueIds(), 'queueIds').toStrictEqual(m.queues.map((q) => q.id));
  for (const q of m.queues) {
    const calls = m.calls.filter((c) => c.queueId === q.id);
    expect(router.getQueue(q.id), `queue ${q.id}`).toMatchObject({
      id: q.id,
      strategy: q.strategy,
      weight: q.weight,
      offerTimeoutMs: q.offerTimeoutMs,
      wrapUpMs: q.wrapUpMs,
      waiting: calls.filter((c) => c.status === 'waiting').length,
      offered: calls.filter((c) => c.status === 'offered').length,
      talking: calls.filter((c) => c.status === 'talking').length,
    });
    expect(
      router.waitingCalls(q.id).map((c) => c.id),
      `waitingCalls(${q.id}) in service order`,
    ).toStrictEqual(m.waitingIn(q.id).map((c) => c.id));
  }
  expect(router.agentIds(), 'agentIds').toStrictEqual(m.agents.map((a) => a.id));
  const agents = m.agents.map((a) => router.getAgent(a.id));
  for (const [i, a] of m.agents.entries()) {
    const actual = agents[i] as AgentSnapshot;
    const expected = expectedAgent(m, a);
    expect(
      { ...actual, callIds: [...actual.callIds].sort() },
      `agent ${a.id}`,
    ).toStrictEqual({ ...expected, callIds: [...expected.callIds].sort() });
  }
  // Invariant 1: every live call has the model's status (and agent); forgotten calls are gone.
  for (const c of m.calls) {
    expect(router.hasCall(c.id), `hasCall(${c.id})`).toBe(true);
    expect(router.getCall(c.id), `call ${c.id}`).toStrictEqual(expectedCall(c));
  }
  for (const id of m.deadIds) {
    expect(router.hasCall(id), `hasCall(${id}) of a forgotten call`).toBe(false);
    let code: string | undefined;
    try {
      router.getCall(id);
    } catch (error) {
      code = error instanceof AcdError ? error.code : String(error);
    }
    expect(code, `getCall(${id}) of a forgotten call`).toBe('UNKNOWN_CALL');
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

  // Invariant 5: conservation. arrived = waiting + offered + talking + completed + abandoned.
  if (m.arrived !== live + m.completed + m.abandoned) {
    throw new ModelError(`arrived ${m.arrived} != live ${live} + completed ${m.completed} + abandoned ${m.abandoned}`);
  }

  // Events are emitted once state is consistent: what a listener read equals the final state.
  for (const e of r.events) {
    if (e.name === 'listener-error') continue;
    const p = e.payload as { callId?: string; agentId?: string };
    if (e.call !== undefined && p.callId !== undefined) {
      const gone = e.name === 'call:completed' || e.name === 'call:abandoned';
      if ((e.call === 'gone') !== gone) {
        throw new ModelError(`inside a ${e.name} listener, getCall(${p.callId}) read ${JSON.stringify(e.call)}`);
      }
      const now = router.hasCall(p.callId) ? router.getCall(p.callId) : 'gone';
      expect(e.call, `getCall(${p.callId}) read inside the ${e.name} listener`).toStrictEqual(now);
    }
    if (e.agent !== undefined && p.agentId !== undefined) {
      const now = router.hasAgent(p.agentId) ? router.getAgent(p.agentId) : 'gone';
      expect(e.agent, `getAgent(${p.agentId}) read inside the ${e.name} listener`).toStrictEqual(now);
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
