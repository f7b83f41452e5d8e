import type { Clock } from '../clock/clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { InvalidArgumentError } from '../model/errors.js';
import { silentLogger, type Logger } from '../model/logger.js';
import type { RouterPolicy } from './router-core.js';
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
}

const ROUTER_OPTIONS = ['clock', 'logger', 'seed', 'maxMissedOffers', 'declineDelayMs', 'noAnswerDelayMs', 'lastAgentWindowMs'];

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
    return { clock, logger, seed, policy };
}
