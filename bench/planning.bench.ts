/**
 * The planning side of `docs/performance.md`: simulation speed (day-100) and the staffing math
 * (Erlang C at 10,000 agents against the naive recursion, Erlang A, the solvers). Printed by
 * `npm run bench` after the routing tables, and alone by `npm run bench:planning`.
 */
import { erlangReport, measureErlang } from './erlang.bench.js';
import { measureSimulation } from './simulation.bench.js';

const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Measures and prints the planning benchmarks. */
export function runPlanningBench(quick: boolean, progress: (text: string) => void): void {
  const speed = measureSimulation(quick ? 200_000 : 1_000_000, quick ? 1 : 3, progress);
  console.log('Simulation, day-100 (docs/performance.md): simulate() through the real CallRouter on a SimulatedClock,');
  console.log('  statistics on, every lifecycle event emitted and consumed; 100 agents, 1,800 calls/h (95 % of capacity with');
  console.log('  wrap-up), exponential handle time 180 s and patience 300 s, wrap-up 10 s, one replication; same seed each time.');
  console.log(`  simulated calls per second of on-CPU time, per repetition: ${speed.callsPerSecond.map(int).join(', ')}`);
  console.log(`  median ${int(speed.median)} calls/s (${int(speed.calls)} calls; cpu wait ${(100 * speed.waitShare).toFixed(0)} %); ` +
    `target ≥ 250,000: ${speed.median >= 250_000 ? 'met' : 'NOT met'}; goal 600,000.`);
  console.log(`  check: SL ${(100 * speed.serviceLevel).toFixed(1)} %, abandoned ${(100 * speed.abandonmentRate).toFixed(2)} %, occupancy ${(100 * speed.occupancy).toFixed(1)} %.`);
  console.log('  Where the time goes: npm run bench:profile.');
  console.log('');
  const erlang = measureErlang(quick ? { repetitions: 3, scale: 0.25 } : { repetitions: 7, scale: 1 }, progress);
  console.log(erlangReport(erlang).join('\n'));
}
