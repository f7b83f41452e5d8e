import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallRouter, SystemClock } from '../src/index.js';

// Node's setTimeout limit; the clock chains timers for longer delays.
const MAX_TIMER_DELAY_MS = 2_147_483_647;

describe('SystemClock (under fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the wall clock', () => {
    const clock = new SystemClock();
    expect(clock.now()).toBe(1_000_000);
    vi.advanceTimersByTime(1_234);
    expect(clock.now()).toBe(1_001_234);
  });

  it('runs a scheduled callback once, after its delay and not before', () => {
    const clock = new SystemClock();
    const fired: number[] = [];
    clock.schedule(1_000, () => fired.push(clock.now()));
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([1_001_000]);
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual([1_001_000]);
  });

  it('runs callbacks in due-time order', () => {
    const clock = new SystemClock();
    const fired: string[] = [];
    clock.schedule(300, () => fired.push('c'));
    clock.schedule(100, () => fired.push('a'));
    clock.schedule(200, () => fired.push('b'));
    vi.advanceTimersByTime(300);
    expect(fired).toEqual(['a', 'b', 'c']);
  });

  it('treats a negative delay as 0', () => {
    const clock = new SystemClock();
    let fired = 0;
    clock.schedule(-500, () => fired++);
    vi.advanceTimersByTime(0);
    expect(fired).toBe(1);
  });

  it('never runs a cancelled callback; cancelling twice or after it ran does nothing', () => {
    const clock = new SystemClock();
    const fired: string[] = [];
    const a = clock.schedule(100, () => fired.push('a'));
    const b = clock.schedule(200, () => fired.push('b'));
    clock.cancel(b);
    clock.cancel(b);
    vi.advanceTimersByTime(1_000);
    expect(fired).toEqual(['a']);
    clock.cancel(a);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours delays longer than Node timers allow', () => {
    const clock = new SystemClock();
    let fired = 0;
    clock.schedule(MAX_TIMER_DELAY_MS + 5_000, () => fired++);
    vi.advanceTimersByTime(1_000);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS - 1_000);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(4_999);
    expect(fired).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);
  });

  it('cancels a long delay while it is being chained', () => {
    const clock = new SystemClock();
    let fired = 0;
    const handle = clock.schedule(MAX_TIMER_DELAY_MS + 5_000, () => fired++);
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS + 1);
    clock.cancel(handle);
    vi.advanceTimersByTime(10_000);
    expect(fired).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is the router default: offers time out in real time, and dispose() stops the timer', () => {
    const router = new CallRouter();
    router.addQueue({ id: 'q', offerTimeoutMs: 5_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const timeouts: number[] = [];
    router.on('call:offer-timeout', ({ atMs }) => timeouts.push(atMs));
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', offeredAtMs: 1_000_000, offerExpiresAtMs: 1_005_000 });
    vi.advanceTimersByTime(4_999);
    expect(timeouts).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(timeouts).toEqual([1_005_000]);
    // The call went straight back to ana (the only agent): a second offer is ringing.
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', offers: 2 });
    expect(vi.getTimerCount()).toBe(1);
    router.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
