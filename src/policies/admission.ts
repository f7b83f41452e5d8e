import type { CallRecord, QueueRecord } from '../engine/records.js';
import type { RouterCore } from '../engine/router-core.js';
import type { RefusalReason } from '../model/policies.js';
import type { WaitingBucket } from '../routing/waiting-bucket.js';
import { TimedMemory } from './timed-memory.js';

/** A call's place in line: what a caller who abandoned gets back on rejoining. */
interface Place {
  readonly lineMs: number;
  readonly seq: number;
}

/**
 * Queue admission: maximum length and join rules (a refusal is a result with a reason), and
 * rejoining after an abandon (FreeSWITCH's `abandoned-resume-allowed`): the caller's old place in
 * line is kept for the queue's `rejoinWindowMs`, by queue and `customerId`.
 */
export class Admission {
  readonly #core: RouterCore;
  readonly #abandoned = new TimedMemory<Place>();

  constructor(core: RouterCore) {
    this.#core = core;
  }

  /** Why `queue` would not take a call of `bucket` now, or `undefined` when it would. */
  refusal(queue: QueueRecord, bucket: WaitingBucket): RefusalReason | undefined {
    if (queue.waiting >= queue.maxLength) return 'queue-full';
    const table = this.#core.table;
    if (queue.joinRule === 'agents-logged-in' && !table.hasAgents(bucket, 'logged-in')) return 'no-agents';
    if (queue.joinRule === 'agents-available' && !table.hasAgents(bucket, 'available')) return 'no-agents';
    return undefined;
  }

  /** Gives a new call the place of the same customer's call abandoned in this queue within its rejoin window. */
  rejoin(call: CallRecord): boolean {
    if (call.queue.rejoinWindowMs === 0 || call.customerId === undefined) return false;
    const place = this.#abandoned.take(`${call.queue.id}\u0000${call.customerId}`, this.#core.now());
    if (place === undefined) return false;
    call.lineMs = place.lineMs;
    call.seq = place.seq;
    return true;
  }

  /** Remembers the place of an abandoned caller, for its queue's rejoin window. */
  rememberAbandon(call: CallRecord): void {
    const window = call.queue.rejoinWindowMs;
    if (window === 0 || call.customerId === undefined || call.kind !== 'inbound') return;
    const now = this.#core.now();
    const place: Place = { lineMs: call.lineMs, seq: call.seq };
    this.#abandoned.set(`${call.queue.id}\u0000${call.customerId}`, place, now, now + window);
  }
}
