import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { cli } from './support/cli.js';

function tinyScenario(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'acd-sim-run-'));
  const file = join(dir, 'tiny.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'tiny',
      seed: 3,
      startTime: '09:00',
      duration: '2h',
      interval: '30m',
      replications: 3,
      targets: { serviceLevel: 0.8, asa: '30s' },
      queues: [{ id: 'help', serviceLevelMs: 20000 }],
      agents: [{ name: 'team', count: 5, queues: { help: 1 }, shift: { start: '09:00', end: '11:00', breaks: [{ at: '10:00', duration: '10m' }] } }],
      arrivals: [{ process: 'poisson', queue: 'help', callsPerHour: 60, handleTime: { type: 'exponential', mean: '3m' }, patience: { type: 'exponential', mean: '2m' } }],
      ...extra,
    }),
  );
  return file;
}

describe('acd-sim run', () => {
  it('prints the KPI, agent, interval and target tables and the speed line', async () => {
    const { code, stdout, stderr } = await cli('run', tinyScenario());
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('tiny: 3 replications of 2 h from 09:00, seed 3');
    for (const label of ['calls', 'answered', 'service level 20 s', 'ASA', 'p90 wait', 'abandoned', 'P(wait)', 'AHT']) {
      expect(stdout).toMatch(new RegExp(`^${label.replace(/[()]/g, '\\$&')} +\\S`, 'm'));
    }
    expect(stdout).toMatch(/^team +5 +09:00–11:00, break 10:00 \(10 min\) +\d+\.\d % ± \d+\.\d$/m);
    expect(stdout).toContain('by 30 min interval');
    for (const start of ['09:00–09:30', '09:30–10:00', '10:00–10:30', '10:30–11:00']) expect(stdout).toContain(start);
    expect(stdout).toMatch(/^service level ≥ 80 % in 20 s +\d+\.\d % ± \d+\.\d +(met|missed|unclear)/m);
    expect(stdout).toMatch(/^simulated \d[\d,]* calls in \d+\.\d\d s \([\d,]+ calls\/s\)$/m);
  });

  it('--replications and --seed override the scenario', async () => {
    const file = tinyScenario();
    const one = await cli('run', file, '--replications', '2', '--seed', '9');
    expect(one.stdout).toContain('tiny: 2 replications of 2 h from 09:00, seed 9');
    const again = await cli('run', file, '-r', '2', '-s', '9');
    const tables = (out: string) => out.slice(0, out.lastIndexOf('simulated'));
    expect(tables(again.stdout)).toBe(tables(one.stdout));
  });

  it('--json prints the whole result as valid JSON (a one-replication half-width, Infinity, as null)', async () => {
    const { code, stdout } = await cli('run', tinyScenario(), '--json', '--replications', '1');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['scenario', 'queues', 'center', 'occupancy', 'intervals', 'waitDistribution', 'runs', 'performance']));
    expect(result.scenario.name).toBe('tiny');
    expect(result.scenario.replications).toBe(1);
    expect(result.center.arrivals.halfWidth).toBeNull();
    expect(result.center.serviceLevel.mean).toBeGreaterThan(0);
    expect(result.intervals).toHaveLength(4);
  });

  it('merges intervals when the day has more than 24, and shows the warm-up', async () => {
    const file = tinyScenario({ duration: '8h', interval: '15m', warmup: '30m', replications: 2, agents: [{ name: 'team', count: 5, queues: { help: 1 } }] });
    const { stdout } = await cli('run', file);
    expect(stdout).toContain('by 30 min interval');
    expect(stdout).toMatch(/^09:00–09:30 .* warm-up$/m);
    expect(stdout).toMatch(/^16:30–17:00 /m);
    expect(stdout).not.toContain('16:45');
  });

  it('shows a progress bar on stderr only when it is a terminal and not --quiet', async () => {
    const file = tinyScenario();
    let stderr = '';
    const tty: CliIo = { stdout: () => undefined, stderr: (t) => void (stderr += t), isTTY: true, columns: 100 };
    expect(await run(['node', 'acd-sim', 'run', file], tty)).toBe(0);
    expect(stderr).toContain('simulating');
    expect(stderr).toContain('3/3');
    stderr = '';
    expect(await run(['node', 'acd-sim', 'run', file, '--quiet'], tty)).toBe(0);
    expect(stderr).toBe('');
  });

  it('names several queues in columns with an "all" column', async () => {
    const file = tinyScenario({
      queues: [{ id: 'help' }, { id: 'sales', serviceLevelMs: 30000 }],
      agents: [{ name: 'team', count: 6, queues: { help: 1, sales: 2 } }],
      arrivals: [
        { process: 'poisson', queue: 'help', callsPerHour: 40, handleTime: { type: 'exponential', mean: '3m' } },
        { process: 'poisson', queue: 'sales', callsPerHour: 30, handleTime: { type: 'deterministic', value: '4m' } },
      ],
    });
    const { code, stdout } = await cli('run', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ +help +sales +all$/m);
    expect(stdout).toContain("service level (queue's T)");
    expect(stdout).toContain('T: help 20 s, sales 30 s');
    expect(stdout).toMatch(/^team +6 +help 1, sales 2 +all day/m);
  });
});
