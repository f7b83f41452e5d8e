import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'acd-sim-errors-')), 'scenario.json');
  writeFileSync(path, content);
  return path;
}

describe('acd-sim errors', () => {
  it('a bad scenario: exit code 2 and every bad path on stderr', async () => {
    const bad = file(
      JSON.stringify({
        duration: '8 hours',
        queues: [{ id: 'q' }],
        agents: [{ name: 'a', count: 2, queues: { nope: 1 } }],
        arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 10, handleTime: { type: 'exponential', mean: 'three minutes' } }],
      }),
    );
    const { code, stdout, stderr } = await cli('run', bad);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Invalid ${bad}`);
    expect(stderr).toContain('duration: Expected a duration');
    expect(stderr).toContain('arrivals[0].handleTime.mean: Expected a duration such as "20s", "3m", "8h" or a number of ms, got "three minutes"');
  });

  it('a scenario naming an unknown queue: exit code 2 and the path', async () => {
    const bad = file(
      JSON.stringify({
        duration: '8h',
        queues: [{ id: 'q' }],
        agents: [{ name: 'a', count: 2, queues: { nope: 1 } }],
        arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 10, handleTime: { type: 'exponential', mean: '3m' } }],
      }),
    );
    const { code, stderr } = await cli('run', bad, '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('agents[0].queues.nope: unknown queue "nope"');
  });

  it('a missing file and a file that is not JSON: exit code 2', async () => {
    const missing = await cli('run', join(tmpdir(), 'no-such-scenario.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
    const notJson = await cli('run', file('{ "name": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('not valid JSON');
  });

  it('bad usage: exit code 2 with commander\'s message', async () => {
    const unknown = await cli('run', 'x.json', '--bogus');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    const badNumber = await cli('run', 'x.json', '--replications', 'zero');
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('Expected a whole number >= 1');
    const noCommand = await cli('frobnicate');
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toContain("unknown command 'frobnicate'");
  });

  it('--help prints usage and exits 0', async () => {
    const { code, stdout } = await cli('run', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: acd-sim run [options] <scenario>');
    expect(stdout).toContain('--report <dir>');
  });
});
