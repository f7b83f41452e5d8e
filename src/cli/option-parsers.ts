import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../simulation/durations.js';

/**
 * Parsers of option values for commander: each returns the value or throws commander's
 * `InvalidArgumentError`, which it reports as `error: option '--aht <duration>' argument 'x' is
 * invalid. Expected …` (exit code 2).
 */

/** `"20s"`, `"3m"`, `"1.5h"` or a number of ms, as in a scenario → ms. */
export function durationOption(text: string): number {
  const ms = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : parseDuration(text);
  if (ms === undefined || !Number.isFinite(ms)) throw new InvalidArgumentError('Expected a duration such as "20s", "3m", "1.5h" or a number of ms.');
  return ms;
}

/** A duration > 0. */
export function positiveDurationOption(text: string): number {
  const ms = durationOption(text);
  if (ms <= 0) throw new InvalidArgumentError('Expected a duration > 0.');
  return ms;
}

/** A whole number ≥ `min`. */
export function integerOption(min: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) throw new InvalidArgumentError(`Expected a whole number >= ${min}.`);
    return value;
  };
}

/** A finite number > 0. */
export function positiveNumberOption(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new InvalidArgumentError('Expected a number > 0.');
  return value;
}

/** A share: `0.8`, or `80%`. `allowZero` admits 0 (shrinkage), and 1 is admitted unless `belowOne`. */
export function shareOption(options: { allowZero?: boolean; belowOne?: boolean } = {}): (text: string) => number {
  return (text) => {
    const percent = /%\s*$/.test(text);
    const value = Number(text.replace(/%\s*$/, '')) / (percent ? 100 : 1);
    const lowOk = options.allowZero === true ? value >= 0 : value > 0;
    const highOk = options.belowOne === true ? value < 1 : value <= 1;
    if (text.trim() === '' || !Number.isFinite(value) || !lowOk || !highOk) {
      const range = `${options.allowZero === true ? '>= 0' : '> 0'} and ${options.belowOne === true ? '< 1' : '<= 1'}`;
      throw new InvalidArgumentError(`Expected a share ${range} such as 0.8 or 80%.`);
    }
    return value;
  };
}
