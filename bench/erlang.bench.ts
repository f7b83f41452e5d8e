/**
 * The staffing math of `src/staffing/`: microseconds per evaluation of
 *
 * - Erlang C at 10,000 agents (loads 9,800 – 9,999 erlangs), the `docs/performance.md` target
 *   (≤ 50 µs, exact to 1e-12), beside a naive baseline: the textbook Erlang B recursion over
 *   all 10,000 agents, then C = B / (1 − ρ (1 − B));
 * - the full Erlang C figures at 10,000 agents, Erlang A at 100 and at 10,000 agents;
 * - the solvers: 80/20 at 10,000 erlangs (Erlang C), 5 % abandonment at 100 erlangs (Erlang A),
 *   and a 96-interval day.
 *
 * Every job is timed in the same rounds (order rotating each round), each repetition's on-CPU
 * time being its wall time less the share the thread waited for a core. Checks its own results:
 * the baseline and acd-engine agree to 1e-12, and the solvers' answers are minimal.
 *
 * Standalone: `npx tsx bench/erlang.bench.ts [--quick]`.
 */
import { pathToFileURL } from 'node:url';
import { erlangAMetrics, erlangC, erlangCMetrics } from '../src/staffing/erlang.js';
import { requiredAgents, staffDay } from '../src/staffing/solvers.js';
import { median, runQueueWaitNs } from './measure.js';

/** The target of `docs/performance.md`: Erlang C at 10,000 agents, µs per evaluation. */
export const ERLANG_C_TARGET_US = 50;

/** How long to run each job. */
export interface ErlangBenchOptions {
  /** Timed rounds; each job runs once per round. */
  readonly repetitions: number;
  /** Scales the evaluations per repetition (1 ≈ 20 ms per job on a 2020s core). */
  readonly scale: number;
}

/** One job's result. */
export interface ErlangBenchRow {
  readonly label: string;
  /** Median on-CPU µs per evaluation. */
  readonly us: number;
  /** Median wall µs per evaluation. */
  readonly wallUs: number;
  /** Median share of a repetition spent waiting for a core. */
  readonly waitShare: number;
  /** (max − min) / median of the repetitions' on-CPU µs. */
  readonly spread: number;
  /** Evaluations timed, all repetitions. */
  readonly evaluations: number;
}

export interface ErlangBenchResult {
  readonly rows: readonly ErlangBenchRow[];
  /** The target row: Erlang C at 10,000 agents. */
  readonly erlangC10k: ErlangBenchRow;
  /** The naive baseline on the same loads. */
  readonly naive10k: ErlangBenchRow;
  /** Largest relative difference between the baseline and acd-engine over the timed loads. */
  readonly maxRelativeDifference: number;
}

/** Textbook Erlang C: B by the recursion B_k = a B_{k−1} / (k + a B_{k−1}) over every agent. */
function naiveErlangC(agents: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  const rho = erlangs / agents;
  return b / (1 - rho * (1 - b));
}

interface Job {
  readonly label: string;
  /** Evaluations per repetition. */
  readonly count: number;
  /** Runs evaluation `i`, returning a number to keep the work alive. */
  readonly run: (i: number) => number;
}

const AHT = 180_000;
const DAY = {
  intervalMs: 900_000,
  calls: Array.from({ length: 96 }, (_, i) => Math.max(0, Math.round(400 * Math.sin((Math.PI * (i - 28)) / 56)))),
  ahtMs: AHT,
};

function jobs(scale: number): Job[] {
  const n = (count: number): number => Math.max(1, Math.round(count * scale));
  return [
    { label: 'Erlang C, 10,000 agents (9,800–9,999 erlangs)', count: n(8_000), run: (i) => erlangC(10_000, 9_800 + (i % 200)) },
    { label: 'naive baseline: Erlang B recursion over 10,000 agents', count: n(1_000), run: (i) => naiveErlangC(10_000, 9_800 + (i % 200)) },
    {
      label: 'erlangCMetrics, 10,000 agents',
      count: n(6_000),
      run: (i) => erlangCMetrics({ agents: 10_000, erlangs: 9_800 + (i % 200), ahtMs: AHT }).serviceLevel,
    },
    {
      label: 'erlangAMetrics, 100 agents (90–110 erlangs)',
      count: n(4_000),
      run: (i) => erlangAMetrics({ agents: 100, erlangs: 90 + (i % 40) / 2, ahtMs: AHT, patienceMs: 300_000 }).serviceLevel,
    },
    {
      label: 'erlangAMetrics, 10,000 agents',
      count: n(400),
      run: (i) => erlangAMetrics({ agents: 10_000, erlangs: 9_800 + (i % 400), ahtMs: AHT, patienceMs: 300_000 }).serviceLevel,
    },
    {
      label: 'requiredAgents, 80/20 at 10,000 erlangs (Erlang C)',
      count: n(300),
      run: (i) => requiredAgents({ erlangs: 9_800 + (i % 400), ahtMs: AHT, serviceLevel: 0.8 }).agents,
    },
    {
      label: 'requiredAgents, 5 % abandonment at 100 erlangs (Erlang A)',
      count: n(600),
      run: (i) => requiredAgents({ erlangs: 90 + (i % 40) / 2, ahtMs: AHT, model: 'erlang-a', patienceMs: 300_000, maxAbandonment: 0.05 }).agents,
    },
    {
      label: 'staffDay, 96 intervals up to 22 erlangs (Erlang C, 80/20)',
      count: n(20),
      run: () => staffDay(DAY, { serviceLevel: 0.8 }).totals.agentHours,
    },
  ];
}

/** Throws unless the baseline agrees with acd-engine and the solvers' answers are minimal. */
function check(): number {
  let worst = 0;
  for (let a = 9_800; a < 10_000; a++) {
    const fast = erlangC(10_000, a);
    worst = Math.max(worst, Math.abs(fast - naiveErlangC(10_000, a)) / fast);
  }
  if (!(worst <= 1e-12)) throw new Error(`erlang bench: naive and acd-engine Erlang C differ by ${worst} (relative)`);
  const c = requiredAgents({ erlangs: 10_000, ahtMs: AHT, serviceLevel: 0.8 });
  const below = erlangCMetrics({ agents: c.agents - 1, erlangs: 10_000, ahtMs: AHT });
  if (!(c.metrics.serviceLevel >= 0.8 && below.serviceLevel < 0.8)) throw new Error(`erlang bench: ${c.agents} agents is not the fewest for 80/20`);
  return worst;
}

/** Times every job in `repetitions` rounds, rotating their order each round. */
export function measureErlang(options: ErlangBenchOptions, progress: (text: string) => void = () => {}): ErlangBenchResult {
  const maxRelativeDifference = check();
  const list = jobs(options.scale);
  let sink = 0;
  for (const job of list) for (let i = 0; i < Math.min(job.count, 2_000); i++) sink += job.run(i); // warm-up
  const samples = list.map(() => [] as Array<{ us: number; wallUs: number; waitShare: number }>);
  for (let round = 0; round < options.repetitions; round++) {
    progress(`erlang: round ${round + 1}/${options.repetitions} …`);
    for (let k = 0; k < list.length; k++) {
      const index = (k + round) % list.length;
      const job = list[index] as Job;
      const wait0 = runQueueWaitNs();
      const start = process.hrtime.bigint();
      for (let i = 0; i < job.count; i++) sink += job.run(i);
      const wallNs = Number(process.hrtime.bigint() - start);
      const wait1 = runQueueWaitNs();
      const waitShare = wait0 === undefined || wait1 === undefined ? 0 : Math.min(1, Math.max(0, (wait1 - wait0) / wallNs));
      const wallUs = wallNs / 1000 / job.count;
      samples[index]?.push({ us: wallUs * (1 - waitShare), wallUs, waitShare });
    }
  }
  if (!Number.isFinite(sink)) throw new Error('erlang bench: a result was not finite');
  const rows = list.map((job, index): ErlangBenchRow => {
    const runs = samples[index] ?? [];
    const us = median(runs.map((r) => r.us));
    return {
      label: job.label,
      us,
      wallUs: median(runs.map((r) => r.wallUs)),
      waitShare: median(runs.map((r) => r.waitShare)),
      spread: (Math.max(...runs.map((r) => r.us)) - Math.min(...runs.map((r) => r.us))) / us,
      evaluations: job.count * runs.length,
    };
  });
  return { rows, erlangC10k: rows[0] as ErlangBenchRow, naive10k: rows[1] as ErlangBenchRow, maxRelativeDifference };
}

/** The result as printed lines: a table, the comparison with the baseline and the target. */
export function erlangReport(result: ErlangBenchResult): string[] {
  const fmt = (us: number): string => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
  const header = ['staffing math', 'µs/eval', 'wall µs', 'cpu wait', 'spread', 'evaluations'];
  const body = result.rows.map((r) => [
    r.label,
    fmt(r.us),
    fmt(r.wallUs),
    `${(100 * r.waitShare).toFixed(0)} %`,
    `${(100 * r.spread).toFixed(0)} %`,
    r.evaluations.toLocaleString('en-US'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const c = result.erlangC10k;
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    `Erlang C at 10,000 agents: ${fmt(c.us)} µs per evaluation, ${(result.naive10k.us / c.us).toFixed(0)}× faster than the naive ` +
      `recursion, which it matches to ${result.maxRelativeDifference.toExponential(1)} (relative).`,
    `Target (docs/performance.md) ≤ ${ERLANG_C_TARGET_US} µs per evaluation, exact to 1e-12: ${erlangTargetMet(result) ? 'met' : 'NOT met'}.`,
  ];
}

/** Whether the Erlang C row meets the performance target (exactness is checked by `measureErlang` and the tests). */
export function erlangTargetMet(result: ErlangBenchResult): boolean {
  return result.erlangC10k.us <= ERLANG_C_TARGET_US;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes('--quick');
  const result = measureErlang(quick ? { repetitions: 3, scale: 0.25 } : { repetitions: 7, scale: 1 }, (text) => process.stderr.write(`${text}\n`));
  console.log(erlangReport(result).join('\n'));
}
