import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../src/index.js';

describe('SimulatedClock', () => {
  it('starts at 0 by default, or at the given time', () => {
    expect(new SimulatedClock().now()).toBe(0);
    expect(new SimulatedClock(1_700_000_000_000).now()).toBe(1_700_000_000_000);
  });

  it('rejects a start time that is not a finite number', () => {
    expect(() => new SimulatedClock(Number.NaN)).toThrow(RangeError);
    expect(() => new SimulatedClock(Infinity)).toThrow(RangeError);
  });

  it('moves only when told to: advance adds, advanceTo sets', () => {
    const clock = new SimulatedClock(100);
    expect(clock.now()).toBe(100);
    clock.advance(250);
    expect(clock.now()).toBe(350);
    clock.advanceTo(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(0);
    clock.advanceTo(1_000);
    expect(clock.now()).toBe(1_000);
  });

  it('fires timers in due-time order, whatever order they were scheduled in, with now() at each due time', () => {
    const clock = new SimulatedClock();
    const fired: Array<[string, number]> = [];
    clock.schedule(300, () => fired.push(['c', clock.now()]));
    clock.schedule(100, () => fired.push(['a', clock.now()]));
    clock.schedule(200, () => fired.push(['b', clock.now()]));
    clock.advance(1_000);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 200],
      ['c', 300],
    ]);
    expect(clock.now()).toBe(1_000);
  });

  it('fires timers due at the same time in the order they were scheduled', () => {
    const clock = new SimulatedClock();
    const fired: number[] = [];
    // Many equal keys: a plain (unstable) heap would scramble them.
    for (let i = 0; i < 50; i++) clock.schedule(500, () => fired.push(i));
    clock.schedule(100, () => fired.push(-1));
    clock.advanceTo(500);
    expect(fired).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it('fires a timer only once time reaches its due time', () => {
    const clock = new SimulatedClock();
    let fired = 0;
    clock.schedule(500, () => fired++);
    clock.advance(499);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
    clock.advance(10_000);
    expect(fired).toBe(1);
  });

  it.each([
    ['advanceTo an earlier time', (clock: SimulatedClock) => clock.advanceTo(999)],
    ['advance by a negative amount', (clock: SimulatedClock) => clock.advance(-1)],
    ['advance by NaN', (clock: SimulatedClock) => clock.advance(Number.NaN)],
    ['advanceTo Infinity', (clock: SimulatedClock) => clock.advanceTo(Infinity)],
    ['schedule with a NaN delay', (clock: SimulatedClock) => clock.schedule(Number.NaN, () => {})],
  ])('never moves backwards or to nowhere: %s throws a RangeError and changes nothing', (_label, act) => {
    const clock = new SimulatedClock(1_000);
    let fired = 0;
    clock.schedule(10, () => fired++);
    expect(() => act(clock)).toThrow(RangeError);
    expect(clock.now()).toBe(1_000);
    expect(clock.pendingTimers).toBe(1);
    expect(fired).toBe(0);
  });

  it('treats a negative delay as 0: the timer is due now and fires on advance(0)', () => {
    const clock = new SimulatedClock(50);
    let fired = 0;
    clock.schedule(-20, () => fired++);
    expect(clock.nextDueAtMs()).toBe(50);
    clock.advance(0);
    expect(fired).toBe(1);
    expect(clock.now()).toBe(50);
  });

  it('never fires a cancelled timer; cancelling twice or after firing does nothing', () => {
    const clock = new SimulatedClock();
    const fired: string[] = [];
    const a = clock.schedule(100, () => fired.push('a'));
    const b = clock.schedule(200, () => fired.push('b'));
    clock.schedule(300, () => fired.push('c'));
    expect(clock.pendingTimers).toBe(3);
    clock.cancel(b);
    expect(clock.pendingTimers).toBe(2);
    clock.cancel(b);
    expect(clock.pendingTimers).toBe(2);
    clock.advance(150);
    expect(fired).toEqual(['a']);
    clock.cancel(a); // already fired
    expect(clock.pendingTimers).toBe(1);
    clock.advance(1_000);
    expect(fired).toEqual(['a', 'c']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not fire a timer cancelled by another timer due at the same time', () => {
    const clock = new SimulatedClock();
    const fired: string[] = [];
    let second: ReturnType<SimulatedClock['schedule']> | undefined;
    clock.schedule(100, () => {
      fired.push('first');
      if (second !== undefined) clock.cancel(second);
    });
    second = clock.schedule(100, () => fired.push('second'));
    clock.advance(100);
    expect(fired).toEqual(['first']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires timers scheduled while firing when they fall within the current advance, in order', () => {
    const clock = new SimulatedClock();
    const fired: Array<[string, number]> = [];
    clock.schedule(100, () => {
      fired.push(['a', clock.now()]);
      clock.schedule(0, () => fired.push(['a+0', clock.now()]));
      clock.schedule(50, () => fired.push(['a+50', clock.now()]));
      clock.schedule(500, () => fired.push(['a+500', clock.now()]));
    });
    clock.schedule(100, () => fired.push(['b', clock.now()]));
    clock.schedule(120, () => fired.push(['c', clock.now()]));
    clock.advance(200);
    expect(fired).toEqual([
      ['a', 100],
      ['b', 100],
      ['a+0', 100],
      ['c', 120],
      ['a+50', 150],
    ]);
    expect(clock.now()).toBe(200);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.nextDueAtMs()).toBe(600);
    clock.advance(400);
    expect(fired.at(-1)).toEqual(['a+500', 600]);
  });

  it('never moves time backwards when a firing timer advances the clock itself', () => {
    const clock = new SimulatedClock();
    let innerAdvanced = false;
    let nowAfterInner = 0;
    clock.schedule(500, () => {
      try {
        clock.advance(2_000);
        innerAdvanced = true;
        nowAfterInner = clock.now();
      } catch {
        // A clock may refuse a re-entrant advance; it must not rewind time either way.
      }
    });
    clock.advanceTo(1_000);
    expect(clock.now()).toBeGreaterThanOrEqual(innerAdvanced ? nowAfterInner : 1_000);
  });

  it('runNext fires the earliest timer and those due with it, moving time there', () => {
    const clock = new SimulatedClock();
    expect(clock.runNext()).toBe(false);
    expect(clock.now()).toBe(0);
    const fired: string[] = [];
    clock.schedule(300, () => fired.push('late'));
    clock.schedule(200, () => fired.push('x'));
    clock.schedule(200, () => fired.push('y'));
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['x', 'y']);
    expect(clock.now()).toBe(200);
    expect(clock.pendingTimers).toBe(1);
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['x', 'y', 'late']);
    expect(clock.now()).toBe(300);
    expect(clock.runNext()).toBe(false);
    expect(clock.now()).toBe(300);
  });

  it('runNext skips cancelled timers', () => {
    const clock = new SimulatedClock();
    const fired: string[] = [];
    const early = clock.schedule(100, () => fired.push('early'));
    clock.schedule(400, () => fired.push('late'));
    clock.cancel(early);
    expect(clock.nextDueAtMs()).toBe(400);
    expect(clock.runNext()).toBe(true);
    expect(fired).toEqual(['late']);
    expect(clock.now()).toBe(400);
  });

  it('counts pending timers: scheduled, minus fired, minus cancelled', () => {
    const clock = new SimulatedClock();
    expect(clock.pendingTimers).toBe(0);
    expect(clock.nextDueAtMs()).toBeUndefined();
    const handles = [10, 20, 30, 40].map((delay) => clock.schedule(delay, () => {}));
    expect(clock.pendingTimers).toBe(4);
    clock.cancel(handles[3]!);
    expect(clock.pendingTimers).toBe(3);
    clock.advance(20);
    expect(clock.pendingTimers).toBe(1);
    clock.advance(100);
    expect(clock.pendingTimers).toBe(0);
    expect(clock.nextDueAtMs()).toBeUndefined();
  });
});
