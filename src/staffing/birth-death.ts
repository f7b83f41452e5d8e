/**
 * The birth-death chain of a queue with `n` agents, offered load `a` erlangs and (Erlang A)
 * abandonment, summed exactly in floating point. Internal to the staffing module.
 *
 * Every stationary probability is taken relative to π_n (all agents busy, nobody waiting):
 *
 * - below n: t_j = π_{n−j} / π_n = n (n−1) ⋯ (n−j+1) / a^j, j = 1 … n, built by the product
 *   recursion t_j = t_{j−1} · (n−j+1) / a, starting at state n and walking down;
 * - above n (Erlang A, γ = θ/μ = AHT / mean patience): w_m = π_{n+m} / π_n =
 *   ∏_{i=1..m} a / (n + iγ), m ≥ 0.
 *
 * No factorial or power is ever formed. Terms only ever multiply by one ratio, so a term carries
 * a relative error of about √j rounding units, and every sum adds positive terms only.
 *
 * **Truncation.** After the peak each series' ratios fall (k/a, a/(n + mγ)), so its remaining
 * tail is at most term × f / (1 − f), f being the next ratio; a series stops once that bound is
 * below 1e-17 of its sum ({@link TAIL_EPSILON}). Past the mode the terms fall like a Gaussian's
 * (super-geometrically), so a load of a erlangs needs about 9·√a terms past the peak:
 * ~900 at 10,000 erlangs, however many agents there are.
 *
 * **Range.** Sums are kept as mantissa × 2^(500·scale): whenever a term passes 2^500, the term
 * and its sums are multiplied by 2^−500 (exact). A walk below n stops early ("saturated") once
 * its sum passes 2^(500·maxScale): whatever it is compared to is then below the smallest double.
 */

/** Remaining tail, relative to the sum, below which a series stops. */
export const TAIL_EPSILON = 1e-17;

const BIG = 2 ** 500;
const SMALL = 2 ** -500;
const LN2_500 = 500 * Math.LN2;

/** 2^(500·scale) for scale in −3 … 3 (0 below 2^−1500: negligible beside any sum). */
export function scaleFactor(scale: number): number {
  return scale <= -3 ? 0 : 2 ** (500 * scale);
}

/** Sums over the states below n, relative to π_n, times 2^(−500·scale). */
export interface BelowSums {
  /** Σ_{j≥1} t_j: P(fewer than n calls in the system) / π_n. */
  idle: number;
  /** Σ_{j≥1} (n − j)·t_j: E[busy agents; fewer than n calls] / π_n (0 unless asked for). */
  busy: number;
  scale: number;
  /** The walk stopped because its sum passed 2^(500·maxScale): `idle` and `busy` are partial. */
  saturated: boolean;
}

/**
 * Walks the states n−1, n−2, … 0 (n ≥ 1, a > 0). `withBusy` also sums the busy agents.
 * Stops at state 0, when the tail is negligible, or (saturated) when scale reaches `maxScale`.
 */
export function sumBelow(n: number, a: number, withBusy: boolean, maxScale: number): BelowSums {
  let t = 1;
  let idle = 0;
  let busy = 0;
  let scale = 0;
  let f = n / a;
  for (let k = n; k >= 1; k--) {
    t *= f; // t = π_{k−1} / π_n
    idle += t;
    if (withBusy) busy += (k - 1) * t;
    f = (k - 1) / a;
    if (t > BIG) {
      // Only a load below 2^−500 per agent can overflow in one step; the sum is then astronomical.
      if (t === Infinity || ++scale >= maxScale) return { idle, busy, scale: Math.max(scale, maxScale), saturated: true };
      t *= SMALL;
      idle *= SMALL;
      busy *= SMALL;
    } else if (f < 1 && t * f <= TAIL_EPSILON * idle * (1 - f)) {
      break;
    }
  }
  return { idle, busy, scale, saturated: false };
}

/**
 * About how many queue states {@link sumAbove} walks: to the mode (a − n)⁺/γ, then ~9 standard
 * deviations √(a/γ) of a Gaussian-like decay (12 here, to stay above).
 */
export function queueStates(n: number, a: number, gamma: number): number {
  return Math.max(0, a - n) / gamma + 12 * Math.sqrt((a + 1) / gamma) + 100;
}

/** Sums over the states n, n+1, … (callers waiting), relative to π_n, times 2^(−500·scale). */
export interface AboveSums {
  /** Σ_{m≥0} w_m: P(an arrival waits) / π_n. */
  waiting: number;
  /** Σ m·w_m: E[callers waiting] / π_n. */
  queued: number;
  /** Σ w_m·s_m, s_m = n / (n + (m+1)γ) = P(answered | m waiting ahead): P(waits, then answered) / π_n. */
  answered: number;
  /** Σ w_m·s_m·h_m, h_m = Σ_{k=1..m+1} 1 / (n + kγ): E[wait × answered] / (π_n · AHT). */
  answeredWait: number;
  /** Σ w_m·s_m·P(D'_m ≤ T): P(waits, answered within T) / π_n (see {@link sumAbove}). */
  answeredWithin: number;
  scale: number;
}

/**
 * Walks the states n, n+1, … of Erlang A (n ≥ 1, a > 0, γ > 0) until the tail is negligible,
 * summing what {@link AboveSums} lists.
 *
 * `thresholdOverAht` = T / AHT and `thresholdOverPatience` = T / mean patience give the service
 * level's threshold T. An arrival finding m callers waiting is answered after m+1 phases of rates
 * nμ + kθ (k = m … 0) unless its own patience Exp(θ) runs out first. Tilting each phase by the
 * patience (E[e^{−θX}; X ∈ ds] for X ~ Exp(r) is r/(r+θ) times an Exp(r+θ) density) gives
 *
 *   P(answered within T | m) = s_m · P(D'_m ≤ T),  D'_m = Σ_{k=1..m+1} Exp(nμ + kθ),
 *
 * and a sum of exponentials with rates in arithmetic progression c + kθ has a Beta law:
 * 1 − e^{−θD'_m} ~ Beta(m+1, β), β = c/θ + 1 = n/γ + 1. With x = 1 − e^{−θT}, the Beta–negative
 * binomial identity turns that into a tail of positive terms:
 *
 *   P(D'_m ≤ T) = I_x(m+1, β) = P(NB ≥ m+1),  NB ~ NegBin(β, x): q_j = Γ(β+j)/(Γ(β) j!) x^j (1−x)^β.
 *
 * Swapping the sums, Σ_m w_m s_m P(NB ≥ m+1) = Σ_{j≥1} q_j G_j with G_j = Σ_{m<j} w_m s_m:
 * positive terms only, summed in the same walk (q_j by q_j = q_{j−1} · x (β+j−1) / j, scaled like
 * the w_m). When the walk ends at m = M, the rest is G_∞ · P(NB > M+1). When P(NB ≤ M+1) is
 * ½ or more, the q_j walk goes on until its own tail is negligible and is normalised by its sum,
 * so q_0's rounding does not enter at all; otherwise (or if that tail would take more than
 * 10·M + 10^6 steps) P(NB > M+1) = 1 − P(NB ≤ M+1) with q_0 = e^{−βθT}, whose exponent carries
 * a relative error of a few units in the last place of (nT/AHT) — the conditioning of the answer
 * itself to the last bit of T.
 *
 * Cost: one step per queue state, about (a − n)⁺/γ + 9·√(a/γ) of them (see {@link queueStates}).
 */
export function sumAbove(n: number, a: number, gamma: number, thresholdOverAht: number, thresholdOverPatience: number): AboveSums {
  const beta = n / gamma + 1;
  const x = -Math.expm1(-thresholdOverPatience);
  let w = 1;
  let wScale = 0;
  let waiting = 0;
  let queued = 0;
  let answered = 0;
  let answeredWait = 0;
  let h = 0;
  // Negative binomial walk, relative to q_0 and scaled by 2^(−500·qScale).
  let q = 1;
  let qScale = 0;
  let qSum = 1;
  let within = 0; // Σ q_j G_j, scaled by both scales
  let m = 0;
  for (; ; m++) {
    const d = n + (m + 1) * gamma; // (nμ + (m+1)θ) / μ
    h += 1 / d;
    const g = (w * n) / d;
    waiting += w;
    queued += m * w;
    answered += g;
    answeredWait += g * h;
    q *= (x * (beta + m)) / (m + 1); // q_{m+1}
    qSum += q;
    within += q * answered; // q_{m+1} · G_{m+1}
    const f = a / d; // w_{m+1} = w_m · a / (n + (m+1)γ)
    const tail = f < 1 ? (w * f) / (1 - f) : Infinity;
    if (tail <= TAIL_EPSILON * waiting && tail * (m + 1 / (1 - f)) <= TAIL_EPSILON * queued) break;
    w *= f;
    if (w > BIG) {
      w *= SMALL;
      waiting *= SMALL;
      queued *= SMALL;
      answered *= SMALL;
      answeredWait *= SMALL;
      within *= SMALL;
      wScale++;
    }
    if (q > BIG) {
      q *= SMALL;
      qSum *= SMALL;
      within *= SMALL;
      qScale++;
    }
  }
  // The walk added q_0 … q_{M+1} (M = m). What remains is G_∞ · P(NB > M+1).
  const unit = (): number => Math.exp(qScale * LN2_500 - (n * thresholdOverAht + thresholdOverPatience)); // q_0 · 2^(500·qScale)
  let answeredWithin: number | undefined;
  if (qSum * unit() >= 0.5) {
    // Most of the negative binomial is behind: walk its tail too and normalise by the whole sum.
    const limit = 10 * m + 1_000_000;
    for (let j = m + 2; j < limit; j++) {
      q *= (x * (beta + j - 1)) / j;
      qSum += q;
      within += q * answered;
      if (q > BIG) {
        q *= SMALL;
        qSum *= SMALL;
        within *= SMALL;
        qScale++;
      } else {
        const next = (x * (beta + j)) / (j + 1); // the ratios fall once below 1: a geometric bound of the tail
        if (next < 1 && q * next <= TAIL_EPSILON * qSum * (1 - next)) {
          answeredWithin = within / qSum;
          break;
        }
      }
    }
  }
  // Else (or if that tail is too long), the rest from q_0: P(NB > J) = 1 − P(NB ≤ J).
  answeredWithin ??= within * unit() + answered * Math.max(0, 1 - qSum * unit());
  return { waiting, queued, answered, answeredWait, answeredWithin, scale: wScale };
}
