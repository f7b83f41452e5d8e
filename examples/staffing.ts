/**
 * Staffing with the formulas: Erlang B, C and A for one staffing level, the fewest agents for a
 * target, and a whole day's plan from a half-hourly forecast. Everything here is exact and takes
 * microseconds; `examples/staffing-study.ts` checks the formulas against the simulator.
 *
 * Run with `npm run example:staffing`.
 */
import { erlangAMetrics, erlangB, erlangCMetrics, requiredAgents, staffDay, type QueueMetrics } from '../src/index.js';

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const figures = (m: QueueMetrics): string =>
  `P(wait) ${pct(m.probabilityOfWait)}, SL 20 s ${pct(m.serviceLevel)}, ASA ${sec(m.asaMs)}, occupancy ${pct(m.occupancy)}`;

// One staffing level: 200 calls an hour, 3-minute handle time (10 erlangs), 14 agents.
const load = { agents: 14, callsPerHour: 200, ahtMs: 180_000 };
console.log(`Erlang B, 14 trunks, 10 erlangs: ${pct(erlangB(14, 10))} of calls blocked`);
console.log(`Erlang C, 14 agents, 10 erlangs: ${figures(erlangCMetrics(load))}`);
const a = erlangAMetrics({ ...load, patienceMs: 120_000 });
console.log(`Erlang A, the same with 2 min patience: ${figures(a)}, abandoned ${pct(a.abandonment)}`);

// The fewest agents for a target, and the headcount to schedule with 30 % shrinkage.
const c80 = requiredAgents({ callsPerHour: 200, ahtMs: 180_000, serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.3 });
console.log(`80/20 under Erlang C: ${c80.agents} agents on the phones, ${c80.scheduled} scheduled; limited by ${c80.limitedBy.join(', ')}`);
const a80 = requiredAgents({
  callsPerHour: 200,
  ahtMs: 180_000,
  serviceLevel: 0.8,
  maxAbandonment: 0.03,
  model: 'erlang-a',
  patienceMs: 120_000,
  shrinkage: 0.3,
});
console.log(
  `80/20 and ≤ 3 % abandoned under Erlang A: ${a80.agents} agents, ${a80.scheduled} scheduled; limited by ${a80.limitedBy.join(', ')}`,
);

// A day: calls per half hour from 08:00 to 18:00, AHT 4 min, 80/20, 30 % shrinkage.
const calls = [40, 75, 110, 130, 140, 135, 125, 150, 160, 140, 120, 115, 125, 130, 120, 100, 85, 70, 55, 40];
const plan = staffDay({ intervalMs: 1_800_000, calls, ahtMs: 240_000 }, { serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.3 });
console.log('');
const columns = ['time', 'calls', 'erlangs', 'agents', 'scheduled', 'SL 20 s', '   ASA', 'occupancy'];
const row = (cells: string[]): string => cells.map((c, k) => (k === 0 ? c.padEnd(5) : c.padStart((columns[k] ?? '').length + 2))).join('');
console.log(row(columns));
for (const i of plan.intervals) {
  const start = 8 * 60 + i.startMs / 60_000;
  const time = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  const m = i.metrics;
  console.log(row([time, String(i.calls), i.erlangs.toFixed(1), String(i.agents), String(i.scheduled), pct(m.serviceLevel), sec(m.asaMs), pct(m.occupancy)]));
}
const t = plan.totals;
console.log(
  `day: ${t.calls.toLocaleString('en-US')} calls, ${t.agentHours} agent-hours on the phones, ${t.scheduledHours} paid; ` +
    `peak ${t.peakAgents} agents (${t.peakScheduled} scheduled); SL ${pct(t.serviceLevel)}, ASA ${sec(t.asaMs)}, occupancy ${pct(t.occupancy)}`,
);

/* Output of `npm run example:staffing`:
 * Erlang B, 14 trunks, 10 erlangs: 5.7 % of calls blocked
 * Erlang C, 14 agents, 10 erlangs: P(wait) 17.4 %, SL 20 s 88.8 %, ASA 7.8 s, occupancy 71.4 %
 * Erlang A, the same with 2 min patience: P(wait) 12.7 %, SL 20 s 93.3 %, ASA 2.3 s, occupancy 69.8 %, abandoned 2.3 %
 * 80/20 under Erlang C: 14 agents on the phones, 20 scheduled; limited by service-level
 * 80/20 and ≤ 3 % abandoned under Erlang A: 14 agents, 20 scheduled; limited by abandonment
 *
 * time   calls  erlangs  agents  scheduled  SL 20 s     ASA  occupancy
 * 08:00     40      5.3       8         12   82.3 %  19.9 s     66.7 %
 * 08:30     75     10.0      14         20   87.5 %  10.4 s     71.4 %
 * 09:00    110     14.7      19         28   85.4 %  11.6 s     77.2 %
 * 09:30    130     17.3      22         32   85.8 %  10.8 s     78.8 %
 * 10:00    140     18.7      23         33   82.4 %  14.0 s     81.2 %
 * 10:30    135     18.0      22         32   80.1 %  16.7 s     81.8 %
 * 11:00    125     16.7      21         30   83.8 %  12.8 s     79.4 %
 * 11:30    150     20.0      25         36   86.2 %  10.0 s     80.0 %
 * 12:00    160     21.3      26         38   83.2 %  12.7 s     82.1 %
 * 12:30    140     18.7      23         33   82.4 %  14.0 s     81.2 %
 * 13:00    120     16.0      20         29   81.7 %  15.4 s     80.0 %
 * 13:30    115     15.3      20         29   87.2 %   9.7 s     76.7 %
 * 14:00    125     16.7      21         30   83.8 %  12.8 s     79.4 %
 * 14:30    130     17.3      22         32   85.8 %  10.8 s     78.8 %
 * 15:00    120     16.0      20         29   81.7 %  15.4 s     80.0 %
 * 15:30    100     13.3      17         25   81.0 %  16.8 s     78.4 %
 * 16:00     85     11.3      15         22   83.2 %  14.9 s     75.6 %
 * 16:30     70      9.3      13         19   85.7 %  12.7 s     71.8 %
 * 17:00     55      7.3      11         16   88.5 %  10.2 s     66.7 %
 * 17:30     40      5.3       8         12   82.3 %  19.9 s     66.7 %
 * day: 2,165 calls, 185 agent-hours on the phones, 268.5 paid; peak 26 agents (38 scheduled); SL 83.9 %, ASA 13.2 s, occupancy 78.0 %
*/
