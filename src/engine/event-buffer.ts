import { EventEmitter } from 'eventemitter3';
import { CALL_ROUTER_EVENT_NAMES, type CallRouterEventName, type CallRouterEvents } from '../model/events.js';
import type { Logger } from '../model/logger.js';

/** Where the engine sends events; they are emitted once the state is consistent. */
export interface EventSink {
  /** Whether anyone listens, so payloads nobody reads are never built. */
  wants(name: CallRouterEventName): boolean;
  push<K extends CallRouterEventName>(name: K, payload: CallRouterEvents[K][0]): void;
  /** Delivers what was pushed (a no-op while already delivering: re-entrant calls append). */
  flush(): void;
}

/** A listener as eventemitter3 stores it. */
interface StoredListener {
  readonly fn: (...args: unknown[]) => void;
  readonly context: unknown;
  readonly once: boolean;
}

/** eventemitter3's listener store: `_events[prefix + name]`. */
interface ListenerStore {
  readonly _events: Record<string, StoredListener | StoredListener[] | undefined>;
}

const PREFIX = typeof EventEmitter.prefixed === 'string' ? EventEmitter.prefixed : '';
/** Store keys computed once: building `prefix + name` per event showed up in profiles. */
const STORE_KEYS = Object.fromEntries(CALL_ROUTER_EVENT_NAMES.map((name) => [name, PREFIX + name])) as Record<
  CallRouterEventName,
  string
>;

/**
 * Buffers the engine's events and delivers them in order after each operation. Each listener runs
 * in its own try/catch: one that throws neither reaches the caller nor keeps the event from the
 * listeners after it; it is logged and reported as `listener-error`. Re-entrant operations (a
 * listener calling back into the router) append to the same buffer, so events are never nested.
 *
 * Delivery mirrors eventemitter3's `emit` (context, `once`, listeners added during delivery get
 * the next event) by reading its listener store; a test pins that store's shape.
 */
export class EventBuffer implements EventSink {
  readonly #emitter: EventEmitter<CallRouterEvents>;
  readonly #logger: Logger;
  /**
   * Pending events as parallel arrays of names and payloads (no tuple per event), the first
   * `#pending` of them: the arrays keep their length between operations (setting an array's
   * `length` is a runtime call, and showed up in profiles).
   */
  readonly #names: CallRouterEventName[] = [];
  readonly #payloads: unknown[] = [];
  #pending = 0;
  #flushing = false;
  /** Which events have listeners; recomputed lazily after `listenersChanged`. */
  #listened: Record<CallRouterEventName, boolean> | undefined;
  /** Sees every lifecycle event as it is pushed (statistics, audit log), listeners or not. */
  #tap: ((name: CallRouterEventName, payload: unknown) => void) | undefined;

  constructor(emitter: EventEmitter<CallRouterEvents>, logger: Logger) {
    this.#emitter = emitter;
    this.#logger = logger;
  }

  /** Call whenever a listener is added or removed. */
  listenersChanged(): void {
    this.#listened = undefined;
  }

  /**
   * Gives every lifecycle event (not `listener-error`) to `tap` as it is pushed, whether anyone
   * listens or not: the statistics and the audit log are built from the events alone.
   */
  setTap(tap: (name: CallRouterEventName, payload: unknown) => void): void {
    this.#tap = tap;
    this.#listened = undefined;
  }

  wants(name: CallRouterEventName): boolean {
    return (this.#listened ??= this.#whoListens())[name];
  }

  push<K extends CallRouterEventName>(name: K, payload: CallRouterEvents[K][0]): void {
    if (this.#tap !== undefined && name !== 'listener-error') this.#tap(name, payload);
    this.#names[this.#pending] = name;
    this.#payloads[this.#pending++] = payload;
  }

  flush(): void {
    if (this.#flushing) return;
    this.#flushing = true;
    const names = this.#names;
    const payloads = this.#payloads;
    try {
      for (let i = 0; i < this.#pending; i++) this.#dispatch(names[i] as CallRouterEventName, payloads[i]);
    } finally {
      // Delivered payloads are not kept alive by the buffer.
      for (let i = 0; i < this.#pending; i++) payloads[i] = undefined;
      this.#pending = 0;
      this.#flushing = false;
    }
  }

  #dispatch(name: CallRouterEventName, payload: unknown): void {
    const found = this.#listenersOf(name);
    if (found === undefined) return;
    if (!Array.isArray(found)) {
      this.#invoke(name, found, payload);
      return;
    }
    // eventemitter3 appends to this array when a listener is added and replaces it when one is
    // removed: a listener added during dispatch gets the next event, not this one (as with emit).
    for (let i = 0, count = found.length; i < count; i++) this.#invoke(name, found[i] as StoredListener, payload);
  }

  #invoke(name: CallRouterEventName, listener: StoredListener, payload: unknown): void {
    if (listener.once) this.#emitter.removeListener(name, listener.fn as never, undefined, true);
    try {
      listener.fn.call(listener.context, payload);
    } catch (error) {
      this.#logger.error({ err: error, event: name }, 'acd-engine: an event listener threw');
      if (name !== 'listener-error' && this.wants('listener-error')) {
        this.push('listener-error', { event: name, error });
      }
    }
  }

  #listenersOf(name: CallRouterEventName): StoredListener | StoredListener[] | undefined {
    return (this.#emitter as unknown as ListenerStore)._events[STORE_KEYS[name]];
  }

  #whoListens(): Record<CallRouterEventName, boolean> {
    const listened = {} as Record<CallRouterEventName, boolean>;
    const tapped = this.#tap !== undefined;
    for (const name of CALL_ROUTER_EVENT_NAMES) {
      listened[name] = (tapped && name !== 'listener-error') || this.#listenersOf(name) !== undefined;
    }
    return listened;
  }
}
