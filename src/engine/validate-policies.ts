import { InvalidArgumentError } from '../model/errors.js';
import type {
  CallbackPolicy,
  EscalationStep,
  ExitAction,
  JoinRule,
  OverflowTarget,
} from '../model/policies.js';
import {
  checkSkills,
  optionalString,
  rejectUnknownFields,
  requireCount,
  requireDuration,
  requireFinite,
  requireId,
  requireObject,
} from './validate.js';

/** The escalation, limit and admission fields of a queue's options. */
export const QUEUE_POLICY_FIELDS = [
  'escalation',
  'agingPerMinute',
  'maxTier',
  'maxWaitMs',
  'maxWaitNoAgentsMs',
  'exitAction',
  'maxLength',
  'joinRule',
  'rejoinWindowMs',
  'knownAgentWaitMs',
  'callback',
  'defaultHandleMs',
  'serviceLevelMs',
  'shortAbandonMs',
] as const;

const STEP_FIELDS = ['afterMs', 'raisePriority', 'relax', 'dropSkills', 'maxTier', 'overflow', 'keepPlace', 'skipIfNoAgents', 'name'];
const JOIN_RULES: readonly JoinRule[] = ['always', 'agents-logged-in', 'agents-available'];
const EXIT_ACTIONS: readonly ExitAction['action'][] = ['overflow', 'callback', 'voicemail', 'disconnect'];

function fail(message: string): never {
  throw new InvalidArgumentError(message);
}

function optionalBoolean(name: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') fail(`Expected \`${name}\` to be a boolean, got \`${String(value)}\``);
  return value as boolean | undefined;
}

/** A tier level: an integer >= 1, or `Infinity` when allowed. */
export function requireTier(name: string, value: unknown, allowInfinity: boolean): number {
  const ok = (typeof value === 'number' && Number.isInteger(value) && value >= 1) || (allowInfinity && value === Infinity);
  if (!ok) fail(`Expected \`${name}\` to be an integer tier level >= 1${allowInfinity ? ' (or Infinity)' : ''}, got \`${String(value)}\``);
  return value as number;
}

/** A count that may be `Infinity` (no limit). */
function requireLimit(name: string, value: unknown): number {
  if (value === Infinity) return Infinity;
  return requireCount(name, value);
}

function requireOverflow(name: string, value: unknown): OverflowTarget {
  const object = requireObject(name, value);
  rejectUnknownFields(name, object, ['queue', 'when', 'recheckMs']);
  requireId(`${name}.queue`, object.queue);
  if (object.when !== undefined) {
    const when = requireObject(`${name}.when`, object.when);
    rejectUnknownFields(`${name}.when`, when, ['maxWaiting', 'maxLongestWaitMs']);
    if (when.maxWaiting !== undefined) requireCount(`${name}.when.maxWaiting`, when.maxWaiting);
    if (when.maxLongestWaitMs !== undefined) requireDuration(`${name}.when.maxLongestWaitMs`, when.maxLongestWaitMs);
  }
  if (object.recheckMs !== undefined) {
    const recheck = requireDuration(`${name}.recheckMs`, object.recheckMs);
    if (recheck === 0) fail(`Expected \`${name}.recheckMs\` to be > 0, got \`0\``);
  }
  return object as unknown as OverflowTarget;
}

function requireStep(name: string, value: unknown): EscalationStep {
  const step = requireObject(name, value);
  rejectUnknownFields(name, step, STEP_FIELDS);
  requireDuration(`${name}.afterMs`, step.afterMs);
  if (step.raisePriority !== undefined) requireFinite(`${name}.raisePriority`, step.raisePriority);
  if (step.relax !== undefined) checkSkills(`${name}.relax`, step.relax);
  if (step.dropSkills !== undefined) {
    if (!Array.isArray(step.dropSkills)) fail(`Expected \`${name}.dropSkills\` to be an array of skill names`);
    for (const [i, skill] of (step.dropSkills as unknown[]).entries()) requireId(`${name}.dropSkills[${i}]`, skill);
  }
  if (step.maxTier !== undefined) requireTier(`${name}.maxTier`, step.maxTier, true);
  if (step.overflow !== undefined) requireOverflow(`${name}.overflow`, step.overflow);
  optionalBoolean(`${name}.keepPlace`, step.keepPlace);
  optionalBoolean(`${name}.skipIfNoAgents`, step.skipIfNoAgents);
  optionalString(`${name}.name`, step.name);
  return step as unknown as EscalationStep;
}

/** An escalation plan: steps in order of `afterMs`, frozen so the engine can share it. */
export function requireEscalation(name: string, value: unknown): readonly EscalationStep[] {
  if (!Array.isArray(value)) fail(`Expected \`${name}\` to be an array of escalation steps`);
  const steps = (value as unknown[]).map((step, i) => requireStep(`${name}[${i}]`, step));
  for (let i = 1; i < steps.length; i++) {
    if ((steps[i] as EscalationStep).afterMs < (steps[i - 1] as EscalationStep).afterMs) {
      fail(`Expected \`${name}\` in order of afterMs, but step ${i} (${(steps[i] as EscalationStep).afterMs} ms) comes before step ${i - 1} (${(steps[i - 1] as EscalationStep).afterMs} ms)`);
    }
  }
  return Object.freeze(steps.map((step) => Object.freeze({ ...step })));
}

function requireExitAction(name: string, value: unknown): ExitAction {
  const object = requireObject(name, value);
  if (!EXIT_ACTIONS.includes(object.action as ExitAction['action'])) {
    fail(`Expected \`${name}.action\` to be one of ${EXIT_ACTIONS.map((a) => `'${a}'`).join(', ')}, got \`${String(object.action)}\``);
  }
  if (object.action === 'overflow') {
    rejectUnknownFields(name, object, ['action', 'queue']);
    return { action: 'overflow', queue: requireId(`${name}.queue`, object.queue) };
  }
  rejectUnknownFields(name, object, ['action']);
  return { action: object.action } as ExitAction;
}

function requireCallbackPolicy(name: string, value: unknown): CallbackPolicy {
  const object = requireObject(name, value);
  rejectUnknownFields(name, object, ['maxAttempts', 'retryDelayMs', 'channel']);
  const policy: { -readonly [K in keyof CallbackPolicy]: CallbackPolicy[K] } = {};
  if (object.maxAttempts !== undefined) policy.maxAttempts = requireAttempts(`${name}.maxAttempts`, object.maxAttempts);
  if (object.retryDelayMs !== undefined) policy.retryDelayMs = requireDuration(`${name}.retryDelayMs`, object.retryDelayMs);
  if (object.channel !== undefined) policy.channel = requireId(`${name}.channel`, object.channel);
  return policy;
}

export function requireAttempts(name: string, value: unknown): number {
  const count = requireCount(name, value);
  if (count < 1) fail(`Expected \`${name}\` to be an integer >= 1, got \`0\``);
  return count;
}

/** The validated policy fields of a queue's options or update (only those given). */
export interface QueuePolicyUpdate {
  escalation?: readonly EscalationStep[];
  agingPerMinute?: number;
  maxTier?: number;
  maxWaitMs?: number;
  maxWaitNoAgentsMs?: number;
  exitAction?: ExitAction;
  maxLength?: number;
  joinRule?: JoinRule;
  rejoinWindowMs?: number;
  knownAgentWaitMs?: number;
  callback?: CallbackPolicy;
  defaultHandleMs?: number;
  serviceLevelMs?: number;
  shortAbandonMs?: number;
}

/** Validates the policy fields of a queue's options; other fields are left to the caller. */
export function requireQueuePolicies(name: string, object: Record<string, unknown>): QueuePolicyUpdate {
  const update: QueuePolicyUpdate = {};
  if (object.escalation !== undefined) update.escalation = requireEscalation(`${name}.escalation`, object.escalation);
  if (object.agingPerMinute !== undefined) update.agingPerMinute = requireDuration(`${name}.agingPerMinute`, object.agingPerMinute);
  if (object.maxTier !== undefined) update.maxTier = requireTier(`${name}.maxTier`, object.maxTier, true);
  if (object.maxWaitMs !== undefined) update.maxWaitMs = requireDuration(`${name}.maxWaitMs`, object.maxWaitMs, true);
  if (object.maxWaitNoAgentsMs !== undefined) {
    update.maxWaitNoAgentsMs = requireDuration(`${name}.maxWaitNoAgentsMs`, object.maxWaitNoAgentsMs, true);
  }
  if (object.exitAction !== undefined) update.exitAction = requireExitAction(`${name}.exitAction`, object.exitAction);
  if (object.maxLength !== undefined) update.maxLength = requireLimit(`${name}.maxLength`, object.maxLength);
  if (object.joinRule !== undefined) {
    if (!JOIN_RULES.includes(object.joinRule as JoinRule)) {
      fail(`Expected \`${name}.joinRule\` to be one of ${JOIN_RULES.map((r) => `'${r}'`).join(', ')}, got \`${String(object.joinRule)}\``);
    }
    update.joinRule = object.joinRule as JoinRule;
  }
  if (object.rejoinWindowMs !== undefined) update.rejoinWindowMs = requireDuration(`${name}.rejoinWindowMs`, object.rejoinWindowMs);
  if (object.knownAgentWaitMs !== undefined) {
    update.knownAgentWaitMs = requireDuration(`${name}.knownAgentWaitMs`, object.knownAgentWaitMs, true);
  }
  if (object.callback !== undefined) update.callback = requireCallbackPolicy(`${name}.callback`, object.callback);
  if (object.defaultHandleMs !== undefined) {
    update.defaultHandleMs = requireDuration(`${name}.defaultHandleMs`, object.defaultHandleMs);
    if (update.defaultHandleMs === 0) fail(`Expected \`${name}.defaultHandleMs\` to be > 0, got \`0\``);
  }
  if (object.serviceLevelMs !== undefined) update.serviceLevelMs = requireDuration(`${name}.serviceLevelMs`, object.serviceLevelMs);
  if (object.shortAbandonMs !== undefined) update.shortAbandonMs = requireDuration(`${name}.shortAbandonMs`, object.shortAbandonMs);
  return update;
}

/** Queue ids an escalation plan and exit action send calls to. */
export function overflowTargets(
  escalation: readonly EscalationStep[] | undefined,
  exitAction: ExitAction | undefined,
): string[] {
  const targets: string[] = [];
  for (const step of escalation ?? []) if (step.overflow !== undefined) targets.push(step.overflow.queue);
  if (exitAction?.action === 'overflow') targets.push(exitAction.queue);
  return targets;
}
