/**
 * fast-check commands covering every public operation of `CallRouter`, valid and invalid, each
 * checked against the reference model (see reference-model.ts) and the invariants (checks.ts).
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { STRATEGY_NAMES, type AcdErrorCode, type CallOutcome, type CallRouterOptions, type EscalationStep } from '../../src/index.js';
import { checkAll } from './checks.js';
import { Harness } from './harness.js';
import { ModelError, ReferenceModel, type MAgent, type MPresence, type MQueueOptions, type ModelOptions, type OpContext } from './reference-model.js';
import {
  adjustCallAgeArb,
  callbackUnansweredArb,
  CallbackUnanswered,
  requestCallbackArb,
  Reprioritize,
  RequestCallback,
  setCallPriorityArb,
  Withdraw,
  withdrawArb,
} from './call-policy-commands.js';
import { callPoliciesArb, queuePoliciesFor } from './policy-arbitraries.js';
import { expectFailure, expectSuccess, pickFrom, show, type Cmd } from './run-command.js';

export type { Cmd } from './run-command.js';

export const QUEUE_IDS = ['q0', 'q1', 'q2'] as const;
export const AGENT_IDS = ['a0', 'a1', 'a2', 'a3', 'a4'] as const;
const SKILL_NAMES = ['en', 'fr', 'tech'] as const;

/** The agent with the most offers ringing (the first one added on ties), if one has two or more. */
function busiest(m: ReferenceModel): MAgent | undefined {
  let best: MAgent | undefined;
  for (const a of m.agents) if (a.offers > 1 && (best === undefined || a.offers > best.offers)) best = a;
  return best;
}

// ---- arbitraries for arguments ------------------------------------------------------------------

const queueIdArb = fc.oneof(
  { arbitrary: fc.constant('q0'), weight: 5 },
  { arbitrary: fc.constant('q1'), weight: 5 },
  { arbitrary: fc.constant('q2'), weight: 1 },
);

/** Queues served with tier levels: q0 and q1 three times out of four each, q2 rarely (it may not exist). */
const membershipsArb = fc
  .record({
    q0: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 4 }),
    q1: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined, freq: 4 }),
    q2: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 }),
    asList: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  })
  .map(({ asList, ...levels }): readonly string[] | Record<string, number> => {
    const entries = Object.entries(levels).filter((e): e is [string, number] => typeof e[1] === 'number');
    if (entries.length === 0) entries.push(['q0', 1]);
    return asList ? entries.map(([q]) => q) : Object.fromEntries(entries);
  });

const levelsArb = (maxLevel: number, maxLength: number) =>
  fc
    .uniqueArray(fc.tuple(fc.constantFrom(...SKILL_NAMES), fc.integer({ min: 1, max: maxLevel })), {
      maxLength,
      selector: (t) => t[0],
    })
    .map((pairs) => Object.fromEntries(pairs) as Record<string, number>);

/** Each skill present three times out of four, at level 1–5. */
const agentSkillsArb = fc
  .tuple(...SKILL_NAMES.map(() => fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined, freq: 4 })))
  .map((levels) => {
    const skills: Record<string, number> = {};
    levels.forEach((level, i) => {
      if (level !== undefined) skills[SKILL_NAMES[i] as string] = level;
    });
    return skills;
  });

const capacityArb = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.constantFrom<Record<string, number>>({ voice: 1, chat: 2 }, { chat: 2 }, { voice: 1, chat: 1 }, { voice: 2 }), weight: 3 },
);

const newCapacityArb = fc.constantFrom<Record<string, number>>(
  { voice: 1 },
  { chat: 1 },
  { voice: 0, chat: 3 },
  { voice: 1, chat: 2 },
  {},
);

const strategyArb = fc.constantFrom(...STRATEGY_NAMES);
const weightArb = fc.constantFrom(0.5, 1, 2);
const wrapUpArb = fc.constantFrom(0, 2_000, 5_000);
const offerTimeoutArb = fc.constantFrom(5_000, 15_000, Infinity);

export const queueOptionsArb = fc.record(
  { strategy: strategyArb, weight: weightArb, wrapUpMs: wrapUpArb, offerTimeoutMs: offerTimeoutArb },
  { requiredKeys: [] },
);

export const routerOptionsArb: fc.Arbitrary<Omit<CallRouterOptions, 'clock'>> = fc.record(
  {
    seed: fc.integer({ min: 0, max: 1_000 }),
    maxMissedOffers: fc.constantFrom(0, 1, 2, 3),
    declineDelayMs: fc.constantFrom(0, 3_000),
    noAnswerDelayMs: fc.constantFrom(0, 4_000),
  },
  // Absent keys exercise the defaults (3 missed offers, no back-offs).
  { requiredKeys: ['seed'] },
);

// ---- agents ---------------------------------------------------------------------------------------

type AddAgentBad = 'skill-level-0' | 'tier-0' | 'negative-capacity' | 'unknown-field' | 'no-queues' | 'empty-id' | 'reason-not-not-ready' | 'bad-state';

interface AddAgentParams {
  readonly id: string;
  readonly queues: readonly string[] | Record<string, number>;
  readonly skills: Record<string, number>;
  readonly capacity: Record<string, number> | undefined;
  readonly state: MPresence | undefined;
  readonly reason: string | undefined;
  readonly bad: AddAgentBad | null;
}

class AddAgent implements Cmd {
  constructor(readonly p: AddAgentParams) {}
  check = () => true;
  #input(): Record<string, unknown> {
    const { p } = this;
    const input: Record<string, unknown> = { id: p.id, queues: p.queues, skills: p.skills };
    if (p.capacity !== undefined) input.capacity = p.capacity;
    if (p.state !== undefined) input.state = p.state;
    if (p.reason !== undefined) input.reason = p.reason;
    switch (p.bad) {
      case 'skill-level-0':
        input.skills = { ...p.skills, en: 0 };
        break;
      case 'tier-0':
        input.queues = { q0: 0 };
        break;
      case 'negative-capacity':
        input.capacity = { voice: -1 };
        break;
      case 'unknown-field':
        input.skill = { en: 1 };
        break;
      case 'no-queues':
        delete input.queues;
        break;
      case 'empty-id':
        input.id = '';
        break;
      case 'reason-not-not-ready':
        input.state = 'available';
        input.reason = 'lunch';
        break;
      case 'bad-state':
        input.state = 'busy';
        break;
      case null:
        break;
    }
    return input;
  }
  run(m: ReferenceModel, r: Harness): void {
    const { p } = this;
    const input = this.#input();
    const label = `addAgent(${show(input)})`;
    const codes = new Set<AcdErrorCode>();
    if (p.bad !== null) codes.add('INVALID_ARGUMENT');
    const queueIds = Array.isArray(p.queues) ? p.queues : Object.keys(p.queues);
    if (p.bad !== 'tier-0' && p.bad !== 'no-queues' && queueIds.some((q) => m.queue(q) === undefined)) codes.add('UNKNOWN_QUEUE');
    if (p.bad !== 'empty-id' && m.agent(p.id) !== undefined) codes.add('DUPLICATE_ID');
    if (codes.size > 0) {
      expectFailure(m, r, label, [...codes], () => r.router.addAgent(input as never));
      return;
    }
    const queues = new Map<string, number>(
      Array.isArray(p.queues) ? p.queues.map((q) => [q, 1] as [string, number]) : Object.entries(p.queues),
    );
    const snapshot = expectSuccess(m, r, label, { kind: 'other' }, () => r.router.addAgent(input as never), () =>
      m.addAgent({
        id: p.id,
        presence: p.state ?? 'offline',
        reason: p.state === 'not-ready' ? p.reason : undefined,
        queues,
        skills: new Map(Object.entries(p.skills)),
        capacity: new Map(Object.entries(p.capacity ?? { voice: 1 })),
      }),
    );
    expect(snapshot, `${label} returns the agent's snapshot`).toStrictEqual(r.router.getAgent(p.id));
  }
  toString(): string {
    return `addAgent(${show(this.#input())})`;
  }
}

export const addAgentArb: fc.Arbitrary<Cmd> = fc
  .record({
    id: fc.constantFrom(...AGENT_IDS),
    queues: membershipsArb,
    skills: agentSkillsArb,
    capacity: capacityArb,
    state: fc.constantFrom<MPresence | undefined>('available', 'available', 'available', 'not-ready', 'offline', undefined),
    reasonText: fc.option(fc.constantFrom('lunch', 'training'), { nil: undefined }),
    bad: fc.oneof(
      { arbitrary: fc.constant(null), weight: 12 },
      {
        arbitrary: fc.constantFrom<AddAgentBad>(
          'skill-level-0',
          'tier-0',
          'negative-capacity',
          'unknown-field',
          'no-queues',
          'empty-id',
          'reason-not-not-ready',
          'bad-state',
        ),
        weight: 1,
      },
    ),
  })
  .map(({ reasonText, ...p }) => new AddAgent({ ...p, reason: p.state === 'not-ready' ? reasonText : undefined }));

type UpdateAgentBad = 'unknown-agent' | 'unknown-field' | 'skill-level-6' | 'capacity-fraction' | 'unknown-queue';

interface UpdateAgentParams {
  readonly pick: number;
  readonly queues: readonly string[] | Record<string, number> | undefined;
  readonly skills: Record<string, number> | undefined;
  readonly capacity: Record<string, number> | undefined;
  readonly bad: UpdateAgentBad | null;
  readonly agentId?: string;
}

class UpdateAgent implements Cmd {
  label = '';
  constructor(readonly p: UpdateAgentParams) {}
  check = (m: ReferenceModel) => m.agents.length > 0 || this.p.bad === 'unknown-agent';
  run(m: ReferenceModel, r: Harness): void {
    const { p } = this;
    const id = p.bad === 'unknown-agent' ? 'nobody' : (p.agentId ?? (pickFrom(m.agents, p.pick)?.id as string));
    const update: Record<string, unknown> = {};
    if (p.queues !== undefined) update.queues = p.queues;
    if (p.skills !== undefined) update.skills = p.skills;
    if (p.capacity !== undefined) update.capacity = p.capacity;
    if (p.bad === 'unknown-field') update.state = 'available';
    if (p.bad === 'skill-level-6') update.skills = { tech: 6 };
    if (p.bad === 'capacity-fraction') update.capacity = { voice: 1.5 };
    if (p.bad === 'unknown-queue') update.queues = ['q0', 'nowhere'];
    this.label = `updateAgent(${id}, ${show(update)})`;
    const codes = new Set<AcdErrorCode>();
    if (p.bad === 'unknown-agent') codes.add('UNKNOWN_AGENT');
    if (p.bad === 'unknown-field' || p.bad === 'skill-level-6' || p.bad === 'capacity-fraction') codes.add('INVALID_ARGUMENT');
    const queueIds = update.queues === undefined ? [] : Array.isArray(update.queues) ? (update.queues as string[]) : Object.keys(update.queues as Record<string, number>);
    if (queueIds.some((q) => m.queue(q) === undefined)) codes.add('UNKNOWN_QUEUE');
    if (codes.size > 0) {
      expectFailure(m, r, this.label, [...codes], () => r.router.updateAgent(id, update as never));
      return;
    }
    const snapshot = expectSuccess(m, r, this.label, { kind: 'other' }, () => r.router.updateAgent(id, update as never), () =>
      m.updateAgent(id, {
        queues:
          p.queues === undefined
            ? undefined
            : new Map(Array.isArray(p.queues) ? p.queues.map((q) => [q, 1] as [string, number]) : Object.entries(p.queues)),
        skills: p.skills === undefined ? undefined : new Map(Object.entries(p.skills)),
        capacity: p.capacity === undefined ? undefined : new Map(Object.entries(p.capacity)),
      }),
    );
    expect(snapshot, `${this.label} returns the agent's snapshot`).toStrictEqual(r.router.getAgent(id));
  }
  toString(): string {
    return this.label || `updateAgent(#${this.p.pick}, ${show(this.p)})`;
  }
}

const updateAgentArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: fc.nat(),
    queues: fc.option(membershipsArb, { nil: undefined }),
    skills: fc.option(agentSkillsArb, { nil: undefined }),
    capacity: fc.option(newCapacityArb, { nil: undefined }),
    bad: fc.oneof(
      { arbitrary: fc.constant(null), weight: 10 },
      {
        arbitrary: fc.constantFrom<UpdateAgentBad>('unknown-agent', 'unknown-field', 'skill-level-6', 'capacity-fraction', 'unknown-queue'),
        weight: 1,
      },
    ),
  })
  .map((p) => new UpdateAgent(p));

class RemoveAgent implements Cmd {
  label = '';
  constructor(readonly p: { pick: number; unknown: boolean; agentId?: string; busiest?: boolean }) {}
  check = (m: ReferenceModel) => (this.p.busiest === true ? busiest(m) !== undefined : m.agents.length > 0 || this.p.unknown);
  run(m: ReferenceModel, r: Harness): void {
    const agent = this.p.unknown
      ? undefined
      : this.p.agentId !== undefined
        ? m.agent(this.p.agentId)
        : this.p.busiest === true
          ? busiest(m)
          : pickFrom(m.agents, this.p.pick);
    const id = agent?.id ?? 'ghost';
    this.label = `removeAgent(${id})`;
    if (agent === undefined) {
      expectFailure(m, r, this.label, ['UNKNOWN_AGENT'], () => r.router.removeAgent(id));
    } else if (agent.talking > 0) {
      expectFailure(m, r, this.label, ['INVALID_STATE'], () => r.router.removeAgent(id));
    } else {
      expectSuccess(m, r, this.label, { kind: 'removeAgent', agentId: id }, () => r.router.removeAgent(id), () =>
        m.beginRemoveAgent(id),
      );
      expect(r.router.hasAgent(id), `hasAgent(${id}) after removeAgent`).toBe(false);
    }
  }
  toString(): string {
    return this.label || `removeAgent(#${this.p.pick}${this.p.unknown ? ', unknown' : ''})`;
  }
}

const removeAgentArb: fc.Arbitrary<Cmd> = fc
  .record({ pick: fc.nat(), unknown: fc.boolean() })
  .map((p) => new RemoveAgent({ ...p, unknown: p.unknown && p.pick % 4 === 0 }));

type SetStateBad = 'unknown-agent' | 'bad-state' | 'reason-with-available' | 'reason-not-string';

class SetAgentState implements Cmd {
  label = '';
  constructor(
    readonly p: { pick: number; state: MPresence; reason: string | undefined; bad: SetStateBad | null; agentId?: string; busiest?: boolean },
  ) {}
  check = (m: ReferenceModel) =>
    this.p.busiest === true ? busiest(m) !== undefined : m.agents.length > 0 || this.p.bad === 'unknown-agent';
  run(m: ReferenceModel, r: Harness): void {
    const { p } = this;
    const id =
      p.bad === 'unknown-agent'
        ? 'ghost'
        : (p.agentId ?? (p.busiest === true ? busiest(m) : pickFrom(m.agents, p.pick))?.id as string);
    let state: unknown = p.state;
    let reason: unknown = p.state === 'not-ready' ? p.reason : undefined;
    if (p.bad === 'bad-state') state = 'wrap-up';
    if (p.bad === 'reason-with-available') {
      state = 'available';
      reason = 'why';
    }
    if (p.bad === 'reason-not-string') {
      state = 'not-ready';
      reason = 42;
    }
    this.label = `setAgentState(${id}, ${show(state)}${reason === undefined ? '' : `, ${show(reason)}`})`;
    if (p.bad !== null) {
      expectFailure(m, r, this.label, [p.bad === 'unknown-agent' ? 'UNKNOWN_AGENT' : 'INVALID_ARGUMENT'], () =>
        r.router.setAgentState(id, state as never, reason as never),
      );
      return;
    }
    const snapshot = expectSuccess(
      m,
      r,
      this.label,
      { kind: 'other' },
      () => r.router.setAgentState(id, p.state, reason as string | undefined),
      () => m.setPresence(id, p.state, reason as string | undefined),
    );
    expect(snapshot, `${this.label} returns the agent's snapshot`).toStrictEqual(r.router.getAgent(id));
  }
  toString(): string {
    return this.label || `setAgentState(#${this.p.pick}, ${show(this.p)})`;
  }
}

const setAgentStateArb: fc.Arbitrary<Cmd> = fc
  .record({
    pick: fc.nat(),
    state: fc.constantFrom<MPresence>('available', 'available', 'available', 'not-ready', 'offline'),
    reason: fc.option(fc.constantFrom('lunch', 'training'), { nil: undefined }),
    bad: fc.oneof(
      { arbitrary: fc.constant(null), weight: 12 },
      { arbitrary: fc.constantFrom<SetStateBad>('unknown-agent', 'bad-state', 'reason-with-available', 'reason-not-string'), weight: 1 },
    ),
  })
  .map((p) => new SetAgentState(p));

// ---- calls ----------------------------------------------------------------------------------------

type EnqueueBad =
  | 'unknown-queue'
  | 'nan-priority'
  | 'string-priority'
  | 'requirement-level-6'
  | 'unknown-field'
  | 'empty-channel'
  | 'empty-id'
  | 'attributes-array'
  | 'customer-number';

interface EnqueueParams {
  readonly idKind: 'fresh' | 'reuse-dead' | 'duplicate-live';
  readonly pick: number;
  readonly queue: string;
  readonly priority: number;
  readonly channel: string;
  readonly requirements: Record<string, number>;
  readonly customerId: string | undefined;
  readonly withAttributes: boolean;
  readonly bad: EnqueueBad | null;
  /** The call's own hold-time limit and escalation plan. */
  readonly maxWaitMs?: number | undefined;
  readonly escalation?: EscalationStep[] | undefined;
}

class Enqueue implements Cmd {
  label = '';
  constructor(readonly p: EnqueueParams) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const { p } = this;
    let id = `c${m.nextCallNumber}`;
    if (p.idKind === 'reuse-dead' && m.deadIds.size > 0) id = pickFrom([...m.deadIds], p.pick) as string;
    if (p.idKind === 'duplicate-live' && m.calls.length > 0) id = (pickFrom(m.calls, p.pick) as { id: string }).id;
    const input: Record<string, unknown> = { id, queue: p.queue, priority: p.priority, channel: p.channel };
    if (Object.keys(p.requirements).length > 0) input.requirements = p.requirements;
    if (p.customerId !== undefined) input.customerId = p.customerId;
    if (p.withAttributes) input.attributes = { ivr: id };
    if (p.maxWaitMs !== undefined) input.maxWaitMs = p.maxWaitMs;
    if (p.escalation !== undefined) input.escalation = p.escalation;
    switch (p.bad) {
      case 'unknown-queue':
        input.queue = 'nowhere';
        break;
      case 'nan-priority':
        input.priority = Number.NaN;
        break;
      case 'string-priority':
        input.priority = '1';
        break;
      case 'requirement-level-6':
        input.requirements = { en: 6 };
        break;
      case 'unknown-field':
        input.skills = { en: 1 };
        break;
      case 'empty-channel':
        input.channel = '';
        break;
      case 'empty-id':
        input.id = '';
        break;
      case 'attributes-array':
        input.attributes = ['x'];
        break;
      case 'customer-number':
        input.customerId = 7;
        break;
      case null:
        break;
    }
    this.label = `enqueue(${show(input)})`;
    const codes = new Set<AcdErrorCode>();
    if (p.bad !== null && p.bad !== 'unknown-queue') codes.add('INVALID_ARGUMENT');
    if (m.queue(input.queue as string) === undefined) codes.add('UNKNOWN_QUEUE');
    if (p.bad !== 'empty-id' && m.call(id) !== undefined) codes.add('DUPLICATE_ID');
    for (const step of p.escalation ?? []) {
      const target = step.overflow?.queue;
      if (target === input.queue) codes.add('INVALID_ARGUMENT');
      else if (target !== undefined && m.queue(target) === undefined) codes.add('UNKNOWN_QUEUE');
    }
    if (codes.size > 0) {
      expectFailure(m, r, this.label, [...codes], () => r.router.enqueue(input as never));
      return;
    }
    if (id === `c${m.nextCallNumber}`) m.nextCallNumber++;
    const refused = m.refusal(p.queue, p.channel, p.requirements);
    const ctx: OpContext = { kind: 'enqueue', callId: id, refused };
    const result = expectSuccess(m, r, this.label, ctx, () => r.router.enqueue(input as never), () => {
      if (refused !== undefined) {
        m.refuse({ id, queueId: p.queue, channel: p.channel, requirements: p.requirements });
        return;
      }
      m.admit({
        id,
        queueId: p.queue,
        priority: p.priority,
        channel: p.channel,
        requirements: p.requirements,
        customerId: p.customerId,
        attributes: (input.attributes as Record<string, unknown> | undefined) ?? {},
        escalation: p.escalation,
        maxWaitMs: p.maxWaitMs,
      });
    });
    if (refused !== undefined) {
      expect(result, `${this.label} result`).toStrictEqual({ accepted: false, callId: id, status: 'refused', agentId: undefined, reason: refused });
      return;
    }
    // The routing decision, with the timed actions due at once (a step, a limit) applied.
    const c = m.call(id);
    const offeredTo = c?.status === 'offered' ? c.agentId : undefined;
    expect(result, `${this.label} result`).toStrictEqual({
      accepted: true,
      callId: id,
      status: offeredTo === undefined ? 'waiting' : 'offered',
      agentId: offeredTo,
      reason: undefined,
    });
  }
  toString(): string {
    return this.label || `enqueue(${show(this.p)})`;
  }
}

const enqueueWith = (policies: boolean): fc.Arbitrary<Cmd> =>
  fc
  .record({
    idKind: fc.constantFrom<EnqueueParams['idKind']>('fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'reuse-dead', 'duplicate-live'),
    pick: fc.nat(),
    queue: queueIdArb,
    priority: fc.integer({ min: 0, max: 2 }),
    channel: fc.constantFrom('voice', 'voice', 'voice', 'voice', 'chat', 'chat', 'chat', 'email'),
    requirements: fc.oneof({ arbitrary: fc.constant({}), weight: 2 }, { arbitrary: levelsArb(3, 2), weight: 3 }),
    customerId: fc.option(fc.constantFrom('cust-1', 'cust-2'), { nil: undefined }),
    withAttributes: fc.boolean(),
    bad: fc.oneof(
      { arbitrary: fc.constant(null), weight: 15 },
      {
        arbitrary: fc.constantFrom<EnqueueBad>(
          'unknown-queue',
          'nan-priority',
          'string-priority',
          'requirement-level-6',
          'unknown-field',
          'empty-channel',
          'empty-id',
          'attributes-array',
          'customer-number',
        ),
        weight: 1,
      },
    ),
    own: policies ? callPoliciesArb(QUEUE_IDS) : fc.constant({ maxWaitMs: undefined, escalation: undefined }),
  })
  .map(({ own, ...p }) => {
    // A call's own plan may not send it to its own queue.
    const escalation = own.escalation?.filter((step) => step.overflow?.queue !== p.queue);
    return new Enqueue({ ...p, maxWaitMs: own.maxWaitMs, escalation });
  });

const enqueueArb = enqueueWith(false);
/** Enqueue, now and then with the call's own hold-time limit or escalation plan. */
export const enqueuePolicyArb = enqueueWith(true);

type CallOpName = 'answer' | 'decline' | 'abandon' | 'complete';
type CallTarget = 'waiting' | 'offered' | 'talking' | 'forgotten' | 'never' | 'empty';

/** answer / decline / abandon / complete on a call picked by status (valid or not for the op). */
class CallOp implements Cmd {
  label = '';
  constructor(
    readonly p: {
      op: CallOpName;
      target: CallTarget;
      pick: number;
      outcome: CallOutcome | undefined;
      badOutcome: boolean;
      callId?: string;
      /** Pick among the calls offered to the agent with the most offers. */
      busiest?: boolean;
    },
  ) {}
  check = (m: ReferenceModel): boolean => {
    if (this.p.callId !== undefined) return true;
    if (this.p.busiest === true) return busiest(m) !== undefined;
    const t = this.p.target;
    if (t === 'waiting' || t === 'offered' || t === 'talking') return m.callsWith(t).length > 0;
    if (t === 'forgotten') return m.deadIds.size > 0;
    return true;
  };
  run(m: ReferenceModel, r: Harness): void {
    const { op, target, pick } = this.p;
    let id: string;
    if (this.p.callId !== undefined) id = this.p.callId;
    else if (this.p.busiest === true) id = pickFrom((busiest(m) as MAgent).callIds.filter((x) => m.call(x)?.status === 'offered'), pick) as string;
    else if (target === 'waiting' || target === 'offered' || target === 'talking') id = (pickFrom(m.callsWith(target), pick) as { id: string }).id;
    else if (target === 'forgotten') id = pickFrom([...m.deadIds], pick) as string;
    else id = target === 'never' ? 'no-such-call' : '';
    const outcome: unknown = this.p.badOutcome ? { wrapUpMs: -1 } : this.p.outcome;
    this.label = op === 'complete' ? `complete(${show(id)}, ${show(outcome)})` : `${op}(${show(id)})`;
    const call = m.call(id);
    const codes: AcdErrorCode[] = [];
    if (id === '') codes.push('INVALID_ARGUMENT');
    else if (call === undefined) codes.push('UNKNOWN_CALL');
    else if ((op === 'answer' || op === 'decline') && call.status !== 'offered') codes.push('INVALID_STATE');
    else if (op === 'abandon' && call.status === 'talking') codes.push('INVALID_STATE');
    else if (op === 'complete') {
      if (this.p.badOutcome) codes.push('INVALID_ARGUMENT');
      if (call.status !== 'talking') codes.push('INVALID_STATE');
    }
    const invoke = (): void => {
      if (op === 'complete') r.router.complete(id, outcome as never);
      else r.router[op](id);
    };
    if (codes.length > 0) {
      expectFailure(m, r, this.label, codes, invoke);
      return;
    }
    const ctx: OpContext =
      op === 'complete' ? { kind: 'complete', callId: id, outcome: (outcome as CallOutcome | undefined) ?? {} } : { kind: op, callId: id };
    expectSuccess(m, r, this.label, ctx, invoke);
  }
  toString(): string {
    return this.label || `${this.p.op}(${this.p.target} #${this.p.pick})`;
  }
}

const outcomeArb = fc.option(
  fc.record({ resolved: fc.boolean(), disposition: fc.constantFrom('sale', 'info'), wrapUpMs: fc.constantFrom(0, 1_000, 7_000) }, { requiredKeys: [] }),
  { nil: undefined },
);

const callOpArb = (op: CallOpName, valid: readonly CallTarget[], weightValid: number): fc.Arbitrary<Cmd> =>
  fc
    .record({
      target: fc.oneof(
        { arbitrary: fc.constantFrom(...valid), weight: weightValid },
        { arbitrary: fc.constantFrom<CallTarget>('waiting', 'offered', 'talking', 'forgotten', 'never', 'empty'), weight: 1 },
      ),
      pick: fc.nat(),
      outcome: op === 'complete' ? outcomeArb : fc.constant(undefined),
      badOutcome:
        op === 'complete'
          ? fc.oneof({ arbitrary: fc.constant(false), weight: 15 }, { arbitrary: fc.constant(true), weight: 1 })
          : fc.constant(false),
    })
    .map((p) => new CallOp({ op, ...p }));

// ---- queues ---------------------------------------------------------------------------------------

type QueueBad =
  | 'weight-0'
  | 'timeout-0'
  | 'bad-strategy'
  | 'negative-wrap-up'
  | 'unknown-field'
  | 'unknown-queue'
  | 'unordered-steps'
  | 'exit-to-self'
  | 'tier-0'
  | 'bad-join-rule';

const BASE_QUEUE_BADS: readonly QueueBad[] = ['weight-0', 'timeout-0', 'bad-strategy', 'negative-wrap-up', 'unknown-field', 'unknown-queue'];
const POLICY_QUEUE_BADS: readonly QueueBad[] = [...BASE_QUEUE_BADS, 'unordered-steps', 'exit-to-self', 'tier-0', 'bad-join-rule'];

/** Applies a bad variant to queue options; returns whether it makes them invalid (INVALID_ARGUMENT). */
function spoilQueueOptions(options: Record<string, unknown>, queueId: string, bad: QueueBad | null): boolean {
  switch (bad) {
    case 'weight-0':
      options.weight = 0;
      return true;
    case 'timeout-0':
      options.offerTimeoutMs = 0;
      return true;
    case 'bad-strategy':
      options.strategy = 'fastest';
      return true;
    case 'negative-wrap-up':
      options.wrapUpMs = -5;
      return true;
    case 'unknown-field':
      options.wrapupMs = 5;
      return true;
    case 'unordered-steps':
      options.escalation = [{ afterMs: 5_000, raisePriority: 1 }, { afterMs: 1_000 }];
      return true;
    case 'exit-to-self':
      options.exitAction = { action: 'overflow', queue: queueId };
      return false; // checked with the targets
    case 'tier-0':
      options.maxTier = 0;
      return true;
    case 'bad-join-rule':
      options.joinRule = 'sometimes';
      return true;
    case 'unknown-queue':
    case null:
      return false;
  }
}

/** Codes for overflow targets of queue `queueId`: itself (INVALID_ARGUMENT) or unknown (UNKNOWN_QUEUE). */
function targetCodes(m: ReferenceModel, queueId: string, options: Record<string, unknown>): AcdErrorCode[] {
  const targets: string[] = [];
  for (const step of (options.escalation as EscalationStep[] | undefined) ?? []) if (step.overflow !== undefined) targets.push(step.overflow.queue);
  const exit = options.exitAction as { action: string; queue?: string } | undefined;
  if (exit?.action === 'overflow') targets.push(exit.queue as string);
  return targets.flatMap((target): AcdErrorCode[] =>
    target === queueId ? ['INVALID_ARGUMENT'] : m.queue(target) === undefined ? ['UNKNOWN_QUEUE'] : [],
  );
}

class UpdateQueue implements Cmd {
  label = '';
  constructor(readonly p: { queue: string; update: MQueueOptions; bad: QueueBad | null }) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const { p } = this;
    const queueId = p.bad === 'unknown-queue' ? 'nowhere' : p.queue;
    const update: Record<string, unknown> = { ...p.update };
    const invalid = spoilQueueOptions(update, queueId, p.bad);
    this.label = `updateQueue(${queueId}, ${show(update)})`;
    const codes = new Set<AcdErrorCode>();
    if (m.queue(queueId) === undefined) codes.add('UNKNOWN_QUEUE');
    else if (invalid) codes.add('INVALID_ARGUMENT');
    else for (const code of targetCodes(m, queueId, update)) codes.add(code);
    if (codes.size > 0) {
      expectFailure(m, r, this.label, [...codes], () => r.router.updateQueue(queueId, update as never));
      return;
    }
    const snapshot = expectSuccess(m, r, this.label, { kind: 'updateQueue', queueId }, () => r.router.updateQueue(queueId, update as never), () =>
      m.updateQueue(queueId, p.update),
    );
    expect(snapshot, `${this.label} returns the queue's snapshot`).toStrictEqual(r.router.getQueue(queueId));
  }
  toString(): string {
    return this.label || `updateQueue(${show(this.p)})`;
  }
}

const updateQueueWith = (policies: boolean): fc.Arbitrary<Cmd> =>
  queueIdArb.chain((queue) =>
    fc
      .record({
        queue: fc.constant(queue),
        update: policies
          ? fc.tuple(queueOptionsArb, queuePoliciesFor(queue, QUEUE_IDS)).map(([base, more]): MQueueOptions => ({ ...base, ...more }))
          : queueOptionsArb,
        bad: fc.oneof(
          { arbitrary: fc.constant(null), weight: 8 },
          { arbitrary: fc.constantFrom(...(policies ? POLICY_QUEUE_BADS : BASE_QUEUE_BADS)), weight: 1 },
        ),
      })
      .map((p) => new UpdateQueue(p)),
  );

const updateQueueArb = updateQueueWith(false);
export const updatePoliciesArb = updateQueueWith(true);

class AddQueue implements Cmd {
  label = '';
  constructor(readonly p: { id: string; options: MQueueOptions; bad: QueueBad | null }) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const options: Record<string, unknown> = { id: this.p.id, ...this.p.options };
    const invalid = spoilQueueOptions(options, this.p.id, this.p.bad);
    this.label = `addQueue(${show(options)})`;
    const codes = new Set<AcdErrorCode>();
    if (invalid) codes.add('INVALID_ARGUMENT');
    else if (m.queue(this.p.id) !== undefined) codes.add('DUPLICATE_ID');
    else for (const code of targetCodes(m, this.p.id, options)) codes.add(code);
    if (codes.size > 0) {
      expectFailure(m, r, this.label, [...codes], () => r.router.addQueue(options as never));
      return;
    }
    const snapshot = expectSuccess(m, r, this.label, { kind: 'other' }, () => r.router.addQueue(options as never), () =>
      m.addQueue(this.p.id, this.p.options),
    );
    expect(snapshot, `${this.label} returns the queue's snapshot`).toStrictEqual(r.router.getQueue(this.p.id));
  }
  toString(): string {
    return this.label || `addQueue(${show(this.p)})`;
  }
}

const addQueueWith = (policies: boolean): fc.Arbitrary<Cmd> =>
  fc.constantFrom(...QUEUE_IDS).chain((id) =>
    fc
      .record({
        id: fc.constant(id),
        options: policies
          ? fc.tuple(queueOptionsArb, queuePoliciesFor(id, QUEUE_IDS)).map(([base, more]): MQueueOptions => ({ ...base, ...more }))
          : queueOptionsArb,
        bad: fc.oneof(
          { arbitrary: fc.constant(null), weight: 8 },
          { arbitrary: fc.constantFrom<QueueBad>(...(policies ? ['weight-0', 'unordered-steps', 'exit-to-self'] as const : ['weight-0'] as const)), weight: 1 },
        ),
      })
      .map((p) => new AddQueue(p)),
  );

const addQueueArb = addQueueWith(false);
export const addPolicyQueueArb = addQueueWith(true);

class RemoveQueue implements Cmd {
  label = '';
  constructor(readonly p: { queue: string }) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const id = this.p.queue;
    this.label = `removeQueue(${id})`;
    if (m.queue(id) === undefined) {
      expectFailure(m, r, this.label, ['UNKNOWN_QUEUE'], () => r.router.removeQueue(id));
    } else if (m.removeQueueBlocked(id) !== undefined) {
      expectFailure(m, r, `${this.label} (${m.removeQueueBlocked(id)})`, ['INVALID_STATE'], () => r.router.removeQueue(id));
    } else {
      expectSuccess(m, r, this.label, { kind: 'other' }, () => r.router.removeQueue(id), () => m.removeQueue(id));
    }
  }
  toString(): string {
    return this.label || `removeQueue(${this.p.queue})`;
  }
}

export const removeQueueArb: fc.Arbitrary<Cmd> = queueIdArb.map((queue) => new RemoveQueue({ queue }));

// ---- time and reads -------------------------------------------------------------------------------

/**
 * Moves the clock to `atMs` (one instant), replays the events of that step and checks everything.
 * An instant where only the router's timer fired (nothing the model knew of was due) and nothing
 * was emitted is checked in full with the next command or step instead.
 */
function stepTo(m: ReferenceModel, r: Harness, atMs: number): void {
  const expected = m.nextDueAt() === atMs;
  r.beginOp();
  r.clock.advanceTo(atMs);
  m.nowMs = atMs;
  m.consume(r.events, { kind: 'step' });
  m.finish({ kind: 'step' });
  if (expected || r.events.length > 0) checkAll(m, r);
}

/** The next instant something may happen: a deadline or timed action the model knows, or the router's clock timer. */
function nextInstant(m: ReferenceModel, r: Harness): number | undefined {
  const mine = m.nextDueAt() ?? Infinity;
  const theirs = r.clock.nextDueAtMs() ?? Infinity;
  const next = Math.min(mine, Math.max(theirs, m.nowMs));
  return next === Infinity ? undefined : next;
}

/**
 * Advances the simulated clock one instant at a time: every time the model knows something is due
 * (a deadline, a call's limit or step) and every time the router's clock timer is due (a timed
 * action the model may allow but not foresee, such as a gated overflow's recheck, or a stale
 * timer that finds nothing), so the events of each instant are replayed and the invariants checked.
 */
class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const target = m.nowMs + this.ms;
    for (let steps = 0; ; steps++) {
      if (steps > 10_000) throw new ModelError(`advance(${this.ms}): more than 10000 instants before ${target}`);
      const next = nextInstant(m, r);
      if (next === undefined || next > target) break;
      stepTo(m, r, next);
    }
    r.beginOp();
    r.clock.advanceTo(target);
    if (r.events.length > 0) {
      throw new ModelError(
        `advancing to ${target} (nothing due after ${m.nowMs}) emitted ${r.events.map((e) => `${e.name}@${(e.payload as { atMs: number }).atMs}`).join(', ')}`,
      );
    }
    m.nowMs = target;
    checkAll(m, r);
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

const advanceArb: fc.Arbitrary<Cmd> = fc
  .oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(1_000, 2_000, 4_000, 5_000, 15_000))
  .map((ms) => new Advance(ms));

/**
 * The end of a run: every call leaves (waiting and ringing ones are abandoned or withdrawn, scheduled
 * callbacks withdrawn, connected calls completed), then time runs past every limit, step and deadline. No call event may come any
 * more, and once the router has no work under way its clock timer goes too: at most one stale
 * timer may fire and find nothing, then no timer is pending (no timer of a call that left leaked).
 */
export function drain(m: ReferenceModel, r: Harness): void {
  for (const status of ['scheduled', 'waiting', 'offered'] as const) {
    m.callsWith(status).forEach((c, i) => {
      // Callers hang up or the backend withdraws them, in turn (a scheduled callback has no caller).
      if (status !== 'scheduled' && i % 2 === 1) {
        new CallOp({ op: 'abandon', target: status, pick: 0, outcome: undefined, badOutcome: false, callId: c.id }).run(m, r);
      } else {
        new Withdraw(status, 0, 'drain', c.id).run(m, r);
      }
    });
  }
  for (const c of m.callsWith('talking')) {
    new CallOp({ op: 'complete', target: 'talking', pick: 0, outcome: undefined, badOutcome: false, callId: c.id }).run(m, r);
  }
  if (m.calls.length > 0) throw new ModelError(`drain: calls ${m.calls.map((c) => c.id).join(', ')} are still live`);
  let stale = 0;
  for (let steps = 0; ; steps++) {
    if (steps > 10_000) throw new ModelError('drain: more than 10000 instants');
    const next = nextInstant(m, r);
    if (next === undefined) break;
    if (!m.hasLiveDeadlines() && ++stale > 1) {
      throw new ModelError(
        `drain: no call is live and no work is under way, yet the router's clock timer is due at ${next} again (a timer leaked)`,
      );
    }
    stepTo(m, r, next);
    const late = r.events.filter((e) => e.name.startsWith('call:'));
    if (late.length > 0) throw new ModelError(`drain: ${late.map((e) => e.name).join(', ')} at ${next}, after every call left`);
  }
  expect(r.clock.pendingTimers, 'pending clock timers once every call left and all work ended').toBe(0);
}

/** Runs the commands against a fresh router and model, then drains them (see {@link drain}). */
export function runAndDrain(make: () => { model: ReferenceModel; real: Harness }, commands: Iterable<Cmd>): void {
  let env: { model: ReferenceModel; real: Harness } | undefined;
  fc.modelRun(() => (env = make()), commands);
  if (env !== undefined) drain(env.model, env.real);
}

/** Reads with bad ids throw the right code and change nothing. */
class BadRead implements Cmd {
  constructor(readonly which: number) {}
  check = () => true;
  run(m: ReferenceModel, r: Harness): void {
    const router = r.router;
    const reads: Array<[string, AcdErrorCode, () => unknown]> = [
      ['getCall("")', 'INVALID_ARGUMENT', () => router.getCall('')],
      ['getCall("no-such-call")', 'UNKNOWN_CALL', () => router.getCall('no-such-call')],
      ['getAgent("ghost")', 'UNKNOWN_AGENT', () => router.getAgent('ghost')],
      ['getQueue("nowhere")', 'UNKNOWN_QUEUE', () => router.getQueue('nowhere')],
      ['waitingCalls("nowhere")', 'UNKNOWN_QUEUE', () => router.waitingCalls('nowhere')],
      ['hasCall(42)', 'INVALID_ARGUMENT', () => router.hasCall(42 as never)],
    ];
    const [label, code, read] = reads[this.which % reads.length] as [string, AcdErrorCode, () => unknown];
    expectFailure(m, r, label, [code], read);
  }
  toString(): string {
    return `badRead(#${this.which})`;
  }
}

const badReadArb: fc.Arbitrary<Cmd> = fc.nat(5).map((n) => new BadRead(n));

/** All commands, weighted so calls flow (enqueue, answer, complete, time) most of the time. */
export const allCommands: Array<fc.Arbitrary<Cmd>> = [
  addAgentArb,
  updateAgentArb,
  fc.oneof(removeAgentArb, setAgentStateArb, setAgentStateArb),
  setAgentStateArb,
  enqueueArb,
  enqueueArb,
  enqueueArb,
  enqueueArb,
  callOpArb('answer', ['offered'], 8),
  callOpArb('answer', ['offered'], 8),
  callOpArb('answer', ['offered'], 8),
  callOpArb('decline', ['offered'], 8),
  callOpArb('abandon', ['waiting', 'offered'], 8),
  callOpArb('complete', ['talking'], 8),
  callOpArb('complete', ['talking'], 8),
  callOpArb('complete', ['talking'], 8),
  fc.oneof(updateQueueArb, updateQueueArb, addQueueArb, removeQueueArb, badReadArb),
  fc.oneof(withdrawArb, setCallPriorityArb, adjustCallAgeArb, requestCallbackArb),
  advanceArb,
  advanceArb,
  advanceArb,
];

const longAdvanceArb: fc.Arbitrary<Cmd> = fc.constantFrom(8_000, 12_000, 30_000).map((ms) => new Advance(ms));

/**
 * A mix aimed at the queue policies: queues reconfigured with escalation plans, limits, exit
 * actions, admission rules and aging; calls with their own plans and limits; agents logging in
 * and out (no-agent limits, skipped steps); the backend withdrawing, reprioritizing and turning
 * calls into callbacks; and time moving on to every step, limit and recheck.
 */
export const policyCommands: Array<fc.Arbitrary<Cmd>> = [
  addAgentArb,
  updateAgentArb,
  fc.oneof(removeAgentArb, setAgentStateArb),
  setAgentStateArb,
  setAgentStateArb,
  enqueuePolicyArb,
  enqueuePolicyArb,
  enqueuePolicyArb,
  enqueuePolicyArb,
  callOpArb('answer', ['offered'], 8),
  callOpArb('answer', ['offered'], 8),
  callOpArb('decline', ['offered'], 8),
  callOpArb('abandon', ['waiting', 'offered'], 8),
  callOpArb('complete', ['talking'], 8),
  callOpArb('complete', ['talking'], 8),
  withdrawArb,
  setCallPriorityArb,
  adjustCallAgeArb,
  requestCallbackArb,
  requestCallbackArb,
  callbackUnansweredArb,
  callbackUnansweredArb,
  fc.oneof(updatePoliciesArb, updatePoliciesArb, addPolicyQueueArb, removeQueueArb),
  advanceArb,
  advanceArb,
  advanceArb,
  longAdvanceArb,
];

/**
 * A mix aimed at callbacks: waiting callers turned into callbacks (asked for, or at a limit with
 * the callback exit action), offered, answered (the agent dials), unanswered and retried later at
 * their old place, or failed after their last attempt.
 */
export const callbackCommands: Array<fc.Arbitrary<Cmd>> = [
  addAgentArb,
  setAgentStateArb,
  enqueuePolicyArb,
  enqueuePolicyArb,
  enqueuePolicyArb,
  requestCallbackArb,
  requestCallbackArb,
  requestCallbackArb,
  callOpArb('answer', ['offered'], 8),
  callOpArb('answer', ['offered'], 8),
  callOpArb('answer', ['offered'], 8),
  callbackUnansweredArb,
  callbackUnansweredArb,
  callbackUnansweredArb,
  callOpArb('complete', ['talking'], 8),
  withdrawArb,
  updatePoliciesArb,
  advanceArb,
  advanceArb,
  longAdvanceArb,
];

/**
 * A mix aimed at calls returned to line together: agents holding several chats at once (so a
 * revoke, or a decline or time-out that trips `maxMissedOffers`, returns several calls of
 * different queues and requirement buckets), chat calls arriving spread over time (so
 * `waitMs × weight` differs from arrival order), and free agents to take the returned calls.
 */
const multiChatAgentArb: fc.Arbitrary<Cmd> = fc
  .record({
    id: fc.constantFrom(...AGENT_IDS),
    queues: membershipsArb,
    skills: agentSkillsArb,
    capacity: fc.constantFrom<Record<string, number> | undefined>({ chat: 3 }, { chat: 3 }, { chat: 1 }, { voice: 1, chat: 2 }),
    state: fc.constantFrom<MPresence | undefined>('available', 'available', 'available', 'not-ready'),
  })
  .map((p) => new AddAgent({ ...p, reason: undefined, bad: null }));

const chatCallArb: fc.Arbitrary<Cmd> = fc
  .record({
    queue: fc.constantFrom('q0', 'q1'),
    priority: fc.integer({ min: 0, max: 2 }),
    channel: fc.constantFrom('chat', 'chat', 'chat', 'chat', 'voice'),
    requirements: fc.constantFrom<Record<string, number>>({}, {}, { en: 1 }, { fr: 1 }, { en: 2, fr: 1 }),
  })
  .map((p) => new Enqueue({ ...p, idKind: 'fresh', pick: 0, customerId: undefined, withAttributes: false, bad: null }));

const shortAdvanceArb: fc.Arbitrary<Cmd> = fc.constantFrom(250, 1_000, 2_000).map((ms) => new Advance(ms));

/** The agent holding the most offers leaves (not-ready, offline, removed) or misses one. */
const busiestLeavesArb: fc.Arbitrary<Cmd> = fc
  .record({ how: fc.constantFrom('not-ready', 'offline', 'remove', 'decline', 'decline'), pick: fc.nat() })
  .map(({ how, pick }) =>
    how === 'remove'
      ? new RemoveAgent({ pick, unknown: false, busiest: true })
      : how === 'decline'
        ? new CallOp({ op: 'decline', target: 'offered', pick, outcome: undefined, badOutcome: false, busiest: true })
        : new SetAgentState({ pick, state: how, reason: undefined, bad: null, busiest: true }),
  );

export const batchReturnCommands: Array<fc.Arbitrary<Cmd>> = [
  multiChatAgentArb,
  multiChatAgentArb,
  chatCallArb,
  chatCallArb,
  chatCallArb,
  chatCallArb,
  shortAdvanceArb,
  shortAdvanceArb,
  advanceArb,
  busiestLeavesArb,
  busiestLeavesArb,
  setAgentStateArb,
  callOpArb('answer', ['offered'], 8),
  callOpArb('complete', ['talking'], 8),
  updateQueueArb,
];

/** Commands with explicit arguments, for regression cases (each still checked against the model). */
export const command = {
  addAgent: (
    id: string,
    queues: readonly string[] | Record<string, number>,
    more: { skills?: Record<string, number>; capacity?: Record<string, number>; state?: MPresence } = {},
  ): Cmd =>
    new AddAgent({
      id,
      queues,
      skills: more.skills ?? {},
      capacity: more.capacity,
      state: more.state ?? 'available',
      reason: undefined,
      bad: null,
    }),
  /** Enqueues the next fresh call (`c0`, `c1`, …). */
  enqueue: (
    queue: string,
    more: {
      priority?: number;
      channel?: string;
      requirements?: Record<string, number>;
      maxWaitMs?: number;
      escalation?: EscalationStep[];
    } = {},
  ): Cmd =>
    new Enqueue({
      idKind: 'fresh',
      pick: 0,
      queue,
      priority: more.priority ?? 0,
      channel: more.channel ?? 'voice',
      requirements: more.requirements ?? {},
      customerId: undefined,
      withAttributes: false,
      bad: null,
      maxWaitMs: more.maxWaitMs,
      escalation: more.escalation,
    }),
  answer: (callId: string): Cmd => new CallOp({ op: 'answer', target: 'offered', pick: 0, outcome: undefined, badOutcome: false, callId }),
  decline: (callId: string): Cmd => new CallOp({ op: 'decline', target: 'offered', pick: 0, outcome: undefined, badOutcome: false, callId }),
  abandon: (callId: string): Cmd => new CallOp({ op: 'abandon', target: 'waiting', pick: 0, outcome: undefined, badOutcome: false, callId }),
  complete: (callId: string, outcome?: CallOutcome): Cmd =>
    new CallOp({ op: 'complete', target: 'talking', pick: 0, outcome, badOutcome: false, callId }),
  setAgentState: (agentId: string, state: MPresence, reason?: string): Cmd =>
    new SetAgentState({ pick: 0, state, reason, bad: null, agentId }),
  removeAgent: (agentId: string): Cmd => new RemoveAgent({ pick: 0, unknown: false, agentId }),
  updateAgent: (agentId: string, update: { queues?: string[] | Record<string, number>; skills?: Record<string, number>; capacity?: Record<string, number> }): Cmd =>
    new UpdateAgent({ pick: 0, queues: update.queues, skills: update.skills, capacity: update.capacity, bad: null, agentId }),
  updateQueue: (queue: string, update: MQueueOptions): Cmd => new UpdateQueue({ queue, update, bad: null }),
  removeQueue: (queue: string): Cmd => new RemoveQueue({ queue }),
  withdraw: (callId: string, reason = 'ivr-exit'): Cmd => new Withdraw('waiting', 0, reason, callId),
  setCallPriority: (callId: string, priority: number): Cmd => new Reprioritize('waiting', 0, 'setCallPriority', priority, callId),
  adjustCallAge: (callId: string, byMs: number): Cmd => new Reprioritize('waiting', 0, 'adjustCallAge', byMs, callId),
  requestCallback: (callId: string): Cmd => new RequestCallback('waiting', 0, undefined, callId),
  callbackUnanswered: (callId: string): Cmd => new CallbackUnanswered('talking-callback', 0, callId),
  advance: (ms: number): Cmd => new Advance(ms),
};

/**
 * A fresh router and model with the given queues (`q0`, `q1`, …; each added with its base options,
 * then given its policies, so that overflow targets exist), then `initial` commands run and checked.
 */
export function setup(
  options: Omit<CallRouterOptions, 'clock'>,
  queues: readonly MQueueOptions[],
  initial: readonly Cmd[] = [],
  harness: { throwingListener?: boolean; model?: ModelOptions } = {},
): { model: ReferenceModel; real: Harness } {
  const real = new Harness(options, harness);
  const model = new ReferenceModel(
    {
      maxMissedOffers: options.maxMissedOffers ?? 3,
      declineDelayMs: options.declineDelayMs ?? 0,
      noAnswerDelayMs: options.noAnswerDelayMs ?? 0,
    },
    harness.model,
  );
  const baseKeys = new Set(['strategy', 'weight', 'offerTimeoutMs', 'wrapUpMs']);
  queues.forEach((q, i) => {
    const id = `q${i}`;
    const base = Object.fromEntries(Object.entries(q).filter(([key]) => baseKeys.has(key)));
    real.router.addQueue({ id, ...base });
    model.addQueue(id, base);
  });
  queues.forEach((q, i) => {
    const id = `q${i}`;
    const policies = Object.fromEntries(Object.entries(q).filter(([key]) => !baseKeys.has(key)));
    if (Object.keys(policies).length === 0) return;
    real.router.updateQueue(id, policies);
    model.updateQueue(id, policies);
  });
  for (const command of initial) if (command.check(model)) command.run(model, real);
  return { model, real };
}
