/**
 * Quick start: one simulated hour of a small contact center, routed by the real CallRouter on a
 * SimulatedClock. Three queues, 20 agents with skills and tiers, Poisson arrivals, exponential
 * handle times and caller patience. The "backend" below rings agents, answers, hangs up and
 * abandons by scheduling on the same clock, exactly as a telephony backend would call the router.
 *
 * Run: npm start
 */
import { CallRouter, SeededRandom, SimulatedClock } from '../src/index.js';

const HOUR_MS = 3_600_000;
const SL_THRESHOLD_MS = 20_000;
const RING_MS = 3_000; // time an agent takes to pick up
const MISS_RATE = 0.03; // share of offers the agent lets ring out (the offer times out)
const PATIENCE_MEAN_MS = 180_000;

const rng = new SeededRandom(2026);
const exponential = (meanMs: number): number => -Math.log(1 - rng.next()) * meanMs;

const clock = new SimulatedClock();
const router = new CallRouter({ clock, seed: 7 });

// Queues: per-call handle time and arrival rate live here, in the example, not in the router.
const queues = [
  { id: 'sales', callsPerHour: 90, ahtMs: 180_000, spanishShare: 0.1 },
  { id: 'support', callsPerHour: 120, ahtMs: 240_000, spanishShare: 0.2 },
  { id: 'billing', callsPerHour: 50, ahtMs: 300_000, spanishShare: 0 },
];
for (const q of queues) router.addQueue({ id: q.id, wrapUpMs: 15_000, offerTimeoutMs: 15_000 });

// 20 agents in three teams; tier 2 means "helps out when tier-1 agents are busy".
const teams: Array<{ size: number; queues: Record<string, number>; skills: Record<string, number> }> = [
  { size: 8, queues: { sales: 1, support: 2 }, skills: { english: 4 } },
  { size: 8, queues: { support: 1, billing: 2 }, skills: { english: 5 } },
  { size: 4, queues: { support: 1, sales: 2, billing: 3 }, skills: { english: 3, spanish: 5 } },
];
let agentNo = 0;
for (const team of teams) {
  for (let i = 0; i < team.size; i++) {
    router.addAgent({ id: `agent-${++agentNo}`, queues: team.queues, skills: team.skills, state: 'available' });
  }
}

// The backend: ring, answer, talk, hang up; callers give up after their patience runs out.
const aht = new Map(queues.map((q) => [q.id, q.ahtMs]));
router.on('call:offered', ({ callId, queueId }) => {
  if (rng.next() < MISS_RATE) return; // rings out: the router's offer timeout takes it back
  clock.schedule(RING_MS, () => {
    if (router.hasCall(callId) && router.getCall(callId).status === 'offered') {
      router.answer(callId);
      clock.schedule(exponential(aht.get(queueId) ?? 0), () => router.complete(callId, { resolved: true }));
    }
  });
});

// KPIs, from the router's events.
interface Kpi { arrived: number; answered: number; abandoned: number; totalWaitMs: number; withinSl: number; timeouts: number }
const kpis = new Map(queues.map((q) => [q.id, { arrived: 0, answered: 0, abandoned: 0, totalWaitMs: 0, withinSl: 0, timeouts: 0 } as Kpi]));
const kpi = (queueId: string): Kpi => kpis.get(queueId) as Kpi;
router.on('call:queued', ({ queueId }) => kpi(queueId).arrived++);
router.on('call:answered', ({ queueId, waitMs }) => {
  const k = kpi(queueId);
  k.answered++;
  k.totalWaitMs += waitMs;
  if (waitMs <= SL_THRESHOLD_MS) k.withinSl++;
});
router.on('call:abandoned', ({ queueId }) => kpi(queueId).abandoned++);
router.on('call:offer-timeout', ({ queueId }) => kpi(queueId).timeouts++);
let completed = 0;
router.on('call:completed', () => completed++);

// Poisson arrivals over the hour.
let callNo = 0;
for (const q of queues) {
  for (let t = exponential(HOUR_MS / q.callsPerHour); t < HOUR_MS; t += exponential(HOUR_MS / q.callsPerHour)) {
    clock.schedule(t, () => {
      const id = `call-${++callNo}`;
      const spanish = rng.next() < q.spanishShare;
      router.enqueue({ id, queue: q.id, requirements: spanish ? { spanish: 3 } : { english: 3 } });
      clock.schedule(exponential(PATIENCE_MEAN_MS), () => {
        if (router.hasCall(id) && router.getCall(id).status !== 'talking') router.abandon(id);
      });
    });
  }
}

// Run the hour, then let the calls still in progress finish.
clock.advanceTo(HOUR_MS);
while (clock.runNext());

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`);
const rows = [...kpis].map(([id, k]) => [
  id,
  String(k.arrived),
  String(k.answered),
  String(k.abandoned),
  k.answered === 0 ? '-' : `${(k.totalWaitMs / k.answered / 1000).toFixed(1)} s`,
  pct(k.withinSl, k.answered + k.abandoned),
  pct(k.abandoned, k.arrived),
  String(k.timeouts),
]);
const all = [...kpis.values()].reduce((a, k) => ({
  arrived: a.arrived + k.arrived, answered: a.answered + k.answered, abandoned: a.abandoned + k.abandoned,
  totalWaitMs: a.totalWaitMs + k.totalWaitMs, withinSl: a.withinSl + k.withinSl, timeouts: a.timeouts + k.timeouts,
}));
rows.push(['all', String(all.arrived), String(all.answered), String(all.abandoned),
  `${(all.totalWaitMs / all.answered / 1000).toFixed(1)} s`, pct(all.withinSl, all.answered + all.abandoned),
  pct(all.abandoned, all.arrived), String(all.timeouts)]);

const header = ['queue', 'calls', 'answered', 'abandoned', 'ASA', 'SL 20 s', 'abandon rate', 'offer timeouts'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(`acd-engine quick start: 1 simulated hour, ${agentNo} agents, ${queues.length} queues`);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(`calls handled (completed): ${completed}; simulated clock ended at ${(clock.now() / 60_000).toFixed(1)} min`);
console.log('SL 20 s = answered within 20 s / (answered + abandoned)');

/* Output of `npm start`:
 * acd-engine quick start: 1 simulated hour, 20 agents, 3 queues
 * queue    calls  answered  abandoned     ASA  SL 20 s  abandon rate  offer timeouts
 * sales       69        66          3   8.1 s   85.5 %         4.3 %               1
 * support    134       123         11  12.3 s   80.6 %         8.2 %               4
 * billing     49        46          3  16.3 s   71.4 %         6.1 %               6
 * all        252       235         17  11.9 s   80.2 %         6.7 %              11
 * calls handled (completed): 235; simulated clock ended at 73.8 min
 * SL 20 s = answered within 20 s / (answered + abandoned)
*/
