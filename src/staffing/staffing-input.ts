/**
 * Input checks shared by the staffing functions. Each throws {@link InvalidArgumentError} with a
 * message of the form ``Expected `agents` to be an integer >= 0, got `-1` (number)``.
 */
import { fail } from '../engine/validate.js';
import { InvalidArgumentError } from '../model/errors.js';

export { fail, requireObject as requireOptions } from '../engine/validate.js';

/** Milliseconds in an hour: `callsPerHour × ahtMs / MS_PER_HOUR` erlangs. */
export const MS_PER_HOUR = 3_600_000;

/** Most agents a staffing function takes (the sums stay exact and fast far beyond any real center). */
export const MAX_AGENTS = 2_000_000_000;

/** Largest offered load a staffing function takes, erlangs. */
export const MAX_ERLANGS = 1_000_000_000;

/** A number of agents: an integer from 0 to {@link MAX_AGENTS}. */
export function requireAgents(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_AGENTS) {
    fail(name, 'an integer >= 0 and <= 2e9', value);
  }
  return value;
}

/** An offered load in erlangs: finite, from 0 to {@link MAX_ERLANGS}. */
export function requireErlangs(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= MAX_ERLANGS)) fail(name, 'a number >= 0 and <= 1e9', value);
  return value;
}

/** A finite number >= 0 (a load in erlangs, a call count, a threshold in ms). */
export function requireNonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(name, 'a finite number >= 0', value);
  return value;
}

/** A finite number > 0 (a handle time or an interval in ms). */
export function requirePositive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(name, 'a finite number > 0', value);
  return value;
}

/** A share strictly between 0 and 1, or in (0, 1] when `allowOne`. */
export function requireShare(name: string, value: unknown, allowOne = false): number {
  const ok = typeof value === 'number' && value > 0 && (value < 1 || (allowOne && value === 1));
  if (!ok) fail(name, allowOne ? 'a number > 0 and <= 1' : 'a number > 0 and < 1', value);
  return value as number;
}

/** A share in [0, 1) (shrinkage). */
export function requireShrinkage(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) fail(name, 'a number >= 0 and < 1', value);
  return value;
}

/**
 * The offered load in erlangs of an input that gives exactly one of `erlangs` and
 * `callsPerHour`, with `ahtMs` (already checked, > 0).
 */
export function offeredErlangs(input: Record<string, unknown>, ahtMs: number): number {
  const { erlangs, callsPerHour } = input;
  if (erlangs !== undefined && callsPerHour !== undefined) {
    throw new InvalidArgumentError('Expected only one of `erlangs` and `callsPerHour`, got both');
  }
  if (erlangs !== undefined) return requireErlangs('erlangs', erlangs);
  if (callsPerHour === undefined) throw new InvalidArgumentError('Expected one of `erlangs` and `callsPerHour`, got neither');
  return requireErlangs('callsPerHour × ahtMs / 3,600,000', (requireNonNegative('callsPerHour', callsPerHour) * ahtMs) / MS_PER_HOUR);
}
