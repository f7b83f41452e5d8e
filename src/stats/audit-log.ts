import type { CallRouterEventName } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import type { StatsSettings } from './stats-collector.js';

/** Version of the audit line format; bumped on any incompatible change. */
export const AUDIT_VERSION = 1;

/**
 * One line of the audit log, as JSON. Field names are stable: `v` (format version), `seq` (line
 * number from 0), `event` (an event name of `CallRouterEvents`, or `audit:start` on the first
 * line), `atMs` (the router's clock) and `data` (the event's payload; for `audit:start`, the
 * statistics settings).
 */
export interface AuditRecord {
  readonly v: number;
  readonly seq: number;
  readonly event: CallRouterEventName | 'audit:start';
  readonly atMs: number;
  readonly data: unknown;
}

/**
 * Where the audit log goes: a function that receives each line (a JSON string, no newline), or
 * `'logger'` for the router's injected logger (`logger.info({ acd: record }, 'acd-engine audit')`,
 * one pino line per record).
 */
export type AuditSink = ((line: string) => void) | 'logger';

/**
 * A record as JSON. Call attributes are the backend's own data and may hold what JSON cannot
 * (a BigInt, a cycle): then they are written as well as they can be (BigInt as a string, a repeated
 * object as "[circular]") rather than losing the line, which a replay needs.
 */
function toJson(record: AuditRecord): string {
  try {
    return JSON.stringify(record);
  } catch {
    const seen = new WeakSet<object>();
    return JSON.stringify(record, (_key, value: unknown) => {
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return '[circular]';
        seen.add(value);
      }
      return value;
    });
  }
}

/** Writes the audit log: an `audit:start` line, then a line per lifecycle event, in order. */
export class AuditLog {
  readonly #write: (record: AuditRecord) => void;
  #seq = 0;

  constructor(sink: AuditSink, logger: Logger, settings: StatsSettings, startMs: number) {
    this.#write =
      sink === 'logger'
        ? (record) => logger.info({ acd: record }, 'acd-engine audit')
        : (record) => sink(toJson(record));
    this.#record('audit:start', startMs, settings);
  }

  write(event: CallRouterEventName, atMs: number, data: unknown): void {
    this.#record(event, atMs, data);
  }

  #record(event: AuditRecord['event'], atMs: number, data: unknown): void {
    this.#write({ v: AUDIT_VERSION, seq: this.#seq++, event, atMs, data });
  }
}
