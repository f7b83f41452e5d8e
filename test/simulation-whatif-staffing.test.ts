import { describe, expect, it } from 'vitest';
import { compareScenarios, ScenarioError, simulate, staffBySimulation, type ScenarioInput } from '../src/index.js';

const separate: ScenarioInput = {
  name: 'separate pools',
  seed: 4,
  duration: '3h',
  warmup: '30m',
  replications: 5,
  queues: [{ id: 'en' }, { id: 'es' }],
  agents: [
    { name: 'english', count: 9, queues: { en: 1 } },
    { name: 'bilingual', count: 4, queues: { es: 1 } },
  ],
  arrivals: [
    { process: 'poisson', queue: 'en', callsPerHour: 150, handleTime: { type: 'exponential', mean: '3m' }, patience: { type: 'exponential', mean: '3m' } },
    { process: 'poisson', queue: 'es', callsPerHour: 40, handleTime: { type: 'exponential', mean: '4m' }, patience: { type: 'exponential', mean: '3m' } },
  ],
};
const shared: ScenarioInput = {
  ...separate,
  name: 'bilinguals help English',
  agents: [
    { name: 'english', count: 9, queues: { en: 1 } },
    { name: 'bilingual', count: 4, queues: { es: 1, en: 2 } },
  ],
};

describe('compareScenarios (what-if)', () => {
  const c = compareScenarios(separate, shared);
  const row = (scope: string, kpi: string) => c.rows.find((r) => r.scope === scope && r.kpi === kpi);

  it('feeds both configurations the same calls', () => {
    c.a.runs.forEach((run, r) => {
      expect(c.b.runs[r]?.center.arrivals).toBe(run.center.arrivals);
      expect(c.b.runs[r]?.calls).toBe(run.calls);
    });
    expect(row('center', 'arrivals')?.difference).toMatchObject({ mean: 0, halfWidth: 0 });
  });

  it('reports b − a paired by replication, narrower than either interval', () => {
    const sl = row('en', 'serviceLevel');
    expect(c.labels).toEqual(['separate pools', 'bilinguals help English']);
    expect(sl?.difference?.mean).toBeCloseTo((sl?.b?.mean ?? 0) - (sl?.a?.mean ?? 0), 12);
    // Bilinguals at tier 2 lift English service.
    expect(sl?.difference?.low).toBeGreaterThan(0);
    expect(row('center', 'serviceLevel')?.difference?.halfWidth).toBeLessThan(row('center', 'serviceLevel')?.a?.halfWidth ?? 0);
  });
});

describe('staffBySimulation', () => {
  const targets = { serviceLevel: 0.8 };
  const found = staffBySimulation({ ...separate, replications: 3 }, { targets });

  it('finds a staffing that meets the targets where one agent fewer in any group does not', () => {
    expect(found.met).toBe(true);
    for (const kpis of Object.values(found.result.queues)) expect(kpis.serviceLevel?.mean).toBeGreaterThanOrEqual(0.8);
    for (const group of ['english', 'bilingual']) {
      const fewer = found.steps.find((s) => Object.entries(s.counts).every(([g, n]) => n === (found.counts[g] ?? 0) - (g === group ? 1 : 0)));
      expect(fewer?.met, group).toBe(false);
    }
    expect(found.totalAgents).toBe((found.counts['english'] ?? 0) + (found.counts['bilingual'] ?? 0));
  });

  it('agrees with a direct simulation of the staffing it found', () => {
    const direct = simulate({
      ...separate,
      replications: 3,
      agents: [
        { name: 'english', count: found.counts['english'] ?? 0, queues: { en: 1 } },
        { name: 'bilingual', count: found.counts['bilingual'] ?? 0, queues: { es: 1 } },
      ],
    });
    expect(direct.center.serviceLevel?.mean).toBe(found.result.center.serviceLevel?.mean);
  });

  it('rejects a search with no target or an unknown group', () => {
    expect(() => staffBySimulation(separate, { targets: {} })).toThrow(ScenarioError);
    expect(() => staffBySimulation(separate, { targets, groups: ['nobody'] })).toThrow(/unknown agent group "nobody"/);
  });
});

describe('options of compareScenarios and staffBySimulation', () => {
  const tiny: ScenarioInput = { ...separate, duration: '1h', warmup: 0, replications: 2 };
  const pathsOf = (act: () => unknown): string[] => {
    try {
      act();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      return (error as ScenarioError).issues.map((i) => i.path);
    }
    throw new Error('expected a ScenarioError');
  };

  it('compareScenarios rejects bad options before simulating, and hands each replication router to onRouter', () => {
    expect(pathsOf(() => compareScenarios(tiny, tiny, { seed: 1.5, onReplication: 'x' as never }))).toEqual(['seed', 'onReplication']);
    const seen: number[] = [];
    compareScenarios(tiny, tiny, { onRouter: (router, r) => seen.push(r + router.queueIds().length * 10) });
    expect(seen).toEqual([20, 21, 20, 21]);
  });

  it('staffBySimulation checks its options, targets included, with every problem at once', () => {
    const bad = {
      targets: { serviceLevel: 1.5 },
      groups: 'english',
      criterion: 'median',
      maxAgentsPerGroup: 0,
      onStep: 3,
      replications: 0,
    } as never;
    expect(pathsOf(() => staffBySimulation(tiny, bad))).toEqual(['replications', 'groups', 'criterion', 'maxAgentsPerGroup', 'onStep']);
    expect(pathsOf(() => staffBySimulation(tiny, { targets: { serviceLevel: 1.5 } }))).toEqual(['targets.serviceLevel']);
  });
});
