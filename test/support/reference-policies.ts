/**
 * The queue policies of the reference model (escalation plans, hold-time limits, admission,
 * callbacks) as plain data, and the small pure functions the model replays policy events with.
 * Written from the documented semantics, not from the engine's code.
 */
import type { EscalationStep, ExitAction, JoinRule, StrategyName } from '../../src/index.js';

const MS_PER_MINUTE = 60_000;

export interface MCallbackPolicy {
  maxAttempts: number;
  retryDelayMs: number;
  channel?: string;
}

export interface MQueue {
  readonly id: string;
  strategy: StrategyName;
  weight: number;
  offerTimeoutMs: number;
  wrapUpMs: number;
  escalation: readonly EscalationStep[];
  agingPerMinute: number;
  maxTier: number;
  maxWaitMs: number;
  maxWaitNoAgentsMs: number;
  exitAction: ExitAction;
  maxLength: number;
  joinRule: JoinRule;
  callback: MCallbackPolicy;
}

/** Options of addQueue / updateQueue the model follows (absent keys keep the current value). */
export interface MQueueOptions {
  strategy?: StrategyName;
  weight?: number;
  offerTimeoutMs?: number;
  wrapUpMs?: number;
  escalation?: readonly EscalationStep[];
  agingPerMinute?: number;
  maxTier?: number;
  maxWaitMs?: number;
  maxWaitNoAgentsMs?: number;
  exitAction?: ExitAction;
  maxLength?: number;
  joinRule?: JoinRule;
  callback?: Partial<MCallbackPolicy>;
}

/** A queue with the documented defaults. */
export function newMQueue(id: string, options: MQueueOptions): MQueue {
  const q: MQueue = {
    id,
    strategy: 'longest-idle',
    weight: 1,
    offerTimeoutMs: 15_000,
    wrapUpMs: 0,
    escalation: [],
    agingPerMinute: 0,
    maxTier: Infinity,
    maxWaitMs: Infinity,
    maxWaitNoAgentsMs: Infinity,
    exitAction: { action: 'disconnect' },
    maxLength: Infinity,
    joinRule: 'always',
    callback: { maxAttempts: 3, retryDelayMs: 300_000 },
  };
  updateMQueue(q, options);
  return q;
}

/** updateQueue: given fields replace the current ones; `callback` is merged field by field. */
export function updateMQueue(q: MQueue, options: MQueueOptions): void {
  const { callback, ...rest } = options;
  Object.assign(q, rest);
  if (callback !== undefined) q.callback = { ...q.callback, ...callback };
}

/** Queues a queue's configuration sends calls to (escalation overflows and the exit action). */
export function overflowTargets(q: Pick<MQueue, 'escalation' | 'exitAction'>): string[] {
  const targets = q.escalation.flatMap((step) => (step.overflow === undefined ? [] : [step.overflow.queue]));
  if (q.exitAction.action === 'overflow') targets.push(q.exitAction.queue);
  return targets;
}

/** Priority points a waiting call of the queue gains per ms of waiting (the engine's own formula). */
export const agingPerMs = (q: MQueue): number => q.agingPerMinute / MS_PER_MINUTE;

/** Requirements as an object with skills in name order (the form a bucket shares with its calls). */
export function normalized(levels: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(levels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function levelsKey(levels: Readonly<Record<string, number>>): string {
  return Object.entries(normalized(levels))
    .map(([skill, min]) => `${skill}=${min}`)
    .join(',');
}

/** Key of the group of calls that the same agents may take: queue, channel, requirements, tier limit. */
export const bucketKey = (queueId: string, channel: string, requirements: Readonly<Record<string, number>>, maxTier: number): string =>
  `${queueId}|${channel}|${levelsKey(requirements)}|${maxTier}`;

/**
 * Requirements after a step: `relax` lowers the minimum of skills the call requires (never raises
 * one, never adds one), `dropSkills` removes skills. `undefined` when nothing changes.
 */
export function relaxedBy(requirements: Readonly<Record<string, number>>, step: EscalationStep): Record<string, number> | undefined {
  const out: Record<string, number> = { ...requirements };
  let changed = false;
  for (const [skill, min] of Object.entries(step.relax ?? {})) {
    const current = out[skill];
    if (current !== undefined && min < current) {
      out[skill] = min;
      changed = true;
    }
  }
  for (const skill of step.dropSkills ?? []) {
    if (out[skill] !== undefined) {
      delete out[skill];
      changed = true;
    }
  }
  return changed ? normalized(out) : undefined;
}

/** JSON with keys sorted and non-finite numbers spelled out, to compare payloads whatever their key order. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, x]) => [k, sort(x)]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value)) ?? 'undefined';
}
