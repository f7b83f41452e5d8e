import type { Clock } from '../clock/clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { InvalidArgumentError } from '../model/errors.js';
import { silentLogger, type Logger } from '../model/logger.js';
import type { RouterPolicy } from './router-core.js';
import type { StatsOptions } from '../model/stats.js';
import type { AuditSink } from '../stats/audit-log.js';
import type { StatsSettings } from '../stats/stats-collector.js';
import { parseStatsOptions } from '../stats/stats-settings.js';
import { rejectUnknownFields, requireCount, requireDuration, requireFinite, requireObject } from './validate.js';

/** Options of `new CallRouter()`. */
export interface CallRouterOptions {
  /** Source of time and timers. Use a `SimulatedClock` in tests and simulation. @default new SystemClock() */
  readonly clock?: Clock;
  /** A pino logger, or anything of its shape. @default a silent logger */
  readonly logger?: Logger;
  /** Seed of every random choice the router makes (the `random` strategy). @default 1 */
  readonly seed?: number;
  /**
   * Offers in a row an agent may miss (decline or let time out) before the engine sets it
   * `not-ready` with reason `missed-offers`. 0 never does.
   * @default 3
   */
  readonly maxMissedOffers?: number;
  /** After a decline, how long the agent is not offered calls (FreeSWITCH's reject delay). @default 0 */
  readonly declineDelayMs?: number;
  /** After an offer timed out, how long the agent is not offered calls. @default 0 */
  readonly noAnswerDelayMs?: number;
  /**
   * How long the router remembers which agent last answered each `customerId`, for last-agent
   * routing (a returning customer waits first for that agent, see `QueueOptions.knownAgentWaitMs`).
   * 0 remembers nothing. Memory holds one entry per customer answered within the window.
   * @default 0
   */
  readonly lastAgentWindowMs?: number;
  /**
   * Real-time statistics and interval reports (`queueStats`, `agentStats`, `stats`, `intervals`,
   * `stats:interval`), or `false` to turn them off (routing is then a little faster).
   * @default true
   */
  readonly stats?: boolean | StatsOptions;
  /**
   * An append-only audit log of every lifecycle event, one JSON line per event: a function that
   * receives each line, or `'logger'` to write through `logger`. Read it back with `replayStats`.
   * @default none
   */
  readonly audit?: AuditSink;
}

const ROUTER_OPTIONS = [
  'clock',
  'logger',
  'seed',
  'maxMissedOffers',
  'declineDelayMs',
  'noAnswerDelayMs',
  'lastAgentWindowMs',
  'stats',
  'audit',
];

const hasMethods = (value: unknown, names: readonly string[]): boolean =>
  typeof value === 'object' &&
  value !== null &&
  names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/** `CallRouterOptions` validated, with defaults applied. */
export interface RouterSettings {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly seed: number;
  readonly policy: RouterPolicy;
  /** `undefined` when statistics are off. */
  readonly stats: StatsSettings | undefined;
  readonly audit: AuditSink | undefined;
}

/** Validates the router's options (`INVALID_ARGUMENT` when wrong) and applies the defaults. */
export function parseRouterOptions(options: CallRouterOptions): RouterSettings {
    const opts = requireObject('options', options);
    rejectUnknownFields('options', opts, ROUTER_OPTIONS);
    const clock = opts.clock === undefined ? new SystemClock() : (opts.clock as Clock);
    if (!hasMethods(clock, ['now', 'schedule', 'cancel'])) {
      throw new InvalidArgumentError('Expected `options.clock` to implement now(), schedule() and cancel()');
    }
    const logger = opts.logger === undefined ? silentLogger : (opts.logger as Logger);
    if (!hasMethods(logger, ['debug', 'info', 'warn', 'error'])) {
      throw new InvalidArgumentError('Expected `options.logger` to be a pino logger or have its shape (debug, info, warn, error)');
    }
    const seed = options.seed === undefined ? 1 : requireFinite('options.seed', options.seed);
    const policy: RouterPolicy = {
      maxMissedOffers:
        options.maxMissedOffers === undefined ? 3 : requireCount('options.maxMissedOffers', options.maxMissedOffers),
      declineDelayMs:
        options.declineDelayMs === undefined ? 0 : requireDuration('options.declineDelayMs', options.declineDelayMs),
      noAnswerDelayMs:
        options.noAnswerDelayMs === undefined ? 0 : requireDuration('options.noAnswerDelayMs', options.noAnswerDelayMs),
      lastAgentWindowMs:
        options.lastAgentWindowMs === undefined
          ? 0
          : requireDuration('options.lastAgentWindowMs', options.lastAgentWindowMs, true),
    };
    const stats = parseStatsOptions(opts.stats);
    const audit = opts.audit as AuditSink | undefined;
    if (audit !== undefined && audit !== 'logger' && typeof audit !== 'function') {
      throw new InvalidArgumentError("Expected `options.audit` to be a function receiving each line, or 'logger'");
    }
    return { clock, logger, seed, policy, stats, audit };
}
