import { describe, expect, it } from 'vitest';
import { CallRouter, replayStats, SimulatedClock } from '../src/index.js';
import { createRouter, recordEvents } from './support/fixtures.js';

describe('statistics edge cases found in review', () => {
  it('a scheduled callback’s customer counts for FCR like any contact', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.scheduleCallback({ id: 'cb', queue: 'q', atMs: 0, customerId: 'cust' });
    router.answer('cb');
    router.complete('cb', { resolved: true });
    router.enqueue({ id: 'c2', queue: 'q', customerId: 'cust' });
    expect(router.queueStats('q').totals).toMatchObject({ outcomes: 1, resolved: 0, repeatContacts: 1 });
  });

  it('attributes JSON cannot hold (a BigInt, a cycle) do not cost the audit log a line', () => {
    const clock = new SimulatedClock();
    const lines: string[] = [];
    const router = new CallRouter({ clock, audit: (line) => lines.push(line) });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const cyclic: Record<string, unknown> = { big: 10n };
    cyclic.self = cyclic;
    router.enqueue({ id: 'c1', queue: 'q', attributes: cyclic });
    router.answer('c1');
    router.complete('c1');
    const offered = lines.map((line) => JSON.parse(line)).find((record) => record.event === 'call:offered');
    expect(offered.data.attributes).toEqual({ big: '10', self: '[circular]' });
    expect(replayStats(lines, { nowMs: clock.now() }).queueStats('q')).toStrictEqual(router.queueStats('q'));
  });

  it('a failed recordSurvey changes nothing, not even by closing an interval', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    clock.advance(900_000);
    const events = recordEvents(router);
    expect(() => router.recordSurvey('nope', 5)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CALL' }));
    expect(events).toEqual([]);
    router.queueStats('q'); // a read closes it
    expect(events.map((e) => e.name)).toEqual(['stats:interval']);
  });
});
