import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AcdError, InvalidArgumentError } from '../src/model/errors.js';
import { erlangAMetrics, erlangCMetrics, type StaffingMetrics } from '../src/staffing/erlang.js';
import { requiredAgents, scheduledHeadcount, staffDay, type RequiredAgentsInput, type StaffingGoal } from '../src/staffing/solvers.js';

const AHT = 180_000;

/** The figures of `agents` for the input's model, through the public metrics functions. */
function metricsAt(input: RequiredAgentsInput, agents: number): StaffingMetrics {
  const load = { agents, erlangs: input.erlangs as number, ahtMs: input.ahtMs, serviceLevelMs: input.serviceLevelMs ?? 20_000 };
  return input.model === 'erlang-a' ? erlangAMetrics({ ...load, patienceMs: input.patienceMs as number }) : erlangCMetrics(load);
}

/** Whether `m` meets every target of `input` (the solver's contract, restated). */
function meets(input: RequiredAgentsInput, m: StaffingMetrics): boolean {
  if (m.model === 'erlang-c' && !m.stable) return false;
  if (input.serviceLevel !== undefined) {
    const achieved = m.model === 'erlang-a' && input.serviceLevelOf === 'answered' ? m.serviceLevelOfAnswered : m.serviceLevel;
    if (achieved < input.serviceLevel) return false;
  }
  if (input.maxAsaMs !== undefined && m.asaMs > input.maxAsaMs) return false;
  if (input.maxAbandonment !== undefined && m.model === 'erlang-a' && m.abandonment > input.maxAbandonment) return false;
  if (input.maxOccupancy !== undefined && m.occupancy > input.maxOccupancy) return false;
  return true;
}

function expectMinimal(input: RequiredAgentsInput): void {
  const result = requiredAgents(input);
  expect(meets(input, metricsAt(input, result.agents))).toBe(true);
  expect(result.metrics).toEqual(metricsAt(input, result.agents));
  if (result.agents > 0) {
    expect(meets(input, metricsAt(input, result.agents - 1))).toBe(false);
    expect(result.limitedBy.length).toBeGreaterThan(0);
  }
}

describe('requiredAgents: the fewest agents meeting every target', () => {
  it('80/20 at 10 erlangs is 14 agents; shrinkage 30 % schedules 20', () => {
    const result = requiredAgents({ callsPerHour: 200, ahtMs: AHT, serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.3 });
    expect(result).toMatchObject({ agents: 14, scheduled: 20, limitedBy: ['service-level'] });
    expect(result.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it('is minimal for random loads and targets (Erlang C)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 3_000, noNaN: true }),
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.option(fc.double({ min: 100, max: 60_000, noNaN: true }), { nil: undefined }),
        fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined }),
        (erlangs, serviceLevel, serviceLevelMs, maxAsaMs, maxOccupancy) => {
          expectMinimal({ erlangs, ahtMs: AHT, serviceLevel, serviceLevelMs, maxAsaMs, maxOccupancy });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('is minimal for random loads and targets (Erlang A), also below the load', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 2_000, noNaN: true }),
        fc.double({ min: 10_000, max: 1_800_000, noNaN: true }),
        fc.record(
          {
            serviceLevel: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
            serviceLevelOf: fc.constantFrom('offered' as const, 'answered' as const),
            maxAsaMs: fc.double({ min: 100, max: 120_000, noNaN: true }),
            maxAbandonment: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
        (erlangs, patienceMs, targets) => {
          const goal = { ...targets };
          if (goal.serviceLevel === undefined && goal.maxAsaMs === undefined && goal.maxAbandonment === undefined) goal.maxAbandonment = 0.05;
          expectMinimal({ erlangs, ahtMs: AHT, model: 'erlang-a', patienceMs, ...goal });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an abandonment target alone may need fewer agents than erlangs', () => {
    const input: RequiredAgentsInput = { erlangs: 100, ahtMs: AHT, model: 'erlang-a', patienceMs: 300_000, maxAbandonment: 0.05 };
    const result = requiredAgents(input);
    expect(result.agents).toBeLessThan(100);
    expect(result.limitedBy).toEqual(['abandonment']);
    expectMinimal(input);
  });

  it('solves 10,000 and 50,000 erlangs', () => {
    for (const erlangs of [10_000, 50_000]) {
      const c = requiredAgents({ erlangs, ahtMs: AHT, serviceLevel: 0.8, serviceLevelMs: 20_000 });
      expect(c.agents).toBeGreaterThan(erlangs);
      expect(c.agents).toBeLessThan(erlangs * 1.01);
      expectMinimal({ erlangs, ahtMs: AHT, serviceLevel: 0.8, serviceLevelMs: 20_000 });
      expectMinimal({ erlangs, ahtMs: AHT, model: 'erlang-a', patienceMs: 300_000, maxAbandonment: 0.01 });
    }
  });

  it('the occupancy cap binds when the other targets are loose', () => {
    const result = requiredAgents({ erlangs: 100, ahtMs: AHT, maxAsaMs: 60_000, maxOccupancy: 0.85 });
    expect(result.agents).toBe(Math.ceil(100 / 0.85));
    expect(result.limitedBy).toEqual(['occupancy']);
    expect(result.metrics.occupancy).toBeLessThanOrEqual(0.85);
    const a = requiredAgents({ erlangs: 100, ahtMs: AHT, model: 'erlang-a', patienceMs: 300_000, maxOccupancy: 0.9 });
    expect(a.metrics.occupancy).toBeLessThanOrEqual(0.9);
    expect(erlangAMetrics({ agents: a.agents - 1, erlangs: 100, ahtMs: AHT, patienceMs: 300_000 }).occupancy).toBeGreaterThan(0.9);
  });

  it('Erlang C staffing is always above the load (stability)', () => {
    const result = requiredAgents({ erlangs: 30, ahtMs: AHT, maxOccupancy: 1 });
    expect(result.agents).toBe(31);
    expect(result.limitedBy).toContain('stability');
  });

  it('Erlang A with infinite patience is Erlang C: above the load', () => {
    const c = requiredAgents({ erlangs: 50, ahtMs: AHT, maxOccupancy: 0.99 });
    const a = requiredAgents({ erlangs: 50, ahtMs: AHT, model: 'erlang-a', patienceMs: Infinity, maxOccupancy: 0.99 });
    expect(a.agents).toBe(c.agents);
    expect(a.limitedBy).toEqual(c.limitedBy);
    expect(requiredAgents({ erlangs: 50, ahtMs: AHT, model: 'erlang-a', patienceMs: Infinity, maxAbandonment: 0.1 }).agents).toBe(51);
  });

  it('unreachable targets throw a typed error instead of searching forever', () => {
    expect(() => requiredAgents({ erlangs: 1_000, ahtMs: AHT, maxOccupancy: 1e-9 })).toThrow(InvalidArgumentError);
    expect(() => requiredAgents({ erlangs: 1_000, ahtMs: AHT, maxOccupancy: 1e-9 })).toThrow(/at most 2000000000 agents/);
  });

  it('no calls need no agents', () => {
    const result = requiredAgents({ callsPerHour: 0, ahtMs: AHT, serviceLevel: 0.9 });
    expect(result).toMatchObject({ agents: 0, scheduled: 0, limitedBy: [] });
    expect(result.metrics).toMatchObject({ serviceLevel: 1, asaMs: 0, occupancy: 0 });
  });
});

describe('scheduledHeadcount', () => {
  it('rounds up, ignoring floating-point noise', () => {
    expect(scheduledHeadcount(80, 0.2)).toBe(100); // 80 / 0.8 is 100.00000000000001 in doubles
    expect(scheduledHeadcount(70, 0.3)).toBe(100);
    expect(scheduledHeadcount(81, 0.2)).toBe(102);
    expect(scheduledHeadcount(14, 0.3)).toBe(20);
    expect(scheduledHeadcount(0, 0.5)).toBe(0);
    expect(scheduledHeadcount(7, 0)).toBe(7);
  });

  it('is the smallest headcount that leaves enough agents after shrinkage', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 95 }), (agents, percent) => {
        const shrinkage = percent / 100;
        const s = scheduledHeadcount(agents, shrinkage);
        // Exact in integers: s (100 − p) ≥ 100 agents > (s − 1)(100 − p).
        expect(s * (100 - percent)).toBeGreaterThanOrEqual(100 * agents);
        expect((s - 1) * (100 - percent)).toBeLessThan(100 * agents);
      }),
    );
  });
});

describe('staffDay', () => {
  const goal: StaffingGoal = { serviceLevel: 0.8, serviceLevelMs: 20_000, shrinkage: 0.25 };

  it('plans each interval as its own load and adds up the day', () => {
    const calls = [0, 12, 40, 95, 60, 7.5];
    const plan = staffDay({ intervalMs: 1_800_000, calls, ahtMs: 240_000 }, goal);
    expect(plan.intervals).toHaveLength(calls.length);
    plan.intervals.forEach((interval, i) => {
      const erlangs = ((calls[i] as number) * 240_000) / 1_800_000;
      expect(interval).toMatchObject({ index: i, startMs: i * 1_800_000, calls: calls[i], ahtMs: 240_000 });
      expect(interval.erlangs).toBeCloseTo(erlangs, 12);
      const alone = requiredAgents({ erlangs: interval.erlangs, ahtMs: 240_000, ...goal });
      expect(interval.agents).toBe(alone.agents);
      expect(interval.scheduled).toBe(alone.scheduled);
    });
    expect(plan.intervals[0]).toMatchObject({ agents: 0, scheduled: 0 });
    const sum = (f: (i: (typeof plan.intervals)[number]) => number): number => plan.intervals.reduce((s, i) => s + f(i), 0);
    expect(plan.totals.calls).toBe(sum((i) => i.calls));
    expect(plan.totals.agentHours).toBeCloseTo(sum((i) => i.agents) * 0.5, 12);
    expect(plan.totals.scheduledHours).toBeCloseTo(sum((i) => i.scheduled) * 0.5, 12);
    expect(plan.totals.peakAgents).toBe(Math.max(...plan.intervals.map((i) => i.agents)));
    expect(plan.totals.peakScheduled).toBe(Math.max(...plan.intervals.map((i) => i.scheduled)));
    expect(plan.totals.serviceLevel).toBeCloseTo(sum((i) => i.calls * i.metrics.serviceLevel) / plan.totals.calls, 12);
    expect(plan.totals.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(plan.totals.abandonment).toBe(0);
    expect(plan.totals.occupancy).toBeCloseTo(sum((i) => i.erlangs) / sum((i) => i.agents), 12);
  });

  it('takes an AHT per interval and the Erlang A model', () => {
    const plan = staffDay(
      { intervalMs: 900_000, calls: [30, 30, 0], ahtMs: [120_000, 360_000, 200_000] },
      { model: 'erlang-a', patienceMs: 240_000, serviceLevel: 0.8, maxAbandonment: 0.03 },
    );
    const [short, long, empty] = plan.intervals;
    expect(long?.agents).toBeGreaterThan(short?.agents as number);
    expect(long?.erlangs).toBeCloseTo(12, 12);
    expect(empty?.agents).toBe(0);
    expect(plan.totals.abandonment).toBeLessThanOrEqual(0.03);
    expect(plan.totals.abandonment).toBeGreaterThan(0);
    expect(plan.totals.agentHours).toBeCloseTo(((short?.agents as number) + (long?.agents as number)) / 4, 12);
    for (const interval of plan.intervals) expect(interval.metrics.model).toBe('erlang-a');
  });

  it('an empty forecast is an empty plan', () => {
    const plan = staffDay({ intervalMs: 900_000, calls: [], ahtMs: AHT }, goal);
    expect(plan.intervals).toEqual([]);
    expect(plan.totals).toMatchObject({ calls: 0, agentHours: 0, serviceLevel: 1, asaMs: 0, occupancy: 0 });
  });
});

describe('bad input', () => {
  const bad = <T>(value: unknown): T => value as T;
  const base = { erlangs: 10, ahtMs: AHT };
  it.each([
    ['no target', () => requiredAgents(base)],
    ['service level 1', () => requiredAgents({ ...base, serviceLevel: 1 })],
    ['service level 0', () => requiredAgents({ ...base, serviceLevel: 0 })],
    ['service level 80 (percent)', () => requiredAgents({ ...base, serviceLevel: 80 })],
    ['max ASA 0', () => requiredAgents({ ...base, maxAsaMs: 0 })],
    ['occupancy 1.2', () => requiredAgents({ ...base, maxOccupancy: 1.2 })],
    ['abandonment under Erlang C', () => requiredAgents({ ...base, maxAbandonment: 0.05 })],
    ['Erlang A without patience', () => requiredAgents({ ...base, model: 'erlang-a', serviceLevel: 0.8 })],
    ['unknown model', () => requiredAgents({ ...base, model: bad('erlang-x'), serviceLevel: 0.8 })],
    ['unknown basis', () => requiredAgents({ ...base, serviceLevel: 0.8, serviceLevelOf: bad('all') })],
    ['shrinkage 1', () => requiredAgents({ ...base, serviceLevel: 0.8, shrinkage: 1 })],
    ['negative erlangs', () => requiredAgents({ erlangs: -1, ahtMs: AHT, serviceLevel: 0.8 })],
    ['input null', () => requiredAgents(bad(null))],
    ['headcount of −1', () => scheduledHeadcount(-1, 0.1)],
    ['headcount shrinkage NaN', () => scheduledHeadcount(5, Number.NaN)],
    ['day: calls not an array', () => staffDay(bad({ intervalMs: 900_000, calls: 5, ahtMs: AHT }), { serviceLevel: 0.8 })],
    ['day: negative calls', () => staffDay({ intervalMs: 900_000, calls: [3, -1], ahtMs: AHT }, { serviceLevel: 0.8 })],
    ['day: AHT list too short', () => staffDay({ intervalMs: 900_000, calls: [3, 4], ahtMs: [AHT] }, { serviceLevel: 0.8 })],
    ['day: interval 0', () => staffDay({ intervalMs: 0, calls: [3], ahtMs: AHT }, { serviceLevel: 0.8 })],
    ['day: options missing', () => staffDay({ intervalMs: 900_000, calls: [3], ahtMs: AHT }, bad(undefined))],
  ])('%s: InvalidArgumentError', (_label, act) => {
    expect(act).toThrow(InvalidArgumentError);
  });

  it('anything a JavaScript caller may pass either solves or throws InvalidArgumentError', () => {
    const anyValue = fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 2_000 }),
      fc.constantFrom(undefined, null, 'x', true, Infinity, -Infinity, 0, 1, 0.5, [], {}),
    );
    const input = fc.record(
      {
        erlangs: anyValue,
        callsPerHour: anyValue,
        ahtMs: anyValue,
        serviceLevel: anyValue,
        serviceLevelMs: anyValue,
        serviceLevelOf: fc.constantFrom('offered', 'answered', 'x', undefined),
        maxAsaMs: anyValue,
        maxAbandonment: anyValue,
        maxOccupancy: anyValue,
        model: fc.constantFrom('erlang-c', 'erlang-a', 'x', undefined),
        patienceMs: anyValue,
        shrinkage: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (raw) => {
        try {
          const result = requiredAgents(raw as unknown as RequiredAgentsInput);
          expect(Number.isSafeInteger(result.agents)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          expect((error as AcdError).code).toBe('INVALID_ARGUMENT');
        }
      }),
      { numRuns: 400 },
    );
  });
});
