/** One log method of pino's shape: `logger.info({ callId }, 'call queued')`. */
export type LogFn = (obj: object, msg?: string) => void;

/**
 * Anything with pino's shape. Pass a pino logger (or a child of one) as the `logger` option;
 * the engine never writes to the console itself.
 */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** pino's level check; when present, the engine skips building debug records nobody reads. */
  isLevelEnabled?(level: string): boolean;
}

const noop: LogFn = () => {};

/** The default logger: drops everything. */
export const silentLogger: Logger = {
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  isLevelEnabled: () => false,
};
