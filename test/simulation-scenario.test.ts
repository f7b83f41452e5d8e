import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, readTrace, ScenarioError, simulate, type ScenarioInput } from '../src/index.js';

const base: ScenarioInput = {
  duration: '1h',
  queues: [{ id: 'q' }],
  agents: [{ name: 'a', count: 2, queues: { q: 1 } }],
  arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 10, handleTime: { type: 'exponential', mean: '3m' } }],
};

/** The issues a bad scenario raises (failing the test if it parses). */
function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseScenario(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).code).toBe('INVALID_SCENARIO');
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario', () => {
  it('fills in defaults and turns every duration and time of day into ms', () => {
    const s = parseScenario({ ...base, startTime: '08:30', warmup: '15m', interval: '30m' });
    expect(s).toMatchObject({ name: 'scenario', seed: 1, startTime: 8.5 * 3_600_000, duration: 3_600_000, warmup: 900_000, interval: 1_800_000, replications: 1, drain: true });
    expect(s.arrivals[0]?.handleTime).toEqual({ type: 'exponential', mean: 180_000 });
  });

  it('reads compound durations and rejects malformed ones', () => {
    const s = parseScenario({ ...base, duration: '1h 30m', warmup: '2m30s' });
    expect([s.duration, s.warmup]).toEqual([5_400_000, 150_000]);
    expect(issuesOf({ ...base, duration: '2m30' })[0]?.path).toBe('duration');
  });

  it('accepts its own output (a parsed scenario parses to itself)', () => {
    const s = parseScenario({ ...base, startTime: '08:30' });
    expect(parseScenario(s)).toEqual(s);
  });

  it.each([
    [{ ...base, duration: 'three hours' }, 'duration', 'Expected a duration'],
    [{ ...base, queues: [{ id: 'q', strategy: 'fastest' }] }, 'queues[0].strategy', ''],
    [{ ...base, agents: [{ name: 'a', count: 2, queues: { nope: 1 } }] }, 'agents[0].queues.nope', 'unknown queue "nope"'],
    [{ ...base, arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 10 }] }, 'arrivals[0].handleTime', 'required'],
    [{ ...base, arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 10, handleTime: { type: 'weibull', mean: 1 } }] }, 'arrivals[0].handleTime.type', ''],
    [{ ...base, arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: -1, handleTime: { type: 'deterministic', value: 1 } }] }, 'arrivals[0].callsPerHour', ''],
    [{ ...base, arrivals: [{ process: 'trace', queue: 'q' }] }, 'arrivals[0]', 'exactly one of `file` and `calls`'],
    [{ ...base, warmup: '2h' }, 'warmup', 'shorter than `duration`'],
    [{ ...base, queues: [{ id: 'q' }, { id: 'q' }] }, 'queues[1].id', 'duplicate queue id'],
    [{ ...base, agents: [{ name: 'a', count: 1, queues: { q: 1 }, shift: { start: '25:00', end: '10:00' } }] }, 'agents[0].shift.start', 'time of day'],
    [{ ...base, arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 1, handleTime: { type: 'empirical', values: [1, 2], weights: [1] } }] }, 'arrivals[0].handleTime.weights', 'one weight per value'],
    [{ ...base, extra: true }, '', 'extra'],
  ])('names the path of a bad field (%#)', (input, path, message) => {
    const issues = issuesOf(input);
    const found = issues.find((issue) => issue.path === path);
    expect(found, JSON.stringify(issues)).toBeDefined();
    expect(found?.message).toContain(message);
  });

  it('lists every problem at once, and says so in the message', () => {
    try {
      parseScenario({ ...base, duration: 'x', replications: 0 });
      expect.unreachable();
    } catch (error) {
      const e = error as ScenarioError;
      expect(e.issues.map((i) => i.path).sort()).toEqual(['duration', 'replications']);
      expect(e.message).toMatch(/^Invalid scenario:\n {2}(duration|replications): /);
    }
  });

  it('reports cross-field problems in the same pass as field problems', () => {
    const input = {
      ...base,
      duration: '1h',
      warmup: '2h',
      replications: 0,
      agents: [{ name: 'a', count: -1, queues: { nowhere: 1 } }],
      arrivals: [{ process: 'poisson', queue: 'elsewhere', callsPerHour: 10, handleTime: { type: 'exponential', mean: 'soon' } }],
    };
    expect(issuesOf(input).map((i) => i.path).sort()).toEqual([
      'agents[0].count',
      'agents[0].queues.nowhere',
      'arrivals[0].handleTime.mean',
      'arrivals[0].queue',
      'replications',
      'warmup',
    ]);
  });

  it.each([null, 42, 'scenario', [], {}])('rejects %j as a scenario without throwing anything but a ScenarioError', (input) => {
    expect(() => parseScenario(input as never)).toThrow(ScenarioError);
  });

  it('reports a queue policy the router rejects with the queue path when the simulation adds it', () => {
    const bad = { ...base, queues: [{ id: 'q', escalation: [{ afterMs: -5, raisePriority: 1 }] }] };
    expect(() => simulate(bad)).toThrow(ScenarioError);
    try {
      simulate(bad);
    } catch (error) {
      expect((error as ScenarioError).issues[0]?.path).toBe('queues[0]');
    }
  });
});

describe('loadScenario and trace files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'acd-scenario-'));

  it('reads a JSON file and the trace CSV it names, relative to the file', () => {
    writeFileSync(join(dir, 'calls.csv'), 'time,handle,patience\n0,60,\n30.5,120,45\n10,90,\n');
    writeFileSync(join(dir, 'day.json'), JSON.stringify({ ...base, arrivals: [{ process: 'trace', queue: 'q', file: 'calls.csv' }] }));
    const s = loadScenario(join(dir, 'day.json'));
    const stream = s.arrivals[0];
    expect(stream?.process).toBe('trace');
    expect(stream?.process === 'trace' ? stream.calls : undefined).toEqual([
      { at: 0, handle: 60_000, patience: undefined, queue: undefined },
      { at: 10_000, handle: 90_000, patience: undefined, queue: undefined },
      { at: 30_500, handle: 120_000, patience: 45_000, queue: undefined },
    ]);
  });

  it('names the file, row and column of a bad trace value', () => {
    writeFileSync(join(dir, 'bad.csv'), 'time,handle\n0,60\nsoon,60\n5,-3\n');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...base, arrivals: [{ process: 'trace', queue: 'q', file: 'bad.csv' }] }));
    expect(() => loadScenario(join(dir, 'bad.json'))).toThrow(/arrivals\[0\]\.file: cannot use trace "bad\.csv": row 3\.time: .*row 4\.handle/);
  });

  it('needs handle times from the trace or the stream', () => {
    writeFileSync(join(dir, 'nohandle.csv'), 'time\n0\n');
    writeFileSync(join(dir, 'nohandle.json'), JSON.stringify({ ...base, arrivals: [{ process: 'trace', queue: 'q', file: 'nohandle.csv' }] }));
    expect(() => loadScenario(join(dir, 'nohandle.json'))).toThrow(/arrivals\[0\]\.handleTime: required/);
  });

  it('reads ISO timestamps as times of day from the scenario start, later dates adding days', () => {
    const calls = readTrace('time\n2026-11-23T08:00:05Z\n2026-11-23T09:30:00Z\n2026-11-24T08:00:00Z\n', 8 * 3_600_000);
    expect(calls.map((c) => c.at)).toEqual([5_000, 5_400_000, 86_400_000]);
  });

  it('says what is wrong with a missing file or bad JSON', () => {
    expect(() => loadScenario(join(dir, 'missing.json'))).toThrow(/cannot read the file/);
    writeFileSync(join(dir, 'broken.json'), '{ "duration": ');
    expect(() => loadScenario(join(dir, 'broken.json'))).toThrow(/not valid JSON/);
  });
});
