import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/model/errors.js';
import { erlangAMetrics, erlangB, erlangC, erlangCMetrics, type ErlangAMetrics } from '../src/staffing/erlang.js';

/**
 * The reference: the same chains computed independently with decimal.js at 60 significant
 * digits (more where a formula cancels), by different formulas where there are any:
 *
 * - states summed upward from π_0 = 1 (a^k / k!), where the float code walks down from π_n;
 * - Erlang A abandonment from flow balance, 1 − (mean busy agents) / a, where the float code
 *   uses (mean queue) × θ / λ;
 * - Erlang A service level and ASA of answered calls per queue position either by the
 *   hypoexponential partial fractions of the m+1 phases (`'phases'`: no Beta identity, exact
 *   because the alternating sums run at enough digits), or by the negative binomial's lower
 *   cdf, 1 − P(NB ≤ m) (`'negative-binomial'`: same identity as the float code, different
 *   summation, for sizes where the partial fractions are too slow).
 */
const D60 = Decimal.clone({ precision: 60 });

interface ErlangCReference {
  readonly b: number;
  readonly c: number;
  readonly serviceLevel: number;
  readonly asaMs: number;
}

function referenceErlangC(n: number, a: number, ahtMs: number, serviceLevelMs: number): ErlangCReference {
  const load = new D60(a);
  let term = new D60(1);
  let below = new D60(0); // Σ_{k<n} a^k / k!
  for (let k = 1; k <= n; k++) {
    below = below.plus(term);
    term = term.times(load).dividedBy(k);
  }
  const spare = new D60(n).minus(load);
  const top = term.times(n).dividedBy(spare);
  const c = top.dividedBy(below.plus(top));
  const decay = spare.times(serviceLevelMs).dividedBy(ahtMs).negated().exp();
  return {
    b: term.dividedBy(below.plus(term)).toNumber(),
    c: c.toNumber(),
    serviceLevel: new D60(1).minus(c.times(decay)).toNumber(),
    asaMs: c.times(ahtMs).dividedBy(spare).toNumber(),
  };
}

type Method = 'phases' | 'negative-binomial';
type ErlangAReference = Pick<
  ErlangAMetrics,
  'probabilityOfWait' | 'abandonment' | 'serviceLevel' | 'serviceLevelOfAnswered' | 'asaMs' | 'meanWaitMs' | 'occupancy'
>;

function referenceErlangA(n: number, a: number, ahtMs: number, patienceMs: number, serviceLevelMs: number, method: Method): ErlangAReference {
  const load = new D60(a);
  const gamma = new D60(ahtMs).dividedBy(patienceMs); // θ / μ
  const tau = new D60(serviceLevelMs).dividedBy(ahtMs); // T μ
  let idle = new D60(0);
  let busy = new D60(0);
  let term = new D60(1);
  for (let k = 0; k < n; k++) {
    idle = idle.plus(term);
    busy = busy.plus(term.times(k));
    term = term.times(load).dividedBy(k + 1);
  }
  const queue: Decimal[] = []; // π_{n+m}, unnormalised
  let total = idle;
  for (let m = 0; ; m++) {
    queue.push(term);
    total = total.plus(term);
    const next = term.times(load).dividedBy(gamma.times(m + 1).plus(n));
    if (next.lessThan(term) && next.lessThan(total.times('1e-45'))) break;
    term = next;
  }
  const waiting = queue.reduce((s, x) => s.plus(x), new D60(0));
  const queued = queue.reduce((s, x, m) => s.plus(x.times(m)), new D60(0));
  busy = busy.plus(waiting.times(n));
  const served = (m: number): Decimal => new D60(n).dividedBy(gamma.times(m + 1).plus(n)); // P(answered | m ahead)
  let within = new D60(0); // Σ π_{n+m} P(answered within T | m)
  let wait = new D60(0); // Σ π_{n+m} E[W; answered | m], in AHTs
  let answeredLate = new D60(0);
  if (method === 'phases') {
    // Phases r_k = n + kγ (k = 0 … m), own patience γ: f_D(s) = Σ A_k e^{−r_k s}, A_k = P_m (−1)^k / (γ^m k! (m−k)!).
    // P(D ≤ T, D < patience) = Σ A_k (1 − e^{−(r_k+γ)T}) / (r_k+γ); E[D; D < patience] = Σ A_k / (r_k+γ)².
    const negligible = total.times('1e-32');
    const last = queue.reduce((acc, x, m) => (x.lessThan(negligible) ? acc : m), 0);
    const g = ahtMs / patienceMs;
    let digits = 50 + Math.log10(Math.max(1, n));
    for (let j = 1; j <= last; j++) digits += Math.log10((2 * (n / g + j)) / j);
    const DP = Decimal.clone({ precision: Math.ceil(digits) });
    const gp = new DP(ahtMs).dividedBy(patienceMs);
    const tp = new DP(serviceLevelMs).dividedBy(ahtMs);
    const invFactorial: Decimal[] = [new DP(1)];
    for (let j = 1; j <= last; j++) invFactorial.push((invFactorial[j - 1] as Decimal).dividedBy(j));
    const cdfPart: Decimal[] = [];
    const meanPart: Decimal[] = [];
    const step = gp.times(tp).negated().exp();
    let decay = gp.plus(n).times(tp).negated().exp();
    for (let k = 0; k <= last; k++) {
      const inverse = new DP(1).dividedBy(gp.times(k + 1).plus(n));
      cdfPart.push(new DP(1).minus(decay).times(inverse));
      meanPart.push(inverse.times(inverse));
      decay = decay.times(step);
    }
    let scale = new DP(n); // P_m / γ^m
    for (let m = 0; m <= last; m++) {
      if (m > 0) scale = scale.times(gp.times(m).plus(n)).dividedBy(gp);
      const weight = queue[m] as Decimal;
      answeredLate = answeredLate.plus(weight.times(served(m)));
      if (weight.lessThan(negligible)) continue;
      let cdf = new DP(0);
      let mean = new DP(0);
      for (let k = 0; k <= m; k++) {
        let coefficient = (invFactorial[k] as Decimal).times(invFactorial[m - k] as Decimal);
        if (k % 2 === 1) coefficient = coefficient.negated();
        cdf = cdf.plus(coefficient.times(cdfPart[k] as Decimal));
        mean = mean.plus(coefficient.times(meanPart[k] as Decimal));
      }
      within = within.plus(weight.times(new D60(cdf.times(scale))));
      wait = wait.plus(weight.times(new D60(mean.times(scale))));
    }
    for (let m = last + 1; m < queue.length; m++) answeredLate = answeredLate.plus((queue[m] as Decimal).times(served(m)));
  } else {
    const x = new D60(1).minus(gamma.times(tau).negated().exp());
    const beta = new D60(n).dividedBy(gamma).plus(1);
    let q = beta.times(gamma).times(tau).negated().exp(); // q_0 = (1 − x)^β
    let cdf = q; // P(NB ≤ m)
    let h = new D60(0); // Σ_{k=1..m+1} 1 / (n + kγ)
    queue.forEach((weight, m) => {
      const s = served(m);
      h = h.plus(new D60(1).dividedBy(gamma.times(m + 1).plus(n)));
      within = within.plus(weight.times(s).times(new D60(1).minus(cdf)));
      wait = wait.plus(weight.times(s).times(h));
      answeredLate = answeredLate.plus(weight.times(s));
      q = q.times(x).times(beta.plus(m)).dividedBy(m + 1);
      cdf = cdf.plus(q);
    });
  }
  const answered = idle.plus(answeredLate);
  return {
    probabilityOfWait: waiting.dividedBy(total).toNumber(),
    abandonment: new D60(1).minus(busy.dividedBy(total).dividedBy(load)).toNumber(),
    serviceLevel: idle.plus(within).dividedBy(total).toNumber(),
    serviceLevelOfAnswered: idle.plus(within).dividedBy(answered).toNumber(),
    asaMs: wait.times(ahtMs).dividedBy(answered).toNumber(),
    meanWaitMs: queued.dividedBy(total).times(ahtMs).dividedBy(load).toNumber(),
    occupancy: busy.dividedBy(total).dividedBy(n).toNumber(),
  };
}

const relativeError = (value: number, reference: number): number => Math.abs(value - reference) / Math.abs(reference);

function expectClose(label: string, value: number, reference: number, tolerance = 1e-12): void {
  expect(Number.isFinite(value), `${label} = ${value}`).toBe(true);
  expect(relativeError(value, reference), `${label}: ${value} vs ${reference}`).toBeLessThanOrEqual(tolerance);
}

const AHT = 180_000;
const A_KEYS = ['probabilityOfWait', 'abandonment', 'serviceLevel', 'serviceLevelOfAnswered', 'asaMs', 'meanWaitMs', 'occupancy'] as const;

describe('Erlang B and C: exact to 1e-12 against the 60-digit reference', () => {
  const cases: Array<[agents: number, erlangs: number, serviceLevelMs: number]> = [
    [1, 0.5, 20_000],
    [2, 1.7, 20_000],
    [5, 3, 20_000],
    [5, 4.9, 60_000],
    [50, 40, 20_000],
    [50, 48, 20_000],
    [50, 49.5, 5_000],
    [100, 80, 20_000],
    [100, 95, 20_000],
    [100, 99.5, 30_000],
    [1_000, 980, 20_000],
    [1_000, 999, 20_000],
    [10_000, 9_900, 20_000],
    [10_000, 9_990, 20_000],
    [10_000, 9_999.5, 20_000],
  ];
  it.each(cases)('%i agents, %d erlangs, threshold %i ms', (agents, erlangs, serviceLevelMs) => {
    const reference = referenceErlangC(agents, erlangs, AHT, serviceLevelMs);
    const metrics = erlangCMetrics({ agents, erlangs, ahtMs: AHT, serviceLevelMs });
    expectClose('erlangB', erlangB(agents, erlangs), reference.b);
    expectClose('erlangC', erlangC(agents, erlangs), reference.c);
    expectClose('probabilityOfWait', metrics.probabilityOfWait, reference.c);
    expectClose('serviceLevel', metrics.serviceLevel, reference.serviceLevel);
    expectClose('asaMs', metrics.asaMs, reference.asaMs);
    expect(metrics.occupancy).toBe(erlangs / agents);
  });
});

describe('Erlang A: exact to 1e-12 against the 60-digit reference', () => {
  const check = (agents: number, erlangs: number, patienceMs: number, serviceLevelMs: number, method: Method): void => {
    const reference = referenceErlangA(agents, erlangs, AHT, patienceMs, serviceLevelMs, method);
    const metrics = erlangAMetrics({ agents, erlangs, ahtMs: AHT, patienceMs, serviceLevelMs });
    for (const key of A_KEYS) expectClose(key, metrics[key], reference[key]);
  };

  it.each([
    [1, 0.5, 300_000, 20_000],
    [2, 1.7, 300_000, 20_000],
    [5, 4.9, 120_000, 20_000],
    [5, 7, 300_000, 20_000], // overloaded: stable all the same
    [5, 4, 60_000, 90_000], // threshold beyond the mean patience
    [20, 19.5, 300_000, 20_000],
  ])('%i agents, %d erlangs, patience %i ms, threshold %i ms (partial fractions of the phases)', (n, a, patienceMs, t) => {
    check(n, a, patienceMs, t, 'phases');
  });

  it.each([
    [50, 48, 300_000, 20_000],
    [100, 95, 300_000, 20_000],
    [100, 100, 300_000, 20_000],
    [100, 99.5, 1_800_000, 20_000],
    [100, 130, 60_000, 20_000],
    [100, 80, 300_000, 0],
    [1_000, 1_000, 300_000, 20_000],
    [10_000, 9_990, 300_000, 20_000],
    [10_000, 10_100, 300_000, 20_000],
    [10_000, 10_000, 600_000, 5_000],
  ])('%i agents, %d erlangs, patience %i ms, threshold %i ms (negative binomial)', (n, a, patienceMs, t) => {
    check(n, a, patienceMs, t, 'negative-binomial');
  });

  it('the two reference formulations agree (the Beta identity behind the service level)', () => {
    for (const [n, a, patienceMs, t] of [
      [3, 2.5, 200_000, 20_000],
      [8, 9, 90_000, 45_000],
    ] as const) {
      const phases = referenceErlangA(n, a, AHT, patienceMs, t, 'phases');
      const nb = referenceErlangA(n, a, AHT, patienceMs, t, 'negative-binomial');
      for (const key of A_KEYS) expect(relativeError(phases[key], nb[key]), key).toBeLessThan(1e-15);
    }
  });
});

describe('known values', () => {
  it('Erlang B matches the classic tables and closed forms', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
    expect(erlangB(20, 12)).toBeCloseTo(0.009796, 6); // 20 trunks carry 12 erlangs at 1 % blocking
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15); // (1/2) / (1 + 1 + 1/2)
    expect(erlangB(5, 2)).toBeCloseTo(0.0366972477, 10); // (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 4/15)
  });

  it('Erlang C at one and two agents matches M/M/1 and M/M/2', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.99]) {
      const m = erlangCMetrics({ agents: 1, erlangs: rho, ahtMs: AHT, serviceLevelMs: 20_000 });
      expect(m.probabilityOfWait).toBeCloseTo(rho, 14);
      expect(relativeError(m.serviceLevel, 1 - rho * Math.exp((-(1 - rho) * 20_000) / AHT))).toBeLessThan(1e-14);
      expect(relativeError(m.asaMs, (rho * AHT) / (1 - rho))).toBeLessThan(1e-14);
      const a = 2 * rho;
      expect(relativeError(erlangC(2, a), (a * a) / (2 + a))).toBeLessThan(1e-14);
    }
  });

  // The step-by-step Erlang C example of the call-center literature; figures from its closed forms.
  it('the worked example: 360 calls per half hour, 4-minute calls, 55 agents, 15 s', () => {
    const m = erlangCMetrics({ agents: 55, callsPerHour: 720, ahtMs: 240_000, serviceLevelMs: 15_000 });
    expect(m.erlangs).toBe(48);
    expect(m.occupancy).toBeCloseTo(0.8727, 4);
    expect(m.probabilityOfWait).toBeCloseTo(0.2387, 4);
    expect(m.asaMs / 1000).toBeCloseTo(8.18, 2);
    expect(m.serviceLevel).toBeCloseTo(0.8459, 4);
  });

  it('80/20 at 200 calls an hour and 3-minute calls: 14 agents give 88.8 %, 13 give less than 80 %', () => {
    const at = (agents: number) => erlangCMetrics({ agents, callsPerHour: 200, ahtMs: 180_000 });
    expect(at(14).probabilityOfWait).toBeCloseTo(0.1741, 4);
    expect(at(14).serviceLevel).toBeCloseTo(0.8884, 4);
    expect(at(14).asaMs / 1000).toBeCloseTo(7.84, 2);
    expect(at(13).serviceLevel).toBeLessThan(0.8);
  });

  it('Erlang A with patience equal to the AHT is M/M/∞: calls in the system are Poisson(a)', () => {
    for (const [n, a] of [
      [3, 2],
      [10, 12],
      [40, 35.5],
    ] as const) {
      const m = erlangAMetrics({ agents: n, erlangs: a, ahtMs: AHT, patienceMs: AHT });
      let pmf = Math.exp(-a);
      let below = 0; // P(N < n)
      let busy = 0; // E[min(N, n)]
      for (let k = 0; k < n; k++) {
        below += pmf;
        busy += k * pmf;
        pmf *= a / (k + 1);
      }
      busy += n * (1 - below);
      expect(relativeError(m.probabilityOfWait, 1 - below)).toBeLessThan(1e-12);
      expect(relativeError(m.occupancy, busy / n)).toBeLessThan(1e-12);
      expect(relativeError(m.abandonment, 1 - busy / a)).toBeLessThan(1e-12);
    }
  });
});

describe('stability at scale', () => {
  const probabilities = (m: object): number[] =>
    ['probabilityOfWait', 'abandonment', 'serviceLevel', 'serviceLevelOfAnswered', 'occupancy'].flatMap((k) => {
      const value: unknown = (m as Record<string, unknown>)[k];
      return typeof value === 'number' ? [value] : [];
    });
  const sizes: Array<[agents: number, erlangs: number]> = [
    [10_000, 10_000],
    [10_000, 9_999.999],
    [10_000, 9_000],
    [10_000, 12_000],
    [10_000, 1],
    [1, 10_000],
    [50_000, 50_000],
    [50_000, 49_900],
    [50_000, 49_999.5],
    [50_000, 45_000],
    [50_000, 10],
    [50_000, 60_000],
    [100_000, 99_500],
  ];
  it.each(sizes)('%i agents, %d erlangs: every figure finite, probabilities in [0, 1]', (agents, erlangs) => {
    const b = erlangB(agents, erlangs);
    const c = erlangCMetrics({ agents, erlangs, ahtMs: AHT });
    const a = erlangAMetrics({ agents, erlangs, ahtMs: AHT, patienceMs: 300_000 });
    for (const p of [b, ...probabilities(c), ...probabilities(a)]) {
      expect(Number.isNaN(p)).toBe(false);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(b).toBeLessThanOrEqual(c.probabilityOfWait * (1 + 1e-14));
    if (c.stable) expect(Number.isFinite(c.asaMs)).toBe(true);
    else expect(c).toMatchObject({ probabilityOfWait: 1, serviceLevel: 0, asaMs: Infinity });
    expect(Number.isFinite(a.asaMs) && Number.isFinite(a.meanWaitMs)).toBe(true);
    expect(relativeError(a.occupancy * agents, erlangs * (1 - a.abandonment))).toBeLessThan(1e-10);
  });

  it('a large load near the agents is not rounded to 0 or 1', () => {
    const c = erlangC(50_000, 49_900);
    expect(c).toBeGreaterThan(0.01);
    expect(c).toBeLessThan(0.99);
    expect(erlangB(50_000, 50_000)).toBeCloseTo(Math.sqrt(2 / (Math.PI * 50_000)), 4);
  });
});

describe('properties', () => {
  const load = fc.record({
    agents: fc.integer({ min: 1, max: 300 }),
    share: fc.double({ min: 0.05, max: 1.6, noNaN: true }),
    patienceMs: fc.double({ min: 5_000, max: 3_600_000, noNaN: true }),
    serviceLevelMs: fc.double({ min: 0, max: 300_000, noNaN: true }),
  });

  it('the service level never falls when an agent is added (C and A)', () => {
    fc.assert(
      fc.property(load, ({ agents, share, patienceMs, serviceLevelMs }) => {
        const erlangs = agents * share;
        const base = { erlangs, ahtMs: AHT, serviceLevelMs };
        const c0 = erlangCMetrics({ ...base, agents });
        const c1 = erlangCMetrics({ ...base, agents: agents + 1 });
        expect(c1.serviceLevel).toBeGreaterThanOrEqual(c0.serviceLevel * (1 - 1e-13));
        const a0 = erlangAMetrics({ ...base, agents, patienceMs });
        const a1 = erlangAMetrics({ ...base, agents: agents + 1, patienceMs });
        expect(a1.serviceLevel).toBeGreaterThanOrEqual(a0.serviceLevel * (1 - 1e-13));
        expect(a1.serviceLevelOfAnswered).toBeGreaterThanOrEqual(a0.serviceLevelOfAnswered * (1 - 1e-13));
        expect(a1.abandonment).toBeLessThanOrEqual(a0.abandonment * (1 + 1e-13));
        expect(a1.asaMs).toBeLessThanOrEqual(a0.asaMs * (1 + 1e-13));
      }),
      { numRuns: 150 },
    );
  });

  it('Erlang A tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), (agents, occupancy) => {
        const base = { agents, erlangs: agents * occupancy, ahtMs: AHT, serviceLevelMs: 20_000 };
        const c = erlangCMetrics(base);
        const a = erlangAMetrics({ ...base, patienceMs: AHT * 1e9 });
        expect(a.probabilityOfWait).toBeCloseTo(c.probabilityOfWait, 5);
        expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
        expect(a.abandonment).toBeLessThan(1e-4);
        expect(relativeError(a.asaMs, c.asaMs)).toBeLessThan(1e-3);
      }),
      { numRuns: 60 },
    );
  });

  it('Erlang A figures are probabilities that balance: answered + abandoned = offered', () => {
    fc.assert(
      fc.property(load, ({ agents, share, patienceMs, serviceLevelMs }) => {
        const erlangs = agents * share;
        const a = erlangAMetrics({ agents, erlangs, ahtMs: AHT, patienceMs, serviceLevelMs });
        for (const p of [a.probabilityOfWait, a.abandonment, a.serviceLevel, a.serviceLevelOfAnswered, a.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(a.serviceLevel).toBeLessThanOrEqual(1 - a.abandonment + 1e-12);
        expect(relativeError(a.occupancy * agents, erlangs * (1 - a.abandonment))).toBeLessThan(1e-11);
        expect(relativeError(a.meanWaitMs, a.abandonment * patienceMs)).toBeLessThan(1e-11);
      }),
      { numRuns: 150 },
    );
  });

  it('Erlang B never exceeds Erlang C (beyond rounding: they meet as the load vanishes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.double({ min: 0, max: 3_000, noNaN: true }), (agents, erlangs) => {
        fc.pre(agents > 0 || erlangs > 0); // B(0, 0) = 1 by the recursion's convention, C(0, 0) = 0: no load, no wait
        expect(erlangB(agents, erlangs)).toBeLessThanOrEqual(erlangC(agents, erlangs) * (1 + 1e-14));
      }),
      { numRuns: 200 },
    );
  });
});

describe('edge cases and bad input', () => {
  it('no load, no agents, infinite patience', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangC(3, 0)).toBe(0);
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangCMetrics({ agents: 0, erlangs: 0, ahtMs: AHT })).toMatchObject({ stable: true, probabilityOfWait: 0, serviceLevel: 1, asaMs: 0, occupancy: 0 });
    expect(erlangCMetrics({ agents: 0, erlangs: 2, ahtMs: AHT })).toMatchObject({ stable: false, probabilityOfWait: 1, serviceLevel: 0, asaMs: Infinity, occupancy: 0 });
    expect(erlangAMetrics({ agents: 0, erlangs: 2, ahtMs: AHT, patienceMs: 60_000 })).toMatchObject({
      probabilityOfWait: 1,
      abandonment: 1,
      serviceLevel: 0,
      asaMs: Infinity,
      meanWaitMs: 60_000,
    });
    const c = erlangCMetrics({ agents: 12, erlangs: 10, ahtMs: AHT });
    const a = erlangAMetrics({ agents: 12, erlangs: 10, ahtMs: AHT, patienceMs: Infinity });
    expect(a).toMatchObject({ probabilityOfWait: c.probabilityOfWait, serviceLevel: c.serviceLevel, asaMs: c.asaMs, abandonment: 0 });
    expect(erlangCMetrics({ agents: 12, callsPerHour: 200, ahtMs: AHT }).probabilityOfWait).toBe(c.probabilityOfWait);
    expect(c.serviceLevelMs).toBe(20_000);
  });

  it('a threshold of 0 gives the share answered at once', () => {
    const c = erlangCMetrics({ agents: 12, erlangs: 10, ahtMs: AHT, serviceLevelMs: 0 });
    expect(c.serviceLevel).toBeCloseTo(1 - c.probabilityOfWait, 15);
    const a = erlangAMetrics({ agents: 12, erlangs: 10, ahtMs: AHT, patienceMs: 60_000, serviceLevelMs: 0 });
    expect(a.serviceLevel).toBeCloseTo(1 - a.probabilityOfWait, 15);
  });

  const bad = <T>(value: unknown): T => value as T;
  it.each([
    ['erlangB agents −1', () => erlangB(-1, 2)],
    ['erlangB agents 1.5', () => erlangB(1.5, 2)],
    ['erlangB erlangs NaN', () => erlangB(2, Number.NaN)],
    ['erlangC erlangs Infinity', () => erlangC(2, Infinity)],
    ['erlangC agents string', () => erlangC(bad('3'), 2)],
    ['metrics not an object', () => erlangCMetrics(bad(null))],
    ['metrics both loads', () => erlangCMetrics({ agents: 3, erlangs: 2, callsPerHour: 40, ahtMs: AHT })],
    ['metrics no load', () => erlangCMetrics({ agents: 3, ahtMs: AHT })],
    ['metrics ahtMs 0', () => erlangCMetrics({ agents: 3, erlangs: 2, ahtMs: 0 })],
    ['metrics serviceLevelMs −1', () => erlangCMetrics({ agents: 3, erlangs: 2, ahtMs: AHT, serviceLevelMs: -1 })],
    ['metrics callsPerHour −5', () => erlangCMetrics({ agents: 3, callsPerHour: -5, ahtMs: AHT })],
    ['Erlang A without patience', () => erlangAMetrics(bad({ agents: 3, erlangs: 2, ahtMs: AHT }))],
    ['Erlang A patience 0', () => erlangAMetrics({ agents: 3, erlangs: 2, ahtMs: AHT, patienceMs: 0 })],
    ['Erlang A patience NaN', () => erlangAMetrics({ agents: 3, erlangs: 2, ahtMs: AHT, patienceMs: Number.NaN })],
    ['more than 2e9 agents', () => erlangC(2_000_000_001, 2)],
    ['more than 1e9 erlangs', () => erlangB(2, 1.5e9)],
    ['a load beyond 1e9 erlangs by calls', () => erlangCMetrics({ agents: 3, callsPerHour: 1e12, ahtMs: 3_600_000 })],
    // 10^6 erlangs on 1,000 agents whose callers wait 100 AHTs: ~10^8 callers in line, more than Erlang A sums.
    ['Erlang A beyond its exact range', () => erlangAMetrics({ agents: 1_000, erlangs: 1e6, ahtMs: AHT, patienceMs: 100 * AHT })],
  ])('%s: InvalidArgumentError', (_label, act) => {
    let caught: unknown;
    try {
      act();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).code).toBe('INVALID_ARGUMENT');
    expect((caught as Error).message).toMatch(/^Expected /);
  });
});
