import type { Estimate } from '../simulation/estimates.js';

/** How a figure reads: a share (`83.3 %`), a time in ms (`10.5 s`) or a count (`1,098`). */
export type FigureKind = 'share' | 'ms' | 'count';

/** Shown for a figure with no value (no call answered, say). */
export const NONE = '–';

/** `1,234,567` (grouping by thousands, whatever the locale). */
export function grouped(value: number, digits = 0): string {
  const [whole, fraction] = value.toFixed(digits).split('.');
  const withCommas = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/** A count: whole from 100 up, one decimal below (means across replications are rarely whole). */
export function count(value: number): string {
  return Math.abs(value) >= 100 || Number.isInteger(value) ? grouped(value) : value.toFixed(1);
}

/** Decimals of a count estimate: none from 100 up or when everything is whole (one replication), else one. */
function countDigits(e: Estimate): number {
  return Math.abs(e.mean) >= 100 || (Number.isInteger(e.mean) && (!Number.isFinite(e.halfWidth) || Number.isInteger(e.halfWidth))) ? 0 : 1;
}

/** `83.3 %`. */
export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)} %`;
}

/** `10.5 s` below 100 s, `268 s` from there. */
export function seconds(ms: number): string {
  const s = ms / 1_000;
  return Math.abs(s) >= 100 ? `${grouped(s)} s` : `${s.toFixed(1)} s`;
}

/** A duration for people: `20 s`, `30 min`, `1 h 30 min`, `8 h`. */
export function duration(ms: number): string {
  if (ms < 60_000 || ms % 60_000 !== 0) return `${+(ms / 1_000).toFixed(1)} s`;
  const minutes = ms / 60_000;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** One value of a kind, without its interval. */
export function figure(value: number, kind: FigureKind): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : NONE;
  if (kind === 'share') return percent(value);
  if (kind === 'ms') return seconds(value);
  return count(value);
}

/** The half-width alone, in the unit of its mean: `2.3` (points of %), `2.0` (s), `23`. */
function halfWidthText(e: Estimate, kind: FigureKind): string {
  if (kind === 'share') return (e.halfWidth * 100).toFixed(1);
  if (kind === 'ms') return Math.abs(e.mean) >= 100_000 ? grouped(e.halfWidth / 1_000) : (e.halfWidth / 1_000).toFixed(1);
  return grouped(e.halfWidth, countDigits(e));
}

/**
 * An estimate as `mean ± half-width` of its 95 % confidence interval (`83.3 % ± 2.3`,
 * `10.5 s ± 2.0`, `1,098 ± 23`); the mean alone when there is no interval (one replication).
 */
export function estimateText(value: Estimate | null | undefined, kind: FigureKind): string {
  if (value === null || value === undefined) return NONE;
  const mean = kind === 'count' && Number.isFinite(value.mean) ? grouped(value.mean, countDigits(value)) : figure(value.mean, kind);
  if (!Number.isFinite(value.halfWidth)) return mean;
  return `${mean} ± ${halfWidthText(value, kind)}`;
}

/** A signed difference `+8.2 pts ± 1.1`, `-3.4 s ± 0.9`, `+12 ± 4` (shares in percentage points). */
export function differenceText(value: Estimate | null | undefined, kind: FigureKind): string {
  if (value === null || value === undefined) return NONE;
  const sign = value.mean > 0 ? '+' : value.mean < 0 ? '-' : '';
  const size = Math.abs(value.mean);
  let text: string;
  if (kind === 'share') text = `${sign}${(size * 100).toFixed(1)} pts`;
  else if (kind === 'ms') text = `${sign}${seconds(size)}`;
  else text = `${sign}${grouped(size, countDigits(value))}`;
  if (!Number.isFinite(value.halfWidth)) return text;
  return `${text} ± ${halfWidthText(value, kind)}`;
}
