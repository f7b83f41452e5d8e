import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, simulate, type ScenarioInput, type SimulationResult } from '../src/index.js';

const root = resolve(import.meta.dirname, '..');

const line: ScenarioInput = {
  name: 'line',
  seed: 11,
  duration: '4h',
  warmup: '30m',
  replications: 4,
  queues: [{ id: 'q', serviceLevelMs: 20_000, wrapUpMs: 5_000 }],
  agents: [{ name: 'a', count: 8, queues: { q: 1 } }],
  arrivals: [
    {
      process: 'poisson',
      queue: 'q',
      callsPerHour: 120,
      handleTime: { type: 'lognormal', mean: '3m', sd: '2m' },
      patience: { type: 'exponential', mean: '2m' },
    },
  ],
};

/** A result without the wall-clock parts, which differ run to run. */
function deterministic(result: SimulationResult): unknown {
  return JSON.parse(JSON.stringify({ ...result, performance: undefined, runs: result.runs.map((r) => ({ ...r, wallMs: undefined })) }));
}

describe('simulate: reproducible', () => {
  it('gives identical results for the same scenario and seed', () => {
    expect(deterministic(simulate(line))).toEqual(deterministic(simulate(line)));
  });

  it('gives identical results in another process', () => {
    const script = `import { simulate } from './src/index.ts';
const r = simulate(${JSON.stringify(line)});
process.stdout.write(JSON.stringify({ ...r, performance: undefined, runs: r.runs.map((x) => ({ ...x, wallMs: undefined })) }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root }).toString();
    expect(JSON.parse(out)).toEqual(deterministic(simulate(line)));
  }, 30_000);

  it('gives other results for another seed, and replications differ from each other', () => {
    const a = simulate(line);
    const b = simulate(line, { seed: 12 });
    expect(b.center.arrivals?.mean).not.toBe(a.center.arrivals?.mean);
    const arrivals = a.runs.map((r) => r.center.arrivals);
    expect(new Set(arrivals).size).toBeGreaterThan(1);
  });
});

describe('simulate: results', () => {
  const result = simulate(line);

  it('accounts for every call: answered + abandoned = arrivals measured, drained to the end', () => {
    for (const run of result.runs) {
      expect(run.unfinished).toBe(0);
      const c = run.center;
      // Calls that arrived in the warm-up and leave after it count in answered/abandoned but not in arrivals.
      expect(Math.abs(c.answered + c.abandoned - c.arrivals)).toBeLessThanOrEqual(8 + 20);
      // Calls answered in the warm-up complete after it: at most one per agent.
      expect(c.completed - c.answered).toBeGreaterThanOrEqual(0);
      expect(c.completed - c.answered).toBeLessThanOrEqual(8);
    }
  });

  it('conserves calls exactly without a warm-up: every arrival is answered, abandoned or timed out', () => {
    const r = simulate({ ...line, warmup: 0, queues: [{ id: 'q', maxWaitMs: 60_000, exitAction: { action: 'voicemail' } }] });
    for (const run of r.runs) {
      const c = run.center;
      expect(c.timedOut).toBeGreaterThan(0);
      expect(c.answered + c.abandoned + c.timedOut).toBe(c.arrivals);
      expect(c.completed).toBe(c.answered);
      expect(run.calls).toBe(c.arrivals);
    }
  });

  it('estimates every KPI with a 95 % interval across replications', () => {
    const sl = result.center.serviceLevel;
    expect(sl?.n).toBe(4);
    const values = result.runs.map((r) => r.center.serviceLevel.answered as number);
    const mean = values.reduce((a, b) => a + b, 0) / 4;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
    expect(sl?.mean).toBeCloseTo(mean, 12);
    expect(sl?.halfWidth).toBeCloseTo((3.182446305 * sd) / 2, 9);
    expect(sl?.low).toBeCloseTo(mean - (sl?.halfWidth ?? 0), 12);
  });

  it('leaves the warm-up out of the totals but reports its intervals, flagged', () => {
    expect(result.scenario.warmupMs).toBe(1_800_000);
    expect(result.intervals).toHaveLength(16);
    expect(result.intervals.filter((i) => i.warmup)).toHaveLength(2);
    const run = result.runs[0];
    const measured = run?.intervals.filter((r) => r.startMs >= 1_800_000).reduce((sum, r) => sum + r.center.answered, 0) ?? 0;
    // Totals = the measured intervals plus what the drain answered after the end.
    expect(run?.center.answered).toBeGreaterThanOrEqual(measured);
    expect(run?.center.answered).toBeLessThanOrEqual(measured + 8);
  });

  it('measures the handle-time distribution it was given (AHT = talk + wrap-up)', () => {
    expect(result.center.ahtMs?.mean).toBeGreaterThan(170_000 + 5_000);
    expect(result.center.ahtMs?.mean).toBeLessThan(190_000 + 5_000);
  });

  it('pools the answered waits into a distribution that sums to 1', () => {
    const shares = result.waitDistribution.center;
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const withinSl = shares.slice(0, 21).reduce((a, b) => a + b, 0);
    expect(withinSl).toBeGreaterThan(0.5);
  });
});

describe('simulate: arrivals', () => {
  it('replays a trace exactly: its times, handle times and patience', () => {
    const r = simulate({
      duration: '1h',
      queues: [{ id: 'q', serviceLevelMs: 0 }],
      agents: [{ name: 'a', count: 1, queues: { q: 1 } }],
      arrivals: [{ process: 'trace', queue: 'q', calls: [{ at: '0s', handle: '100s' }, { at: '10s', handle: '50s' }, { at: '20s', handle: '10s', patience: '30s' }] }],
    });
    const run = r.runs[0];
    // Call 1 talks 0–100 s; call 2 waits 90 s and talks 100–150 s; call 3 hangs up at 50 s.
    expect(run?.center).toMatchObject({ arrivals: 3, answered: 2, abandoned: 1, talkTimeMs: 150_000, answeredInThreshold: 1 });
    expect(run?.center.asaMs).toBe(45_000);
    expect(run?.center.probabilityOfWaiting).toBeCloseTo(2 / 3, 12);
  });

  it('follows a daily curve: no calls where the rate is 0, about twice as many where it doubles', () => {
    const r = simulate({
      duration: '2d',
      startTime: '06:00',
      interval: '1h',
      queues: [{ id: 'q' }],
      agents: [{ name: 'a', count: 50, queues: { q: 1 } }],
      arrivals: [{ process: 'curve', queue: 'q', start: '08:00', interval: '1h', callsPerInterval: [200, 400, 0, 200], handleTime: { type: 'deterministic', value: '1m' } }],
    });
    const byHour = new Map<number, number>();
    for (const report of r.runs[0]?.intervals ?? []) {
      const hour = (6 + report.startMs / 3_600_000) % 24;
      byHour.set(hour, (byHour.get(hour) ?? 0) + report.center.entered);
    }
    expect(byHour.get(6)).toBe(0);
    expect(byHour.get(10)).toBe(0);
    expect(byHour.get(12)).toBe(0);
    const h8 = byHour.get(8) ?? 0;
    const h9 = byHour.get(9) ?? 0;
    expect(h8).toBeGreaterThan(2 * 200 - 4 * Math.sqrt(400));
    expect(h8).toBeLessThan(2 * 200 + 4 * Math.sqrt(400));
    expect(h9 / h8).toBeGreaterThan(1.6);
    expect(h9 / h8).toBeLessThan(2.5);
  });

  it('draws Poisson arrivals at the given rate (mean over replications within its interval)', () => {
    const r = simulate({ ...line, replications: 10, warmup: 0, arrivals: [{ ...(line.arrivals[0] as object), callsPerHour: 300 } as never] });
    const arrivals = r.center.arrivals;
    expect(arrivals?.low).toBeLessThan(1_200);
    expect(arrivals?.high).toBeGreaterThan(1_200);
  });
});

describe('simulate: agents', () => {
  it('keeps agents off before their shift and on a break, and takes calls when they are on', () => {
    const r = simulate({
      duration: '4h',
      startTime: '08:00',
      interval: '1h',
      queues: [{ id: 'q', serviceLevelMs: 0 }],
      agents: [{ name: 'late', count: 5, queues: { q: 1 }, shift: { start: '09:00', end: '12:00', breaks: [{ at: '10:00', duration: '1h' }] } }],
      arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 30, handleTime: { type: 'deterministic', value: '30s' } }],
    });
    const hours = r.runs[0]?.intervals.map((i) => i.center) ?? [];
    expect(hours.map((h) => h.answered > 0)).toEqual([false, true, false, true]);
    // The calls that waited through 08:00–09:00 are answered at 09:00.
    expect(hours[1]?.asaMs).toBeGreaterThan(60_000);
    expect(r.runs[0]?.occupancy['late']).toBeGreaterThan(0);
  });

  it("gives agents on a break the break's reason, and shows the router to onRouter", () => {
    const changes: string[] = [];
    const r = simulate({
      duration: '2h',
      interval: '1h',
      queues: [{ id: 'q' }],
      agents: [{ name: 'a', count: 1, queues: { q: 1 }, shift: { start: '00:00', end: '02:00', breaks: [{ at: '01:00', duration: '1h', reason: 'training' }] } }],
      arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 1, handleTime: { type: 'deterministic', value: '1s' } }],
    }, {
      onRouter: (router) => router.on('agent:state-changed', ({ atMs, to, reason }) => changes.push(`${atMs / 60_000} ${to} ${reason ?? ''}`.trim())),
    });
    expect(changes).toContain('60 not-ready training');
    expect(r.runs[0]?.intervals[1]?.center.answered).toBe(0);
  });

  it('lets agents miss offers (the offer times out) and answer after a delay', () => {
    const r = simulate({
      ...line,
      replications: 1,
      queues: [{ id: 'q', offerTimeoutMs: 10_000, serviceLevelMs: 20_000 }],
      agentBehavior: { answerDelay: { type: 'deterministic', value: '4s' }, missProbability: 0.2 },
    });
    const c = r.runs[0]?.center;
    expect(c?.offers).toBeGreaterThan((c?.answered ?? 0) * 1.15);
    expect(r.waitDistribution.center.slice(0, 4).every((share) => share === 0)).toBe(true);
    // Quantiles are within 1 % above 1 s.
    expect(c?.waitP50Ms).toBeGreaterThanOrEqual(4_000 * 0.99);
  });
});

describe('simulate: options', () => {
  it('rejects bad options with every problem at once, before simulating anything', () => {
    let watched = 0;
    const bad = { replications: 0, seed: -1, onRouter: 'watch', wallClock: {} } as unknown as Parameters<typeof simulate>[1];
    let caught: unknown;
    try {
      simulate({ ...line, agents: [{ name: 'a', count: 1, queues: { q: 1 } }] }, { ...bad, onReplication: () => watched++ });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const error = caught as ScenarioError;
    expect(error.code).toBe('INVALID_SCENARIO');
    expect(error.issues.map((i) => i.path)).toEqual(['replications', 'seed', 'onRouter', 'wallClock']);
    expect(error.message).toMatch(/^Invalid options:/);
    expect(watched).toBe(0);
  });

  it('times the run with the injected wall clock only (simulated time never comes from it)', () => {
    let now = 1_000;
    const wallClock = { now: (): number => (now += 250) };
    const result = simulate({ ...line, replications: 2 }, { wallClock });
    expect(result.runs.map((r) => r.wallMs)).toEqual([250, 250]);
    expect(result.performance.wallMs).toBe(500);
    expect(result.performance.callsPerSecond).toBeCloseTo(result.performance.calls / 0.5, 6);
    expect(deterministic(result)).toEqual(deterministic(simulate({ ...line, replications: 2 })));
  });
});
