import type { QueueFigures } from '../model/stats.js';
import { figures, Tally } from '../stats/tally.js';
import type { WaitHistogram } from '../stats/wait-histogram.js';

/**
 * The figures of several periods together (the intervals after a warm-up): counts add up, and
 * shares and averages are recomputed from the sums, with the router's own definitions. Quantiles
 * cannot be added, so they come from `waits`, a histogram of the same waits.
 */
export function sumFigures(periods: readonly QueueFigures[], waits: WaitHistogram): QueueFigures {
  const total = new Tally();
  for (const f of periods) {
    const left = f.answered + f.abandoned;
    const waitSumMs = (f.asaMs ?? 0) * f.answered;
    total.entered += f.entered;
    total.refused += f.refused;
    total.offers += f.offers;
    total.answered += f.answered;
    total.answeredInThreshold += f.answeredInThreshold;
    total.abandoned += f.abandoned;
    total.abandonedInThreshold += f.abandonedInThreshold;
    total.shortAbandons += f.shortAbandons;
    total.timedOut += f.timedOut;
    total.overflowedIn += f.overflowedIn;
    total.overflowedOut += f.overflowedOut;
    total.transferredIn += f.transferredIn;
    total.transferredOut += f.transferredOut;
    total.withdrawn += f.withdrawn;
    total.escalations += f.escalations;
    total.escalatedCalls += f.escalatedCalls;
    total.callbacksRequested += f.callbacksRequested;
    total.callbacksDialled += f.callbacksDialled;
    total.callbacksFailed += f.callbacksFailed;
    total.completed += f.completed;
    total.outcomes += f.outcomes;
    total.resolved += f.resolved;
    total.repeatContacts += f.repeatContacts;
    total.surveys += f.surveys;
    total.surveyScoreSum += (f.csat ?? 0) * f.surveys;
    total.waitSumMs += waitSumMs;
    total.abandonWaitSumMs += (f.averageWaitMs ?? 0) * left - waitSumMs;
    total.talkTimeMs += f.talkTimeMs;
    total.wrapUpTimeMs += f.wrapUpTimeMs;
  }
  total.waits.merge(waits);
  return figures(total);
}
