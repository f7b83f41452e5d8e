import { InvalidArgumentError } from '../model/errors.js';
import type {
  CallOutcome,
  Channel,
  PresenceState,
  QueueUpdate,
  SkillLevels,
  StrategyName,
} from '../model/types.js';
import { STRATEGY_NAMES } from '../routing/strategies.js';
import { requireQueuePolicies } from './validate-policies.js';

/** Renders a value for an error message: `` `5` (string) ``. */
function shown(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  if (typeof value === 'number') text = String(value); // NaN and Infinity, which JSON shows as null
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `\`${text}\` (${type})`;
}

/** Throws the standard ``Expected `name` to be …, got `value` (type)`` error. */
export function fail(name: string, expected: string, value: unknown): never {
  throw new InvalidArgumentError(`Expected \`${name}\` to be ${expected}, got ${shown(value)}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(name: string, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) fail(name, 'an object', value);
  return value;
}

export function requireId(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail(name, 'a non-empty string', value);
  return value;
}

export function optionalString(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(name, 'a string', value);
  return value;
}

export function requireFinite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, 'a finite number', value);
  return value;
}

/** A duration in ms: finite and >= 0, or `Infinity` when `allowInfinity`. */
export function requireDuration(name: string, value: unknown, allowInfinity = false): number {
  const ok =
    typeof value === 'number' && value >= 0 && (Number.isFinite(value) || (allowInfinity && value === Infinity));
  if (!ok) fail(name, allowInfinity ? 'a number >= 0 (or Infinity)' : 'a finite number >= 0', value);
  return value as number;
}

export function requireCount(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(name, 'an integer >= 0', value);
  return value;
}

export function requirePresence(name: string, value: unknown): PresenceState {
  if (value !== 'available' && value !== 'not-ready' && value !== 'offline') {
    fail(name, "one of 'available', 'not-ready', 'offline'", value);
  }
  return value;
}

/** Checks skill name → integer proficiency 1–5, without copying. */
export function checkSkills(name: string, value: unknown): SkillLevels {
  const object = requireObject(name, value);
  for (const skill in object) {
    if (!Object.hasOwn(object, skill)) continue;
    const level = object[skill];
    if (skill.length === 0) fail(`${name}`, 'an object with non-empty skill names', value);
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) {
      fail(`${name}.${skill}`, 'an integer from 1 to 5', level);
    }
  }
  return object as SkillLevels;
}

/** Skill name → integer proficiency 1–5, as a map the agent record keeps. */
export function requireSkillMap(name: string, value: unknown): Map<string, number> {
  return new Map(Object.entries(checkSkills(name, value)));
}

/** Queue memberships as queue id → tier level (integer >= 1). */
export function requireMemberships(name: string, value: unknown): Map<string, number> {
  const memberships = new Map<string, number>();
  if (Array.isArray(value)) {
    for (const [index, queueId] of (value as unknown[]).entries()) {
      memberships.set(requireId(`${name}[${index}]`, queueId), 1);
    }
    return memberships;
  }
  const object = requireObject(name, value);
  for (const [queueId, level] of Object.entries(object)) {
    if (queueId.length === 0) fail(name, 'an object with non-empty queue ids', value);
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1) {
      fail(`${name}.${queueId}`, 'an integer tier level >= 1', level);
    }
    memberships.set(queueId, level);
  }
  return memberships;
}

/** Channel → capacity (integer >= 0). */
export function requireCapacity(name: string, value: unknown): Map<Channel, number> {
  const object = requireObject(name, value);
  const capacity = new Map<Channel, number>();
  for (const [channel, count] of Object.entries(object)) {
    if (channel.length === 0) fail(name, 'an object with non-empty channel names', value);
    capacity.set(channel, requireCount(`${name}.${channel}`, count));
  }
  return capacity;
}

export function requireStrategy(name: string, value: unknown): StrategyName {
  if (typeof value !== 'string' || !(STRATEGY_NAMES as string[]).includes(value)) {
    fail(name, `one of ${STRATEGY_NAMES.map((s) => `'${s}'`).join(', ')}`, value);
  }
  return value as StrategyName;
}

export function requireWeight(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(name, 'a finite number > 0', value);
  return value;
}

/** Validates the changeable fields of a queue; unknown fields are rejected. */
export function requireQueueUpdate(name: string, value: unknown, allowed: readonly string[]): QueueUpdate {
  const object = requireObject(name, value);
  rejectUnknownFields(name, object, allowed);
  const update: { -readonly [K in keyof QueueUpdate]: QueueUpdate[K] } = requireQueuePolicies(name, object);
  if (object.strategy !== undefined) update.strategy = requireStrategy(`${name}.strategy`, object.strategy);
  if (object.weight !== undefined) update.weight = requireWeight(`${name}.weight`, object.weight);
  if (object.offerTimeoutMs !== undefined) {
    update.offerTimeoutMs = requireDuration(`${name}.offerTimeoutMs`, object.offerTimeoutMs, true);
    if (update.offerTimeoutMs === 0) fail(`${name}.offerTimeoutMs`, 'a number > 0 (or Infinity)', 0);
  }
  if (object.wrapUpMs !== undefined) update.wrapUpMs = requireDuration(`${name}.wrapUpMs`, object.wrapUpMs);
  return update;
}

const NO_OUTCOME: CallOutcome = Object.freeze({});

export function requireOutcome(name: string, value: unknown): CallOutcome {
  if (value === undefined) return NO_OUTCOME;
  const object = requireObject(name, value);
  rejectUnknownFields(name, object, ['resolved', 'disposition', 'wrapUpMs']);
  if (object.resolved !== undefined && typeof object.resolved !== 'boolean') {
    fail(`${name}.resolved`, 'a boolean', object.resolved);
  }
  optionalString(`${name}.disposition`, object.disposition);
  if (object.wrapUpMs !== undefined) requireDuration(`${name}.wrapUpMs`, object.wrapUpMs);
  return object as CallOutcome;
}

/** Rejects fields an options object does not know, catching typos such as `wrapupMs`. */
export function rejectUnknownFields(name: string, object: Record<string, unknown>, known: readonly string[]): void {
  for (const key in object) {
    if (!known.includes(key) && Object.hasOwn(object, key)) {
      fail(`${name}.${key}`, `absent (known fields: ${known.join(', ')})`, object[key]);
    }
  }
}
