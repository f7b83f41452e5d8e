import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** The output pasted at the end of an example, as `/* Output of … *\/` with ` * ` line prefixes. */
function pastedOutput(file: string): string {
  const source = readFileSync(file, 'utf8');
  const block = source.slice(source.lastIndexOf('/* Output of'));
  return block
    .split('\n')
    .slice(1, -2)
    .map((line) => line.replace(/^ \* ?/, ''))
    .join('\n');
}

describe('the examples', () => {
  it('npm start runs the bank-line scenario through acd-sim and prints exactly the tables in the README (but the speed line)', () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), 'run', 'examples/scenarios/bank-line.json'], { cwd: root })
      .toString()
      .trim();
    const lines = output.split('\n');
    expect(lines.at(-1)).toMatch(/^simulated [\d,]+ calls in [\d.]+ s \([\d,]+ calls\/s\)$/);
    const tables = lines.slice(0, -1).join('\n');
    expect(tables).toContain('service level 20 s');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(tables);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start).toBe('tsx src/cli/bin.ts run examples/scenarios/bank-line.json');
  }, 60_000);

  it.each([
    ['staff', '--calls-per-hour', '200', '--aht', '3m', '--sl', '0.8', '--threshold', '20s', '--max-occupancy', '0.85', '--shrinkage', '0.3'],
    ['staff', '--forecast', 'examples/scenarios/bank-line-forecast.csv', '--aht', '270s', '--sl', '0.8', '--threshold', '20s', '--shrinkage', '0.3'],
    ['compare', 'examples/scenarios/what-if-a.json', 'examples/scenarios/what-if-b.json'],
  ])('acd-sim %s … prints exactly what the README shows (but the speed line)', (...args) => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/bin.ts'), ...args], { cwd: root })
      .toString()
      .trim()
      .replace(/\n\nsimulated [\d,]+ calls in [\d.]+ s \([\d,]+ calls\/s\)$/, '');
    expect(output.split('\n').length).toBeGreaterThan(10);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(output);
  }, 60_000);

  // Each example file ends with its output pasted; the README shows the same output.
  it.each([
    ['simulate', 'what-if'],
    ['staffing-study', 'agents needed for the target'],
    ['staffing', '80/20 under Erlang C: 14 agents'],
    ['quickstart', 'SL 20 s'],
    ['first-call', 'offer c-1 to ana'],
    ['escalation', 'service level (answered in 20 s / answered)'],
  ])('examples/%s.ts prints exactly the output pasted in it and in the README', (name, landmark) => {
    const file = join(root, `examples/${name}.ts`);
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root }).toString().trim();
    expect(output).toContain(landmark);
    expect(output).toBe(pastedOutput(file));
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(output);
  }, 60_000);
});
