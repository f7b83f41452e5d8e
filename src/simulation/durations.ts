/** Units a duration string may use, in ms. */
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** One `<number><unit>` part; a duration is one or more (`"1h30m"`, `"2m 30s"`). */
const PART = /(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)\s*/y;
const TIME_OF_DAY = /^([01]?\d|2[0-4]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * A duration in a scenario: a number of milliseconds, or a string with units
 * (`"1500ms"`, `"20s"`, `"3m"`, `"3min"`, `"8h"`, `"1d"`, `"2m30s"`, `"1h 30m"`).
 */
export type Duration = number | string;

/** Milliseconds of a duration string, or `undefined` when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  PART.lastIndex = 0;
  let ms = 0;
  while (PART.lastIndex < trimmed.length) {
    const match = PART.exec(trimmed);
    if (match === null) return undefined;
    ms += Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  }
  return ms;
}

/** Milliseconds since midnight of a `"HH:MM"` or `"HH:MM:SS"` time of day (up to `"24:00"`), or `undefined`. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text.trim());
  if (match === null) return undefined;
  const ms = Number(match[1]) * 3_600_000 + Number(match[2]) * 60_000 + Number(match[3] ?? 0) * 1_000;
  return ms <= 86_400_000 ? ms : undefined;
}

/** `"HH:MM"` of a time of day in ms (wrapping at 24 h). */
export function formatTimeOfDay(ms: number): string {
  const minutes = Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
