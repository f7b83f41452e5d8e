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
  it('quickstart (npm start) runs a simulated day through the router and prints exactly the KPIs pasted in it and the README', () => {
    const file = join(root, 'examples/quickstart.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root }).toString().trim();
    expect(output).toContain('SL 20 s');
    expect(output).toBe(pastedOutput(file));
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(output);
  }, 60_000);

  it('first-call prints exactly the events pasted in it and the README', () => {
    const file = join(root, 'examples/first-call.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root }).toString().trim();
    expect(output).toContain('offer c-1 to ana');
    expect(output).toBe(pastedOutput(file));
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(output);
  }, 60_000);

  it('escalation runs a simulated day twice and prints exactly the KPIs pasted in it and the README', () => {
    const file = join(root, 'examples/escalation.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root }).toString().trim();
    expect(output).toContain('service level (answered in 20 s / answered)');
    expect(output).toBe(pastedOutput(file));
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(output);
  }, 60_000);
});
