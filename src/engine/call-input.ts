import type { EscalationStep, ExitAction, TransferOptions, TransferTarget } from '../model/policies.js';
import { DuplicateIdError, InvalidArgumentError, UnknownAgentError, UnknownQueueError } from '../model/errors.js';
import type { KnownTarget } from '../policies/known-agents.js';
import type { TransferPlan } from '../policies/transfers.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import type { CallFields } from './configuration.js';
import type { AgentRecord, CallRecord, QueueRecord } from './records.js';
import type { RouterCore } from './router-core.js';
import {
  checkSkills,
  optionalString,
  rejectUnknownFields,
  requireDuration,
  requireFinite,
  requireId,
  requireObject,
} from './validate.js';
import { overflowTargets, requireEscalation } from './validate-policies.js';

/*
 * Input checks that need the router's state (queues, agents, live calls): each throws a typed
 * error before anything changes.
 */

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});
const TRANSFER_FIELDS = ['keepArrival', 'priority', 'requirements', 'wrapUpMs', 'waitMs'];

export function requireQueue(core: RouterCore, queueId: unknown, name: string): QueueRecord {
  const id = requireId(name, queueId);
  const queue = core.queues.get(id);
  if (queue === undefined) throw new UnknownQueueError(id);
  return queue;
}

export function requireAgent(core: RouterCore, agentId: unknown, name: string): AgentRecord {
  const id = requireId(name, agentId);
  const agent = core.agents.get(id);
  if (agent === undefined) throw new UnknownAgentError(id);
  return agent;
}

/** Overflow targets must exist and differ from the queue itself. */
export function checkOverflowTargets(
  core: RouterCore,
  queueId: string,
  escalation: readonly EscalationStep[] | undefined,
  exit: ExitAction | undefined,
): void {
  for (const target of overflowTargets(escalation, exit)) {
    if (target === queueId) throw new InvalidArgumentError(`Queue \`${queueId}\` cannot overflow to itself`);
    if (!core.queues.has(target)) throw new UnknownQueueError(target);
  }
}

/**
 * Validates the fields enqueue and scheduleCallback share; throws `DUPLICATE_ID` for a live id.
 * A callback's channel defaults to its queue's callback channel.
 */
export function parseCallFields(core: RouterCore, name: string, input: Record<string, unknown>, kind: 'inbound' | 'callback' = 'inbound') {
  const id = requireId(`${name}.id`, input.id);
  const queue = requireQueue(core, input.queue, `${name}.queue`);
  const priority = input.priority === undefined ? 0 : requireFinite(`${name}.priority`, input.priority);
  const defaultChannel = (kind === 'callback' ? queue.callback.channel : undefined) ?? 'voice';
  const channel = input.channel === undefined ? defaultChannel : requireId(`${name}.channel`, input.channel);
  const requirements = input.requirements === undefined ? EMPTY : checkSkills(`${name}.requirements`, input.requirements);
  const customerId = optionalString(`${name}.customerId`, input.customerId);
  if (input.attributes !== undefined) requireObject(`${name}.attributes`, input.attributes);
  let escalation: readonly EscalationStep[] | undefined;
  if (input.escalation !== undefined) {
    escalation = requireEscalation(`${name}.escalation`, input.escalation);
    checkOverflowTargets(core, queue.id, escalation, undefined);
  }
  let preferred: KnownTarget | undefined;
  if (input.preferredAgent !== undefined) {
    const agentId = requireId(`${name}.preferredAgent`, input.preferredAgent);
    const waitMs =
      input.preferredAgentWaitMs === undefined
        ? queue.knownAgentWaitMs
        : requireDuration(`${name}.preferredAgentWaitMs`, input.preferredAgentWaitMs, true);
    preferred = { agentId, kind: 'preferred', waitMs };
  } else if (input.preferredAgentWaitMs !== undefined) {
    throw new InvalidArgumentError(`Expected \`${name}.preferredAgentWaitMs\` only with \`${name}.preferredAgent\``);
  }
  if (core.calls.has(id)) throw new DuplicateIdError('call', id);
  const bucket = core.table.bucketFor(queue, channel, requirements, queue.maxTier);
  const attributes = (input.attributes as Record<string, unknown> | undefined) ?? EMPTY;
  return { id, queue, bucket, priority, customerId, attributes, escalation, preferred };
}

/** A call the simulator built itself from a validated scenario: see {@link builtCallFields}. */
export interface BuiltCall {
  readonly id: string;
  readonly queue: string;
  readonly priority: number | undefined;
  readonly channel: string | undefined;
  readonly requirements: Readonly<Record<string, number>> | undefined;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * The fields {@link parseCallFields} gives for an inbound call the simulator built from a scenario
 * its schema already checked (types and ranges), without checking them again (no preferred agent,
 * escalation or customer). The queue must still exist and the id must still be free: those depend
 * on the router's state.
 */
export function builtCallFields(core: RouterCore, call: BuiltCall): CallFields & { readonly preferred: undefined } {
  const queue = core.queues.get(call.queue);
  if (queue === undefined) throw new UnknownQueueError(call.queue);
  if (core.calls.has(call.id)) throw new DuplicateIdError('call', call.id);
  const bucket = core.table.bucketFor(queue, call.channel ?? 'voice', call.requirements ?? EMPTY, queue.maxTier);
  const priority = call.priority ?? 0;
  return { id: call.id, queue, bucket, priority, customerId: undefined, attributes: call.attributes, escalation: undefined, preferred: undefined };
}

/** Validates a transfer of a connected call: where to, and how (defaults from the call and the queues). */
export function parseTransfer(
  core: RouterCore,
  call: CallRecord,
  target: TransferTarget,
  options: TransferOptions | undefined,
): { queue: QueueRecord; bucket: WaitingBucket; plan: TransferPlan } {
  const to = requireObject('target', target);
  rejectUnknownFields('target', to, ['queue', 'agent']);
  if (to.queue === undefined && to.agent === undefined) {
    throw new InvalidArgumentError('Expected `target` to name a `queue`, an `agent`, or both');
  }
  const queue = to.queue === undefined ? call.queue : requireQueue(core, to.queue, 'target.queue');
  const agent = to.agent === undefined ? undefined : requireAgent(core, to.agent, 'target.agent');
  const opts = options === undefined ? {} : requireObject('options', options);
  rejectUnknownFields('options', opts, TRANSFER_FIELDS);
  const keepArrival = opts.keepArrival === undefined ? true : opts.keepArrival;
  if (typeof keepArrival !== 'boolean') throw new InvalidArgumentError('Expected `options.keepArrival` to be a boolean');
  const priority = opts.priority === undefined ? call.originalPriority : requireFinite('options.priority', opts.priority);
  const requirements =
    opts.requirements === undefined ? call.originalRequirements : checkSkills('options.requirements', opts.requirements);
  const wrapUpMs = opts.wrapUpMs === undefined ? call.queue.wrapUpMs : requireDuration('options.wrapUpMs', opts.wrapUpMs);
  const waitMs = opts.waitMs === undefined ? queue.knownAgentWaitMs : requireDuration('options.waitMs', opts.waitMs, true);
  const known: KnownTarget | undefined = agent === undefined ? undefined : { agentId: agent.id, kind: 'transfer', waitMs };
  const bucket = core.table.bucketFor(queue, call.originalChannel, requirements, queue.maxTier);
  return { queue, bucket, plan: { keepArrival, priority, wrapUpMs, known } };
}
