/**
 * Quick start: one simulated 8-hour day of a small contact center, routed by the real CallRouter
 * on a SimulatedClock. Three queues, 20 agents with skills and tiers, Poisson arrivals,
 * exponential handle times and caller patience, customers who call again when their problem was
 * not solved, and a post-call survey. The "backend" below rings agents, answers, hangs up and
 * abandons by scheduling on the same clock, exactly as a telephony backend would call the router.
 * The KPIs come from the router's own statistics (`queueStats`, `stats`, `intervals`).
 *
 * Run: npm start
 */
import { CallRouter, SeededRandom, SimulatedClock } from '../src/index.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 8 * HOUR_MS;
const RING_MS = 3_000; // time an agent takes to pick up
const MISS_RATE = 0.03; // share of offers the agent lets ring out (the offer times out)
const PATIENCE_MEAN_MS = 180_000;
const RESOLVED_SHARE = 0.8; // contacts that solve the customer's problem
const CALL_AGAIN = { unresolved: 0.6, resolved: 0.05 }; // customers who call again; within 72 h it counts against FCR

const rng = new SeededRandom(2026);
const exponential = (meanMs: number): number => -Math.log(1 - rng.next()) * meanMs;

const clock = new SimulatedClock();
const router = new CallRouter({ clock, seed: 7, stats: { intervalMs: 2 * HOUR_MS } });

// Queues: per-call handle time and arrival rate live here, in the example, not in the router.
const queues = [
  { id: 'sales', callsPerHour: 75, ahtMs: 180_000, spanishShare: 0.1 },
  { id: 'support', callsPerHour: 100, ahtMs: 240_000, spanishShare: 0.2 },
  { id: 'billing', callsPerHour: 42, ahtMs: 300_000, spanishShare: 0 },
];
for (const q of queues) router.addQueue({ id: q.id, wrapUpMs: 15_000, offerTimeoutMs: 15_000, serviceLevelMs: 20_000 });

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

// The backend: ring, answer, talk, hang up (solved or not), survey; callers give up after their patience.
const aht = new Map(queues.map((q) => [q.id, q.ahtMs]));
router.on('call:offered', ({ callId, queueId }) => {
  if (rng.next() < MISS_RATE) return; // rings out: the router's offer timeout takes it back
  clock.schedule(RING_MS, () => {
    if (router.hasCall(callId) && router.getCall(callId).status === 'offered') {
      const waitMs = clock.now() - router.getCall(callId).arrivalMs;
      router.answer(callId);
      clock.schedule(exponential(aht.get(queueId) ?? 0), () => {
        const resolved = rng.next() < RESOLVED_SHARE;
        const customerId = customers.get(callId) as string;
        router.complete(callId, { resolved });
        if (rng.next() < (resolved ? CALL_AGAIN.resolved : CALL_AGAIN.unresolved)) {
          const inMs = exponential(30 * 60_000);
          if (clock.now() + inMs < DAY_MS) clock.schedule(inMs, () => call(queueId, customerId));
        }
        // One caller in three answers the survey; long waits lower the score.
        if (rng.next() < 1 / 3) router.recordSurvey(callId, Math.max(1, 5 - Math.floor(waitMs / 30_000) - rng.nextInt(2)));
      });
    }
  });
});

// Poisson arrivals over the day; each new caller is a new customer (some call again, above).
let callNo = 0;
const customers = new Map<string, string>();
const spanishShare = new Map(queues.map((q) => [q.id, q.spanishShare]));
function call(queueId: string, customerId: string): void {
  const id = `call-${++callNo}`;
  customers.set(id, customerId);
  const spanish = rng.next() < (spanishShare.get(queueId) ?? 0);
  router.enqueue({ id, queue: queueId, customerId, requirements: spanish ? { spanish: 3 } : { english: 3 } });
  clock.schedule(exponential(PATIENCE_MEAN_MS), () => {
    if (router.hasCall(id) && router.getCall(id).status !== 'talking') router.abandon(id);
  });
}
for (const q of queues) {
  for (let t = exponential(HOUR_MS / q.callsPerHour); t < DAY_MS; t += exponential(HOUR_MS / q.callsPerHour)) {
    clock.schedule(t, () => call(q.id, `cust-${callNo}`));
  }
}

// Run the day, then let the calls still in progress finish.
clock.advanceTo(DAY_MS);
while (clock.runNext());

const pct = (share: number | null): string => (share === null ? '-' : `${(100 * share).toFixed(1)} %`);
const sec = (ms: number | null): string => (ms === null ? '-' : `${(ms / 1000).toFixed(1)} s`);
const header = ['queue', 'calls', 'answered', 'SL 20 s', 'ASA', 'p90 wait', 'abandoned', 'FCR', 'CSAT'];
const rows = queues.map(({ id }) => {
  const t = router.queueStats(id).totals;
  return [id, String(t.entered), String(t.answered), pct(t.serviceLevel.answered), sec(t.asaMs), sec(t.waitP90Ms),
    pct(t.abandonmentRate), pct(t.fcr), t.csat === null ? '-' : t.csat.toFixed(2)];
});
const center = router.stats();
const c = center.totals;
rows.push(['all', String(c.entered), String(c.answered), pct(c.serviceLevel.answered), sec(c.asaMs), sec(c.waitP90Ms),
  pct(c.abandonmentRate), pct(c.fcr), c.csat === null ? '-' : c.csat.toFixed(2)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
console.log(`acd-engine quick start: 1 simulated 8-hour day, ${agentNo} agents, ${queues.length} queues`);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('service level by 2-hour interval (all queues):', router.intervals().map((r) => pct(r.center.serviceLevel.answered)).join(', '));
console.log(`agent occupancy ${pct(center.occupancy)}; repeat contacts within 72 h: ${c.repeatContacts}; surveys: ${c.surveys}; clock ended at ${(clock.now() / HOUR_MS).toFixed(2)} h`);
console.log('SL 20 s = answered within 20 s / answered; abandoned = abandoned / (answered + abandoned); FCR = resolved without a repeat contact / outcomes');

/* Output of `npm start`:
 * acd-engine quick start: 1 simulated 8-hour day, 20 agents, 3 queues
 * queue    calls  answered  SL 20 s     ASA  p90 wait  abandoned     FCR  CSAT
 * sales      693       638   80.1 %  13.6 s    40.5 s      7.9 %  78.1 %  4.27
 * support    928       852   86.9 %  11.1 s    28.0 s      8.2 %  74.1 %  4.40
 * billing    408       377   80.4 %  12.4 s    37.0 s      7.6 %  75.3 %  4.36
 * all       2029      1867   83.2 %  12.2 s    34.9 s      8.0 %  75.7 %  4.35
 * service level by 2-hour interval (all queues): 86.7 %, 84.9 %, 83.5 %, 78.4 %
 * agent occupancy 73.6 %; repeat contacts within 72 h: 65; surveys: 637; clock ended at 8.58 h
 * SL 20 s = answered within 20 s / answered; abandoned = abandoned / (answered + abandoned); FCR = resolved without a repeat contact / outcomes
*/
