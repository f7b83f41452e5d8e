/**
 * `npm run bench`: the routing benchmark of `docs/performance.md`.
 *
 * 1. Checks that the naive baseline and acd-engine make identical offers on the same inputs.
 * 2. Times routing decisions in the steady state of center-1k, the scaled shapes and the
 *    unique-profiles stress variant, on acd-engine and (fewer steps) on the naive router, all in
 *    interleaved rounds.
 * 3. Times center-1k with escalation plans and hold-time limits on every queue beside plain
 *    center-1k (and plain center-1k at the same clock pace), in alternating rounds.
 * 4. Times center-1k with statistics off, on, and on with an audit sink that discards its lines,
 *    in alternating rounds: the cost of statistics on the routing hot path.
 * 5. Measures memory per waiting call and memory retained per completed call (statistics on, and off).
 * 6. Prints the tables and the targets.
 * 7. Measures and prints the planning benchmarks: simulation speed (day-100) and Erlang.
 *
 * Every routing row runs `MAIN_CONFIG` (statistics off: routing alone, like the naive router); step
 * 4 measures what statistics (the router's default) and an audit log add, and the memory table
 * shows both configurations.
 *
 * Options: `--quick` (smoke run, a few seconds), `--seed=<n>` (default: each scenario's own).
 * Progress goes to stderr, results to stdout. Exits with code 1 when a check fails.
 */
import { cpus, loadavg } from 'node:os';
import { DecisionMismatchError, checkSameDecisions } from './equivalence.js';
import { escalations, measureEscalation, OVERFLOW_GATE, POLICY_STEP_MS, type EscalationJobResult, type EscalationOptions } from './escalation.bench.js';
import { measureMemory, type MemoryResult } from './memory.bench.js';
import { measureDecisions, type DecisionResult, type MeasureOptions } from './routing-decisions.bench.js';
import { CENTER_1K, CENTER_1K_NO_OFFER_TIMEOUT, SCALED_SPECS, UNIQUE_PROFILES_1K, type ScenarioSpec } from './scenario.js';
import { measureStatsCost, type StatsCostOptions, type StatsCostRow } from './stats-cost.bench.js';
import { describeConfig, MAIN_CONFIG, NaiveRouterTarget, RealRouterTarget } from './targets.js';
import { runPlanningBench } from './planning.bench.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedArg = args.find((arg) => arg.startsWith('--seed='));
const seed = seedArg === undefined ? undefined : Number(seedArg.slice('--seed='.length));
if (seed !== undefined && !Number.isInteger(seed)) throw new RangeError(`Expected \`--seed\` to be an integer, got \`${seedArg}\``);
const unknown = args.filter((arg) => arg !== '--quick' && !arg.startsWith('--seed='));
if (unknown.length > 0) throw new RangeError(`Unknown option(s): ${unknown.join(' ')} (known: --quick, --seed=<n>)`);

const withSeed = (spec: ScenarioSpec): ScenarioSpec => (seed === undefined ? spec : { ...spec, seed });
const spec = (agentCount: number, waitingCount: number): ScenarioSpec => {
  if (agentCount === CENTER_1K.agentCount && waitingCount === CENTER_1K.waitingCount) return withSeed(CENTER_1K);
  const found = SCALED_SPECS.find((s) => s.agentCount === agentCount && s.waitingCount === waitingCount);
  if (found === undefined) throw new Error(`no scaled spec A${agentCount} W${waitingCount}`);
  return withSeed(found);
};

const REAL: MeasureOptions = quick
  ? { warmUpSteps: 5_000, rewarmSteps: 1_000, steps: 10_000, repetitions: 1 }
  : { warmUpSteps: 20_000, rewarmSteps: 2_000, steps: 40_000, repetitions: 7 };
const NAIVE: MeasureOptions = quick
  ? { warmUpSteps: 50, rewarmSteps: 0, steps: 200, repetitions: 1, batch: 50 }
  : { warmUpSteps: 100, rewarmSteps: 20, steps: 200, repetitions: 7, batch: 50 };
const NAIVE_100K: MeasureOptions = { warmUpSteps: 20, rewarmSteps: 5, steps: 50, repetitions: 7, batch: 25 };
/** The escalation scenario needs its warm-up even in --quick: call ages must spread over minutes before timing. */
const ESCALATION: EscalationOptions = quick
  ? { warmUpSteps: 25_000, rewarmSteps: 1_000, steps: 10_000, repetitions: 3 }
  : { warmUpSteps: 40_000, rewarmSteps: 2_000, steps: 40_000, repetitions: 7 };
/** Statistics off / on / on + audit: more rounds than the main set even in --quick, since the answer is a ratio near 1. */
const STATS_COST: StatsCostOptions = quick
  ? { warmUpSteps: 5_000, rewarmSteps: 1_000, steps: 10_000, repetitions: 5 }
  : { warmUpSteps: 20_000, rewarmSteps: 2_000, steps: 40_000, repetitions: 9 };
/** The main rows' configuration, as printed. */
const MAIN = describeConfig(MAIN_CONFIG);

/** Real-router scenarios: center-1k first, then the scaled grid (center-1k is its A1k W10k cell), then the stress variant. */
const realSpecs: ScenarioSpec[] = quick
  ? [spec(1_000, 10_000), spec(1_000, 1_000), spec(1_000, 100_000), spec(100, 10_000), spec(10_000, 10_000), withSeed(UNIQUE_PROFILES_1K)]
  : [
      spec(1_000, 10_000),
      ...[100, 1_000, 10_000].flatMap((a) => [1_000, 10_000, 100_000].map((w) => spec(a, w))).filter((s) => s.name !== CENTER_1K.name),
      withSeed(UNIQUE_PROFILES_1K),
      withSeed(CENTER_1K_NO_OFFER_TIMEOUT),
    ];
/** Naive-router scenarios (the slow side of the ratio). */
const naiveSpecs: ScenarioSpec[] = quick
  ? [spec(1_000, 10_000)]
  : [spec(1_000, 10_000), spec(1_000, 1_000), spec(1_000, 100_000), spec(100, 10_000), spec(10_000, 10_000)];

const progress = (text: string): void => {
  process.stderr.write(`${text}\n`);
};
const startedMs = performance.now();
const loadAtStart = loadavg()[0] ?? 0;

// ---- 1. same decisions -------------------------------------------------------------------------
const equivalenceSeed = seed ?? 20260101;
let equivalence;
try {
  equivalence = checkSameDecisions(equivalenceSeed, quick ? 5_000 : 20_000, quick ? 1_000 : 3_000);
} catch (error) {
  if (error instanceof DecisionMismatchError) {
    console.error(`ABORTED: the naive router and acd-engine decided differently.\n${error.message}`);
    process.exit(1);
  }
  throw error;
}

// ---- 2. decisions ------------------------------------------------------------------------------
// One interleaved set, so both routers see the same machine conditions.
const results = measureDecisions(
  [
    ...realSpecs.map((s) => ({ spec: s, makeTarget: () => new RealRouterTarget(undefined, MAIN_CONFIG), options: REAL })),
    ...naiveSpecs.map((s) => ({
      spec: s,
      makeTarget: () => new NaiveRouterTarget(),
      options: s.waitingCount >= 100_000 ? NAIVE_100K : NAIVE,
    })),
  ],
  progress,
);
const real = results.filter((r) => r.router !== 'naive');
const naive = results.filter((r) => r.router === 'naive');

// ---- 3. escalation and hold-time limits ------------------------------------------------------------
// After the main set, so the rows above are measured before any policy code has run in this process.
const escalation = measureEscalation(ESCALATION, seed, progress);

// ---- 4. statistics on the hot path --------------------------------------------------------------
const statsCost = measureStatsCost(STATS_COST, seed, progress);

// ---- 5. memory ---------------------------------------------------------------------------------
progress('memory …');
const memory: MemoryResult = measureMemory(100_000, quick ? 20_000 : 200_000, seed, { stats: true });
progress('memory, stats off …');
const memoryStatsOff: MemoryResult = measureMemory(100_000, quick ? 20_000 : 200_000, seed, MAIN_CONFIG);

// ---- 6. report ---------------------------------------------------------------------------------
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ratio = (n: number): string => `${n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)}×`;
const pct = (n: number): string => `${(100 * n).toFixed(0)} %`;

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const naiveFor = (r: DecisionResult): DecisionResult | undefined => naive.find((n) => n.scenario === r.scenario);
const row = (r: DecisionResult): string[] => {
  const base = r.router === 'naive' ? undefined : naiveFor(r);
  return [
    r.scenario === CENTER_1K.name ? 'center-1k (= scaled A1k W10k)' : r.scenario,
    r.router,
    int(r.agentCount),
    int(r.waitingCount),
    int(r.profileCount),
    int(1e9 / r.nsPerDecision),
    int(r.nsPerDecision),
    int(r.wallNsPerDecision),
    pct(r.waitShare),
    int(r.freeNs),
    int(r.arriveNs),
    base === undefined ? '' : ratio(base.nsPerDecision / r.nsPerDecision),
    r.idleFrees === 0 ? '0' : `${int(r.idleFrees)} (${pct(r.idleFrees / (r.decisions / 2))})`,
    pct(r.spread),
    int(r.decisions),
  ];
};

const byShape = (agentCount: number, waitingCount: number): DecisionResult | undefined =>
  real.find((r) => r.scenario === spec(agentCount, waitingCount).name);
const center = byShape(1_000, 10_000) as DecisionResult;
const centerNaive = naiveFor(center);
const w1k = byShape(1_000, 1_000);
const w100k = byShape(1_000, 100_000);
const a100 = byShape(100, 10_000);
const a10k = byShape(10_000, 10_000);
const growth = (from: DecisionResult | undefined, to: DecisionResult | undefined): number | undefined =>
  from === undefined || to === undefined ? undefined : to.nsPerDecision / from.nsPerDecision;
const waitingGrowth = growth(w1k, w100k);
const agentGrowth = growth(a100, a10k);
const vsNaive = centerNaive === undefined ? undefined : centerNaive.nsPerDecision / center.nsPerDecision;
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `acd-engine routing benchmark${quick ? ' (--quick)' : ''} — node ${process.version}, ${cpu} × ${cpus().length}, ` +
    `seed ${seed ?? 'per scenario (20260101)'}, gc: ${memory.gc}`,
);
console.log(
  `Load average at start: ${loadAtStart.toFixed(2)} on ${cpus().length} cores` +
    (loadAtStart > 0.5 ? ' — other work is running; expect noisy numbers.' : '.'),
);
console.log('');
console.log(
  `Same decisions: acd-engine and the naive router made identical offer sequences ` +
    `(churn: ${int(equivalence.churnOps)} ops, ${int(equivalence.churnOffers)} offers; ` +
    `steady state: ${int(equivalence.steadySteps)} steps, ${int(equivalence.steadyOffers)} offers).`,
);
console.log('');
console.log(`Configuration: the routing and escalation rows run ${MAIN} (routing alone, like the naive router);`);
console.log('  "Statistics on the hot path" adds statistics (the router\'s default) and an audit log; memory shows both.');
console.log('');
console.log(`Routing decisions, steady state (all agents busy, N calls waiting), acd-engine with ${MAIN}. One step = 2 decisions:`);
console.log('  free-up: complete(call) → freed agent offered the best waiting call it may take → answer(call);');
console.log('  arrival: enqueue(call) → no free agent → call joins its bucket (waiting count stays N).');
console.log('  ns/decision = (free-up ns + arrival ns) / 2, on-CPU time, median of repetitions. Both halves include');
console.log('  clock.advance(1 ms) and one call:offered listener. Scenarios are measured in interleaved rounds.');
console.log('  on-CPU = wall × (1 − cpu wait); cpu wait = share of the repetition the main thread was runnable but');
console.log('  waiting for a core (/proc/thread-self/schedstat), i.e. time lost to other processes; wall ns = wall clock.');
console.log('');
console.log(
  table(
    ['scenario', 'router', 'agents', 'waiting', 'profiles', 'decisions/s', 'ns/decision', 'wall ns', 'cpu wait', 'free-up ns', 'arrival ns', 'vs naive', 'idle frees', 'spread', 'decisions timed'],
    [...real.map(row), ...naive.map(row)],
    2,
  ),
);
console.log('');
if (centerNaive !== undefined) {
  console.log(
    `center-1k per half, naive ÷ acd-engine: free-up ${ratio(centerNaive.freeNs / center.freeNs)}, ` +
      `arrival ${ratio(centerNaive.arriveNs / center.arriveNs)} (the naive arrival only scans agents, all busy).`,
  );
}
console.log('vs naive = naive ns/decision ÷ acd-engine ns/decision, same scenario. idle frees = freed agents that found');
console.log('no call they may take (the steady state is then not "all busy"). spread = (max − min) / median of repetitions.');
const growthLine = (label: string, pairs: Array<[string, DecisionResult | undefined, DecisionResult | undefined]>): void => {
  const parts = pairs.flatMap(([at, from, to]) => {
    const g = growth(from, to);
    return g === undefined ? [] : [`${at}: ${ratio(g)}`];
  });
  if (parts.length > 0) console.log(`${label} ${parts.join(', ')}`);
};
growthLine('Growth of ns/decision, 1k → 100k waiting, at', [
  ['100 agents', byShape(100, 1_000), byShape(100, 100_000)],
  ['1k agents', w1k, w100k],
  ['10k agents', byShape(10_000, 1_000), byShape(10_000, 100_000)],
]);
growthLine('Growth of ns/decision, 100 → 10k agents, at', [
  ['1k waiting', byShape(100, 1_000), byShape(10_000, 1_000)],
  ['10k waiting', a100, a10k],
  ['100k waiting', byShape(100, 100_000), byShape(10_000, 100_000)],
]);
console.log('');
{
  const { plain, control, policies } = escalation;
  const c = policies.counts;
  const timeouts = c.timedOutMaxWait + c.timedOutNoAgents;
  const overflows = c.overflowedByEscalation + c.overflowedByTimeout;
  const per1k = (n: number): string => (1000 * n / policies.decisions).toFixed(1);
  const escRow = (r: EscalationJobResult): string[] => [
    r.label,
    `${r.stepMs} ms`,
    int(1e9 / r.nsPerDecision),
    int(r.nsPerDecision),
    int(r.wallNsPerDecision),
    pct(r.waitShare),
    int(r.freeNs),
    int(r.arriveNs),
    r === plain ? '' : ratio(r.nsPerDecision / plain.nsPerDecision),
    pct(r.spread),
    int(r.decisions),
  ];
  console.log(`Escalation and hold-time limits (${MAIN}): center-1k (same seed, same driver) with, on every queue, tier limit 2 and the plan`);
  console.log(`  +1 priority at 20 s, skill minimums relaxed to 2 at 40 s, tiers widened to 3 at 60 s (these three at once when no`);
  console.log(`  agent could take the call), overflow to the next queue at 90 s while it has < ${OVERFLOW_GATE} waiting (rechecked every 15 s);`);
  console.log('  limits 150 s in queue, 30 s with no agent who could take the call; exit by queue: voicemail (the call leaves and');
  console.log(`  one of its kind arrives in its place: an extra arrival decision), callback, overflow. The clock steps ${POLICY_STEP_MS} ms per`);
  console.log('  operation (calls wait about a minute), so the timers fire inside the timed halves. Plain center-1k at 1 ms and');
  console.log(`  at ${POLICY_STEP_MS} ms (control) are timed in the same ${policies.perRound.length} rounds, job order rotating each round.`);
  console.log('');
  console.log(
    table(
      ['scenario', 'clock step', 'decisions/s', 'ns/decision', 'wall ns', 'cpu wait', 'free-up ns', 'arrival ns', 'vs plain', 'spread', 'decisions timed'],
      [plain, control, policies].map(escRow),
    ),
  );
  console.log('');
  console.log('free-up and arrival ns of the policies row: timers fire in whichever half the clock is advancing; with the batch');
  console.log('rhythm most steps land in arrival halves, so only their sum (ns/decision) compares with the plain rows.');
  console.log(
    `policies ÷ plain center-1k: ${ratio(escalation.pairedRatio)} (median of the per-round ratios; ratio of medians ` +
      `${ratio(policies.nsPerDecision / plain.nsPerDecision)}); ÷ control at ${POLICY_STEP_MS} ms: ${ratio(escalation.pairedRatioControl)}.`,
  );
  console.log(
    `In the timed window (${int(policies.decisions)} decisions, ${int(policies.steps)} calls served, ${(policies.simulatedMs / 1000).toFixed(0)} s simulated):`,
  );
  console.log(
    `  escalation steps ${int(escalations(c))} (${per1k(escalations(c))} per 1,000 decisions: priority ${int(c.escalatedByStep[0] ?? 0)}, ` +
      `relax ${int(c.escalatedByStep[1] ?? 0)}, widen ${int(c.escalatedByStep[2] ?? 0)}, overflow step due ${int(c.escalatedByStep[3] ?? 0)});`,
  );
  console.log(
    `  overflows ${int(overflows)} (${per1k(overflows)} per 1,000: ${int(c.overflowedByEscalation)} by escalation, ${int(c.overflowedByTimeout)} by a timeout's exit);`,
  );
  console.log(
    `  timeouts ${int(timeouts)} (${per1k(timeouts)} per 1,000: ${int(c.timedOutMaxWait)} max-wait, ${int(c.timedOutNoAgents)} no agents; ` +
      `exits: ${int(c.exits.voicemail)} voicemail, ${int(c.exits.callback)} callback, ${int(c.exits.overflow)} overflow, ${int(c.exits.disconnect)} disconnect); ` +
      `idle frees ${int(policies.idleFrees)}.`,
  );
}
console.log('');
{
  const { off, on, audit } = statsCost;
  const costRow = (r: StatsCostRow): string[] => [
    r.label,
    int(1e9 / r.nsPerDecision),
    int(r.nsPerDecision),
    int(r.wallNsPerDecision),
    pct(r.waitShare),
    int(r.freeNs),
    int(r.arriveNs),
    r === off ? '' : ratio(r.nsPerDecision / off.nsPerDecision),
    r.auditLinesPerDecision === 0 ? '' : r.auditLinesPerDecision.toFixed(2),
    pct(r.spread),
    int(r.decisions),
  ];
  console.log('Statistics on the hot path: center-1k (same seed, same driver, 1 ms clock steps) with stats: false, with stats: true');
  console.log('  (the default; 15-minute intervals), and with stats: true plus an audit sink that discards its lines (each event');
  console.log(`  is still serialised to JSON). Timed in the same ${off.perRound.length} rounds, job order rotating each round.`);
  console.log('');
  console.log(
    table(
      ['configuration', 'decisions/s', 'ns/decision', 'wall ns', 'cpu wait', 'free-up ns', 'arrival ns', 'vs off', 'audit lines/decision', 'spread', 'decisions timed'],
      [off, on, audit].map(costRow),
    ),
  );
  console.log('');
  console.log(
    `stats on ÷ stats off: ${ratio(statsCost.pairedRatioOn)} (median of the per-round ratios; ratio of medians ${ratio(on.nsPerDecision / off.nsPerDecision)}); ` +
      `stats on + audit sink ÷ stats off: ${ratio(statsCost.pairedRatioAudit)} (ratio of medians ${ratio(audit.nsPerDecision / off.nsPerDecision)}).`,
  );
}
console.log('');
console.log('Memory (acd-engine, center-1k agents all busy; heapUsed after forced gc):');
console.log(
  table(
    ['measure', 'stats on', 'stats off'],
    [
      [`per waiting call (${int(memory.waitingCalls)} enqueued)`, int(memory.bytesPerWaitingCall), int(memoryStatsOff.bytesPerWaitingCall)],
      [
        `retained per completed call (${int(memory.completedCalls)} completed, offerTimeoutMs 15 s)`,
        memory.retainedBytesPerCompletedCall.toFixed(1),
        memoryStatsOff.retainedBytesPerCompletedCall.toFixed(1),
      ],
      [
        `retained per completed call (${int(memory.completedCalls)} completed, offerTimeoutMs ∞)`,
        memory.retainedBytesPerCompletedCallNoTimeout.toFixed(1),
        memoryStatsOff.retainedBytesPerCompletedCallNoTimeout.toFixed(1),
      ],
    ],
  ),
);
console.log('');
console.log(`Targets (docs/performance.md), measured with ${MAIN}:`);
console.log(
  table(
    ['target', 'measured', 'verdict'],
    [
      ['≥ 1,000,000 decisions/s, center-1k', `${int(1e9 / center.nsPerDecision)} /s (${int(center.nsPerDecision)} ns)`, verdict(center.nsPerDecision <= 1_000)],
      ['≤ 1.5× growth, 1,000 → 100,000 waiting (1k agents)', waitingGrowth === undefined ? 'n/a' : ratio(waitingGrowth), verdict(waitingGrowth === undefined ? undefined : waitingGrowth <= 1.5)],
      ['≤ 2× growth, 100 → 10,000 agents (10k waiting)', agentGrowth === undefined ? 'n/a' : ratio(agentGrowth), verdict(agentGrowth === undefined ? undefined : agentGrowth <= 2)],
      ['≥ 100× faster than naive, 10,000 waiting', vsNaive === undefined ? 'n/a' : ratio(vsNaive), verdict(vsNaive === undefined ? undefined : vsNaive >= 100)],
      ['≤ 1 KiB per waiting call (stats on)', `${int(memory.bytesPerWaitingCall)} B`, verdict(memory.gc === 'unavailable' ? undefined : memory.bytesPerWaitingCall <= 1024)],
      // With statistics on, the survey and FCR memories hold recent completions by design (bounded by their windows).
      ['nothing retained per completed call (stats off)', `${memoryStatsOff.retainedBytesPerCompletedCall.toFixed(1)} B/call`, verdict(memoryStatsOff.gc === 'unavailable' ? undefined : memoryStatsOff.retainedBytesPerCompletedCall < 8)],
    ],
  ),
);
console.log('');

// ---- 7. planning: simulation speed and Erlang ---------------------------------------------------
runPlanningBench(quick, progress);
console.log('');
console.log(`Total ${((performance.now() - startedMs) / 1000).toFixed(1)} s.`);
