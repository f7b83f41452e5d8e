import type { QueueFigures } from '../model/stats.js';
import { WaitHistogram } from './wait-histogram.js';

/** The counters behind {@link QueueFigures} for one queue over one period. */
export class Tally {
  entered = 0;
  refused = 0;
  offers = 0;
  answered = 0;
  answeredInThreshold = 0;
  abandoned = 0;
  abandonedInThreshold = 0;
  shortAbandons = 0;
  timedOut = 0;
  overflowedIn = 0;
  overflowedOut = 0;
  transferredIn = 0;
  transferredOut = 0;
  withdrawn = 0;
  escalations = 0;
  escalatedCalls = 0;
  callbacksRequested = 0;
  callbacksDialled = 0;
  callbacksFailed = 0;
  completed = 0;
  outcomes = 0;
  resolved = 0;
  repeatContacts = 0;
  surveys = 0;
  surveyScoreSum = 0;
  waitSumMs = 0;
  abandonWaitSumMs = 0;
  talkTimeMs = 0;
  wrapUpTimeMs = 0;
  readonly waits = new WaitHistogram();

  /** Adds another tally (the center's figures are the sum of its queues'). */
  add(other: Tally): void {
    for (const key of COUNTERS) this[key] += other[key];
    this.waits.merge(other.waits);
  }
}

type Counter = { [K in keyof Tally]: Tally[K] extends number ? K : never }[keyof Tally];

const COUNTERS: readonly Counter[] = [
  'entered', 'refused', 'offers', 'answered', 'answeredInThreshold', 'abandoned', 'abandonedInThreshold',
  'shortAbandons', 'timedOut', 'overflowedIn', 'overflowedOut', 'transferredIn', 'transferredOut', 'withdrawn',
  'escalations', 'escalatedCalls', 'callbacksRequested', 'callbacksDialled', 'callbacksFailed', 'completed',
  'outcomes', 'resolved', 'repeatContacts', 'surveys', 'surveyScoreSum', 'waitSumMs', 'abandonWaitSumMs',
  'talkTimeMs', 'wrapUpTimeMs',
];

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** The public figures of a tally: counts, then the derived shares, averages and quantiles. */
export function figures(t: Tally): QueueFigures {
  const left = t.answered + t.abandoned;
  return {
    entered: t.entered,
    refused: t.refused,
    offers: t.offers,
    answered: t.answered,
    answeredInThreshold: t.answeredInThreshold,
    abandoned: t.abandoned,
    abandonedInThreshold: t.abandonedInThreshold,
    shortAbandons: t.shortAbandons,
    timedOut: t.timedOut,
    overflowedIn: t.overflowedIn,
    overflowedOut: t.overflowedOut,
    transferredIn: t.transferredIn,
    transferredOut: t.transferredOut,
    withdrawn: t.withdrawn,
    escalations: t.escalations,
    escalatedCalls: t.escalatedCalls,
    callbacksRequested: t.callbacksRequested,
    callbacksDialled: t.callbacksDialled,
    callbacksFailed: t.callbacksFailed,
    completed: t.completed,
    outcomes: t.outcomes,
    resolved: t.resolved,
    repeatContacts: t.repeatContacts,
    surveys: t.surveys,
    serviceLevel: {
      answered: ratio(t.answeredInThreshold, t.answered),
      offered: ratio(t.answeredInThreshold, left),
      abandonedInThresholdMet: ratio(t.answeredInThreshold + t.abandonedInThreshold, left),
      abandonedAfterThreshold: ratio(t.answeredInThreshold, left - t.abandonedInThreshold),
      excludingShortAbandons: ratio(t.answeredInThreshold, left - t.shortAbandons),
    },
    asaMs: ratio(t.waitSumMs, t.answered),
    averageWaitMs: ratio(t.waitSumMs + t.abandonWaitSumMs, left),
    waitP50Ms: t.waits.quantile(0.5) ?? null,
    waitP90Ms: t.waits.quantile(0.9) ?? null,
    waitP95Ms: t.waits.quantile(0.95) ?? null,
    talkTimeMs: t.talkTimeMs,
    wrapUpTimeMs: t.wrapUpTimeMs,
    ahtMs: ratio(t.talkTimeMs + t.wrapUpTimeMs, t.completed),
    abandonmentRate: ratio(t.abandoned, left),
    escalationRate: ratio(t.escalatedCalls, t.entered),
    transferRate: ratio(t.transferredOut, t.answered),
    fcr: ratio(t.resolved, t.outcomes),
    csat: ratio(t.surveyScoreSum, t.surveys),
  };
}
