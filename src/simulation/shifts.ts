import type { CallRouter } from '../call-router.js';
import type { CallDriver } from './call-driver.js';
import type { AgentGroup } from './scenario-schema.js';

const DAY_MS = 86_400_000;

/** Time-of-day test: is `tod` in [start, end), a window that may run over midnight? */
function inWindow(tod: number, start: number, end: number): boolean {
  return start <= end ? tod >= start && tod < end : tod >= start || tod < end;
}

/** The presence of a group's agents at a time of day (on shift and not on a break: available). */
export function presenceAt(group: AgentGroup, tod: number): 'available' | 'offline' | 'not-ready' {
  const shift = group.shift;
  if (shift === undefined) return 'available';
  if (!inWindow(timeOfDay(tod), shift.start, shift.end)) return 'offline';
  return breakAt(group, tod) === undefined ? 'available' : 'not-ready';
}

/** The break a group is on at a time of day, if any. */
function breakAt(group: AgentGroup, tod: number): { readonly reason: string } | undefined {
  const t = timeOfDay(tod);
  return group.shift?.breaks.find((b) => inWindow(t, b.at, (b.at + b.duration) % DAY_MS));
}

const timeOfDay = (ms: number): number => ((ms % DAY_MS) + DAY_MS) % DAY_MS;

/** Whether a group's agents take calls at a time of day (on shift, not on a break). */
export function onDuty(group: AgentGroup, tod: number): boolean {
  return presenceAt(group, tod) === 'available';
}

/**
 * Schedules a group's logins, logouts and breaks, every day of the run. Agents busy when their
 * shift or break starts finish the call first (the router keeps the new presence for after it).
 */
export function scheduleShift(router: CallRouter, driver: CallDriver, group: AgentGroup, startTod: number, durationMs: number): void {
  const shift = group.shift;
  if (shift === undefined) return;
  const changes: Array<{ tod: number }> = [{ tod: shift.start }, { tod: shift.end }];
  for (const b of shift.breaks) changes.push({ tod: b.at }, { tod: (b.at + b.duration) % DAY_MS });
  for (const { tod } of changes) {
    // First occurrence of this time of day after the start, then every day.
    let t = (((tod - startTod) % DAY_MS) + DAY_MS) % DAY_MS;
    if (t === 0) t = DAY_MS;
    for (; t < durationMs; t += DAY_MS) {
      const atMs = t;
      driver.at(atMs, () => {
        const presence = presenceAt(group, startTod + atMs);
        const reason = presence === 'not-ready' ? breakAt(group, startTod + atMs)?.reason : undefined;
        for (let k = 1; k <= group.count; k++) router.setAgentState(`${group.name}-${k}`, presence, reason);
      });
    }
  }
}
