/**
 * JSON text of a value on one line (results hold long arrays: pipe to `jq` to read them), with
 * non-finite numbers (a one-replication half-width is `Infinity`) as `null`, so any JSON reader
 * takes it.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
}
