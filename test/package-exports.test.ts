import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
