/**
 * `npm run bench:profile`: where day-100's time goes. Runs the simulation under V8's sampling
 * profiler (node:inspector) and prints self time by function and by part of the code.
 *
 * Options: `--calls=<n>` (default 300,000).
 */
import { Session } from 'node:inspector';
import { simulate } from '../src/index.js';
import { day100 } from './simulation.bench.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const callsArg = process.argv.slice(2).find((a) => a.startsWith('--calls='));
const calls = callsArg === undefined ? 300_000 : Number(callsArg.slice('--calls='.length));

const post = <T>(session: Session, method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));

const session = new Session();
session.connect();
simulate(day100(50_000)); // optimise first
await post(session, 'Profiler.enable');
await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
await post(session, 'Profiler.start');
const started = performance.now();
const result = simulate(day100(calls));
const wallMs = performance.now() - started;
const { profile } = await post<{ profile: Profile }>(session, 'Profiler.stop');
session.disconnect();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const part = (url: string): string => {
  const m = /\/src\/(.+?)\.ts/.exec(url);
  if (m !== null) {
    const file = m[1] as string;
    if (file.startsWith('stats/')) return 'statistics (src/stats)';
    if (file.startsWith('simulation/')) return 'simulator (src/simulation)';
    if (file.startsWith('clock/')) return 'simulated clock (src/clock)';
    if (file.startsWith('engine/event-buffer') || file.startsWith('engine/router-emitter')) return 'event delivery';
    return 'router (engine, routing, policies, façade)';
  }
  if (url.includes('heap-js')) return 'heap-js (clock and deadline heaps)';
  if (url.includes('eventemitter3')) return 'event delivery';
  if (url === '') return 'V8 / GC / native';
  return 'other';
};
const byFunction = new Map<string, number>();
const byPart = new Map<string, number>();
for (const [id, us] of selfUs) {
  const node = byId.get(id) as ProfileNode;
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/(src|node_modules)\//, '$1/');
  const key = `${functionName || '(anonymous)'}  ${file === '' ? '' : `${file}:${lineNumber + 1}:${node.callFrame.columnNumber + 1}`}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPart.set(part(url), (byPart.get(part(url)) ?? 0) + us);
}
const pct = (us: number): string => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`day-100 profile: ${result.performance.calls.toLocaleString('en-US')} calls in ${wallMs.toFixed(0)} ms under the profiler ` +
  `(${Math.round(result.performance.calls / (wallMs / 1000)).toLocaleString('en-US')} calls/s; the profiler slows it down)`);
console.log('\nSelf time by part of the code:');
for (const [name, us] of [...byPart].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(us)}  ${name}`);
console.log('\nSelf time by function (top 25):');
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${pct(us)}  ${name}`);
