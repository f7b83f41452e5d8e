/**
 * The system under test for the model-based tests: a `CallRouter` on a `SimulatedClock`, with a
 * listener on every event that records the payload and, inside the listener, reads the router's
 * view of the event's call and agent (to check events are emitted only after state is consistent).
 */
import {
  CALL_ROUTER_EVENT_NAMES,
  CallRouter,
  SimulatedClock,
  type CallRouterEventName,
  type CallRouterOptions,
} from '../../src/index.js';
import type { RecordedEvent } from './reference-model.js';

export const EVENT_NAMES = CALL_ROUTER_EVENT_NAMES;

export interface HarnessOptions {
  /** Add, before and after the recorder, a listener that throws on every event (listener-error included). */
  readonly throwingListener?: boolean;
}

export class Harness {
  readonly clock = new SimulatedClock();
  readonly router: CallRouter;
  /** Events of the command being checked, in emission order. */
  readonly events: RecordedEvent[] = [];
  readonly throwingListener: boolean;
  /** Errors the throwing listener threw, in order. */
  readonly thrown: Error[] = [];

  constructor(options: Omit<CallRouterOptions, 'clock'>, harness: HarnessOptions = {}) {
    this.router = new CallRouter({ ...options, clock: this.clock });
    this.throwingListener = harness.throwingListener ?? false;
    const router = this.router;
    const thrower = (name: CallRouterEventName) => (): never => {
      const error = new Error(`listener throws on ${name}`);
      this.thrown.push(error);
      throw error;
    };
    for (const name of EVENT_NAMES) {
      // A listener before the recorder that throws must not keep the event from it.
      if (this.throwingListener) router.on(name, thrower(name));
      router.on(name, (payload: any) => {
        if (name === 'listener-error') {
          this.events.push({ name, payload });
          return;
        }
        const callId: unknown = payload.callId;
        const agentId: unknown = payload.agentId;
        this.events.push({
          name,
          payload,
          call: typeof callId === 'string' ? (router.hasCall(callId) ? router.getCall(callId) : 'gone') : undefined,
          agent: typeof agentId === 'string' ? (router.hasAgent(agentId) ? router.getAgent(agentId) : 'gone') : undefined,
        });
      });
      if (this.throwingListener) router.on(name, thrower(name));
    }
  }

  /** Forgets the previous command's events. */
  beginOp(): void {
    this.events.length = 0;
    this.thrown.length = 0;
  }
}
