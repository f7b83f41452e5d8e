import { describe, expect, it } from 'vitest';
import { createRouter, eventsOf, recordEvents, waitingIds } from './support/fixtures.js';

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('routing many at once', () => {
  it('gives each of many agents freed at the same moment its own call, oldest calls first', () => {
    const { clock, router } = createRouter();
    router.addQueue({ id: 'q', wrapUpMs: 1_000 });
    const agents = ids('agent', 20);
    for (const id of agents) router.addAgent({ id, queues: ['q'], state: 'available' });
    for (const id of ids('first', 20)) {
      router.enqueue({ id, queue: 'q' });
      router.answer(id);
    }
    const waiting = ids('w', 30);
    for (const id of waiting) {
      router.enqueue({ id, queue: 'q' });
      clock.advance(10);
    }
    for (const id of ids('first', 20)) router.complete(id); // all wrap-ups end at the same time
    const events = recordEvents(router, ['call:offered']);
    clock.advance(1_000);
    const offers = eventsOf(events, 'call:offered');
    expect(offers).toHaveLength(20);
    expect(new Set(offers.map((offer) => offer.agentId)).size).toBe(20);
    expect(offers.map((offer) => offer.callId).sort()).toEqual(waiting.slice(0, 20).sort());
    expect(waitingIds(router, 'q')).toEqual(waiting.slice(20));
    expect(router.getQueue('q')).toMatchObject({ waiting: 10, offered: 20, talking: 0 });
    for (const id of agents) expect(router.getAgent(id).state).toBe('offered');
  });

  it('routes each of many calls arriving while agents are idle to its own agent', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    const agents = ids('agent', 50);
    for (const id of agents) router.addAgent({ id, queues: ['q'], state: 'available' });
    const results = ids('c', 50).map((id) => router.enqueue({ id, queue: 'q' }));
    expect(results.every((result) => result.status === 'offered')).toBe(true);
    expect(new Set(results.map((result) => result.agentId)).size).toBe(50);
    expect(router.getQueue('q')).toMatchObject({ waiting: 0, offered: 50 });
    expect(router.enqueue({ id: 'extra', queue: 'q' })).toEqual({
      accepted: true,
      callId: 'extra',
      status: 'waiting',
      agentId: undefined,
    });
  });

  it('gives an agent that comes available as many calls as its capacity allows, per channel', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], capacity: { voice: 1, chat: 3 } });
    for (const id of ids('chat', 5)) router.enqueue({ id, queue: 'q', channel: 'chat' });
    router.enqueue({ id: 'v1', queue: 'q' });
    router.enqueue({ id: 'v2', queue: 'q' });
    router.setAgentState('ana', 'available');
    const agent = router.getAgent('ana');
    expect(agent.load).toEqual({ voice: 1, chat: 3 });
    expect([...agent.callIds].sort()).toEqual(['chat0', 'chat1', 'chat2', 'v1']);
    expect(waitingIds(router, 'q')).toEqual(['chat3', 'chat4', 'v2']);
  });

  it('offers up to the chat capacity at once and the next chat as soon as one ends', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], capacity: { voice: 1, chat: 3 }, state: 'available' });
    const results = ids('chat', 5).map((id) => router.enqueue({ id, queue: 'q', channel: 'chat' }));
    expect(results.map((result) => result.status)).toEqual(['offered', 'offered', 'offered', 'waiting', 'waiting']);
    for (const id of ['chat0', 'chat1', 'chat2']) router.answer(id);
    expect(router.getAgent('ana')).toMatchObject({ state: 'busy', load: { chat: 3 } });
    expect(router.enqueue({ id: 'v1', queue: 'q' }).agentId).toBe('ana');
    expect(router.getAgent('ana')).toMatchObject({ state: 'offered', load: { voice: 1, chat: 3 } });
    router.complete('chat1');
    expect(router.getCall('chat3')).toMatchObject({ status: 'offered', agentId: 'ana' });
    expect(router.getCall('chat4').status).toBe('waiting');
  });

  it('spreads chats over agents by load', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'a', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
    router.addAgent({ id: 'b', queues: ['q'], capacity: { chat: 3 }, state: 'available' });
    const agents = ids('chat', 7).map((id) => router.enqueue({ id, queue: 'q', channel: 'chat' }).agentId);
    expect(agents).toEqual(['a', 'b', 'a', 'b', 'a', 'b', undefined]);
  });

  it('never offers a channel the agent has no capacity for', () => {
    const { router } = createRouter();
    router.addQueue({ id: 'q' });
    router.addAgent({ id: 'ana', queues: ['q'], capacity: { voice: 0, chat: 2 }, state: 'available' });
    router.addAgent({ id: 'bob', queues: ['q'], capacity: { chat: 1 }, state: 'available' });
    expect(router.enqueue({ id: 'v1', queue: 'q' }).status).toBe('waiting');
    expect(router.enqueue({ id: 'e1', queue: 'q', channel: 'email' }).status).toBe('waiting');
    expect(router.enqueue({ id: 'ch1', queue: 'q', channel: 'chat' }).status).toBe('offered');
  });
});
