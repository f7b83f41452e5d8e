import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { ScenarioError, type ScenarioIssue } from '../model/errors.js';
import { scenarioSchema, type Scenario, type ScenarioInput, type TraceCall } from './scenario-schema.js';

/** Options of {@link parseScenario}. */
export interface ParseScenarioOptions {
  /** Folder that trace `file` paths are relative to. @default process.cwd() */
  readonly baseDir?: string;
  /** Name of the source in error messages (a file name). @default 'scenario' */
  readonly source?: string;
}

/** `queues[1].strategy` from a zod path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function issuesOf(error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Checks a scenario and fills in its defaults: every duration becomes ms, trace files are read.
 * The router checks the queues' routing policies again when the simulation adds them.
 *
 * @throws {ScenarioError} listing every problem with its path, e.g. `arrivals[0].handleTime.mean:
 *   Expected a duration such as "20s", "3m", "8h" or a number of ms, got "three minutes"`.
 */
export function parseScenario(input: ScenarioInput | unknown, options: ParseScenarioOptions = {}): Scenario {
  const source = options.source ?? 'scenario';
  const result = scenarioSchema.safeParse(input);
  if (!result.success) throw new ScenarioError(issuesOf(result.error), source);
  const scenario = result.data;
  const baseDir = options.baseDir ?? process.cwd();
  const issues: ScenarioIssue[] = [];
  const arrivals = scenario.arrivals.map((stream, i) => {
    if (stream.process !== 'trace' || stream.file === undefined) return stream;
    const path = resolve(baseDir, stream.file);
    try {
      return { ...stream, file: undefined, calls: readTrace(readFileSync(path, 'utf8'), scenario.startTime) };
    } catch (error) {
      const reason = error instanceof ScenarioError ? error.issues.map((x) => `${x.path}: ${x.message}`).join('; ') : String((error as Error).message);
      issues.push({ path: `arrivals[${i}].file`, message: `cannot use trace "${stream.file}": ${reason}` });
      return stream;
    }
  });
  arrivals.forEach((stream, i) => {
    if (stream.process !== 'trace' || stream.handleTime !== undefined) return;
    const missing = (stream.calls ?? []).findIndex((call) => call.handle === undefined);
    if (missing >= 0) {
      issues.push({ path: `arrivals[${i}].handleTime`, message: `required: trace call ${missing} has no handle time` });
    }
  });
  if (issues.length > 0) throw new ScenarioError(issues, source);
  return { ...scenario, arrivals };
}

/**
 * Reads a scenario JSON file (and the trace files it names, relative to it).
 * @throws {ScenarioError} when the file is missing, not JSON, or not a valid scenario.
 */
export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ScenarioError([{ path: '', message: `cannot read the file: ${(error as Error).message}` }], file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([{ path: '', message: `not valid JSON: ${(error as Error).message}` }], file);
  }
  return parseScenario(json, { baseDir: dirname(resolve(file)), source: file });
}

const DAY_MS = 86_400_000;

/**
 * Parses a trace CSV with a header row. Columns: `time` (seconds since the simulation start, or an
 * ISO 8601 timestamp: its time of day from the scenario's `startTime` on the first row's date,
 * later dates adding whole days), and optional `handle` and `patience` (seconds) and `queue`.
 * Rows may come in any order.
 *
 * @throws {ScenarioError} naming the row and column of each bad value.
 */
export function readTrace(csv: string, startTimeMs = 0): TraceCall[] {
  const rows = parseCsv(csv, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const issues: ScenarioIssue[] = [];
  let firstDayMs: number | undefined;
  const calls: TraceCall[] = [];
  const seconds = (row: Record<string, string>, column: string, line: number): number | undefined => {
    const text = row[column];
    if (text === undefined || text === '') return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) {
      issues.push({ path: `row ${line}.${column}`, message: `expected a number of seconds >= 0, got "${text}"` });
      return undefined;
    }
    return value * 1_000;
  };
  rows.forEach((row, i) => {
    const line = i + 2;
    const time = row['time'];
    if (time === undefined || time === '') {
      issues.push({ path: `row ${line}.time`, message: 'missing (a `time` column is required)' });
      return;
    }
    let atMs: number;
    if (/^\d+(\.\d+)?$/.test(time)) atMs = Number(time) * 1_000;
    else {
      const stamp = Date.parse(time);
      if (Number.isNaN(stamp)) {
        issues.push({ path: `row ${line}.time`, message: `expected seconds or an ISO 8601 timestamp, got "${time}"` });
        return;
      }
      const dayMs = Math.floor(stamp / DAY_MS) * DAY_MS;
      firstDayMs ??= dayMs;
      atMs = stamp - firstDayMs - startTimeMs;
      if (atMs < 0) {
        issues.push({ path: `row ${line}.time`, message: `${time} is before the scenario's start time` });
        return;
      }
    }
    const handle = seconds(row, 'handle', line);
    const patience = seconds(row, 'patience', line);
    const queue = row['queue'] === undefined || row['queue'] === '' ? undefined : row['queue'];
    calls.push({ at: atMs, handle, patience, queue });
  });
  if (issues.length > 0) throw new ScenarioError(issues, 'trace');
  return calls.sort((a, b) => a.at - b.at);
}
