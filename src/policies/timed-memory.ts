interface Entry<V> {
  readonly key: string;
  readonly value: V;
  readonly expiresAtMs: number;
}

/**
 * A map whose entries expire. Entries are also kept in a FIFO of their writes: every entry is set
 * at the current time, so expired ones are at the front and pruning stops at the first live one
 * (amortised O(1)). Memory holds the entries set within the longest expiry in use.
 *
 * The FIFO is an array with a head index, not the map's own iteration order: a `Map` keeps
 * deleted entries as holes until it rehashes, so walking it from the start on every prune crossed
 * thousands of holes per write (the top entry of the day-100 profile, statistics on).
 */
export class TimedMemory<V> {
  readonly #entries = new Map<string, Entry<V>>();
  /** Every entry written, oldest first; an entry no longer in `#entries` (replaced, taken) is stale. */
  #order: Entry<V>[] = [];
  #head = 0;

  /** Remembers `value` until `expiresAtMs` (replacing an earlier entry for the key). */
  set(key: string, value: V, nowMs: number, expiresAtMs: number): void {
    const entry: Entry<V> = { key, value, expiresAtMs };
    this.#entries.set(key, entry);
    this.#order.push(entry);
    this.#prune(nowMs);
  }

  /** The live value for a key, if any. */
  get(key: string, nowMs: number): V | undefined {
    const entry = this.#entries.get(key);
    return entry === undefined || entry.expiresAtMs < nowMs ? undefined : entry.value;
  }

  /** The live value for a key, forgotten as it is returned. */
  take(key: string, nowMs: number): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    return entry.expiresAtMs < nowMs ? undefined : entry.value;
  }

  /**
   * Forgets expired entries, oldest first, up to the first one not expired. (With expiries that
   * are not in write order, an entry not expired may hold back expired ones behind it until it
   * expires too: memory only, `get` checks the expiry.)
   */
  #prune(nowMs: number): void {
    const order = this.#order;
    const entries = this.#entries;
    let head = this.#head;
    while (head < order.length) {
      const entry = order[head] as Entry<V>;
      if (entry.expiresAtMs >= nowMs) break;
      // A stale entry's key may have a newer entry: only the entry itself is forgotten.
      if (entries.get(entry.key) === entry) entries.delete(entry.key);
      head++;
    }
    if (head > 1_024 && head * 2 > order.length) {
      this.#order = order.slice(head);
      head = 0;
    }
    this.#head = head;
  }
}
