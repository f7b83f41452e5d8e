import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

describe('acd-sim run --report', () => {
  it('writes report.html with the tables and inline SVG charts, and each chart as an SVG file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acd-sim-report-'));
    const scenario = join(dir, 'tiny.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        name: 'tiny <report>',
        duration: '1h',
        interval: '15m',
        replications: 2,
        targets: { serviceLevel: 0.75 },
        queues: [{ id: 'help' }],
        agents: [{ name: 'team', count: 4, queues: { help: 1 } }],
        arrivals: [{ process: 'poisson', queue: 'help', callsPerHour: 50, handleTime: { type: 'exponential', mean: '3m' }, patience: { type: 'exponential', mean: '2m' } }],
      }),
    );
    const out = join(dir, 'out');
    const { code, stdout } = await cli('run', scenario, '--report', out, '--curve-replications', '1');
    expect(code).toBe(0);
    expect(stdout).toContain(`report: ${join(out, 'report.html')}`);
    for (const chart of ['service-level.svg', 'wait-times.svg', 'staffing-curve.svg']) {
      const svg = readFileSync(join(out, chart), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('</svg>');
    }
    expect(readFileSync(join(out, 'service-level.svg'), 'utf8')).toContain('target 75 %');
    const staffing = readFileSync(join(out, 'staffing-curve.svg'), 'utf8');
    expect(staffing).toContain('Erlang C, minute by minute');
    expect(staffing).toContain('Erlang A (mean patience 2 min), minute by minute');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)).toHaveLength(3);
    expect(html).toContain('<h1>tiny &#60;report&#62;</h1>');
    expect(html).toContain('<th>agent group</th>');
    expect(html).toContain('service level 20 s');
  }, 15_000);

  it('--curve-replications 0 leaves the staffing curve out; with --json the note goes to stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acd-sim-report-'));
    const scenario = join(dir, 'two.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        duration: '1h',
        replications: 2,
        queues: [{ id: 'a' }, { id: 'b' }],
        agents: [{ name: 'team', count: 4, queues: { a: 1, b: 1 } }],
        arrivals: [
          { process: 'poisson', queue: 'a', callsPerHour: 30, handleTime: { type: 'exponential', mean: '3m' } },
          { process: 'poisson', queue: 'b', callsPerHour: 20, handleTime: { type: 'exponential', mean: '3m' } },
        ],
      }),
    );
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await cli('run', scenario, '--json', '--report', out, '--curve-replications', '0');
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain('report: ');
    expect(existsSync(join(out, 'staffing-curve.svg'))).toBe(false);
    expect(readFileSync(join(out, 'service-level.svg'), 'utf8')).toContain('all queues');
    expect(readFileSync(join(out, 'report.html'), 'utf8').match(/<svg/g)).toHaveLength(2);
  });
});
