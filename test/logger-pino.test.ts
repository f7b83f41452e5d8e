import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { CallRouter, SimulatedClock } from '../src/index.js';

function capture(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('an injected pino logger', () => {
  it('receives configuration changes and listener errors', () => {
    const { lines, stream } = capture();
    const logger = pino({ level: 'info' }, stream);
    const router = new CallRouter({ clock: new SimulatedClock(), logger });
    router.addQueue({ id: 'sales' });
    router.on('call:queued', () => {
      throw new Error('listener bug');
    });
    router.enqueue({ id: 'c-1', queue: 'sales' });
    logger.flush();

    expect(lines.some((l) => l.msg === 'queue added' && l.queueId === 'sales')).toBe(true);
    const error = lines.find((l) => l.event === 'call:queued');
    expect(error?.level).toBe(50);
    expect((error?.err as { message?: string }).message).toBe('listener bug');
    expect(router.getCall('c-1').status).toBe('waiting');
  });

  it('is silent by default: nothing reaches the console', () => {
    const router = new CallRouter({ clock: new SimulatedClock() });
    router.addQueue({ id: 'sales' });
    router.on('call:queued', () => {
      throw new Error('ignored');
    });
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    try {
      expect(() => router.enqueue({ id: 'c-1', queue: 'sales' })).not.toThrow();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
