import { describe, expect, it, vi } from 'vitest';
import { CallRouter, SimulatedClock, type Logger } from '../src/index.js';
import { createRouter, eventsOf, recordEvents } from './support/fixtures.js';

describe('events', () => {
  it('emits queued, offered and the agent state change, in that order, stamped with the clock', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const events = recordEvents(router);
    clock.advance(1_234);
    router.enqueue({ id: 'c1', queue: 'q', priority: 2, channel: 'voice', customerId: 'cust-9', attributes: { ivr: '3' } });
    expect(events).toEqual([
      {
        name: 'call:queued',
        payload: {
          callId: 'c1',
          queueId: 'q',
          atMs: 1_234,
          priority: 2,
          channel: 'voice',
          kind: 'inbound',
          rejoined: false,
          knownAgentId: undefined,
          customerId: 'cust-9',
        },
      },
      {
        name: 'call:offered',
        payload: {
          callId: 'c1',
          queueId: 'q',
          atMs: 1_234,
          agentId: 'ana',
          channel: 'voice',
          customerId: 'cust-9',
          attributes: { ivr: '3' },
          expiresAtMs: 16_234,
          attempt: 1,
          kind: 'inbound',
          via: 'queue',
        },
      },
      {
        name: 'agent:state-changed',
        payload: { agentId: 'ana', from: 'available', to: 'offered', presence: 'available', reason: undefined, atMs: 1_234 },
      },
    ]);
  });

  it('reports answer and completion with wait, talk and wrap-up times', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 2_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    const events = recordEvents(router);
    clock.advance(3_000);
    router.answer('c1');
    clock.advance(60_000);
    router.complete('c1', { resolved: true, disposition: 'sale' });
    expect(events.map((event) => event.name)).toEqual([
      'call:answered',
      'agent:state-changed',
      'call:completed',
      'agent:state-changed',
    ]);
    expect(eventsOf(events, 'call:answered')[0]).toEqual({ callId: 'c1', queueId: 'q', atMs: 3_000, agentId: 'ana', waitMs: 3_000, kind: 'inbound' });
    expect(eventsOf(events, 'call:completed')[0]).toEqual({
      callId: 'c1',
      queueId: 'q',
      atMs: 63_000,
      agentId: 'ana',
      waitMs: 3_000,
      talkMs: 60_000,
      outcome: { resolved: true, disposition: 'sale' },
      kind: 'inbound',
      wrapUpMs: 2_000,
    });
    expect(eventsOf(events, 'agent:state-changed').map(({ from, to }) => `${from}->${to}`)).toEqual(['offered->busy', 'busy->wrap-up']);
  });

  it('emits after the state is consistent: listeners read the new state', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const seen: unknown[] = [];
    router.on('call:queued', ({ callId }) => seen.push(['queued', router.getCall(callId).status]));
    router.on('call:offered', ({ callId, agentId }) =>
      seen.push(['offered', router.getCall(callId).status, router.getAgent(agentId).state, router.getQueue('q').offered]),
    );
    router.on('call:answered', ({ callId, agentId }) =>
      seen.push(['answered', router.getCall(callId).status, router.getAgent(agentId).state]),
    );
    router.on('call:completed', ({ callId, agentId }) =>
      seen.push(['completed', router.hasCall(callId), router.getAgent(agentId).state, router.getQueue('q').talking]),
    );
    router.on('agent:state-changed', ({ agentId, to }) => seen.push(['state', to, router.getAgent(agentId).state]));
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.complete('c1');
    expect(seen).toEqual([
      ['queued', 'offered'], // by the time anyone hears of it, the call was already offered
      ['offered', 'offered', 'offered', 1],
      ['state', 'offered', 'offered'],
      ['answered', 'talking', 'busy'],
      ['state', 'busy', 'busy'],
      ['completed', false, 'wrap-up', 0],
      ['state', 'wrap-up', 'wrap-up'],
    ]);
  });

  it('lets a listener call back into the router; its events follow the ones already due', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.on('call:offered', ({ callId }) => router.answer(callId));
    router.on('call:answered', ({ callId }) => router.complete(callId, { resolved: true }));
    const events = recordEvents(router);
    const result = router.enqueue({ id: 'c1', queue: 'q' });
    expect(result).toEqual({ accepted: true, callId: 'c1', status: 'offered', agentId: 'ana' });
    expect(router.hasCall('c1')).toBe(false);
    expect(
      events.map((event) => (event.name === 'agent:state-changed' ? `state:${event.payload.to}` : event.name)),
    ).toEqual(['call:queued', 'call:offered', 'state:offered', 'call:answered', 'state:busy', 'call:completed', 'state:available']);
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callsHandled: 1 });
  });

  it('survives a throwing listener: the operation completes, later events arrive, listener-error reports it', () => {
    const errors: unknown[] = [];
    const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (obj) => errors.push(obj) };
    const clock = new SimulatedClock();
    const router = new CallRouter({ clock, logger });
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    const boom = new Error('boom');
    router.on('call:queued', () => {
      throw boom;
    });
    const events = recordEvents(router);
    expect(() => router.enqueue({ id: 'c1', queue: 'q' })).not.toThrow();
    expect(router.getCall('c1')).toMatchObject({ status: 'offered', agentId: 'ana' });
    // The recorder, registered after the throwing listener, still receives call:queued.
    expect(events.map((event) => event.name)).toEqual(['call:queued', 'call:offered', 'agent:state-changed', 'listener-error']);
    expect(eventsOf(events, 'listener-error')).toEqual([{ event: 'call:queued', error: boom }]);
    expect(errors).toEqual([expect.objectContaining({ err: boom, event: 'call:queued' })]);
    router.answer('c1');
    router.complete('c1');
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', callsHandled: 1 });
  });

  it('still delivers an event to the other listeners of that event when one of them throws', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.on('call:offered', () => {
      throw new Error('metrics listener failed');
    });
    const rung: string[] = [];
    router.on('call:offered', ({ callId, agentId }) => rung.push(`${callId}->${agentId}`));
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(rung).toEqual(['c1->ana']);
  });

  it('survives a throwing listener during a timed action', () => {
    const { clock, router } = createRouter({ noAnswerDelayMs: 60_000 });
    router.addQueue({ id: 'q', offerTimeoutMs: 1_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    const heard: Array<[string, string]> = [];
    router.on('call:offer-timeout', () => {
      throw new Error('boom');
    });
    router.on('listener-error', ({ event }) => heard.push(['listener-error', event]));
    router.on('agent:state-changed', ({ to }) => heard.push(['state', to]));
    expect(() => clock.advance(1_000)).not.toThrow();
    expect(router.getCall('c1').status).toBe('waiting');
    expect(router.getAgent('ana')).toMatchObject({ state: 'available', readyAtMs: 61_000 });
    expect(heard).toEqual([
      ['state', 'available'],
      ['listener-error', 'call:offer-timeout'],
    ]);
  });

  it('does not loop when a listener-error listener throws', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    const onError = vi.fn(() => {
      throw new Error('again');
    });
    router.on('call:queued', () => {
      throw new Error('first');
    });
    router.on('listener-error', onError);
    expect(() => router.enqueue({ id: 'c1', queue: 'q' })).not.toThrow();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(router.getCall('c1').status).toBe('waiting');
  });

  it('reports a failing call back into the router as a listener error, leaving the router as it was', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    const errors: unknown[] = [];
    router.on('listener-error', ({ error }) => errors.push(error));
    router.on('call:queued', ({ callId }) => router.answer(callId)); // not offered: INVALID_STATE
    router.enqueue({ id: 'c1', queue: 'q' });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);
    expect(router.getCall('c1').status).toBe('waiting');
  });

  it('delivers events of timed actions at the time they happen', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 5_000 });
    router.addAgent({ id: 'ana', queues: ['q'], state: 'available' });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.answer('c1');
    router.complete('c1');
    const heard: number[] = [];
    router.on('agent:state-changed', ({ atMs }) => heard.push(clock.now(), atMs));
    clock.advance(10_000);
    expect(heard).toEqual([5_000, 5_000]);
  });

  it('delivers an event only to the listeners registered when it was emitted, like emit()', () => {
    const router = new CallRouter({ clock: new SimulatedClock() });
    router.addQueue({ id: 'q' });
    const late: string[] = [];
    let added = false;
    router.on('call:queued', () => {});
    router.on('call:queued', () => {
      if (added) return;
      added = true; // appended to the array being dispatched
      router.on('call:queued', ({ callId }) => late.push(callId));
    });
    router.enqueue({ id: 'c1', queue: 'q' });
    router.enqueue({ id: 'c2', queue: 'q' });
    expect(late).toEqual(['c2']);
  });
});
