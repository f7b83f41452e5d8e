/**
 * Arbitraries for the queue policies (escalation plans, hold-time limits, exit actions, admission,
 * callbacks) and a call's own plan and limit. Values are small and dense around each other so that
 * steps, limits, gates and agents coming and going meet within a few commands.
 */
import fc from 'fast-check';
import type { EscalationStep, ExitAction, JoinRule, OverflowTarget } from '../../src/index.js';
import type { MQueueOptions } from './reference-model.js';

/**
 * Aging rates (points per minute) whose per-ms rate is a power of two, so that the model and the
 * router compute bit-identical effective priorities: 1 point per ~16 s, and per ~65 s.
 */
export const AGING_RATES = [60_000 / 2 ** 14, 60_000 / 2 ** 16] as const;

/** Each field present with its own probability (absent fields are left out, not set to undefined). */
function someOf<T extends object>(fields: { [K in keyof T]-?: readonly [fc.Arbitrary<T[K]>, number] }): fc.Arbitrary<T> {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, [arb, presence]] of Object.entries(fields) as Array<[string, readonly [fc.Arbitrary<unknown>, number]]>) {
    const weight = Math.round(presence * 20);
    parts[key] = fc.oneof({ arbitrary: fc.constant(undefined), weight: 20 - weight }, { arbitrary: arb, weight });
  }
  return fc.record(parts).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return out as T;
  });
}

const overflowArb = (targets: readonly string[]): fc.Arbitrary<OverflowTarget> =>
  fc.tuple(
    fc.constantFrom(...targets),
    someOf<Omit<OverflowTarget, 'queue'>>({
      when: [fc.oneof(fc.record({ maxWaiting: fc.constantFrom(0, 1, 2) }), fc.record({ maxLongestWaitMs: fc.constantFrom(3_000, 10_000) })), 0.6],
      recheckMs: [fc.constantFrom(2_000, 5_000), 0.6],
    }),
  ).map(([queue, rest]) => ({ queue, ...rest }));

/** One step; each change present now and then, an overflow only when there is a target. */
export const stepArb = (targets: readonly string[]): fc.Arbitrary<EscalationStep> =>
  fc.tuple(
    fc.constantFrom(0, 1_000, 3_000, 5_000, 10_000, 20_000),
    someOf<Omit<EscalationStep, 'afterMs' | 'overflow'>>({
      raisePriority: [fc.constantFrom(1, 2, 3), 0.4],
      relax: [fc.constantFrom<Record<string, number>>({ en: 1 }, { fr: 1, tech: 1 }, { tech: 2 }), 0.3],
      dropSkills: [fc.constantFrom(['tech'], ['en', 'fr']), 0.2],
      maxTier: [fc.constantFrom(2, 3, Infinity), 0.3],
      keepPlace: [fc.constant(false), 0.2],
      skipIfNoAgents: [fc.constant(true), 0.3],
      name: [fc.constantFrom('urgent', 'wider'), 0.3],
    }),
    targets.length === 0 ? fc.constant(undefined) : fc.oneof({ arbitrary: fc.constant(undefined), weight: 13 }, { arbitrary: overflowArb(targets), weight: 7 }),
  ).map(([afterMs, changes, overflow]) => (overflow === undefined ? { afterMs, ...changes } : { afterMs, ...changes, overflow }));

/** A plan of up to three steps in order of `afterMs`. */
export const planArb = (targets: readonly string[]): fc.Arbitrary<EscalationStep[]> =>
  fc.array(stepArb(targets), { maxLength: 3 }).map((steps) => [...steps].sort((a, b) => a.afterMs - b.afterMs));

export const exitActionArb = (targets: readonly string[]): fc.Arbitrary<ExitAction> =>
  fc.oneof(
    fc.constant<ExitAction>({ action: 'disconnect' }),
    fc.constant<ExitAction>({ action: 'voicemail' }),
    fc.constant<ExitAction>({ action: 'callback' }),
    ...(targets.length === 0 ? [] : [fc.constantFrom(...targets).map((queue): ExitAction => ({ action: 'overflow', queue }))]),
  );

/** Policy fields of a queue, each present now and then; `targets` are the queues its plan and exit action may send calls to. */
export const queuePoliciesArb = (targets: readonly string[]): fc.Arbitrary<MQueueOptions> =>
  someOf<Omit<MQueueOptions, 'strategy' | 'weight' | 'offerTimeoutMs' | 'wrapUpMs'>>({
    escalation: [planArb(targets), 0.6],
    agingPerMinute: [fc.constantFrom(0, ...AGING_RATES), 0.3],
    maxTier: [fc.constantFrom(1, 2, Infinity), 0.3],
    maxWaitMs: [fc.oneof({ arbitrary: fc.constantFrom(8_000, 15_000, 30_000, Infinity), weight: 8 }, { arbitrary: fc.constant(0), weight: 1 }), 0.4],
    maxWaitNoAgentsMs: [fc.constantFrom(0, 5_000, 12_000, Infinity), 0.35],
    exitAction: [exitActionArb(targets), 0.5],
    maxLength: [fc.oneof({ arbitrary: fc.constantFrom(1, 2, 3, 5), weight: 8 }, { arbitrary: fc.constant(0), weight: 1 }), 0.25],
    joinRule: [fc.constantFrom<JoinRule>('always', 'agents-logged-in', 'agents-available'), 0.3],
    callback: [
      fc.constantFrom<MQueueOptions['callback']>({ channel: 'chat', retryDelayMs: 5_000 }, { maxAttempts: 1 }, { maxAttempts: 2, retryDelayMs: 3_000 }),
      0.4,
    ],
  });

/** Queue policies whose targets are the other queues of `ids` (never the queue itself). */
export const queuePoliciesFor = (queue: string, ids: readonly string[]): fc.Arbitrary<MQueueOptions> =>
  queuePoliciesArb(ids.filter((id) => id !== queue));

/** A call's own plan and limit, each present now and then. */
export const callPoliciesArb = (targets: readonly string[]) =>
  fc.record({
    maxWaitMs: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.constantFrom(0, 4_000, 12_000), weight: 1 },
    ),
    escalation: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: planArb(targets), weight: 1 }),
  });
