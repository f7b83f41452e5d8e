import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

/** Two configurations of the same calls: B lets the sales team help support at tier 2. */
function scenarios(): { a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'acd-sim-compare-'));
  const make = (name: string, salesQueues: Record<string, number>) => ({
    name,
    seed: 5,
    duration: '2h',
    replications: 4,
    queues: [{ id: 'support' }, { id: 'sales' }],
    agents: [
      { name: 'support', count: 4, queues: { support: 1 } },
      { name: 'sales', count: 4, queues: salesQueues },
    ],
    arrivals: [
      { process: 'poisson', queue: 'support', callsPerHour: 75, handleTime: { type: 'exponential', mean: '3m' }, patience: { type: 'exponential', mean: '2m' } },
      { process: 'poisson', queue: 'sales', callsPerHour: 30, handleTime: { type: 'exponential', mean: '3m' } },
    ],
  });
  const a = join(dir, 'a.json');
  const b = join(dir, 'b.json');
  writeFileSync(a, JSON.stringify(make('apart', { sales: 1 })));
  writeFileSync(b, JSON.stringify(make('helping', { sales: 1, support: 2 })));
  return { a, b };
}

describe('acd-sim compare', () => {
  it('prints both configurations side by side with the paired difference', async () => {
    const { a, b } = scenarios();
    const { code, stdout } = await cli('compare', a, b);
    expect(code).toBe(0);
    expect(stdout).toContain('4 replications each on the same calls, seed 5');
    expect(stdout).toMatch(/a: apart +b: helping +b − a/);
    // The same calls in both: the difference in calls is exactly 0.
    expect(stdout).toMatch(/^all queues +calls +[\d,.]+ ± [\d.]+ +[\d,.]+ ± [\d.]+ +0 ± 0$/m);
    // Help from sales: support's service level rises, and the interval says so.
    const support = stdout.slice(stdout.indexOf('\nsupport'));
    expect(support).toMatch(/service level 20 s +\d+\.\d % ± \d+\.\d +\d+\.\d % ± \d+\.\d +\+\d+\.\d pts ± \d+\.\d \*/);
    expect(stdout).toMatch(/^ +occupancy +/m);
  });

  it('--json prints the labels, both results and the rows', async () => {
    const { a, b } = scenarios();
    const { code, stdout } = await cli('compare', a, b, '--json', '--replications', '2');
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout);
    expect(comparison.labels).toEqual(['apart', 'helping']);
    expect(comparison.a.scenario.replications).toBe(2);
    const row = comparison.rows.find((r: { scope: string; kpi: string }) => r.scope === 'support' && r.kpi === 'serviceLevel');
    expect(row.difference.mean).toBeCloseTo(row.b.mean - row.a.mean, 10);
  });
});
