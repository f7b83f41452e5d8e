import { describe, expect, it } from 'vitest';
import type { IntervalReport, QueueFigures } from '../src/index.js';
import { createRouter, eventsOf, recordEvents } from './support/fixtures.js';
import { NONE } from './support/stats-fixtures.js';

/** Expected figures: `NONE` with the given fields. */
const figures = (fields: Partial<QueueFigures>): QueueFigures => ({ ...NONE, ...fields });

/** One-minute intervals. */
const MINUTE = { intervalMs: 60_000 };

describe('interval reports', () => {
  it('align on multiples of intervalMs on the clock, whenever the router started', () => {
    const { clock, router } = createRouter({ stats: MINUTE }, 90_000);
    router.addQueue({ id: 'q' });
    const events = recordEvents(router, ['stats:interval']);
    expect(router.queueStats('q').intervalStartMs).toBe(60_000);
    expect(router.stats().intervalStartMs).toBe(60_000);
    clock.advanceTo(119_999);
    expect(router.stats().intervalStartMs).toBe(60_000);
    expect(events).toEqual([]);
    clock.advanceTo(120_000);
    expect(router.stats().intervalStartMs).toBe(120_000);
    expect(eventsOf(events, 'stats:interval')).toEqual([
      { startMs: 60_000, endMs: 120_000, queues: { q: NONE }, center: NONE },
    ]);
  });

  it('use 15-minute intervals by default', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    clock.advanceTo(899_999);
    expect(router.intervals()).toEqual([]);
    clock.advanceTo(900_000);
    expect(router.intervals()).toEqual([{ startMs: 0, endMs: 900_000, queues: { q: NONE }, center: NONE }]);
  });

  it('count each event of a call spanning boundaries in the interval where it happened', () => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'not-ready' });
    clock.advanceTo(50_000);
    router.enqueue({ id: 'c1', queue: 'q' }); // [0, 60 000)
    clock.advanceTo(55_000);
    router.enqueue({ id: 'c2', queue: 'q' }); // [0, 60 000)
    clock.advanceTo(65_000);
    router.abandon('c2'); // [60 000, 120 000): wait 10 000
    clock.advanceTo(70_000);
    router.setAgentState('ana', 'available'); // offer [60 000, 120 000)
    router.answer('c1'); // [60 000, 120 000): wait 20 000
    clock.advanceTo(130_000);
    router.complete('c1'); // [120 000, 180 000): talk 60 000

    const [first, second, ...rest] = router.intervals();
    expect(rest).toEqual([]);
    expect(first).toEqual({
      startMs: 0,
      endMs: 60_000,
      queues: { q: figures({ entered: 2, escalationRate: 0 }) },
      center: figures({ entered: 2, escalationRate: 0 }),
    });
    // A = 1 (A_T = 1), Ab = 1 (Ab_T = 1, Ab_s = 0); nothing entered in this interval.
    const middle = figures({
      offers: 1,
      answered: 1,
      answeredInThreshold: 1,
      abandoned: 1,
      abandonedInThreshold: 1,
      serviceLevel: {
        answered: 1, // 1 / 1
        offered: 1 / 2, // 1 / 2
        abandonedInThresholdMet: 1, // (1 + 1) / 2
        abandonedAfterThreshold: 1, // 1 / (2 - 1)
        excludingShortAbandons: 1 / 2, // 1 / (2 - 0)
      },
      asaMs: 20_000,
      averageWaitMs: 15_000, // (20 000 + 10 000) / 2
      waitP50Ms: 19_986, // 20 000 → k = 301, 1 000 × 1.01^301 = 19 986.4
      waitP90Ms: 19_986,
      waitP95Ms: 19_986,
      abandonmentRate: 1 / 2,
      escalationRate: null, // 0 entered in the interval
      transferRate: 0, // 0 / 1 answered
    });
    expect(second).toEqual({ startMs: 60_000, endMs: 120_000, queues: { q: middle }, center: middle });
    const stats = router.queueStats('q');
    expect(stats.intervalStartMs).toBe(120_000);
    expect(stats.interval).toEqual(figures({ completed: 1, talkTimeMs: 60_000, ahtMs: 60_000 }));
    // The totals are the sum of the three intervals.
    expect(stats.totals).toMatchObject({
      entered: 2,
      offers: 1,
      answered: 1,
      abandoned: 1,
      completed: 1,
      asaMs: 20_000,
      averageWaitMs: 15_000,
      ahtMs: 60_000,
      escalationRate: 0,
    });
  });

  it('count an event exactly at the boundary in the new interval', () => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q' });
    clock.advanceTo(59_999);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(60_000);
    router.enqueue({ id: 'c2', queue: 'q' });
    expect(router.intervals()[0]?.queues.q).toMatchObject({ entered: 1 });
    expect(router.queueStats('q').interval).toMatchObject({ entered: 1 });
  });

  it('emit stats:interval at the first event after the boundary, before that event', () => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q' });
    const events = recordEvents(router);
    clock.advanceTo(50_000);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(61_000);
    expect(events.map((event) => event.name)).toEqual(['call:queued']);
    router.enqueue({ id: 'c2', queue: 'q' });
    expect(events.map((event) => event.name)).toEqual(['call:queued', 'stats:interval', 'call:queued']);
    expect(eventsOf(events, 'stats:interval')).toEqual([
      {
        startMs: 0,
        endMs: 60_000,
        queues: { q: figures({ entered: 1, escalationRate: 0 }) },
        center: figures({ entered: 1, escalationRate: 0 }),
      },
    ]);
  });

  it('emit stats:interval at a timer after the boundary, before the timer’s events', () => {
    const { clock, router } = createRouter({ stats: MINUTE, maxMissedOffers: 0 });
    router.addQueue({ id: 'q', offerTimeoutMs: 15_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    clock.advanceTo(50_000);
    router.enqueue({ id: 'c1', queue: 'q' }); // offered at 50 000, times out at 65 000
    const events = recordEvents(router, ['stats:interval', 'call:offer-timeout', 'call:offered']);
    clock.advanceTo(70_000);
    expect(events.map((event) => [event.name, 'atMs' in event.payload ? event.payload.atMs : event.payload.endMs])).toEqual([
      ['stats:interval', 60_000],
      ['call:offer-timeout', 65_000],
      ['call:offered', 65_000],
    ]);
    expect(router.intervals()[0]?.queues.q).toMatchObject({ entered: 1, offers: 1 });
    expect(router.queueStats('q').interval).toMatchObject({ entered: 0, offers: 1 });
  });

  it.each([
    ['queueStats', (router: ReturnType<typeof createRouter>['router']) => router.queueStats('q')],
    ['agentStats', (router: ReturnType<typeof createRouter>['router']) => router.agentStats('ana')],
    ['stats', (router: ReturnType<typeof createRouter>['router']) => router.stats()],
    ['intervals', (router: ReturnType<typeof createRouter>['router']) => router.intervals()],
  ])('emit stats:interval at a read after the boundary (%s)', (_label, read) => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'] });
    const events = recordEvents(router, ['stats:interval']);
    clock.advanceTo(60_000);
    expect(events).toEqual([]);
    read(router);
    expect(eventsOf(events, 'stats:interval')).toEqual([{ startMs: 0, endMs: 60_000, queues: { q: NONE }, center: NONE }]);
    read(router);
    expect(events).toHaveLength(1);
  });

  it('close every interval that ended, oldest first, after a long idle; intervals() keeps the last keepIntervals', () => {
    const { clock, router } = createRouter({ stats: { intervalMs: 60_000, keepIntervals: 3 } });
    router.addQueue({ id: 'q' });
    const events = recordEvents(router, ['stats:interval']);
    clock.advanceTo(10_000);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.withdraw('c1', 'ivr');
    clock.advanceTo(330_000); // 5 intervals ended: [0, 60 000) … [240 000, 300 000)
    expect(router.queueStats('q').intervalStartMs).toBe(300_000);
    const reports = eventsOf(events, 'stats:interval');
    expect(reports.map(({ startMs, endMs }) => [startMs, endMs])).toEqual([
      [0, 60_000],
      [60_000, 120_000],
      [120_000, 180_000],
      [180_000, 240_000],
      [240_000, 300_000],
    ]);
    expect(reports[0]?.queues.q).toEqual(figures({ entered: 1, withdrawn: 1, escalationRate: 0 }));
    const empty = (startMs: number): IntervalReport => ({ startMs, endMs: startMs + 60_000, queues: { q: NONE }, center: NONE });
    expect(router.intervals()).toEqual([empty(120_000), empty(180_000), empty(240_000)]);
    expect(router.intervals()).toEqual(reports.slice(2));
  });

  it('keep none with keepIntervals 0, but still emit them', () => {
    const { clock, router } = createRouter({ stats: { intervalMs: 60_000, keepIntervals: 0 } });
    const events = recordEvents(router, ['stats:interval']);
    clock.advanceTo(120_000);
    expect(router.intervals()).toEqual([]);
    expect(events).toHaveLength(2);
  });

  it('report the queues that existed during the interval, removed ones included, and the center as their sum', () => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q1', offerTimeoutMs: Infinity });
    router.addQueue({ id: 'q2', offerTimeoutMs: Infinity });
    router.addAgent({ id: 'ana', queues: ['q1', 'q2'], state: 'available' });
    router.enqueue({ id: 'a', queue: 'q1' }); // rings ana
    router.enqueue({ id: 'b', queue: 'q2' });
    clock.advanceTo(2_000);
    router.answer('a'); // q1: wait 2 000
    router.complete('a'); // b rings ana
    clock.advanceTo(62_000);
    router.answer('b'); // q2, next interval: wait 62 000
    router.complete('b');
    router.removeQueue('q2');
    router.addQueue({ id: 'q3' });
    clock.advanceTo(120_000);
    router.stats(); // closes [60 000, 120 000)
    clock.advanceTo(180_000);
    const [first, second, third] = router.intervals();
    expect(Object.keys(first?.queues ?? {}).sort()).toEqual(['q1', 'q2']);
    expect(first?.queues.q1).toMatchObject({ entered: 1, offers: 1, answered: 1, completed: 1, asaMs: 2_000 });
    expect(first?.queues.q2).toMatchObject({ entered: 1, offers: 1, answered: 0 });
    expect(first?.center).toMatchObject({ entered: 2, offers: 2, answered: 1, completed: 1, asaMs: 2_000, escalationRate: 0 });
    expect(Object.keys(second?.queues ?? {}).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(second?.queues.q1).toEqual(NONE);
    expect(second?.queues.q3).toEqual(NONE);
    expect(second?.queues.q2).toMatchObject({ entered: 0, answered: 1, completed: 1, asaMs: 62_000 });
    expect(second?.center).toMatchObject({ entered: 0, answered: 1, completed: 1, asaMs: 62_000 });
    expect(Object.keys(third?.queues ?? {}).sort()).toEqual(['q1', 'q3']);
    expect(third?.center).toEqual(NONE);
  });

  it('give the same report in the event and in intervals()', () => {
    const { clock, router } = createRouter({ stats: MINUTE });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['stats:interval']);
    router.enqueue({ id: 'c1', queue: 'q' });
    clock.advanceTo(3_000);
    router.answer('c1');
    clock.advanceTo(60_000);
    expect(router.intervals()).toEqual(eventsOf(events, 'stats:interval'));
    expect(router.intervals()[0]?.queues.q).toMatchObject({ answered: 1, asaMs: 3_000, waitP50Ms: 2_988 }); // 3 000: k = 110, 1 000 × 1.01^110 = 2 987.8 → 2 988
  });
});
