import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
let consumer: string;

// Builds the package as `npm run build` does, then imports it by name from a consumer project.
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], { cwd: root, stdio: 'pipe' });
  consumer = mkdtempSync(join(tmpdir(), 'acd-engine-consumer-'));
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(root, join(consumer, 'node_modules', 'acd-engine'), 'dir');
}, 120_000);

afterAll(() => {
  if (consumer !== undefined) rmSync(consumer, { recursive: true, force: true });
});

const program = (load: string): string => `
${load}
const clock = new SimulatedClock();
const router = new CallRouter({ clock });
router.addQueue({ id: 'q' });
router.addAgent({ id: 'a', queues: ['q'], state: 'available' });
router.on('call:offered', ({ callId }) => router.answer(callId));
router.enqueue({ id: 'c', queue: 'q' });
console.log(router.getCall('c').status, typeof AcdError);
`;

describe('the built package', () => {
  it('writes ESM, CJS and type declarations to dist/', () => {
    for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      expect(existsSync(join(root, 'dist', file)), file).toBe(true);
    }
  });

  it('is importable by name from ESM', () => {
    const file = join(consumer, 'esm.mjs');
    writeFileSync(file, program("import { CallRouter, SimulatedClock, AcdError } from 'acd-engine';"));
    expect(execFileSync(process.execPath, [file], { cwd: consumer }).toString().trim()).toBe('talking function');
  });

  it('is requirable by name from CommonJS', () => {
    const file = join(consumer, 'cjs.cjs');
    writeFileSync(file, program("const { CallRouter, SimulatedClock, AcdError } = require('acd-engine');"));
    expect(execFileSync(process.execPath, [file], { cwd: consumer }).toString().trim()).toBe('talking function');
  });

  it('exports the simulator and the staffing math by name, from ESM and CommonJS', () => {
    const body = `
const day = simulate({ duration: '1h', queues: [{ id: 'q' }], agents: [{ name: 'a', count: 2, queues: { q: 1 } }],
  arrivals: [{ process: 'poisson', queue: 'q', callsPerHour: 30, handleTime: { type: 'exponential', mean: '2m' } }] });
console.log(day.center.arrivals.mean > 0, erlangC(2, 1).toFixed(4), requiredAgents({ erlangs: 10, ahtMs: 180000, serviceLevel: 0.8 }).agents);
`;
    writeFileSync(join(consumer, 'sim.mjs'), `import { simulate, erlangC, requiredAgents } from 'acd-engine';${body}`);
    writeFileSync(join(consumer, 'sim.cjs'), `const { simulate, erlangC, requiredAgents } = require('acd-engine');${body}`);
    for (const file of ['sim.mjs', 'sim.cjs']) {
      expect(execFileSync(process.execPath, [join(consumer, file)], { cwd: consumer }).toString().trim(), file).toBe('true 0.3333 14');
    }
  });

  it('ships the acd-sim command named in package.json bin', () => {
    const bin = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin['acd-sim'] as string;
    const cli = join(root, bin);
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const staff = ['staff', '--calls-per-hour', '200', '--aht', '3m', '--sl', '0.8', '--threshold', '20s', '--json'];
    const answer = JSON.parse(execFileSync(process.execPath, [cli, ...staff], { cwd: consumer }).toString()) as unknown;
    expect(JSON.stringify(answer)).toContain('"agents":14');
  });

  it('ships type declarations a TypeScript consumer resolves by name (ESM and CommonJS)', () => {
    const typed = `
import { CallRouter, SimulatedClock, type CallOfferedEvent, type AgentSnapshot } from 'acd-engine';
const router = new CallRouter({ clock: new SimulatedClock() });
router.on('call:offered', (event: CallOfferedEvent) => router.answer(event.callId));
const agent: AgentSnapshot = router.addAgent({ id: 'a', queues: [] });
export const state: 'offline' | 'available' | 'not-ready' | 'offered' | 'busy' | 'wrap-up' = agent.state;
`;
    writeFileSync(join(consumer, 'typed.mts'), typed);
    writeFileSync(join(consumer, 'typed.cts'), typed.replace('export const state', 'export const stateCjs'));
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, types: [] },
        files: ['typed.mts', 'typed.cts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', consumer], { cwd: consumer, stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});
