import { EventEmitter } from 'eventemitter3';
import type { CallRouterEventName, CallRouterEvents } from '../model/events.js';
import type { Logger } from '../model/logger.js';
import { EventBuffer } from './event-buffer.js';

/** A listener of one `CallRouter` event. */
type Listener<T extends CallRouterEventName> = EventEmitter.EventListener<CallRouterEvents, T>;

/**
 * eventemitter3 with the router's typed events, delivered through an {@link EventBuffer}: it knows
 * at every moment which events have listeners (so the hot path never builds a payload nobody
 * reads) and delivers buffered events once the router's state is consistent.
 */
export class RouterEmitter extends EventEmitter<CallRouterEvents> {
  /** @internal Where the engine puts its events; the router flushes it at the end of each operation. */
  protected readonly events: EventBuffer;

  constructor(logger: Logger) {
    super();
    this.events = new EventBuffer(this, logger);
  }

  // ---- listeners: tracked so the hot path never builds a payload nobody reads ------------------

  /** Adds a listener (eventemitter3's `on`). */
  override on<T extends CallRouterEventName>(event: T, fn: Listener<T>, context?: unknown): this {
    super.on(event, fn, context);
    this.events.listenersChanged();
    return this;
  }

  /** Same as {@link CallRouter.on}. */
  override addListener<T extends CallRouterEventName>(event: T, fn: Listener<T>, context?: unknown): this {
    return this.on(event, fn, context);
  }

  /** Adds a listener for the next event of that name only. */
  override once<T extends CallRouterEventName>(event: T, fn: Listener<T>, context?: unknown): this {
    super.once(event, fn, context);
    this.events.listenersChanged();
    return this;
  }

  /** Removes a listener (eventemitter3's `removeListener`). */
  override removeListener<T extends CallRouterEventName>(
    event: T,
    fn?: Listener<T>,
    context?: unknown,
    once?: boolean,
  ): this {
    super.removeListener(event, fn, context, once);
    this.events.listenersChanged();
    return this;
  }

  /** Same as {@link CallRouter.removeListener}. */
  override off<T extends CallRouterEventName>(event: T, fn?: Listener<T>, context?: unknown, once?: boolean): this {
    return this.removeListener(event, fn, context, once);
  }

  /** Removes every listener, or every listener of one event. */
  override removeAllListeners(event?: CallRouterEventName): this {
    super.removeAllListeners(event);
    this.events.listenersChanged();
    return this;
  }
}
