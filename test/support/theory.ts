import { simulate, type Estimate, type KpiEstimates } from '../../src/index.js';

/** Handle time of the theory runs, ms (the results scale with it; a short one keeps runs short). */
export const AHT_MS = 60_000;

/** One M/M/n (+M) queue simulated through the real router: exponential everything, no wrap-up. */
export function simulateQueue(agents: number, erlangs: number, patienceMs: number, hours: number, replications = 10): KpiEstimates {
  const result = simulate({
    seed: 7,
    duration: `${hours}h`,
    warmup: '2h',
    interval: '1h',
    replications,
    drain: false,
    queues: [{ id: 'q', serviceLevelMs: 20_000 }],
    agents: [{ name: 'agent', count: agents, queues: { q: 1 } }],
    arrivals: [
      {
        process: 'poisson',
        queue: 'q',
        callsPerHour: (erlangs * 3_600_000) / AHT_MS,
        handleTime: { type: 'exponential', mean: AHT_MS },
        ...(patienceMs === Infinity ? {} : { patience: { type: 'exponential', mean: patienceMs } }),
      },
    ],
  });
  return result.center;
}

/** Whether the exact value lies in the simulation's own 95 % confidence interval (with a readable message). */
export function covers(e: Estimate | null, exact: number): { ok: boolean; message: string } {
  if (e === null) return { ok: false, message: 'no estimate' };
  return { ok: e.low <= exact && exact <= e.high, message: `exact ${exact} vs simulated ${e.mean} ± ${e.halfWidth}` };
}
