import { describe, expect, it } from 'vitest';
import {
  CallRouter,
  InvalidArgumentError,
  InvalidStateError,
  SimulatedClock,
  UnknownAgentError,
  UnknownCallError,
  UnknownQueueError,
  type CallRouterOptions,
} from '../src/index.js';
import { createRouter, recordEvents } from './support/fixtures.js';

/** Bad input, cast past the type checker as a JavaScript caller would pass it. */
const bad = <T>(value: unknown): T => value as T;

describe('statistics options', () => {
  it('stats: false turns the reads off (INVALID_STATE); routing goes on and no interval is reported', () => {
    const { clock, router } = createRouter({ stats: false });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router, ['stats:interval', 'call:completed']);
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    clock.advanceTo(3_600_000);
    router.complete('c1');
    expect(events.map((event) => event.name)).toEqual(['call:completed']);
    const reads: Array<() => unknown> = [
      () => router.queueStats('q'),
      () => router.agentStats('ana'),
      () => router.stats(),
      () => router.intervals(),
      () => router.recordSurvey('c1', 5),
    ];
    for (const read of reads) {
      expect(read).toThrow(InvalidStateError);
      expect(read).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    }
  });

  it.each<[string, CallRouterOptions['stats']]>([
    ['undefined', undefined],
    ['true', true],
    ['{}', {}],
    ['zero windows and no intervals kept', { keepIntervals: 0, fcrWindowMs: 0, surveyWindowMs: 0 }],
    ['endless windows', { fcrWindowMs: Infinity, surveyWindowMs: Infinity }],
    ['a 1 s interval', { intervalMs: 1_000 }],
  ])('accepts stats: %s', (_label, stats) => {
    const router = new CallRouter({ clock: new SimulatedClock(), stats });
    expect(router.stats().queues).toBe(0);
  });

  it.each<[string, unknown]>([
    ['a string', 'yes'],
    ['a number', 1],
    ['null', null],
    ['an array', []],
    ['an unknown field', { interval: 60_000 }],
    ['intervalMs 0', { intervalMs: 0 }],
    ['intervalMs under 1 s', { intervalMs: 999 }],
    ['a fractional intervalMs', { intervalMs: 1_500.5 }],
    ['intervalMs < 0', { intervalMs: -1 }],
    ['intervalMs NaN', { intervalMs: Number.NaN }],
    ['intervalMs Infinity', { intervalMs: Infinity }],
    ['intervalMs as a string', { intervalMs: '60000' }],
    ['keepIntervals < 0', { keepIntervals: -1 }],
    ['keepIntervals not an integer', { keepIntervals: 1.5 }],
    ['keepIntervals Infinity', { keepIntervals: Infinity }],
    ['fcrWindowMs < 0', { fcrWindowMs: -1 }],
    ['fcrWindowMs NaN', { fcrWindowMs: Number.NaN }],
    ['surveyWindowMs < 0', { surveyWindowMs: -1 }],
    ['surveyWindowMs as a string', { surveyWindowMs: '1' }],
  ])('rejects stats: %s (INVALID_ARGUMENT)', (_label, stats) => {
    const create = () => new CallRouter({ clock: new SimulatedClock(), stats: bad(stats) });
    expect(create).toThrow(InvalidArgumentError);
    expect(create).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it.each<[string, unknown]>([
    ['a number', 42],
    ['another string', 'file'],
    ['an object', {}],
  ])('rejects audit: %s (INVALID_ARGUMENT)', (_label, audit) => {
    expect(() => new CallRouter({ clock: new SimulatedClock(), audit: bad(audit) })).toThrow(InvalidArgumentError);
  });

  it.each<[string, Record<string, unknown>]>([
    ['serviceLevelMs < 0', { serviceLevelMs: -1 }],
    ['serviceLevelMs NaN', { serviceLevelMs: Number.NaN }],
    ['serviceLevelMs Infinity', { serviceLevelMs: Infinity }],
    ['serviceLevelMs as a string', { serviceLevelMs: '20000' }],
    ['shortAbandonMs < 0', { shortAbandonMs: -1 }],
    ['shortAbandonMs null', { shortAbandonMs: null }],
  ])('rejects a queue with %s (INVALID_ARGUMENT), in addQueue and updateQueue, changing nothing', (_label, fields) => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', serviceLevelMs: 30_000, shortAbandonMs: 3_000 });
    expect(() => router.addQueue(bad({ id: 'q2', ...fields }))).toThrow(InvalidArgumentError);
    expect(router.hasQueue('q2')).toBe(false);
    expect(() => router.updateQueue('q', bad(fields))).toThrow(InvalidArgumentError);
    expect(router.queueStats('q')).toMatchObject({ serviceLevelMs: 30_000, shortAbandonMs: 3_000 });
    expect(router.getQueue('q')).toMatchObject({ serviceLevelMs: 30_000, shortAbandonMs: 3_000 });
  });
});

describe('statistics reads with bad ids', () => {
  it('throw typed errors', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    expect(() => router.queueStats('nope')).toThrow(UnknownQueueError);
    expect(() => router.queueStats(bad(42))).toThrow(InvalidArgumentError);
    expect(() => router.queueStats('')).toThrow(InvalidArgumentError);
    expect(() => router.agentStats('nope')).toThrow(UnknownAgentError);
    expect(() => router.agentStats(bad(undefined))).toThrow(InvalidArgumentError);
  });
});

describe('recordSurvey with bad input', () => {
  /** Call `done` completed by ana in q, `live` waiting. */
  function world() {
    const harness = createRouter();
    const { router } = harness;
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'done', queue: 'q' });
    router.answer('done');
    router.complete('done');
    router.setAgentState('ana', 'not-ready');
    router.enqueue({ id: 'live', queue: 'q' });
    return harness;
  }

  it.each<[string, unknown, unknown, abstract new (...args: never[]) => Error, string]>([
    ['callId undefined', undefined, 5, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['callId empty', '', 5, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['callId a number', 42, 5, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score NaN', 'done', Number.NaN, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score Infinity', 'done', Infinity, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score -Infinity', 'done', -Infinity, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score as a string', 'done', '5', InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score undefined', 'done', undefined, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['score null', 'done', null, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['a bad score for a live call', 'live', Number.NaN, InvalidArgumentError, 'INVALID_ARGUMENT'],
    ['a live call', 'live', 5, InvalidStateError, 'INVALID_STATE'],
    ['an unknown call', 'nope', 5, UnknownCallError, 'UNKNOWN_CALL'],
  ])('%s: throws a typed error and changes nothing', (_label, callId, score, type, code) => {
    const harness = world();
    const { router } = harness;
    const before = { queue: router.queueStats('q'), agent: router.agentStats('ana'), center: router.stats() };
    const events = recordEvents(router);
    const act = () => router.recordSurvey(bad(callId), bad(score));
    expect(act).toThrow(type);
    expect(act).toThrow(expect.objectContaining({ code }));
    expect(events).toEqual([]);
    expect({ queue: router.queueStats('q'), agent: router.agentStats('ana'), center: router.stats() }).toEqual(before);
    // The completed call can still be surveyed.
    router.recordSurvey('done', 4);
    expect(router.queueStats('q').totals).toMatchObject({ surveys: 1, csat: 4 });
  });
});
