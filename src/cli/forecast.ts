import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { InvalidArgumentError } from '../model/errors.js';
import { parseDuration, parseTimeOfDay } from '../simulation/durations.js';

/** A day's forecast as read from a file: calls per interval, with AHTs when the file gives them. */
export interface ForecastFile {
  /** Length of every interval, ms; `undefined` when the file does not say (then `--interval` must). */
  readonly intervalMs: number | undefined;
  /** Time of day of the first interval, ms since midnight. @default 0 */
  readonly startTimeMs: number;
  readonly calls: readonly number[];
  /** AHT per interval, ms, when the file gives one. */
  readonly ahtMs?: readonly number[];
}

/** A duration cell or field: `"4m"`, `"240s"`, or a bare number of seconds. */
function seconds(text: string, where: string): number {
  const trimmed = text.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1_000 : parseDuration(trimmed);
  if (ms === undefined || !(ms > 0)) throw new InvalidArgumentError(`${where}: expected a duration > 0 such as "240s", "4m" or seconds, got "${text}"`);
  return ms;
}

function callsOf(value: unknown, where: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${where}: expected a number of calls >= 0, got "${String(value)}"`);
  return n;
}

/**
 * CSV with a header row: `calls` (required), `start` (`HH:MM` of each interval; consecutive starts
 * give the interval length), `aht` (seconds or a duration such as `4m`).
 */
export function parseForecastCsv(text: string, source = 'forecast'): ForecastFile {
  const rows = parseCsv(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  if (rows.length === 0) throw new InvalidArgumentError(`${source}: no rows (a header row, then one row per interval)`);
  if (!('calls' in (rows[0] as object))) throw new InvalidArgumentError(`${source}: a \`calls\` column is required`);
  const calls = rows.map((row, i) => callsOf(row['calls'], `${source} row ${i + 2}.calls`));
  const starts = rows.map((row, i) => {
    const cell = row['start'];
    if (cell === undefined || cell === '') return undefined;
    const ms = parseTimeOfDay(cell);
    if (ms === undefined) throw new InvalidArgumentError(`${source} row ${i + 2}.start: expected a time of day "HH:MM", got "${cell}"`);
    return ms;
  });
  let intervalMs: number | undefined;
  if (starts.length >= 2 && starts[0] !== undefined && starts[1] !== undefined) {
    intervalMs = (starts[1] - starts[0] + 86_400_000) % 86_400_000;
    starts.forEach((s, i) => {
      if (i > 0 && s !== undefined && starts[0] !== undefined && (s - starts[0] + 86_400_000) % 86_400_000 !== i * (intervalMs as number)) {
        throw new InvalidArgumentError(`${source} row ${i + 2}.start: intervals must be consecutive and of one length (${(intervalMs as number) / 60_000} min)`);
      }
    });
  }
  const hasAht = rows.some((row) => row['aht'] !== undefined && row['aht'] !== '');
  return {
    intervalMs,
    startTimeMs: starts[0] ?? 0,
    calls,
    ...(hasAht ? { ahtMs: rows.map((row, i) => seconds(row['aht'] ?? '', `${source} row ${i + 2}.aht`)) } : {}),
  };
}

/**
 * JSON: `{ "interval": "30m", "start": "08:00", "calls": [40, 55, …], "aht": "4m" }`; `aht` may
 * also be one duration per interval, and `interval`/`aht` numbers are ms.
 */
export function parseForecastJson(json: unknown, source = 'forecast'): ForecastFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new InvalidArgumentError(`${source}: expected an object with \`calls\``);
  const o = json as Record<string, unknown>;
  if (!Array.isArray(o['calls'])) throw new InvalidArgumentError(`${source}.calls: expected an array of calls per interval`);
  const calls = (o['calls'] as unknown[]).map((c, i) => callsOf(c, `${source}.calls[${i}]`));
  const duration = (value: unknown, where: string): number => {
    if (typeof value === 'number' && value > 0) return value;
    if (typeof value === 'string') {
      const ms = parseDuration(value);
      if (ms !== undefined && ms > 0) return ms;
    }
    throw new InvalidArgumentError(`${where}: expected a duration > 0 such as "30m" or a number of ms, got ${JSON.stringify(value)}`);
  };
  const intervalMs = o['interval'] === undefined ? undefined : duration(o['interval'], `${source}.interval`);
  let startTimeMs = 0;
  if (o['start'] !== undefined) {
    const ms = typeof o['start'] === 'string' ? parseTimeOfDay(o['start']) : undefined;
    if (ms === undefined) throw new InvalidArgumentError(`${source}.start: expected a time of day "HH:MM", got ${JSON.stringify(o['start'])}`);
    startTimeMs = ms;
  }
  const aht = o['aht'];
  let ahtMs: number[] | undefined;
  if (Array.isArray(aht)) {
    if (aht.length !== calls.length) throw new InvalidArgumentError(`${source}.aht: expected one AHT per interval (${calls.length}), got ${aht.length}`);
    ahtMs = aht.map((a, i) => duration(a, `${source}.aht[${i}]`));
  } else if (aht !== undefined) {
    const one = duration(aht, `${source}.aht`);
    ahtMs = calls.map(() => one);
  }
  return { intervalMs, startTimeMs, calls, ...(ahtMs === undefined ? {} : { ahtMs }) };
}

/** Reads a forecast file: `.json` as JSON, anything else as CSV. */
export function readForecast(file: string): ForecastFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`${file}: cannot read the file: ${(error as Error).message}`);
  }
  if (extname(file).toLowerCase() !== '.json') return parseForecastCsv(text, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return parseForecastJson(json, file);
}
