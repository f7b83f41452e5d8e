interface Entry<V> {
  readonly key: string;
  readonly value: V;
  readonly expiresAtMs: number;
}

/**
 * A map whose entries expire. Writes go in a FIFO, oldest first: every entry is set at the
 * current time, so expired ones are at the front and pruning stops at the first one not expired
 * (amortised O(1)). Memory holds the entries set within the longest expiry in use.
 *
 * The key index (a `Map`) is brought up to date only when a key is looked up: a memory written on
 * every completed call and rarely read (surveys) then costs an array push per write, not a `Map`
 * insertion and deletion. Pruning walks the FIFO, not the map: a `Map` keeps deleted entries as
 * holes until it rehashes, and iterating it from the start crossed thousands of them per prune.
 */
export class TimedMemory<V> {
  /** Key → its latest write, for the writes before `#indexed`. */
  readonly #index = new Map<string, Entry<V>>();
  /** Every write not yet pruned is at `#head` or after it. */
  #order: Entry<V>[] = [];
  #head = 0;
  /** Writes before this position are in `#index`. */
  #indexed = 0;

  /** Remembers `value` until `expiresAtMs` (replacing an earlier entry for the key). */
  set(key: string, value: V, nowMs: number, expiresAtMs: number): void {
    this.#order.push({ key, value, expiresAtMs });
    this.#prune(nowMs);
  }

  /** The live value for a key, if any. */
  get(key: string, nowMs: number): V | undefined {
    const entry = this.#entry(key);
    return entry === undefined || entry.expiresAtMs < nowMs ? undefined : entry.value;
  }

  /** The live value for a key, forgotten as it is returned. */
  take(key: string, nowMs: number): V | undefined {
    const entry = this.#entry(key);
    if (entry === undefined) return undefined;
    this.#index.delete(key);
    return entry.expiresAtMs < nowMs ? undefined : entry.value;
  }

  #entry(key: string): Entry<V> | undefined {
    const order = this.#order;
    const index = this.#index;
    for (let i = this.#indexed; i < order.length; i++) {
      const entry = order[i] as Entry<V>;
      index.set(entry.key, entry);
    }
    this.#indexed = order.length;
    return index.get(key);
  }

  /**
   * Forgets expired writes, oldest first, up to the first one not expired. (With expiries that
   * are not in write order, a write not expired may hold back expired ones behind it until it
   * expires too: memory only, lookups check the expiry.)
   */
  #prune(nowMs: number): void {
    const order = this.#order;
    const index = this.#index;
    let head = this.#head;
    while (head < order.length) {
      const entry = order[head] as Entry<V>;
      if (entry.expiresAtMs >= nowMs) break;
      // Unless a later write of the key (or a take) replaced it in the index. A write not indexed
      // yet has nothing to forget: the key's older writes were ahead of it and went first.
      if (head < this.#indexed && index.get(entry.key) === entry) index.delete(entry.key);
      head++;
    }
    if (this.#indexed < head) this.#indexed = head;
    if (head > 1_024 && head * 2 > order.length) {
      this.#order = order.slice(head);
      this.#indexed -= head;
      head = 0;
    }
    this.#head = head;
  }
}
