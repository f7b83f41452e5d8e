import {
  CALL_ROUTER_EVENT_NAMES,
  CallRouter,
  SimulatedClock,
  type AgentSnapshot,
  type CallRouterEventName,
  type CallRouterEvents,
  type CallRouterOptions,
  type CallSnapshot,
  type QueueSnapshot,
} from '../../src/index.js';

/** A router driven by a simulated clock: time moves only when the test says so. */
export interface Harness {
  readonly clock: SimulatedClock;
  readonly router: CallRouter;
}

export function createRouter(options: Omit<CallRouterOptions, 'clock'> = {}, startMs = 0): Harness {
  const clock = new SimulatedClock(startMs);
  const router = new CallRouter({ ...options, clock });
  return { clock, router };
}

/** Every event name `CallRouter` emits. */
export const EVENT_NAMES = CALL_ROUTER_EVENT_NAMES;

/** One emitted event, tagged by name. */
export type RecordedEvent<K extends CallRouterEventName = CallRouterEventName> = {
  [P in K]: { readonly name: P; readonly payload: CallRouterEvents[P][0] };
}[K];

/** Subscribes to events (all by default) and returns the live list they are appended to, in emission order. */
export function recordEvents<K extends CallRouterEventName = CallRouterEventName>(
  router: CallRouter,
  names: readonly K[] = EVENT_NAMES as K[],
): Array<RecordedEvent<K>> {
  const events: Array<RecordedEvent<K>> = [];
  for (const name of names) {
    router.on(name, ((payload: unknown) => {
      events.push({ name, payload } as RecordedEvent<K>);
    }) as never);
  }
  return events;
}

/** The payloads of one kind of event, in order. */
export function eventsOf<K extends CallRouterEventName>(
  events: ReadonlyArray<RecordedEvent<CallRouterEventName>>,
  name: K,
): Array<CallRouterEvents[K][0]> {
  return events.filter((event) => event.name === name).map((event) => event.payload as CallRouterEvents[K][0]);
}

/** Records `callId->agentId` for every offer from now on. */
export function recordOffers(router: CallRouter): string[] {
  const offers: string[] = [];
  router.on('call:offered', ({ callId, agentId }) => offers.push(`${callId}->${agentId}`));
  return offers;
}

/** The agent's current offer (first call id it holds that is offered). */
export function offeredCallOf(router: CallRouter, agentId: string): string | undefined {
  return router.getAgent(agentId).callIds.find((callId) => router.getCall(callId).status === 'offered');
}

/** Answers and completes the agent's offers one after another until it is offered nothing; returns the call ids in order. */
export function serveAll(router: CallRouter, agentId: string, limit = 10_000): string[] {
  const served: string[] = [];
  for (let i = 0; i < limit; i++) {
    const callId = offeredCallOf(router, agentId);
    if (callId === undefined) return served;
    served.push(callId);
    router.answer(callId);
    router.complete(callId);
  }
  throw new Error(`serveAll: agent ${agentId} still has offers after ${limit} calls`);
}

/** Ids of the calls waiting in a queue, in service order. */
export function waitingIds(router: CallRouter, queueId: string): string[] {
  return router.waitingCalls(queueId).map((call) => call.id);
}

/** Everything the public API can read of a router, to compare before and after an operation. */
export interface RouterSnapshot {
  readonly nowMs: number;
  readonly pendingTimers: number;
  readonly queueIds: string[];
  readonly agentIds: string[];
  readonly queues: QueueSnapshot[];
  readonly agents: AgentSnapshot[];
  readonly waiting: Record<string, CallSnapshot[]>;
  readonly calls: CallSnapshot[];
}

export function snapshotRouter({ clock, router }: Harness): RouterSnapshot {
  const queueIds = router.queueIds();
  const agentIds = router.agentIds();
  const agents = agentIds.map((id) => router.getAgent(id));
  const waiting = Object.fromEntries(queueIds.map((id) => [id, router.waitingCalls(id)]));
  const callIds = new Set<string>();
  for (const calls of Object.values(waiting)) for (const call of calls) callIds.add(call.id);
  for (const agent of agents) for (const callId of agent.callIds) callIds.add(callId);
  return {
    nowMs: clock.now(),
    pendingTimers: clock.pendingTimers,
    queueIds,
    agentIds,
    queues: queueIds.map((id) => router.getQueue(id)),
    agents,
    waiting,
    calls: [...callIds].sort().map((id) => router.getCall(id)),
  };
}
