import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallRouter, SimulatedClock } from '../src/index.js';

// Long lines: hundreds of calls, ties on priority and time, and many callers hanging up from the
// middle of the line. One agent then serves the line: offers must come in exact service order.
describe('service order of a long line', () => {
  it('offers by priority, then arrival, then enqueue order, skipping callers who hung up', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            priority: fc.integer({ min: 0, max: 3 }),
            gapMs: fc.constantFrom(0, 0, 1, 5),
            hangsUp: fc.boolean(),
          }),
          { minLength: 1, maxLength: 400, size: 'max' },
        ),
        (calls) => {
          const clock = new SimulatedClock();
          const router = new CallRouter({ clock });
          router.addQueue({ id: 'q' });
          router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
          calls.forEach((call, i) => {
            clock.advance(call.gapMs);
            router.enqueue({ id: `c${i}`, queue: 'q', priority: call.priority });
          });
          calls.forEach((call, i) => {
            if (call.hangsUp) router.abandon(`c${i}`);
          });
          const expected = calls
            .map((call, i) => ({ ...call, i }))
            .filter((call) => !call.hangsUp)
            .sort((a, b) => b.priority - a.priority || a.i - b.i)
            .map((call) => `c${call.i}`);
          expect(router.waitingCalls('q').map((call) => call.id)).toEqual(expected);

          const offered: string[] = [];
          router.on('call:offered', ({ callId }) => offered.push(callId));
          router.setAgentState('ana', 'available');
          while (offered.length > 0 && router.hasCall(offered[offered.length - 1] as string)) {
            const callId = offered[offered.length - 1] as string;
            router.answer(callId);
            router.complete(callId);
          }
          expect(offered).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
