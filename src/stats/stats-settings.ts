import type { StatsOptions } from '../model/stats.js';
import { rejectUnknownFields, requireCount, requireDuration, requireObject } from '../engine/validate.js';
import { InvalidArgumentError } from '../model/errors.js';
import type { StatsSettings } from './stats-collector.js';

export const DEFAULT_STATS_SETTINGS: StatsSettings = Object.freeze({
  intervalMs: 900_000,
  keepIntervals: 96,
  fcrWindowMs: 259_200_000,
  surveyWindowMs: 86_400_000,
});

/** `CallRouterOptions.stats` validated: `undefined` when statistics are off. */
export function parseStatsOptions(value: unknown): StatsSettings | undefined {
  if (value === undefined || value === true) return DEFAULT_STATS_SETTINGS;
  if (value === false) return undefined;
  const object = requireObject('options.stats', value) as StatsOptions & Record<string, unknown>;
  rejectUnknownFields('options.stats', object, ['intervalMs', 'keepIntervals', 'fcrWindowMs', 'surveyWindowMs']);
  const settings = { ...DEFAULT_STATS_SETTINGS };
  if (object.intervalMs !== undefined) settings.intervalMs = requireDuration('options.stats.intervalMs', object.intervalMs);
  if (!Number.isInteger(settings.intervalMs) || settings.intervalMs < 1_000) {
    throw new InvalidArgumentError(`Expected \`options.stats.intervalMs\` to be a whole number of ms >= 1000, got \`${settings.intervalMs}\``);
  }
  if (object.keepIntervals !== undefined) settings.keepIntervals = requireCount('options.stats.keepIntervals', object.keepIntervals);
  if (object.fcrWindowMs !== undefined) settings.fcrWindowMs = requireDuration('options.stats.fcrWindowMs', object.fcrWindowMs, true);
  if (object.surveyWindowMs !== undefined) {
    settings.surveyWindowMs = requireDuration('options.stats.surveyWindowMs', object.surveyWindowMs, true);
  }
  return settings;
}
