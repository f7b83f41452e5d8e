/**
 * Escalation, hold-time limits and callbacks: one simulated 8-hour day of a 23-agent center, run
 * twice through the real CallRouter with exactly the same callers — first with plain queues, then
 * with these policies:
 *
 * - `support` escalates a waiting call step by step: after 15 s any support agent may take it (the
 *   internet / TV skill minimums relax from expert to 2); after 30 s the sales team, at tier 2,
 *   may take it too; after 45 s its priority rises by 1; after 60 s it overflows to `billing`, but
 *   only while nobody waits there (checked again every 15 s). `sales` and `billing` raise a call's
 *   priority after 45 s.
 * - Every queue holds a caller for at most 90 s; then the caller is promised a callback and keeps
 *   their place (exit action `callback`).
 * - After 20 s on hold the IVR announces the estimated wait; when it is over 40 s, the caller is
 *   offered a callback, and some take it (`requestCallback`).
 *
 * The backend dials callbacks only when nobody is on hold: it lowers their priority to -1. The
 * KPIs are computed from the router's events.
 *
 * Run: npm run example:escalation
 */
import { CallRouter, SeededRandom, SimulatedClock } from '../src/index.js';
import type { QueueOptions } from '../src/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SL_THRESHOLD_MS = 20_000;
const RING_MS = 3_000; // an agent picks up an offer
const DIAL_MS = 15_000; // a callback rings the customer this long before they answer or the agent gives up
const PICK_UP_RATE = 0.7; // share of callback attempts the customer answers
const PATIENCE_MIN_MS = 20_000; // nobody hangs up during the greeting
const PATIENCE_MEAN_MS = 120_000; // then callers on hold hang up after this long, on average
const ANNOUNCE_AT_MS = 20_000; // when the IVR announces the wait and may offer a callback

// ---- the day's callers, drawn once and replayed in both runs ----------------------------------

interface Caller {
  id: string;
  queue: string;
  atMs: number;
  requirements: Record<string, number>;
  handleMs: number;
  patienceMs: number;
  takesCallback: boolean;
}

const rng = new SeededRandom(2026);
const exponential = (meanMs: number): number => -Math.log(1 - rng.next()) * meanMs;

// Calls per hour from 08:00, hour by hour: support peaks at lunchtime. Half of support's calls
// are about internet and need an internet expert (proficiency 4), the rest need TV skills (3).
const demand = [
  { queue: 'support', ahtMs: 300_000, perHour: [80, 110, 140, 150, 130, 110, 90, 60] },
  { queue: 'billing', ahtMs: 240_000, perHour: [40, 45, 50, 50, 45, 45, 40, 30] },
  { queue: 'sales', ahtMs: 180_000, perHour: [40, 50, 55, 60, 55, 50, 45, 35] },
];
const callers: Caller[] = [];
for (const { queue, ahtMs, perHour } of demand) {
  const peak = Math.max(...perHour);
  // Poisson arrivals whose rate changes by the hour (drawn at the peak rate, thinned).
  for (let t = exponential(HOUR / peak); t < perHour.length * HOUR; t += exponential(HOUR / peak)) {
    if (rng.next() >= (perHour[Math.floor(t / HOUR)] ?? 0) / peak) continue;
    const requirements: Record<string, number> =
      queue === 'support' ? (rng.next() < 0.5 ? { internet: 4 } : { tv: 3 }) : queue === 'billing' ? { billing: 3 } : { sales: 3 };
    callers.push({
      id: '',
      queue,
      atMs: t,
      requirements,
      handleMs: exponential(ahtMs),
      patienceMs: PATIENCE_MIN_MS + exponential(PATIENCE_MEAN_MS),
      takesCallback: rng.next() < 0.6,
    });
  }
}
callers.sort((a, b) => a.atMs - b.atMs);
callers.forEach((caller, i) => (caller.id = `call-${i + 1}`));

// ---- the center: the same agents in both runs --------------------------------------------------

const teams: Array<{ prefix: string; size: number; queues: Record<string, number>; skills: Record<string, number> }> = [
  { prefix: 'net', size: 3, queues: { support: 1 }, skills: { internet: 5, tv: 3 } },
  { prefix: 'tv', size: 9, queues: { support: 1 }, skills: { tv: 4, internet: 2 } },
  { prefix: 'bill', size: 6, queues: { billing: 1 }, skills: { billing: 4, internet: 2, tv: 2 } },
  { prefix: 'sales', size: 5, queues: { sales: 1, support: 2 }, skills: { sales: 4, internet: 2, tv: 2 } },
];

const holdLimit: Omit<QueueOptions, 'id'> = {
  maxWaitMs: 90_000,
  exitAction: { action: 'callback' },
  callback: { maxAttempts: 3, retryDelayMs: 10 * MINUTE },
};
const supportPolicies: Omit<QueueOptions, 'id'> = {
  ...holdLimit,
  maxTier: 1, // the sales team (tier 2) only once a step widens the tiers
  escalation: [
    { afterMs: 15_000, relax: { internet: 2, tv: 2 }, name: 'any support agent' },
    { afterMs: 30_000, maxTier: 2, name: 'sales team helps' },
    { afterMs: 45_000, raisePriority: 1, name: 'priority +1' },
    {
      afterMs: 60_000,
      overflow: { queue: 'billing', when: { maxWaiting: 1 }, recheckMs: 15_000 },
      name: 'billing, while nobody waits there',
    },
  ],
};
const otherPolicies: Omit<QueueOptions, 'id'> = {
  ...holdLimit,
  escalation: [{ afterMs: 45_000, raisePriority: 1, name: 'priority +1' }],
};

interface Kpis {
  calls: number;
  answered: number;
  withinSl: number;
  totalWaitMs: number;
  abandoned: number;
  timedOut: number;
  callbacksRequested: number;
  callbacksMade: number;
  callbacksCompleted: number;
  callbacksFailed: number;
  escalations: number;
  overflows: number;
  endMs: number;
}

function runDay(withPolicies: boolean): Kpis {
  const clock = new SimulatedClock();
  const router = new CallRouter({ clock, seed: 7 });
  const dial = new SeededRandom(99); // whether a callback attempt reaches the customer

  router.addQueue({ id: 'billing', wrapUpMs: 15_000, ...(withPolicies ? otherPolicies : {}) });
  router.addQueue({ id: 'sales', wrapUpMs: 15_000, ...(withPolicies ? otherPolicies : {}) });
  router.addQueue({ id: 'support', wrapUpMs: 15_000, ...(withPolicies ? supportPolicies : {}) });
  for (const team of teams) {
    for (let i = 1; i <= team.size; i++) {
      router.addAgent({ id: `${team.prefix}-${i}`, queues: team.queues, skills: team.skills, state: 'available' });
    }
  }

  const k: Kpis = {
    calls: 0, answered: 0, withinSl: 0, totalWaitMs: 0, abandoned: 0, timedOut: 0, callbacksRequested: 0,
    callbacksMade: 0, callbacksCompleted: 0, callbacksFailed: 0, escalations: 0, overflows: 0, endMs: 0,
  };
  const byId = new Map(callers.map((c) => [c.id, c]));
  const callbacks = new Set<string>(); // calls that became callbacks

  // KPIs from the router's events. A callback's "answer" is the agent dialling the customer.
  router.on('call:answered', ({ callId, waitMs }) => {
    if (callbacks.has(callId)) {
      k.callbacksMade++;
      return;
    }
    k.answered++;
    k.totalWaitMs += waitMs;
    if (waitMs <= SL_THRESHOLD_MS) k.withinSl++;
  });
  router.on('call:abandoned', () => k.abandoned++);
  router.on('call:timed-out', () => k.timedOut++);
  router.on('call:escalated', () => k.escalations++);
  router.on('call:overflowed', () => k.overflows++);
  router.on('call:completed', ({ callId }) => {
    if (callbacks.has(callId)) k.callbacksCompleted++;
  });
  router.on('call:callback-failed', () => k.callbacksFailed++);
  router.on('call:callback-scheduled', ({ callId, reason }) => {
    if (reason === 'retry') return;
    callbacks.add(callId);
    if (reason === 'requested') k.callbacksRequested++;
    // The caller has hung up and keeps their place; dial them when nobody is on hold.
    if (router.hasCall(callId)) router.setCallPriority(callId, -1);
  });

  // The backend: agents pick up; a caller talks, or for a callback the agent dials the customer.
  router.on('call:offered', ({ callId, kind }) => {
    const caller = byId.get(callId) as Caller;
    clock.schedule(RING_MS, () => {
      if (!router.hasCall(callId) || router.getCall(callId).status !== 'offered') return;
      router.answer(callId);
      if (kind === 'callback' && dial.next() >= PICK_UP_RATE) {
        clock.schedule(DIAL_MS, () => router.callbackUnanswered(callId));
      } else {
        const talkMs = (kind === 'callback' ? DIAL_MS : 0) + caller.handleMs;
        clock.schedule(talkMs, () => router.complete(callId, { resolved: true }));
      }
    });
  });

  // The callers: they call, hang up when their patience runs out, and may take a callback.
  for (const caller of callers) {
    clock.schedule(caller.atMs, () => {
      const { id } = caller;
      k.calls++;
      router.enqueue({ id, queue: caller.queue, requirements: caller.requirements });
      const onHold = (): boolean => {
        if (!router.hasCall(id)) return false;
        const call = router.getCall(id);
        return call.kind === 'inbound' && call.status !== 'talking';
      };
      clock.schedule(caller.patienceMs, () => {
        if (onHold()) router.abandon(id);
      });
      if (withPolicies && caller.takesCallback && caller.patienceMs > ANNOUNCE_AT_MS) {
        clock.schedule(ANNOUNCE_AT_MS, () => {
          if (onHold() && router.getCall(id).status === 'waiting' && router.estimatedWaitMs(id) > 40_000) {
            router.requestCallback(id);
          }
        });
      }
    });
  }

  while (clock.runNext());
  k.endMs = clock.now();
  return k;
}

// ---- the two runs, side by side ----------------------------------------------------------------

const plain = runDay(false);
const policies = runDay(true);

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`);
const rows: Array<[string, (k: Kpis) => string]> = [
  ['calls', (k) => String(k.calls)],
  ['answered live', (k) => String(k.answered)],
  ['service level (answered in 20 s / answered)', (k) => pct(k.withinSl, k.answered)],
  ['  the same / (answered + abandoned)', (k) => pct(k.withinSl, k.answered + k.abandoned)],
  ['average speed of answer', (k) => `${(k.totalWaitMs / k.answered / 1000).toFixed(1)} s`],
  ['abandonment rate (abandoned / calls)', (k) => pct(k.abandoned, k.calls)],
  ['calls timed out (90 s hold limit)', (k) => String(k.timedOut)],
  ['callbacks requested by callers', (k) => String(k.callbacksRequested)],
  ['callbacks made (dials) / completed', (k) => `${k.callbacksMade} / ${k.callbacksCompleted}`],
  ['callbacks failed (3 attempts)', (k) => String(k.callbacksFailed)],
  ['escalation steps applied', (k) => String(k.escalations)],
  ['overflows to billing', (k) => String(k.overflows)],
  ['last call ended at', (k) => `${(k.endMs / HOUR).toFixed(2)} h`],
];
const header = ['', 'plain queues', 'with policies'];
const cells = rows.map(([label, kpi]) => [label, kpi(plain), kpi(policies)]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
const line = (r: string[]): string =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
const agents = teams.reduce((n, t) => n + t.size, 0);
console.log(`acd-engine escalation: one simulated 8-hour day, ${agents} agents, ${callers.length} callers, run twice`);
console.log(line(header));
for (const r of cells) console.log(line(r));

/* Output of `npm run example:escalation`:
 * acd-engine escalation: one simulated 8-hour day, 23 agents, 1633 callers, run twice
 *                                              plain queues  with policies
 * calls                                                1633           1633
 * answered live                                        1377           1417
 * service level (answered in 20 s / answered)        86.0 %         88.6 %
 *   the same / (answered + abandoned)                72.5 %         86.3 %
 * average speed of answer                            15.7 s         10.0 s
 * abandonment rate (abandoned / calls)               15.7 %          2.4 %
 * calls timed out (90 s hold limit)                       0             16
 * callbacks requested by callers                          0            161
 * callbacks made (dials) / completed                  0 / 0      241 / 173
 * callbacks failed (3 attempts)                           0              4
 * escalation steps applied                                0            769
 * overflows to billing                                    0             33
 * last call ended at                                 8.25 h         8.25 h
*/
