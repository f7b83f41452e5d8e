import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

describe('acd-sim staff', () => {
  // 200 calls/h × 3 min = 10 erlangs. Erlang C: C(13, 10) = 0.2853, SL = 1 − C·e^(−3·20/180) = 79.6 %;
  // C(14, 10) = 0.1741, SL = 1 − C·e^(−4·20/180) = 88.8 %: 14 agents for 80 % in 20 s.
  it('Erlang C: 14 agents for 200 calls/h, AHT 3 min, 80 % in 20 s, with the neighbourhood table', async () => {
    const { code, stdout, stderr } = await cli('staff', '--calls-per-hour', '200', '--aht', '180s', '--sl', '0.8', '--threshold', '20s', '--shrinkage', '0.3');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Erlang C: 200 calls/h × AHT 3 min = 10.00 erlangs');
    expect(stdout).toContain('agents needed: 14 on the phones (one fewer misses: service level); 20 scheduled with 30 % shrinkage');
    expect(stdout).toMatch(/^ +13 +79\.6 % .*misses service level$/m);
    expect(stdout).toMatch(/^ +14 +88\.8 % .*← needed$/m);
    expect(stdout).toMatch(/^ +10 +0\.0 % +∞ .*unstable: load ≥ agents$/m);
  });

  it('Erlang A with --patience and --abandon; --json gives the solver result', async () => {
    const { code, stdout } = await cli('staff', '--calls-per-hour', '200', '--aht', '3m', '--sl', '80%', '--threshold', '20s', '--patience', '2m', '--abandon', '0.05', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.model).toBe('erlang-a');
    expect(result.erlangs).toBeCloseTo(10, 12);
    expect(result.agents).toBe(13);
    expect(result.limitedBy).toEqual(['abandonment']);
    expect(result.metrics.abandonment).toBeLessThanOrEqual(0.05);
    expect(result.neighbourhood.map((m: { agents: number }) => m.agents)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('--forecast plans a whole day from a CSV of calls per interval', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'acd-sim-staff-')), 'day.csv');
    writeFileSync(file, 'start,calls\n08:00,100\n08:30,0\n09:00,50\n');
    const { code, stdout } = await cli('staff', '--forecast', file, '--aht', '180s', '--sl', '0.8', '--threshold', '20s');
    expect(code).toBe(0);
    expect(stdout).toContain('Erlang C day plan: 3 intervals of 30 min from 08:00');
    // 100 calls in 30 min × 3 min = 10 erlangs: 14 agents, as above.
    expect(stdout).toMatch(/^08:00–08:30 +100 +180 s +10\.00 +14 /m);
    expect(stdout).toMatch(/^08:30–09:00 +0 +180 s +0\.00 +0 /m);
    expect(stdout).toContain('day: 150 calls;');
  });

  it('inconsistent options: exit code 2 and what to give', async () => {
    const noTarget = await cli('staff', '--calls-per-hour', '200', '--aht', '3m');
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('give at least one target');
    const abandonWithoutPatience = await cli('staff', '--calls-per-hour', '200', '--aht', '3m', '--abandon', '0.05');
    expect(abandonWithoutPatience.code).toBe(2);
    expect(abandonWithoutPatience.stderr).toContain('--abandon needs Erlang A: give --patience');
    const badDuration = await cli('staff', '--calls-per-hour', '200', '--aht', 'three minutes', '--sl', '0.8');
    expect(badDuration.code).toBe(2);
    expect(badDuration.stderr).toContain("option '--aht <duration>' argument 'three minutes' is invalid");
    const noInterval = join(mkdtempSync(join(tmpdir(), 'acd-sim-staff-')), 'day.json');
    writeFileSync(noInterval, JSON.stringify({ calls: [10, 20] }));
    const missing = await cli('staff', '--forecast', noInterval, '--aht', '3m', '--sl', '0.8');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('give --interval');
  });
});
